"""What the rule priors after the learned ranker cost or give on data they were never shaped on.

answerer.rank adds hand-made priors to the ranker's score (priors.rule_prior, said_prior,
speaker_prior, description_prior, premise_prior, the names prior) and lifts within articles
(lifts.lift_in_articles). They were shaped on Reuters dev sets; this study asks the SQuAD 8-article
sample and WikiQA dev twice in one run, once as shipped and once with every prior at zero and no
lift, so the ranker alone is measured beside the whole. A study, not a switch: the priors are
zeroed here by replacing the names answerer.py imports, which nothing outside this script does.

    cd /tmp && ASSISTANT_BENCH_ROOT=/tmp/bench-x PYTHONPATH=REPO nice python REPO/bench/priors_study.py
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import numpy as np
from answer_quality import run_squad  # bench/ is on sys.path when run as a script
from quality import run_wikiqa

import assistant.answer.answerer as answerer

_PRIORS = ("rule_prior", "said_prior", "speaker_prior", "description_prior", "premise_prior")


def _zero(*args: Any) -> Any:
    rows = args[1]
    return np.zeros(rows.shape[0])


def _no_lift(query: Any, probs: Any, rows: Any, scored: Any) -> Any:
    del query, rows, scored
    return probs


def without_priors() -> dict[str, Any]:
    """Replace the priors and the lift answerer.rank calls by nothing; returns what to put back."""
    saved = {name: getattr(answerer, name) for name in (*_PRIORS, "lift_in_articles")}
    saved["names_prior"] = answerer.Answerer.names_prior
    for name in _PRIORS:
        setattr(answerer, name, _zero)
    setattr(answerer, "lift_in_articles", _no_lift)  # noqa: B010 (a name the module imports)
    answerer.Answerer.names_prior = lambda self, query, scored: np.zeros(len(scored))  # type: ignore[method-assign]
    return saved


def measure(limit: int | None, wikiqa: bool) -> dict[str, float]:
    out: dict[str, float] = {}
    q = run_squad(limit)
    out["squad_hit1"] = q["ours"]["hit@1"]
    out["squad_hit3"] = q["ours"]["hit@3"]
    out["squad_bm25_hit1"] = q["rank_bm25"]["hit@1"]
    if wikiqa:
        s = run_wikiqa(None)["sentences_rank"]
        out["wikiqa_map"] = s["ours"]["MAP"]
        out["wikiqa_mrr"] = s["ours"]["MRR"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="at most N SQuAD questions (seeded sample)")
    parser.add_argument("--skip-wikiqa", action="store_true")
    args = parser.parse_args()
    shipped = measure(args.limit, not args.skip_wikiqa)
    saved = without_priors()
    bare = measure(args.limit, not args.skip_wikiqa)
    for name, value in saved.items():
        if name == "names_prior":
            answerer.Answerer.names_prior = value  # type: ignore[method-assign]
        else:
            setattr(answerer, name, value)
    print(f"{'measure':18} {'shipped':>8} {'no priors':>10}", file=sys.stdout)
    for key in shipped:
        print(f"{key:18} {shipped[key]:>8.3f} {bare[key]:>10.3f}")


if __name__ == "__main__":
    main()
