"""Statement questions ("what did X say about Y"): which of X's statements comes first, and why.

Asks every "said" question of reuters-style question files (question, answer, newid, kind) of one
corpus holding all their articles (with the first Reuters documents up to --articles, as
bench/answer_quality.py writes them), as the product ranks them, and puts each in one bucket:

  first            the answer sentence is the first quote
  refused          the product refuses
  wrong article    the first quote is from another article (or the answer is no candidate)
  X, other stmt    the first quote is X's (the speaker asked) other statement in the right article
  other speaker    the first quote is someone else's sentence, or nobody's, in the right article

For the two middle buckets of the right article it prints, for the first quote and for the answer,
the learned logit and each rule's logit (priors.py, said_*.py) and the lift after them: which
decided it. For "X, other stmt" it prints too what the answer shares with the question's topic
(exact, bridged, nothing), where the topic stands besides (the sentence before or after the answer,
the lead, the winner) and how the answer's sentence gives X (`where_topic`), and counts them at the
end. --verbose prints the two sentences and the paragraph before the answer.

    nice python -m bench.said_misses --questions FILE [FILE ...] [--split even] [--verbose]

A study, not the product's path; --split keeps one half (by newid) for study, the other for figures.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer.features import Scored
from assistant.answer.lexicon import bridged
from assistant.answer.lifts import lift_in_articles
from assistant.answer.priors import rule_prior, said_prior
from assistant.answer.query import Query, parse_query
from assistant.answer.ranker import load_model
from assistant.answer.said.antecedent import with_antecedents
from assistant.answer.said.description import description_prior
from assistant.answer.said.outlook import outlook_prior
from assistant.answer.said.paragraph import premise_prior
from assistant.answer.said.speaker import speaker_prior, statements_of
from assistant.answer.said.topic import story_topic, topic_gap_prior
from assistant.answer.settings import Steer
from assistant.answer.topic import topic_terms
from assistant.engine import Engine
from assistant.index.tokens import terms

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import BENCH_ROOT, article_text, reuters_docs
from _study_args import study_args

WHERE: Counter[str] = Counter()
"""Per `where_topic` answer, how many of the "X, other stmt" misses it is."""


def write_corpus(files: list[Path], n_articles: int) -> Path:
    """One folder with every article the question files ask about, then the first Reuters documents."""
    wanted = {
        int(r["newid"])
        for f in files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line and (r := json.loads(line))["newid"]
    }
    docs = reuters_docs()
    chosen = [d for d in docs if d.newid in wanted]
    chosen += [d for d in docs if d.newid not in wanted][: max(0, n_articles - len(chosen))]
    folder = BENCH_ROOT / "said" / "reuters"
    if folder.exists() and len(list(folder.glob("*.txt"))) == len(chosen):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for doc in chosen:
        (folder / f"{doc.newid:05d}.txt").write_text(article_text(doc), encoding="utf-8")
    return folder


def components(engine: Engine, query: Query) -> tuple[list[Scored], dict[str, np.ndarray]]:
    """The candidates and, per candidate, each logit the ranking adds (as Answerer.rank sums them)."""
    answerer = engine._answerer
    rows, scored = answerer.examine(query)
    if not scored:
        return scored, {}
    model = load_model().ranker
    said = with_antecedents(query, rows, scored, answerer.stories.story)
    arrays = engine.index.stored.arrays
    sentences = np.array([s.cand.sentence for s in scored], dtype=np.int64)
    starts, paragraphs = arrays["s_start"][sentences].tolist(), arrays["s_para"][sentences].tolist()
    parts = {
        "learned": model.logits(rows),
        "rule": rule_prior(query, said),
        "names": answerer.names_prior(query, scored),
        "said": said_prior(query, said, scored),
        "speaker": speaker_prior(query, said, scored),
        "descr": description_prior(query, said, scored, starts),
        "premise": premise_prior(query, said, scored, paragraphs),
        "outlook": outlook_prior(query, said, scored),
        "topicgap": topic_gap_prior(
            query, said, scored, answerer.stories.term_shares, starts, answerer.stories.head_terms
        ),
    }
    prior = np.sum([v for k, v in parts.items() if k != "learned"], axis=0)
    probs = model.probabilities(rows, prior=prior)
    lifted = lift_in_articles(query, probs, rows, scored)
    parts["final"] = lifted
    parts["theirs"] = statements_of(said, scored)
    theirs = (parts["theirs"] > 0).tolist()
    parts["story_topic"] = story_topic(
        query, scored, answerer.stories.term_shares, theirs, starts, answerer.stories.head_terms
    )
    parts["para"] = np.array(paragraphs)
    return scored, parts


def _flat(text: str) -> str:
    return " ".join(text.split())


def where_topic(engine: Engine, query: Query, scored: list[Scored], first: int, gold: int) -> str:
    """For an answer that lost to another statement of X's, what it shares with the question's
    "about Y" ("exact": a topic word as written, "bridged": only in words a bridge links, else
    "nothing") and where the topic stands besides ("lead": the answer is the story's first sentence;
    "before" / "after": the sentence next to it, not the winner, writes topic words it lacks;
    "more than the winner": it writes at least the topic weight the winner does; else "-"), and
    how the answer's sentence gives X (by a name the question writes, or as "he", "the agency")."""
    topic = topic_terms(query)
    winner, answer = scored[first], scored[gold]

    def weight(held: frozenset[str]) -> float:
        return sum(query.weights[t] for t in topic if t in held)

    links = {t: query.bridges.get(t, frozenset()) for t in topic}
    shares = "exact" if weight(answer.terms) > 0 else "bridged" if bridged(links, answer.terms) else "nothing"
    lo, held, _ = engine._answerer.stories.story(answer.cand.article)
    k = answer.cand.sentence - lo
    sides = [
        side + (" (the winner)" if j + lo == winner.cand.sentence else "")
        for side, j in (("before", k - 1), ("after", k + 1))
        if 0 <= j < len(held) and weight(held[j] - answer.terms) > 0
    ]
    if k == 0:
        sides.insert(0, "lead")
    if weight(answer.terms) >= weight(winner.terms) > 0:
        sides.append("more than the winner")
    who = answer.speaker.as_written if answer.speaker is not None else ""
    named = bool(set(terms(who)) & {t for n in query.names for t in terms(n)})
    return f"{shares}; {'+'.join(sides) or '-'}; X {'named' if named else 'as ' + repr(who or 'nobody')}"


