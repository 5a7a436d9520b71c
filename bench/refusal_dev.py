"""Refusal on the development question sets: what each rule refuses, and which fact of the shown
answer might tell the near misses still answered apart.

Asks every question of one or more reuters-style question files (reuters-paraphrased's shape:
question, answer, newid, kind) of a corpus of their articles and the first Reuters documents up to
2,225 (written under $ASSISTANT_BENCH_ROOT/refusal/, kept while the file's articles are the same),
as the product ranks and judges it (`Answerer.verdict`), and counts per file and over all of them
what each rule (assistant/answer/story_gaps.py, refusal.py) and the refusal models refuse:
unanswerable questions (a file's halves by line number; near misses, where the file marks them,
apart) against answerable ones (by newid parity, as answer_quality.py splits them; "first right"
when the first quote held the answer). A rule worth keeping refuses clearly more of the first, and
few of the second.

For each question the product answers it also reads facts of the quote to be shown:

  kind        the first kind of answer the question wants (money for "how much ... pay") is offered
              by the shown sentence (features' offers_*; a speaker's statement for "what did X say")
  pred_win    share (idf-weighted) of the question's own terms other than its names that the shown
              sentence and its neighbours hold, exactly or through a bridge (the predicate:
              "clinical trials", "plan", "begin")
  pred_art    the same over the shown sentence's whole article
  pred_away   a predicate term the article lacks is held by another candidate's article (the topic
              went one way, the names another: Astra's name here, another company's trial there)
  names_win   every name of the question (a run of capitals: "Brazil", "Ruben Mettler") has a word
              in the shown window or the article's head
  speaker     for "what did <person> say": some of the first ten candidates is that person's
              statement
  bound       some sentence of the first quote's story, with the sentences either side, holds a
              name the question gives (`Query.named`) and a term of what it asks (its other terms
              the corpus holds), exactly or through a bridge: the story relates the two somewhere
  kind_near   for a question wanting a date, place, person, sum or share first: some sentence of
              the story offers a kind the question wants and holds a term of what it asks

and tries each as a check after the product's decision (refuse when it fails; for the shares, below
0.5): how many of the unanswerable questions still answered it would refuse, and how many answerable
ones it would newly refuse.

    nice python -m bench.refusal_dev --questions ../devsets/reuters-refuse-dev/questions.jsonl \
        ../devsets/reuters-dev17/questions.jsonl ...   [--squad 3] [--json FILE]

`--squad N` also asks every Nth squad-dev-train question (the set the shipped models train on,
so no report set) twice, as train_refusal's kinds do: of a corpus of all its 16 articles
(answerable; first right when the first quote overlaps an answer span) and of a corpus of the
other half of them (off-topic, counted as unanswerable): what a rule costs where questions reuse
the article's words, and what it catches of questions on another article of one subject.

Reads the articles' text (a study, not the product's path). Figures of this session: bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.answer.answer_types import offered_types
from assistant.answer.features import FEATURES, Scored
from assistant.answer.lexicon import bridged
from assistant.answer.query import Query, parse_query
from assistant.answer.ranker import load_model
from assistant.answer.refusal import REFUSAL_FEATURES, refusal_row
from assistant.answer.settings import Steer
from assistant.engine import Engine
from assistant.index.tokens import terms

_OFFERS = {n[len("offers_") :]: i for i, n in enumerate(FEATURES) if n.startswith("offers_")}
_STATEMENT = FEATURES.index("statement_match")
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w&'’.-]*)*")
ARTICLES = 2225
"""Articles in each corpus, as bench/answer_quality.py asks its question files."""
FACTS = ("kind", "pred_win", "pred_art", "pred_away", "names_win", "speaker", "bound", "kind_near")
NEAR_KINDS = frozenset(("date", "place", "person", "money", "percent"))
"""Kinds whose place in the story `kind_near` reads: the answer stands beside what is asked."""


@dataclass(frozen=True, slots=True)
class Asked:
    """One question as the product judged it, and the facts of its shown quote."""

    question: str
    unanswerable: bool
    half: str
    """"even" or "odd": an unanswerable question's line number, an answerable one's newid."""
    hit: bool
    probability: float
    answered: bool
    decided: str
    """What decided: a rule of story_gaps.py or refusal.py by its name, "model", or "no candidate"."""
    facts: dict[str, float]
    near: bool = False
    """A near miss (reuters-refuse-dev's "near": the question names one article's company or person)."""


def _name_runs(question: str) -> list[list[str]]:
    """The question's runs of capitalised words past its first word, each as its terms."""
    out = []
    for match in _NAME_RUN.finditer(question):
        if match.start() == 0:
            continue
        run = [t for w in match.group(0).split() if w not in ("of", "and") for t in terms(w)]
        if run:
            out.append(run)
    return out


