"""Why-questions: where the sentence stating the reason ranks, and why it is not first.

Asks every why-question of a reuters-style question file (question, answer, newid, kind "why") of the
corpus bench/answer_quality.py wrote for it, or every question of squad-dev-train that asks a reason
(its 16 articles as one open corpus, as bench/train_ranker.py asks them), as the product ranks them,
and puts each question in one bucket:

  first              the reason sentence is the first quote
  refused            the product refuses
  wrong article      the first quote is from another article (or the reason sentence is no candidate)
  cue, cue wins      the reason sentence has a reason cue (answer/reasons.py) and another cue sentence
                     of its article comes first
  cue, plain wins    it has a cue and a sentence without one comes first (the event restated)
  no cue             it has no cue: the reason is said some other way ("can be held liable", a quote,
                     "to concentrate resources"); the first quote's cue is given beside it

    nice python bench/answer_quality.py --skip-squad --skip-wikiqa --skip-offtopic --questions FILE
    nice python -m bench.why_misses --questions FILE [--corpus $ASSISTANT_BENCH_ROOT/answer/reuters]
    nice python -m bench.why_misses --squad-train      # writes $ASSISTANT_BENCH_ROOT/why/squad
    python -m bench.why_misses --kinds FILE [FILE ...]  # no corpus: the questions only

--kinds prints every question of the files and of squad-dev-train that asks why by "what" and a word
of causing ("What lay behind", "What factors", answer_types.cause_words), grouped by that word: where
a word reads causes and where it misreads a question ("What helped support the Command Module ...").

Reads the articles' text (a study, not the product's path). --split even|odd keeps one half (by
newid) for study; the other stays for figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.answer.answer_types import cause_words, stated, wanted_types
from assistant.answer.features import Scored
from assistant.answer.query import parse_query
from assistant.answer.question_class import analyse_question
from assistant.answer.reasons import asks_reason, states_reason
from assistant.answer.settings import Steer
from assistant.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import BENCH_ROOT


def _text(engine: Engine, s: Scored) -> str:
    a = engine.index.stored.arrays
    text = engine._answerer.load_text(s.cand.article)
    return text[int(a["s_start"][s.cand.sentence]) : int(a["s_end"][s.cand.sentence])]


def bucket(engine: Engine, question: str, gold_article: str, is_gold: Any) -> dict[str, Any]:
    """The question's bucket, with its first quote and the reason sentence (`is_gold(scored)`)."""
    answerer = engine._answerer
    query = parse_query(engine.index, question, Steer())
    answer = engine.ask(question, top=3)
    _, ranked = answerer.rank(query)
    gold = next((k for k, s in enumerate(ranked) if is_gold(s)), None)
    first = ranked[0] if ranked else None
    first_text = _text(engine, first) if first else ""
    gold_text = _text(engine, ranked[gold]) if gold is not None else ""
    same_article = first is not None and engine.index.articles[first.cand.article]["id"] == gold_article
    if not answer.answered:
        name = "refused"
    elif gold == 0:
        name = "first"
    elif gold is None or not same_article:
        name = "wrong article"
    elif states_reason(gold_text):
        name = "cue, cue wins" if states_reason(first_text) else "cue, plain wins"
    else:
        name = "no cue"
    return {
        "question": question,
        "asks_reason": asks_reason(query),
        "bucket": name,
        "reason_rank": gold,
        "first": first_text[:200],
        "first_cue": states_reason(first_text),
        "reason": gold_text[:200],
    }


def reuters(questions: Path, corpus: Path, split: str | None) -> list[dict[str, Any]]:
    """Buckets of a question file's why-questions (`split`: even or odd newids only)."""
    engine = Engine.open(corpus)
    out = []
    for line in questions.read_text(encoding="utf-8").splitlines():
        r = json.loads(line) if line.strip() else None
        if not r or r["kind"] != "why" or r["answer"] is None:
            continue
        if split and (int(r["newid"]) % 2 == 1) != (split == "odd"):
            continue
        wanted = " ".join(r["answer"].split())

        def is_gold(s: Scored, wanted: str = wanted, aid: str = f"{int(r['newid']):05d}.txt") -> bool:
            return engine.index.articles[s.cand.article]["id"] == aid and wanted in " ".join(
                _text(engine, s).split()
            )

        out.append(bucket(engine, r["question"], f"{int(r['newid']):05d}.txt", is_gold))
    return out


def squad_train() -> list[dict[str, Any]]:
    """Buckets of squad-dev-train's questions asking a reason, its articles one open corpus."""
    from bench.train_ranker import TRAIN_JSON, write_corpus

    data = json.loads(TRAIN_JSON.read_text(encoding="utf-8"))["data"]
    folder = BENCH_ROOT / "why" / "squad"
    asked = write_corpus(folder, data, set(range(len(data))))
    engine = Engine.open(folder)
    a = engine.index.stored.arrays
    out = []
    for question, gold, spans, _ in asked:
        if not asks_reason(parse_query(engine.index, question, Steer())):
            continue

        def is_gold(s: Scored, gold: str = gold, spans: list[tuple[int, int]] = spans) -> bool:
            lo, hi = int(a["s_start"][s.cand.sentence]), int(a["s_end"][s.cand.sentence])
            return engine.index.articles[s.cand.article]["id"] == gold and any(
                lo < e and hi > b for b, e in spans
            )

        out.append(bucket(engine, question, gold, is_gold))
    return out


def cause_readings(files: list[Path]) -> dict[str, list[str]]:
    """The questions of `files` and squad-dev-train read as why by a word of causing after "what", by
    the words that frame them ("lay behind", "factors")."""
    from bench.train_ranker import TRAIN_JSON

    questions = [json.loads(line)["question"] for f in files for line in f.read_text().splitlines() if line]
    data = json.loads(TRAIN_JSON.read_text(encoding="utf-8"))["data"]
    questions += [qa["question"] for art in data for p in art["paragraphs"] for qa in p["qas"]]
    by_word: dict[str, list[str]] = {}
    for question in questions:
        info = analyse_question(question)
        if info.kind == "what" and wanted_types(info, stated(question))[:1] == ("reason",):
            words = " ".join(sorted(cause_words(question.lower()))) or "(a noun read by WordNet)"
            by_word.setdefault(words, []).append(question)
    return by_word


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--corpus", type=Path, default=BENCH_ROOT / "answer" / "reuters")
    parser.add_argument("--split", choices=("even", "odd"))
    parser.add_argument("--squad-train", action="store_true")
    parser.add_argument("--show", action="store_true", help="print each question that is not first")
    parser.add_argument("--kinds", type=Path, nargs="+", help="question files: print the cause readings")
    args = parser.parse_args()
    if args.kinds:
        for words, asked in sorted(cause_readings(args.kinds).items(), key=lambda kv: -len(kv[1])):
            print(f"{words}: {len(asked)}")
            for question in asked:
                print(f"    {question.strip()}")
        return
    if args.squad_train:
        rows = squad_train()
    elif args.questions:
        rows = reuters(args.questions, args.corpus, args.split)
    else:
        parser.error("give --questions FILE or --squad-train")
    for row in rows:
        if args.show and row["bucket"] != "first":
            print(f"[{row['bucket']}] {row['question']}")
            print(f"    first (cue {row['first_cue']}): {row['first']}")
            print(f"    reason (rank {row['reason_rank']}): {row['reason']}")
    counts = Counter(row["bucket"] for row in rows)
    print(f"{len(rows)} why-questions: " + ", ".join(f"{name} {n}" for name, n in counts.most_common()))


if __name__ == "__main__":
    main()