def study(engine: Engine, row: dict[str, Any], verbose: bool) -> str:
    """The question's bucket, printing what decided it."""
    question, answer = row["question"], _flat(row["answer"])
    gold_id = f"{int(row['newid']):05d}.txt"
    query = parse_query(engine.index, question, Steer())
    shown = engine.ask(question, top=3)
    scored, parts = components(engine, query)
    order = sorted(range(len(scored)), key=lambda i: (-parts["final"][i], scored[i].cand.sentence))
    ids = [engine.index.articles[s.cand.article]["id"] for s in scored]
    gold = next((i for i in order if ids[i] == gold_id and answer in _flat(scored[i].text)), None)
    if not shown.answered:
        bucket = "refused"
    elif answer in _flat(shown.quotes[0].text):
        return "first"
    elif gold is None or ids[order[0]] != gold_id:
        bucket = "wrong article"
    elif parts["theirs"][order[0]] > 0:
        bucket = "X, other stmt"
    else:
        bucket = "other speaker"
    print(f"\n[{bucket}] {question}  (names {list(query.names)})")
    if gold is None or not scored:
        print("   answer is no candidate")
        return bucket
    if bucket == "X, other stmt":
        where = where_topic(engine, query, scored, order[0], gold)
        WHERE[where] += 1
        print(f"   topic: {where}")
    for tag, i in (("first", order[0]), ("answer", gold)):
        s = scored[i]
        vals = " ".join(f"{k} {parts[k][i]:+.2f}" for k in parts if k not in ("para",))
        who = s.speaker.name if s.speaker else None
        print(f"   {tag:6} rank {order.index(i) + 1} {ids[i]} p{parts['para'][i]} by {who}: {vals}")
        if verbose:
            print(f"          {_flat(s.text)[:300]}")
    if verbose:
        view = engine.article(gold_id)
        para = int(parts["para"][gold])
        before = [
            _flat(view.text[x.start : x.end]) for x in view.sentences if x.paragraph in (para - 1, para)
        ]
        print("   paragraph and the one before:", " | ".join(before)[:600])
    return bucket


def main() -> None:
    args = study_args(__doc__)
    engine = Engine.open(write_corpus(args.questions, args.articles))
    counts: dict[str, Counter[str]] = {}
    for f in args.questions:
        c = counts[f.parent.name] = Counter()
        for line in f.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line else None
            if not row or row["kind"] != "said" or row["answer"] is None:
                continue
            if args.split and (int(row["newid"]) % 2 == 0) != (args.split == "even"):
                continue
            c[study(engine, row, args.verbose)] += 1
    print()
    for name, c in counts.items():
        print(f"{name}: {sum(c.values())} said; " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    total = sum(counts.values(), Counter())
    print(f"all: {sum(total.values())} said; " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    fields = [k.split("; ") for k in WHERE.elements()]
    sides = Counter(w for f in fields for w in f[1].split("+"))
    counted = {
        "shares the topic": Counter(f[0] for f in fields),
        "the topic stands besides (a miss may count twice)": sides,
        "the answer's sentence gives X": Counter(f[2] if f[2] == "X named" else "otherwise" for f in fields),
    }
    for dimension, c in counted.items():
        print(f"X, other stmt, {dimension}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))


if __name__ == "__main__":
    main()
