"""Per-block score bounds beside a segment's postings: what lets a query skip most of a common word.

Each term's postings are cut into blocks of BLOCK passages. Per block the segment keeps the last
passage id and the largest BM25 tf part in it, tf / (tf + k1·(1 - b + b·dl/A)), taken at the
segment's own average length A. At query time the corpus's average length A' differs (other
segments, deletions): a passage's tf part at A' is at most A'/A times its part at A when A' > A,
and at most its part at A otherwise, so `scale` turns the stored figure into a bound that always
holds. A block whose bound, plus every other term's, cannot reach the k-th best score is never read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

BLOCK = 128
"""Postings per block: small enough for tight bounds, large enough that bounds stay ~1% of postings."""
NAMES = ("blk_ptr", "blk_last", "blk_ub", "blk_params")
"""blk_ptr: each term's first block (n_terms + 1); blk_last: last passage id per block; blk_ub:
largest tf part per block (float32, rounded up); blk_params: [A, k1, b] the bounds were taken with."""
_CHUNK = 1 << 18
"""Postings per pass: the float temporaries stay ~12 MB beside a build that holds the whole index."""
_MARGIN = 1.0 + 1e-6
"""float32 storage rounds; the stored bound is lifted by far more than that rounding."""


def block_arrays(
    postings: Mapping[str, npt.NDArray[Any]], base_passage: int, k1: float, b: float
) -> dict[str, npt.NDArray[Any]]:
    """The block bounds of one segment's postings (indptr, indices, tf, doc_len), a chunk at a time."""
    indptr = np.asarray(postings["indptr"], dtype=np.int64)
    indices = postings["indices"]
    tf = postings["tf"]
    doc_len = np.asarray(postings["doc_len"])
    n_terms = indptr.shape[0] - 1
    counts = np.diff(indptr)
    per_term = (counts + BLOCK - 1) // BLOCK
    blk_ptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(per_term, out=blk_ptr[1:])
    n_blocks = int(blk_ptr[-1])
    # Where each block starts in the postings: a term's blocks are BLOCK apart from its first posting.
    term_of_block = np.repeat(np.arange(n_terms, dtype=np.int64), per_term)
    starts = (
        indptr[:-1][term_of_block]
        + (np.arange(n_blocks, dtype=np.int64) - blk_ptr[:-1][term_of_block]) * BLOCK
    )
    del term_of_block
    ends = np.empty(n_blocks, dtype=np.int64)
    ends[:-1] = starts[1:]
    if n_blocks:
        ends[-1] = indptr[-1]
    avgdl = float(doc_len.mean()) if doc_len.shape[0] else 1.0
    avgdl = avgdl if avgdl > 0 else 1.0
    last = np.asarray(indices)[ends - 1].astype(np.int32) if n_blocks else np.zeros(0, dtype=np.int32)
    ub = np.zeros(n_blocks, dtype=np.float64)
    lo_block = 0
    while lo_block < n_blocks:
        # Whole blocks per chunk, so each block's maximum is taken in one reduceat.
        hi_block = int(np.searchsorted(starts, starts[lo_block] + _CHUNK, side="right"))
        hi_block = max(hi_block, lo_block + 1)
        lo, hi = int(starts[lo_block]), int(ends[hi_block - 1])
        t = np.asarray(tf[lo:hi], dtype=np.float64)
        dl = doc_len[np.asarray(indices[lo:hi]) - base_passage].astype(np.float64)
        part = t / (t + k1 * (1.0 - b + b * dl / avgdl))
        ub[lo_block:hi_block] = np.maximum.reduceat(part, starts[lo_block:hi_block] - lo)
        lo_block = hi_block
    return {
        "blk_ptr": blk_ptr,
        "blk_last": last,
        "blk_ub": (ub * _MARGIN).astype(np.float32),
        "blk_params": np.array([avgdl, k1, b], dtype=np.float64),
    }


def scale(blk_params: npt.NDArray[np.float64], avgdl: float, k1: float, b: float) -> float | None:
    """Factor turning stored tf parts into bounds at the corpus's avgdl; None when taken with other k1, b."""
    stored_avgdl, stored_k1, stored_b = (float(x) for x in blk_params)
    if stored_k1 != k1 or stored_b != b or stored_avgdl <= 0:
        return None
    return max(1.0, avgdl / stored_avgdl) * _MARGIN
