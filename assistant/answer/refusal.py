"""Calibrated refusal: does the corpus answer this question at all?

Judged per question from its best candidates: the ranker's probability for the best sentence, how
much of the question the best-covered sentence and its neighbours match (exactly and bridged), and
the question's length and the share of its weight the corpus holds neither
exactly nor through a bridge. A small logistic model turns these into a probability that the corpus
answers; its threshold was chosen on development questions asked with and without their article.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query

GAP_CAP = 6.0
"""The most the best candidate's logit may lead the second's by, as the model reads it: about the 99th
percentile of squad-dev-train's answerable questions. A lone candidate (all others filtered out, as
`--speaker` does) has no second and a gap of ~16, far past anything trained on, where the linear
weight only extrapolates (it refused "ratings" asked of Moody's own statement)."""

REFUSAL_FEATURES: tuple[str, ...] = (
    "best_logit",
    "best_window",
    "best_cov",
    "best_allcov",
    "n_terms",
    "unreachable_share",
    "least_unmatched_rare",
    "logit_gap",
)


def refusal_row(query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]) -> npt.NDArray[np.float64]:
    """The question-level facts the refusal model reads."""
    probs = sorted((min(max(s.learned, 1e-6), 1 - 1e-6) for s in scored), reverse=True) or [1e-6]
    best = probs[0]
    second = probs[1] if len(probs) > 1 else 1e-6
    rare = rows[:, FEATURES.index("unmatched_rare")] if rows.shape[0] else np.ones(1)
    cov = rows[:, FEATURES.index("cov")] if rows.shape[0] else np.zeros(1)
    bcov = rows[:, FEATURES.index("bcov")] if rows.shape[0] else np.zeros(1)
    total = sum(query.weights[t] for t in query.own) or 1.0
    unknown = sum(query.weights[t] for t in query.own if t not in query.reachable) / total
    return np.array(
        [
            math.log(best / (1 - best)),
            max((s.window for s in scored), default=0.0),
            max((s.coverage + s.lacking for s in scored), default=0.0),
            float((cov + bcov).max()),
            math.log1p(len(query.own)),
            unknown,
            float(rare.min()),
            min(GAP_CAP, math.log(best / (1 - best)) - math.log(second / (1 - second))),
        ]
    )