class Reader:
    """Sentence and article terms of one corpus, read from the article text (cached per article)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.answerer = engine._answerer
        self._sentences: dict[int, list[set[str]]] = {}

    def sentences(self, article: int) -> list[set[str]]:
        if article not in self._sentences:
            index = self.engine.index
            a = index.stored.arrays
            text = self.answerer.load_text(article)
            lo, hi = int(index.sent_lo[article]), int(index.sent_hi[article])
            self._sentences[article] = [
                set(terms(text[int(a["s_start"][s]) : int(a["s_end"][s])])) for s in range(lo, hi)
            ]
        return self._sentences[article]

    def window(self, s: Scored) -> set[str]:
        lo = int(self.engine.index.sent_lo[s.cand.article])
        k = s.cand.sentence - lo
        sents = self.sentences(s.cand.article)
        held = set(self.answerer.stories.head_terms(s.cand.article))
        for j in range(max(0, k - 1), min(len(sents), k + 2)):
            held |= sents[j]
        return held

    def article(self, article: int) -> set[str]:
        return set(self.answerer.stories.head_terms(article)).union(*self.sentences(article))

    def offers(self, query: Query, article: int) -> list[frozenset[str]]:
        """Per sentence of an article, the kinds of answer it offers the question (answer_types)."""
        texts = self.answerer.stories.ordered_texts(article)[1:]
        return [offered_types(t, query.stated, query.wanted) for t in texts]


def _share(query: Query, predicate: list[str], held: set[str]) -> tuple[float, list[str]]:
    """Weighted share of `predicate` held (exactly or bridged), and the terms missing."""
    if not predicate:
        return 1.0, []
    met = {t for t in predicate if t in held} | bridged(
        {t: query.bridges.get(t, frozenset()) for t in predicate}, frozenset(held)
    )
    total = sum(query.weights[t] for t in predicate)
    return sum(query.weights[t] for t in met) / total, [t for t in predicate if t not in met]


def _bound(query: Query, reader: Reader, article: int) -> float:
    """1.0 when some sentence of the article with the sentences either side holds a name of the
    question and a term of what it asks (exactly or bridged), or the question has no such pair."""
    named = [t for t in query.own if t in query.reachable and t in query.named]
    asked = [t for t in query.own if t in query.reachable and t not in query.named]
    if not named or not asked:
        return 1.0
    sents = [set(reader.answerer.stories.head_terms(article)), *reader.sentences(article)]
    for k in range(len(sents)):
        window = set().union(*sents[max(0, k - 1) : k + 2])
        if any(n in window for n in named) and _share(query, asked, window)[0] > 0:
            return 1.0
    return 0.0


def _kind_near(query: Query, reader: Reader, article: int) -> float:
    """1.0 unless the question wants one of NEAR_KINDS first and no sentence of the article offers
    a kind it wants while holding a term of what it asks (exactly or bridged)."""
    asked = [t for t in query.own if t in query.reachable and t not in query.named]
    if not query.wanted or query.wanted[0] not in NEAR_KINDS or not asked:
        return 1.0
    wanted = set(query.wanted)
    for offered, held in zip(reader.offers(query, article), reader.sentences(article), strict=False):
        if offered & wanted and _share(query, asked, held)[0] > 0:
            return 1.0
    return 0.0


def facts_of(
    reader: Reader, query: Query, rows: npt.NDArray[np.float64], ranked: list[Scored]
) -> dict[str, float]:
    """FACTS of the first quote (ranked best first, rows in the same order); 1.0 means present."""
    top = ranked[0]
    runs = _name_runs(query.question)
    name_terms = {t for run in runs for t in run}
    predicate = [t for t in query.own if t in query.reachable and t not in name_terms]
    window = reader.window(top)
    article = reader.article(top.cand.article)
    pred_win, _ = _share(query, predicate, window)
    pred_art, lacking = _share(query, predicate, article)
    elsewhere: set[str] = set()
    for s in ranked:
        if s.cand.article != top.cand.article:
            elsewhere |= s.terms
    away = [t for t in lacking if t in elsewhere or query.bridges.get(t, frozenset()) & elsewhere]
    wanted = [t for t in query.wanted if t in _OFFERS or t == "quote"]
    first = wanted[0] if wanted else None
    if first is None:
        kind = 1.0
    elif first == "quote":
        kind = float(rows[0][_STATEMENT] > 0 or rows[0][_OFFERS["quote"]] > 0)
    else:
        kind = float(rows[0][_OFFERS[first]] > 0)
    person = query.info.asks_statement and any(len(n.split()) >= 2 for n in query.info.names)
    speaker = 1.0 if not person else float(any(r[_STATEMENT] > 0 for r in rows[:10]))
    return {
        "kind": kind,
        "pred_win": pred_win,
        "pred_art": pred_art,
        "pred_away": float(not away),
        "names_win": float(all(set(run) & window for run in runs)),
        "speaker": speaker,
        "bound": _bound(query, reader, top.cand.article),
        "kind_near": _kind_near(query, reader, top.cand.article),
    }


def _half(row: dict[str, Any], line: int) -> str:
    """Which half a question is in: an unanswerable one by its line number (from 1), an answerable
    one by its newid, as answer_quality.py splits them."""
    number = line if row["answer"] is None or not row["newid"] else int(row["newid"])
    return "even" if number % 2 == 0 else "odd"


Hit = Callable[[Scored], bool]
"""Whether a question's first quote holds its answer."""


