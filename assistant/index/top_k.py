"""Exact top-k BM25 that spends little on common words: MaxScore with per-block bounds, in numpy.

One segment at a time, largest first; the k-th best score found so far carries over. In a segment:

1. Short postings (rare terms) are scored whole.
2. A first lower bound for the k-th best score: the full scores (every term looked up) of each
   rare term's best passages and of each long term's strongest block.
3. Long terms whose bounds together stay below it are non-essential: a passage holding only them
   cannot enter the top k. The other long terms are scored whole, except for blocks whose bound
   plus every other long term's cannot reach it; the sums go through a dense per-thread array.
4. The best partial sums, completed, lift the bound; passages whose sum plus what the open terms
   could add falls short are dropped (one vectorised filter).
5. Open terms, strongest first: each candidate's bound is its partial sum plus, per open term,
   the bound of the block it would sit in; those that fall short are dropped, the rest look the
   term up (binary search for a few, one pass over the postings against marks for many).

Every bound holds (block_bounds.py) and pruning keeps ties, so the survivors hold the exact top
k with their full scores, equal to the exhaustive sum's up to rounding (another summation order).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.block_bounds import BLOCK

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    FloatArray = npt.NDArray[np.float64]

CHEAP_SHARE = 64
"""A term whose postings are at most 1/CHEAP_SHARE of the segment's passages is scored whole."""
CHEAP_MIN = 4096
"""...and so is any term of at most CHEAP_MIN postings."""
MARK_SHARE = 16
"""Candidates looked up by marks, not binary search, once they exceed 1/MARK_SHARE of the postings."""
DENSE_SHARE = 16
"""Postings summed through a dense score array once they exceed 1/DENSE_SHARE of the segment."""
SEEDS_PER_K = 4
"""Best passages of each short term scored in full for the first lower bound, per result wanted."""
SEED_BLOCKS = 1
"""Strongest blocks of each long term scored in full for the first lower bound."""
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
    short = [_live_weights(t, segment, t.ids, t.tf) for t in terms if t.n <= cheap]
    long_terms = sorted((t for t in terms if t.n > cheap), key=lambda t: -t.ub)
    if not long_terms:
        return _accumulate(short, segment, -np.inf)
    theta = max(theta, _seed_bound(segment, terms, short, long_terms, k))
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
    scored = list(short)
    for i, t in enumerate(long_terms[:essential]):
        wanted = _blocks_worth_reading(long_terms, i, limit)
        read[i] = wanted
        positions = _block_positions(np.flatnonzero(wanted), t.n)
        scored.append(_live_weights(t, segment, t.ids[positions], t.tf[positions]))
    # Whatever a candidate may still gain: the long terms not read whole.
    open_ = [(long_terms[i], read[i]) for i in range(len(long_terms)) if _open(read[i])]
    gain = sum(t.ub for t, _ in open_)
    cand, part = _accumulate(scored, segment, limit - gain)
    lift = k * SEEDS_PER_K
    if open_ and cand.shape[0] > 2 * lift:
        # The best partial sums, completed, lift the k-th best before the many others are bounded.
        best = np.sort(np.argpartition(-part, lift - 1)[:lift])
        full = part[best]
        for t, got in open_:
            rows, block = _unread(t, got, cand[best])
            found, tf = _lookup(t, cand[best][rows], segment)
            full[rows[found]] += t.weigh(cand[best][rows[found]], tf)
        theta = max(theta, _kth(full, k))
        limit = theta - SLACK
        keep = part + gain >= limit
        cand, part = cand[keep], part[keep]
    # Each candidate's bound per open long term: its block's, or 0 where that block was read.
    reach = np.zeros((len(open_), cand.shape[0]), dtype=np.float64)
    for row, (t, got) in enumerate(open_):
        rows, block = _unread(t, got, cand)
        reach[row, rows] = t.bound[block]
    for row, (t, _) in enumerate(open_):
        keep = part + reach[row:].sum(axis=0) >= limit
        if not keep.all():
            cand, part, reach = cand[keep], part[keep], reach[:, keep]
        where = np.flatnonzero(reach[row] > 0)
        if not where.shape[0]:
            continue
        found, tf = _lookup(t, cand[where], segment)
        if found.shape[0]:
            at = where[found]
            part[at] += t.weigh(cand[at], tf)
            theta = max(theta, _kth(part, k))
            limit = theta - SLACK
    return cand, part


def _open(read: npt.NDArray[np.bool_] | None) -> bool:
    """A long term is still open unless every one of its blocks was read."""
    return read is None or not bool(read.all())


def _unread(t: TermView, read: npt.NDArray[np.bool_] | None, ids: IntArray) -> tuple[IntArray, IntArray]:
    """Which of `ids` fall in a block of t that was not read (their rows), and that block."""
    block = np.searchsorted(t.last, ids)
    inside = block < t.last.shape[0]
    if read is not None:
        inside[inside] = ~read[block[inside]]
    rows = np.flatnonzero(inside)
    return rows, block[rows]


def _blocks_worth_reading(long_terms: list[TermView], i: int, limit: float) -> npt.NDArray[np.bool_]:
    """Blocks of long term i where a passage holding no short term could still reach `limit`:
    the block's bound plus every other long term's bound.

    (Bounding the other terms by their own blocks over the same passages, a range maximum, was
    tried: at 1M passages it spared 3.5% of the blocks read and cost more than it saved.)
    """
    others = sum(u.ub for j, u in enumerate(long_terms) if j != i)
    return long_terms[i].bound + others >= limit


