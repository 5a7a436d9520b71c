"""Exact top-k BM25 without scoring every posting of common words (MaxScore).

A query term can add at most idf·(k1+1)·count to any passage's score (BM25's tf part stays
below k1+1). Terms are taken rarest first; once the k-th best weight of one term taken so far
beats the sum of the remaining terms' bounds, no passage outside these terms' postings can reach
the top k: the remaining (common) terms are only looked up for those candidates, by binary
search in their postings, instead of being scored over all of them (MaxScore). The top k is the exhaustive
search's (scores equal to rounding: terms are summed rarest first).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

Postings = tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16]]
Weigh = Callable[[int, npt.NDArray[Any], npt.NDArray[Any]], npt.NDArray[np.float64]]
Accumulate = Callable[
    [list[tuple[npt.NDArray[Any], npt.NDArray[np.float64]]]], tuple[npt.NDArray[Any], npt.NDArray[np.float64]]
]


def maxscore_top(
    terms: list[tuple[int, int, float]],
    postings: Callable[[int], Postings],
    weigh: Weigh,
    accumulate: Accumulate,
    bound: float,
    k: int,
) -> tuple[npt.NDArray[Any], npt.NDArray[np.float64]]:
    """Candidates and their full scores: a superset of the exact top k.

    `terms` are (term id, query count, idf), every idf > 0; `weigh(tid, ids, tf)` gives a term's
    weights; `accumulate` sums per-term (ids, weights) by passage; `bound` is k1 + 1. The k-th
    best score is at least the k-th best weight of any one term, which is what the prune uses.
    """
    order = sorted(terms, key=lambda t: (-t[2] * t[1], t[0]))
    bounds = [idf * count * bound for _, count, idf in order]
    rest = [sum(bounds[i + 1 :]) for i in range(len(order))]
    parts: list[tuple[npt.NDArray[Any], npt.NDArray[np.float64]]] = []
    threshold = 0.0
    for i, (tid, count, _) in enumerate(order):
        ids, tf = postings(tid)
        weights = count * weigh(tid, ids, tf)
        parts.append((ids, weights))
        n = weights.shape[0]
        if n >= k:
            threshold = max(threshold, float(np.partition(weights, n - k)[n - k]))
        if i + 1 < len(order) and rest[i] < threshold:
            cand, total = accumulate(parts)
            total = total.copy()
            for tid2, count2, _ in order[i + 1 :]:
                ids2, tf2 = postings(tid2)
                if not ids2.shape[0] or not cand.shape[0]:
                    continue
                pos = np.searchsorted(ids2, cand)
                pos[pos >= ids2.shape[0]] = 0
                hit = ids2[pos] == cand
                if hit.any():
                    found = pos[hit]
                    total[hit] += count2 * weigh(tid2, ids2[found], tf2[found])
            return cand, total
    return accumulate(parts)
