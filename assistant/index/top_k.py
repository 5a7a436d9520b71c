"""Exact top-k BM25 that reads only the blocks of common words' postings that can still matter.

Block-max MaxScore, vectorised with numpy, one segment at a time (largest first; the k-th best
score found so far carries over). In a segment:

1. Terms with short postings are scored whole: the candidates and their partial scores.
2. A lower bound for the k-th best score: a few likely passages (the best candidates, and each
   long term's strongest block) are scored in full by looking them up in every term.
3. Long terms whose bounds together stay below it are non-essential: a passage holding only them
   cannot enter the top k. Of each remaining long term, only the blocks whose bound plus every
   other long term's bound reaches it add candidates.
4. Long terms, strongest first: candidates whose score so far plus this term's block bound plus
   the later terms' bounds fall short are dropped; the rest look the term up (binary search).

Every bound holds (block_bounds.py), pruning keeps ties, so the survivors hold the exact top k
with their full scores; scores equal the exhaustive sum's to rounding (a different order).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.index.block_bounds import BLOCK

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
CHEAP_SHARE = 64
"""A term whose postings are at most 1/CHEAP_SHARE of the segment's passages is scored whole."""
CHEAP_MIN = 4096
SEEDS_PER_K = 4
"""Best candidates scored in full for the first lower bound, per result wanted."""
SLACK = 1e-9
"""Scores summed in another order differ by rounding: a bound within SLACK of the k-th best is kept."""


@dataclass(slots=True)
class TermView:
    """One query term's postings in one segment, with its per-block score bounds."""

    ids: npt.NDArray[Any]
    """Global passage ids, ascending."""
    tf: npt.NDArray[Any]
    last: npt.NDArray[Any]
    """The last passage id of each block."""
    bound: FloatArray
    """The most this term adds to any passage of each block (its query count included)."""
    weigh: Callable[[npt.NDArray[Any], npt.NDArray[Any]], FloatArray]
    """(ids, tf) -> this term's weights for those passages (query count included)."""

    ub: float = 0.0
    """The most this term adds to any passage (the largest block bound); set on creation."""

    def __post_init__(self) -> None:
        self.ub = float(self.bound.max()) if self.bound.shape[0] else 0.0

    @property
    def n(self) -> int:
        return int(self.ids.shape[0])


@dataclass(slots=True)
class SegmentView:
    """The query's terms in one segment; `live` (by position in the segment) drops removed passages."""

    terms: list[TermView]
    n_passages: int
    base: int
    live: npt.NDArray[np.bool_] | None


def block_max_top(segments: Sequence[SegmentView], k: int) -> tuple[IntArray, FloatArray]:
    """Candidates with their full scores: a superset of the exact top k (ties at the k-th kept)."""
    theta = -np.inf
    found_ids: list[IntArray] = []
    found_scores: list[FloatArray] = []
    for segment in sorted(segments, key=lambda s: -s.n_passages):
        ids, scores = _segment_top(segment, k, theta)
        found_ids.append(ids)
        found_scores.append(scores)
        theta = max(theta, _kth(np.concatenate(found_scores), k))
    if not found_ids:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    return np.concatenate(found_ids), np.concatenate(found_scores)


