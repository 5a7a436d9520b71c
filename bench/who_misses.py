"""Questions asking for a person (the first kind `Query.wanted` names is "person": "who", "which
executive"): which come first, and for each miss the first quote and the answer's sentence with the
names each gives with a role (answer.titled.titled_names, what titled_prior reads).

Each question file is asked of its own corpus as bench/kind_misses.py writes it (its articles, then the
first Reuters documents up to --articles). The last lines count first answers and the top three by file
and newid half.

    nice python -m bench.who_misses --questions FILE [FILE ...] [--split even] [--verbose]

A study, not the product's path; --split keeps one half (by newid) for study, the other for figures.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.answer.query import parse_query
from assistant.answer.settings import Steer
from assistant.answer.titled import titled_names
from assistant.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import BENCH_ROOT, write_question_corpus
from _study_args import study_args


def _flat(text: str) -> str:
    return " ".join(text.split())


def study(engine: Engine, row: dict[str, Any], verbose: bool) -> tuple[bool, bool] | None:
    """(first, in the first three) for a question asking for a person, printing a miss; None for others."""
    question, answer = row["question"], _flat(row["answer"])
    query = parse_query(engine.index, question, Steer())
    if query.wanted[:1] != ("person",):
        return None
    shown = engine.ask(question, top=3)
    texts = [_flat(q.text) for q in shown.quotes] if shown.answered else []
    first, top3 = bool(texts) and answer in texts[0], any(answer in t for t in texts)
    if first and not verbose:
        return first, top3
    gold_id = f"{int(row['newid']):05d}.txt"
    _, scored = engine._answerer.rank(query)
    ids = [engine.index.articles[s.cand.article]["id"] for s in scored]
    gold = next((i for i, s in enumerate(scored) if ids[i] == gold_id and answer in _flat(s.text)), None)
    print(f"\n[{'first' if first else 'miss'}] ({row['kind']}; class {query.info.kind}) {question}")
    print(f"   answer: {answer}")
    if scored:
        print(f"   first  {ids[0]} p {scored[0].prob:.3f} titled {titled_names(scored[0].text)}")
        print(f"          {_flat(scored[0].text)[:200]}")
    if gold is not None:
        s = scored[gold]
        print(f"   gold   rank {gold + 1} p {s.prob:.3f} titled {titled_names(s.text)}")
        print(f"          {_flat(s.text)[:200]}")
    return first, top3


def main() -> None:
    args = study_args(__doc__)
    counts: Counter[str] = Counter()
    for f in args.questions:
        rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line]
        folder = BENCH_ROOT / "kinds" / f.parent.name
        write_question_corpus(folder, {int(r["newid"]) for r in rows if r["newid"]}, args.articles)
        engine = Engine.open(folder)
        for row in rows:
            if row["answer"] is None:
                continue
            half = "even" if int(row["newid"]) % 2 == 0 else "odd"
            if args.split and half != args.split:
                continue
            found = study(engine, row, args.verbose)
            if found is not None:
                key = f"{f.parent.name} {half}"
                counts[f"{key} n"] += 1
                counts[f"{key} first"] += found[0]
                counts[f"{key} top3"] += found[1]
    print()
    for key, value in sorted(counts.items()):
        print(f"{key} {value}")


if __name__ == "__main__":
    main()