def _lookup(t: TermView, look: IntArray, segment: SegmentView) -> tuple[IntArray, npt.NDArray[Any]]:
    """Which of the (ascending) passages `look` hold the term (their positions), with its tf there.

    A few passages: binary search in the postings. Many (over 1/MARK_SHARE of the postings): the
    passages are marked in a per-thread array and the postings read once against the marks.
    """
    if look.shape[0] * MARK_SHARE <= t.n:
        pos = np.searchsorted(t.ids, look)
        pos[pos >= t.n] = t.n - 1
        hit = np.asarray(t.ids[pos]) == look
        return np.flatnonzero(hit), np.asarray(t.tf[pos[hit]])
    marks = _marks(segment.n_passages)
    local = _local(look, segment)
    try:
        marks[local] = np.arange(1, look.shape[0] + 1, dtype=np.int32)
        row = marks[_local(np.asarray(t.ids), segment)]
        hit = np.flatnonzero(row)
        return (row[hit] - 1).astype(np.int64), np.asarray(t.tf)[hit]
    finally:
        marks[local] = 0


def _seed_bound(
    segment: SegmentView,
    terms: list[TermView],
    short: list[tuple[IntArray, FloatArray]],
    long_terms: list[TermView],
    k: int,
) -> float:
    """The k-th best full score among a few likely passages: a lower bound for the segment's k-th.

    Likely: each short term's best-weighted passages, and each long term's strongest blocks.
    """
    wanted = k * SEEDS_PER_K
    seeds = [
        ids[np.argpartition(-w, wanted - 1)[:wanted]] if ids.shape[0] > wanted else ids for ids, w in short
    ]
    for t in long_terms:
        count = min(SEED_BLOCKS, t.bound.shape[0])
        strongest = np.argpartition(-t.bound, count - 1)[:count]
        seeds.append(_live_only(np.asarray(t.ids[_block_positions(np.sort(strongest), t.n)]), segment))
    ids = _sorted_unique(np.concatenate(seeds))
    if ids.shape[0] < k:
        return -np.inf
    score = np.zeros(ids.shape[0], dtype=np.float64)
    for t in terms:
        found, tf = _lookup(t, ids, segment)
        if found.shape[0]:
            score[found] += t.weigh(ids[found], tf)
    return _kth(score, k)


def _live_only(ids: npt.NDArray[Any], segment: SegmentView) -> IntArray:
    if segment.live is not None:
        ids = ids[segment.live[_local(ids, segment)]]
    return ids.astype(np.int64, copy=False)


def _live_weights(
    t: TermView, segment: SegmentView, ids: npt.NDArray[Any], tf: npt.NDArray[Any]
) -> tuple[IntArray, FloatArray]:
    ids, tf = np.asarray(ids), np.asarray(tf)
    if segment.live is not None:
        keep = segment.live[_local(ids, segment)]
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


def _accumulate(
    parts: Sequence[tuple[IntArray, FloatArray]], segment: SegmentView, floor: float
) -> tuple[IntArray, FloatArray]:
    """Sum weights by passage, keeping passages whose sum reaches `floor`.

    A sorted merge for a few postings; for many, a dense array over the segment (kept per thread
    and cleared after use, so no 8 MB is allocated and faulted in per question).
    """
    size = sum(ids.shape[0] for ids, _ in parts)
    if len(parts) < 2 or size * DENSE_SHARE < segment.n_passages:
        cand, part = _union(parts)
        keep = part >= floor
        return (cand, part) if keep.all() else (cand[keep], part[keep])
    dense = scratch(segment.n_passages)
    try:
        for ids, weights in parts:
            dense[_local(ids, segment)] += weights  # a term's postings hold each passage once
        cand = np.flatnonzero(dense >= floor) if floor > 0 else np.flatnonzero(dense)
        return (cand + segment.base if segment.base else cand), dense[cand]
    finally:
        for ids, _ in parts:
            dense[_local(ids, segment)] = 0.0


_SCRATCH = threading.local()


def _local(ids: npt.NDArray[Any], segment: SegmentView) -> npt.NDArray[Any]:
    """Passage ids as positions in the segment (no copy for the first segment)."""
    return ids - segment.base if segment.base else ids


def _marks(n: int) -> npt.NDArray[np.int32]:
    """A zeroed int32 array of n, this thread's own (callers clear what they mark)."""
    held: npt.NDArray[np.int32] | None = getattr(_SCRATCH, "marks", None)
    if held is None or held.shape[0] < n:
        held = np.zeros(n, dtype=np.int32)
        _SCRATCH.marks = held
    return held[:n]


def scratch(n: int) -> FloatArray:
    """A zeroed float array of n, this thread's own (the chat answers in a worker thread)."""
    held: FloatArray | None = getattr(_SCRATCH, "dense", None)
    if held is None or held.shape[0] < n:
        held = np.zeros(n, dtype=np.float64)
        _SCRATCH.dense = held
    return held[:n]


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


def _sorted_unique(ids: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """`np.unique(ids)` for integers, without its check for masked arrays, which imports numpy.ma
    (~15 ms) in the first question of every process."""
    if ids.shape[0] < 2:
        return ids.copy()
    ordered = np.sort(ids)
    keep = np.empty(ordered.shape[0], dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
