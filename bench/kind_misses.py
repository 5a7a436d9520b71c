"""Questions that are not "what did X say" (number, date, duration, why, who, place, what): which
sentence comes first, and why not the answer's.

Asks every non-said answerable question of reuters-style question files (question, answer, newid,
kind), each file of its own corpus as bench/answer_quality.py writes it (its articles, then the first
Reuters documents up to --articles), as the product ranks them, and puts each miss in one bucket:

  refused          the product refuses
  no candidate     no candidate sentence holds the answer
  wrong article    the first quote is from another article
  class misread    right article; the question's wanted kinds do not hold its kind (a date asked
                   that wants no date, "In which city" that wants no place)
  kind unseen      right article; the answer's sentence does not offer the wanted kind
                   (answer_types.offered_types: "April 30", "within two weeks", "4.5 pct")
  neighbour words  right article; the sentence beside the answer's holds more of the question's
                   weight than the answer's own
  ranked below     right article; none of the above

A miss whose question and answer article meet only through the article's own acronym ("Securities
and Exchange Commission (SEC)": the question writes one form, the article the other) is marked
"acronym". For each miss it prints the first quote's and the answer's features where they differ
most, by their share of the learned logit (weight times standardised value), and the lift.

    nice python -m bench.kind_misses --questions FILE [FILE ...] [--split even] [--verbose]

A study, not the product's path; --split keeps one half (by newid) for study, the other for figures.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer.acronyms import acronym_pairs
from assistant.answer.answer_types import offered_types
from assistant.answer.features import FEATURES
from assistant.answer.query import parse_query
from assistant.answer.ranker import Logistic, load_model
from assistant.answer.settings import Steer
from assistant.engine import Engine
from assistant.index.tokens import terms

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import BENCH_ROOT, write_question_corpus
from _study_args import study_args

_WANTS: dict[str, set[str]] = {
    "number": {"number", "percent", "money"},
    "date": {"date"},
    "duration": {"duration"},
    "place": {"place"},
    "who": {"person"},
    "why": {"reason"},
}
"""The wanted kinds (answer_types.AnswerType) a question of each set's kind should want one of."""


def _flat(text: str) -> str:
    return " ".join(text.split())


def _contributions(rows: np.ndarray) -> np.ndarray:
    """Each feature's share of the learned logit per row (a logistic ranker; zeros otherwise)."""
    model = load_model().ranker
    if not isinstance(model, Logistic):
        return np.zeros_like(rows)
    return (rows - model.mean) / model.scale * model.weights


def _acronym_bridge(question: str, article_text: str) -> str | None:
    """The pair ("SEC = Securities and Exchange Commission") where the question writes one form of an
    acronym the article defines and not the other, or None."""
    q_terms = set(terms(question))
    for short, long in acronym_pairs(article_text):
        has_short = re.search(rf"\b{re.escape(short)}\b", question) is not None
        long_terms = set(terms(long))
        has_long = bool(long_terms) and long_terms <= q_terms
        if has_short != has_long:
            return f"{short} = {long}"
    return None


def study(engine: Engine, row: dict[str, Any], verbose: bool) -> tuple[str, bool]:
    """The question's bucket, and whether it meets its article through an acronym, printing why."""
    question, answer = row["question"], _flat(row["answer"])
    gold_id = f"{int(row['newid']):05d}.txt"
    query = parse_query(engine.index, question, Steer())
    shown = engine.ask(question, top=3)
    text = engine.article(gold_id).text
    acronym = _acronym_bridge(question, text)
    if shown.answered and answer in _flat(shown.quotes[0].text):
        return "first", acronym is not None
    rows, scored = engine._answerer.rank(query)
    ids = [engine.index.articles[s.cand.article]["id"] for s in scored]
    gold = next((i for i, s in enumerate(scored) if ids[i] == gold_id and answer in _flat(s.text)), None)
    wanted = set(query.wanted)
    if not shown.answered:
        bucket = "refused"
    elif gold is None:
        bucket = "no candidate"
    elif ids[0] != gold_id:
        bucket = "wrong article"
    elif row["kind"] in _WANTS and not wanted & _WANTS[row["kind"]]:
        bucket = "class misread"
    elif wanted and not wanted & offered_types(scored[gold].text, query.stated, query.wanted):
        bucket = "kind unseen"
    elif rows[gold, FEATURES.index("ncov")] > rows[gold, FEATURES.index("cov")] + 0.15:
        bucket = "neighbour words"
    else:
        bucket = "ranked below"
    mark = f" [acronym {acronym}]" if acronym else ""
    print(f"\n[{bucket}] ({row['kind']}; wants {sorted(wanted)}; class {query.info.kind}) {question}{mark}")
    print(f"   answer: {answer}")
    if scored:
        first = _flat(scored[0].text)[:200]
        print(f"   first  {ids[0]} p {scored[0].prob:.3f}: {first}")
    if gold is None or not scored:
        return bucket, acronym is not None
    g = _flat(scored[gold].text)[:200]
    print(f"   gold   rank {gold + 1} p {scored[gold].prob:.3f} learned {scored[gold].learned:.3f}: {g}")
    parts = _contributions(rows[[0, gold]])
    diff = parts[0] - parts[1]
    top = np.argsort(-np.abs(diff))[:6]
    print("   decided by (first - gold): " + ", ".join(f"{FEATURES[k]} {diff[k]:+.2f}" for k in top))
    if verbose:
        print("   first row: " + " ".join(f"{FEATURES[k]}={rows[0, k]:.2f}" for k in top))
        print("   gold row:  " + " ".join(f"{FEATURES[k]}={rows[gold, k]:.2f}" for k in top))
    return bucket, acronym is not None


def main() -> None:
    args = study_args(__doc__)
    counts: dict[str, Counter[str]] = {}
    for f in args.questions:
        rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line]
        folder = BENCH_ROOT / "kinds" / f.parent.name
        write_question_corpus(folder, {int(r["newid"]) for r in rows if r["newid"]}, args.articles)
        engine = Engine.open(folder)
        c = counts[f.parent.name] = Counter()
        print(f"\n== {f.parent.name}")
        for row in rows:
            if row["kind"] == "said" or row["answer"] is None:
                continue
            if args.split and (int(row["newid"]) % 2 == 0) != (args.split == "even"):
                continue
            bucket, acronym = study(engine, row, args.verbose)
            c[bucket] += 1
            c[f"{row['kind']} {'first' if bucket == 'first' else 'miss'}"] += 1
            if acronym:
                c[f"acronym ({'first' if bucket == 'first' else 'miss'})"] += 1
    print()
    for name, c in [*counts.items(), ("all", sum(counts.values(), Counter()))]:
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))


if __name__ == "__main__":
    main()
