"""What the rule priors after the learned ranker cost or give on data they were never shaped on.

answerer.rank adds hand-made priors to the ranker's score (priors.rule_prior, said_prior,
speaker_prior, description_prior, premise_prior, the names prior) and lifts within articles
(lifts.lift_in_articles). They were shaped on Reuters dev sets; this study asks the SQuAD 8-article
sample and WikiQA dev twice in one run, once as shipped and once with every prior at zero and no
lift, so the ranker alone is measured beside the whole. A study, not a switch: the priors are
zeroed here by replacing the names answerer.py imports, which nothing outside this script does.

Measured at 916e743 (SQuAD hit@1 / WikiQA MAP): shipped 0.691 / 0.700; no priors 0.709 / 0.682;
no rule_prior 0.700 / 0.692; no said_prior or no speaker_prior 0.693 / 0.700; no lift 0.694 / 0.697;
description, premise and names priors change neither. On these sets the priors trade about 0.02
of SQuAD hit@1 for 0.02 of WikiQA MAP; what they give on the Reuters dev sets is not measured here.

    cd /tmp && ASSISTANT_BENCH_ROOT=/tmp/bench-x PYTHONPATH=REPO nice python REPO/bench/priors_study.py
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


GROUPS: tuple[str, ...] = (*_PRIORS, "names_prior", "lift_in_articles")


@contextmanager
def switched_off(names: tuple[str, ...]) -> Iterator[None]:
    """answerer.rank with the named priors at zero (and the lift left out, if named), put back after."""
    saved = {name: getattr(answerer, name) for name in names if name != "names_prior"}
    names_prior = answerer.Answerer.names_prior
    for name in names:
        if name == "names_prior":
            answerer.Answerer.names_prior = lambda self, query, scored: np.zeros(len(scored))  # type: ignore[method-assign]
        else:
            setattr(answerer, name, _no_lift if name == "lift_in_articles" else _zero)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(answerer, name, value)
        answerer.Answerer.names_prior = names_prior  # type: ignore[method-assign]


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
    parser.add_argument("--each", action="store_true", help="also each prior alone switched off")
    args = parser.parse_args()
    runs: dict[str, tuple[str, ...]] = {"shipped": (), "no priors": GROUPS}
    if args.each:
        runs.update({f"no {name}": (name,) for name in GROUPS})
    results: dict[str, dict[str, float]] = {}
    for label, names in runs.items():
        with switched_off(names):
            results[label] = measure(args.limit, not args.skip_wikiqa)
        print(label, results[label], file=sys.stderr, flush=True)
    keys = list(results["shipped"])
    print(f"{'run':24} " + " ".join(f"{k:>16}" for k in keys))
    for label, found in results.items():
        print(f"{label:24} " + " ".join(f"{found[k]:>16.3f}" for k in keys))


if __name__ == "__main__":
    main()
