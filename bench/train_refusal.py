"""The refusal model of the shipped ranker file, trained after the ranker by `python -m bench.train_ranker`.

Answerable examples: each squad-dev-train question asked of the full corpus. Unanswerable: the same
questions asked of a corpus holding only the other half of the articles. A logistic model over
assistant.answer.refusal.REFUSAL_FEATURES; the threshold minimises refused answerable plus answered
unanswerable on this training data.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.answer.ranker import Logistic
from assistant.answer.refusal import REFUSAL_FEATURES, refusal_row


def refusal_rows(model: Logistic, items: list[dict[str, Any]]) -> npt.NDArray[np.float64]:
    out = []
    for it in items:
        if not it["scored"]:
            out.append(None)
            continue
        for s, p in zip(it["scored"], model.probabilities(it["rows"]), strict=True):
            s.learned = float(p)
        out.append(refusal_row(it["query"], it["rows"], it["scored"]))
    filler = np.zeros(len(REFUSAL_FEATURES))
    filler[0] = -14.0
    return np.array([r if r is not None else filler for r in out])


def train_refusal(
    ranker: Logistic, items: list[dict[str, Any]], off: list[dict[str, Any]]
) -> tuple[Logistic, float]:
    """The refusal model and its threshold, from answerable `items` and unanswerable `off`."""
    from bench.train_ranker import fit

    pos = refusal_rows(ranker, items)
    neg = refusal_rows(ranker, off)
    rx = np.vstack([pos, neg])
    ry = np.concatenate([np.ones(len(pos)), np.zeros(len(neg))])
    refusal = fit(rx, ry)
    pp, pn = refusal.probabilities(pos), refusal.probabilities(neg)
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    cost = [float(np.mean(pp < t) + np.mean(pn >= t)) for t in grid]
    threshold = float(grid[int(np.argmin(cost))])
    print(
        f"refusal: threshold {threshold:.2f}; answerable refused {np.mean(pp < threshold):.1%}, "
        f"unanswerable answered {np.mean(pn >= threshold):.1%} (training data)",
        file=sys.stderr,
    )
    return refusal, threshold
