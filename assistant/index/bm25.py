"""BM25 scoring exactly as `rank_bm25.BM25Okapi` defines it, over postings.

rank-bm25 scans every document for every query term; here a query term costs
only its postings. The formulas (k1, b, the epsilon floor for negative idf,
repeated query terms counted again) are BM25Okapi's, and a test holds the two
to 1e-9 on a real corpus. Note BM25Okapi's quirk: a term in exactly half the
documents gets idf 0 (log 1), and one in more than half gets the floor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Params:
    """BM25Okapi's parameters, with its defaults."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


def idf_vector(doc_freq: npt.NDArray[np.integer], n_docs: int, params: Params) -> FloatArray:
    """idf per term, BM25Okapi's way: log((N - df + .5) / (df + .5)), negatives floored at eps * mean."""
    df = doc_freq.astype(np.float64)
    idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    if idf.size:
        floor = params.epsilon * float(idf.mean())
        idf[idf < 0] = floor
    return idf


def term_weights(
    tf: npt.NDArray[np.number], doc_len: npt.NDArray[np.number], avgdl: float, idf: float, params: Params
) -> FloatArray:
    """One term's contribution to the score of each document in its postings."""
    return weights_with_norm(tf, length_norm(doc_len, avgdl, params), idf, params)


def length_norm(doc_len: npt.NDArray[np.number], avgdl: float, params: Params) -> FloatArray:
    """k1·(1 - b + b·dl/avgdl) per document (only for the documents being weighed: it depends on
    the corpus-wide avgdl, so it is never stored)."""
    return params.k1 * (1.0 - params.b + params.b * doc_len.astype(np.float64) / avgdl)


def weights_with_norm(
    tf: npt.NDArray[np.number], norm: npt.NDArray[np.float64], idf: float, params: Params
) -> FloatArray:
    """term_weights from each document's length_norm (the same numbers, element by element)."""
    tf64 = tf.astype(np.float64)
    return idf * (tf64 * (params.k1 + 1.0) / (tf64 + norm))