def judge(
    engine: Engine, reader: Reader, question: str, unanswerable: bool, half: str, hit: Hit, near: bool
) -> Asked:
    """One question judged as the product judges it (the rules of story_gaps.py and refusal.py,
    then the refusal model; the near-miss model is off by default), with the facts of its quote."""
    query = parse_query(engine.index, question, Steer())
    if not query.searched or all(tid is None for tid in query.ids.values()):
        return Asked(question, unanswerable, half, False, 0.0, False, "no candidate", {}, near)
    rows, ranked = engine._answerer.rank(query)
    if not ranked:
        return Asked(question, unanswerable, half, False, 0.0, False, "no candidate", {}, near)
    row = refusal_row(query, rows, ranked)[None, : len(REFUSAL_FEATURES)]
    p = float(load_model().refusal.probabilities(row)[0])
    facts = facts_of(reader, query, rows, ranked)
    answered, decided = engine._answerer.verdict(query, rows, ranked)
    return Asked(question, unanswerable, half, hit(ranked[0]), p, answered, decided, facts, near)


def ask_all(engine: Engine, rows_in: list[dict[str, Any]]) -> list[Asked]:
    """Every question of the file, judged as the product judges it (`judge`)."""
    reader = Reader(engine)
    out = []
    for line, r in enumerate(rows_in, start=1):
        answer = " ".join(r["answer"].split()) if r["answer"] is not None else None

        def hit(first: Scored, answer: str | None = answer) -> bool:
            return answer is not None and answer in " ".join(first.text.split())

        near = bool(r.get("near"))
        out.append(judge(engine, reader, r["question"], answer is None, _half(r, line), hit, near))
    return out


def ask_squad(step: int, folder: Path) -> tuple[list[Asked], list[Asked]]:
    """Every `step`-th squad-dev-train question asked of all its articles (answerable) and of the
    other half of them (off-topic; halves by article number, as train_refusal's off_topic kind),
    each judged as the product judges it; a question's half is its article number's parity."""
    from bench.train_ranker import write_corpus
    from bench.train_refusal import TRAIN_JSON

    data = json.loads(TRAIN_JSON.read_text(encoding="utf-8"))["data"]
    everything = set(range(len(data)))
    even = set(range(0, len(data), 2))
    asked = write_corpus(folder / "full", data, everything)[::step]
    engine = Engine.open(folder / "full")
    reader = Reader(engine)
    a = engine.index.stored.arrays
    answerable = []
    for question, gold, spans, number in asked:

        def hit(first: Scored, gold: str = gold, spans: list[tuple[int, int]] = spans) -> bool:
            s = first.cand.sentence
            start, end = int(a["s_start"][s]), int(a["s_end"][s])
            return engine.index.articles[first.cand.article]["id"] == gold and any(
                start < ge and end > gs for gs, ge in spans
            )

        half = "even" if number % 2 == 0 else "odd"
        answerable.append(judge(engine, reader, question, False, half, hit, False))
    off_topic = []
    for mine, other, tag in (
        (even, everything - even, "odd-articles"),
        (everything - even, even, "even-articles"),
    ):
        write_corpus(folder / tag, data, other)
        engine = Engine.open(folder / tag)
        reader = Reader(engine)
        for question, _, _, number in asked:
            if number in mine:
                half = "even" if number % 2 == 0 else "odd"
                off_topic.append(judge(engine, reader, question, True, half, lambda _: False, False))
    return answerable, off_topic