def _segment_top(segment: SegmentView, k: int, theta: float) -> tuple[IntArray, FloatArray]:
    terms = [t for t in segment.terms if t.n]
    cheap = max(CHEAP_MIN, segment.n_passages // CHEAP_SHARE)
    long_terms = sorted((t for t in terms if t.n > cheap), key=lambda t: -t.ub)
    cand, part = _union([_live_weights(t, segment, t.ids, t.tf) for t in terms if t.n <= cheap])
    if not long_terms:
        return cand, part
    theta = max(theta, _seed_bound(segment, terms, long_terms, cand, part, k))
    limit = theta - SLACK
    bounds = [t.ub for t in long_terms]
    # Non-essential: the weakest long terms whose bounds together stay under the k-th best.
    essential = len(long_terms)
    running = 0.0
    for i in range(len(long_terms) - 1, -1, -1):
        running += bounds[i]
        if running >= limit:
            break
        essential = i
    # Essential terms add the passages of their blocks that could still reach the top k, scored.
    read: list[npt.NDArray[np.bool_] | None] = [None] * len(long_terms)
    scored = [(cand, part)]
    for i, t in enumerate(long_terms[:essential]):
        # A passage of this block holding no short term scores at most the block's bound plus,
        # for each other long term, the best bound of its blocks over the same passage range.
        reach = t.bound.copy()
        first = np.concatenate([[segment.base], np.asarray(t.last[:-1]) + 1])
        for j, other in enumerate(long_terms):
            if j != i:
                reach += _range_max(other, first, t.last)
        wanted = reach >= limit
        read[i] = wanted
        positions = _block_positions(np.flatnonzero(wanted), t.n)
        scored.append(_live_weights(t, segment, t.ids[positions], t.tf[positions]))
    cand, part = _union(scored)
    # Each candidate's bound per long term: its block's, or 0 where that block was read whole.
    reach = np.zeros((len(long_terms), cand.shape[0]), dtype=np.float64)
    for i, t in enumerate(long_terms):
        block = np.searchsorted(t.last, cand)
        inside = block < t.last.shape[0]
        got = read[i]
        if got is not None:
            inside[inside] = ~got[block[inside]]
        reach[i, inside] = t.bound[block[inside]]
    for i, t in enumerate(long_terms):
        keep = part + reach[i:].sum(axis=0) >= limit
        if not keep.all():
            cand, part, reach = cand[keep], part[keep], reach[:, keep]
        where = np.flatnonzero(reach[i] > 0)
        if not where.shape[0]:
            continue
        found, tf = _lookup(t, cand[where])
        if found.shape[0]:
            at = where[found]
            part[at] += t.weigh(cand[at], tf)
            theta = max(theta, _kth(part, k))
            limit = theta - SLACK
    return cand, part


def _range_max(t: TermView, first: npt.NDArray[Any], last: npt.NDArray[Any]) -> FloatArray:
    """Per passage range [first, last]: the largest bound of t's blocks that overlap it (0: none)."""
    n = t.last.shape[0]
    lo = np.searchsorted(t.last, first)  # the first block whose last id reaches the range
    hi = np.minimum(np.searchsorted(t.last, last) + 1, n)  # one past the block holding `last`
    out = np.zeros(first.shape[0], dtype=np.float64)
    some = lo < hi
    if some.any():
        pairs = np.empty(2 * int(some.sum()), dtype=np.int64)
        pairs[0::2], pairs[1::2] = lo[some], hi[some]
        # reduceat over [lo, hi) pairs; the pairs between them (hi, next lo) are thrown away.
        out[some] = np.maximum.reduceat(np.append(t.bound, 0.0), pairs)[0::2]
    return out


def _lookup(t: TermView, look: IntArray) -> tuple[IntArray, npt.NDArray[Any]]:
    """Which of the (ascending) passages `look` hold the term (their positions), with its tf there."""
    if look.shape[0] <= t.n:
        pos = np.searchsorted(t.ids, look)
        pos[pos >= t.n] = t.n - 1
        hit = np.asarray(t.ids[pos]) == look
        return np.flatnonzero(hit), np.asarray(t.tf[pos[hit]])
    ids = np.asarray(t.ids)
    pos = np.searchsorted(look, ids)
    pos[pos >= look.shape[0]] = look.shape[0] - 1
    hit = look[pos] == ids
    return pos[hit], np.asarray(t.tf)[hit]


def _seed_bound(
    segment: SegmentView,
    terms: list[TermView],
    long_terms: list[TermView],
    cand: IntArray,
    part: FloatArray,
    k: int,
) -> float:
    """The k-th best full score among a few likely passages: a lower bound for the segment's k-th."""
    wanted = k * SEEDS_PER_K
    seeds = [cand[np.argpartition(-part, wanted - 1)[:wanted]] if cand.shape[0] > wanted else cand]
    for t in long_terms:
        strongest = np.argpartition(-t.bound, 0)[:1] if t.bound.shape[0] > 1 else np.arange(t.bound.shape[0])
        seeds.append(_live_only(np.asarray(t.ids[_block_positions(strongest, t.n)]), segment))
    ids = np.unique(np.concatenate(seeds))
    if ids.shape[0] < k:
        return -np.inf
    score = np.zeros(ids.shape[0], dtype=np.float64)
    for t in terms:
        pos = np.searchsorted(t.ids, ids)
        pos[pos >= t.n] = t.n - 1
        hit = np.asarray(t.ids[pos]) == ids
        if hit.any():
            score[hit] += t.weigh(ids[hit], np.asarray(t.tf[pos[hit]]))
    return _kth(score, k)


def _live_only(ids: npt.NDArray[Any], segment: SegmentView) -> IntArray:
    if segment.live is not None:
        ids = ids[segment.live[ids - segment.base]]
    return ids.astype(np.int64, copy=False)


def _live_weights(
    t: TermView, segment: SegmentView, ids: npt.NDArray[Any], tf: npt.NDArray[Any]
) -> tuple[IntArray, FloatArray]:
    ids, tf = np.asarray(ids), np.asarray(tf)
    if segment.live is not None:
        keep = segment.live[ids - segment.base]
        ids, tf = ids[keep], tf[keep]
    return ids.astype(np.int64, copy=False), t.weigh(ids, tf)


def _block_positions(blocks: npt.NDArray[Any], n: int) -> IntArray:
    """Positions in a term's postings of the given blocks (ascending)."""
    if not blocks.shape[0]:
        return np.zeros(0, dtype=np.int64)
    starts = blocks.astype(np.int64) * BLOCK
    sizes = np.minimum(starts + BLOCK, n) - starts
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    return offsets + np.arange(int(sizes.sum()), dtype=np.int64)


def _union(parts: Sequence[tuple[npt.NDArray[Any], FloatArray]]) -> tuple[IntArray, FloatArray]:
    """Sum weights by passage over several ascending id lists (each holding a passage once)."""
    parts = [p for p in parts if p[0].shape[0]]
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    if len(parts) == 1:
        return parts[0][0].astype(np.int64, copy=False), parts[0][1].astype(np.float64, copy=True)
    ids = np.concatenate([p[0] for p in parts]).astype(np.int64, copy=False)
    weights = np.concatenate([p[1] for p in parts])
    order = np.argsort(ids, kind="stable")  # runs already sorted: a merge, not a full sort
    ids, weights = ids[order], weights[order]
    first = np.flatnonzero(np.concatenate([[True], ids[1:] != ids[:-1]]))
    return ids[first], np.add.reduceat(weights, first).astype(np.float64, copy=False)


def _kth(scores: FloatArray, k: int) -> float:
    n = scores.shape[0]
    if n < k:
        return -np.inf
    return float(np.partition(scores, n - k)[n - k])
