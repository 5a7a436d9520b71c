"""What reading a SQuAD question as "what did X say" costs where it asks no statement.

`statement_subject` takes a question for a statement question by its verb ("How did the rocks
compare", "What would the council like", "Who did Rollo sign the treaty with"): WordNet files
compare, like, sign with the verbs of communication or cognition. Over squad-dev-train (its
articles one open corpus, as bench/train_ranker.py asks them), every question read as a statement
only through `statement_subject` (no "say", "tell", "according" ...) is ranked twice, as read and
with `statement_subject` reading nothing, and the first sentence of each is checked against
SQuAD's answer span. Prints the counts and each question whose first sentence changes.

    nice python -m bench.said_squad [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import assistant.answer.question_class as question_class
from assistant.answer.query import Query, parse_query
from assistant.answer.settings import Steer
from assistant.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import BENCH_ROOT


def _first(engine: Engine, query: Query, gold: str, spans: list[tuple[int, int]]) -> tuple[bool, bool, str]:
    """Whether the first sentence overlaps a gold span, whether it is refused, and its text."""
    answerer = engine._answerer
    rows, ranked = answerer.rank(query)
    if not ranked:
        return False, True, ""
    a = engine.index.stored.arrays
    s = ranked[0]
    lo, hi = int(a["s_start"][s.cand.sentence]), int(a["s_end"][s.cand.sentence])
    hit = engine.index.articles[s.cand.article]["id"] == gold and any(lo < e and hi > b for b, e in spans)
    return hit, not answerer.answers(query, rows, ranked), s.text


def main() -> None:
    from bench.train_ranker import TRAIN_JSON, write_corpus

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    data = json.loads(TRAIN_JSON.read_text(encoding="utf-8"))["data"]
    folder = BENCH_ROOT / "said" / "squad"
    asked = write_corpus(folder, data, set(range(len(data))))
    engine = Engine.open(folder)
    reads = question_class.statement_subject
    c: Counter[str] = Counter()
    for question, gold, spans, _ in asked:
        query = parse_query(engine.index, question, Steer())
        if not query.info.asks_statement:
            continue
        c["read as a statement"] += 1
        hit, refused, text = _first(engine, query, gold, spans)
        question_class.statement_subject = lambda _text: None  # a study: the question read without it
        try:
            plain = parse_query(engine.index, question, Steer())
        finally:
            question_class.statement_subject = reads
        if plain.info.asks_statement:
            c["a statement without it too"] += 1
            continue
        hit0, refused0, text0 = _first(engine, plain, gold, spans)
        c["first, as read"] += hit and not refused
        c["first, read plain"] += hit0 and not refused0
        c["refused, as read"] += refused
        c["refused, read plain"] += refused0
        first, first0 = hit and not refused, hit0 and not refused0
        if first != first0 or refused != refused0:
            change = (
                ("better as said" if first else "worse as said")
                if first != first0
                else "refused one way only, a miss either way"
            )
            c[change] += 1
            print(f"[{change}] {question}")
            if args.verbose:
                print(f"    as said ({'refused' if refused else 'shown'}): {text[:150]}")
                print(f"    plain   ({'refused' if refused0 else 'shown'}): {text0[:150]}")
    print()
    for key, n in c.items():
        print(f"{key}: {n}")


if __name__ == "__main__":
    main()