def _by_half(asked: list[Asked]) -> str:
    even = sum(a.half == "even" for a in asked)
    return f"{len(asked)} ({even} even, {len(asked) - even} odd)"


def report_rules(name: str, asked: list[Asked]) -> None:
    """Refused per decider: unanswerable against answerable, each by half."""
    un = [a for a in asked if a.unanswerable]
    ans = [a for a in asked if not a.unanswerable]
    print(
        f"{name}: unanswerable refused {_by_half([a for a in un if not a.answered])} of {len(un)};"
        f" answerable refused {_by_half([a for a in ans if not a.answered])} of {len(ans)}"
    )
    near = [a for a in un if a.near]
    if near:
        print(f"  near misses refused {_by_half([a for a in near if not a.answered])} of {len(near)}")
    for decided in sorted({a.decided for a in asked if not a.answered}):
        refused = [a for a in asked if not a.answered and a.decided == decided]
        lost = [a for a in refused if not a.unanswerable]
        print(
            f"  {decided:16s} unanswerable {_by_half([a for a in refused if a.unanswerable])},"
            f" answerable {_by_half(lost)} (first right {sum(a.hit for a in lost)})"
        )


def report(asked: list[Asked]) -> None:
    un = [a for a in asked if a.unanswerable]
    print("unanswerable questions the product answers, and their facts (1 present, 0 absent):")
    for a in un:
        if a.answered:
            shown = " ".join(f"{k}={a.facts[k]:.2f}" for k in FACTS)
            print(f"  p={a.probability:.2f} {shown} | {a.question[:80]}")
    print("each fact as a check after the product: unanswerable caught / answerable newly refused (of them")
    print("first quote right)")
    for name in FACTS:
        fails = [a for a in asked if a.answered and a.facts[name] < 0.5]
        caught = sum(a.unanswerable for a in fails)
        lost = [a for a in fails if not a.unanswerable]
        print(f"  {name:10s} {caught:3d} / {len(lost):3d} ({sum(a.hit for a in lost)})")


def corpus_for(rows_in: list[dict[str, Any]], folder: Path) -> Path:
    """The corpus of a question file, written unless the folder holds the same articles already."""
    from bench._corpora import write_question_corpus

    newids = {int(r["newid"]) for r in rows_in if r["newid"]}
    mark = folder / ".newids"
    wanted = " ".join(str(n) for n in sorted(newids))
    if not mark.exists() or mark.read_text(encoding="utf-8") != wanted:
        write_question_corpus(folder, newids, ARTICLES)
        mark.write_text(wanted, encoding="utf-8")
    return folder


def main() -> None:
    from bench._corpora import BENCH_ROOT

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=Path, nargs="+", required=True)
    parser.add_argument("--json", type=Path, help="write each question's decision and facts here")
    parser.add_argument(
        "--squad",
        type=int,
        metavar="N",
        help="also every Nth squad-dev-train question, answerable and off-topic",
    )
    args = parser.parse_args()
    everything: list[Asked] = []
    for path in args.questions:
        rows_in = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        folder = corpus_for(rows_in, BENCH_ROOT / "refusal" / path.parent.name)
        asked = ask_all(Engine.open(folder), rows_in)
        report_rules(path.parent.name, asked)
        everything += asked
    if len(args.questions) > 1:
        report_rules("all files", everything)
    squad: list[Asked] = []
    if args.squad:
        answerable, off_topic = ask_squad(args.squad, BENCH_ROOT / "refusal" / "squad-dev-train")
        report_rules("squad-dev-train answerable", answerable)
        report_rules("squad-dev-train off-topic", off_topic)
        squad = answerable + off_topic
    report(everything)
    if squad:
        print("squad-dev-train, each fact as a check after the product: off-topic caught / answerable")
        print("newly refused (of them first quote right)")
        for name in FACTS:
            fails = [a for a in squad if a.answered and a.facts[name] < 0.5]
            lost = [a for a in fails if not a.unanswerable]
            caught = sum(a.unanswerable for a in fails)
            print(f"  {name:10s} {caught:3d} / {len(lost):3d} ({sum(a.hit for a in lost)})")
    if args.json:
        dumped = [asdict(a) for a in everything + squad]
        args.json.write_text(json.dumps(dumped, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
