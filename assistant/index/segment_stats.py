"""BM25's statistics over a generation's live passages: global term ids, N, avgdl, df, idf.

Summed over the segments at open, minus what the deletion marks take away, so every score
is rank-bm25's BM25Okapi over the live corpus exactly, however the index is split.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index import bm25
from assistant.index.generation import Stored

if TYPE_CHECKING:  # the search's own modules: `add` and `remove` open an index but never search it
    import numpy.typing as npt

    from assistant.index.top_k import SegmentView, TermView


class CorpusStatistics:
    """Term ids, postings and BM25 statistics of one generation (built once per generation)."""

    def __init__(self, stored: Stored, params: bm25.Params) -> None:
        self.stored = stored
        self.params = params
        a = stored.arrays
        self._vocabulary(stored)
        self.n_passages = sum(s.n_passages for s in stored.segments)  # no column joined to count
        total_len = sum(float(np.asarray(s.arrays["doc_len"]).sum()) for s in stored.segments)
        self._live: npt.NDArray[np.bool_] | None = None
        self.n_live = self.n_passages
        if stored.dead:
            self._live, dead_len = _live_passages(a["p_article"], a["doc_len"], stored.dead, self.n_passages)
            self.n_live = int(self._live.sum())
            total_len -= dead_len
        self.avgdl = total_len / self.n_live if self.n_live else 1.0
        self._idf: npt.NDArray[np.float64] | None = None
        self._blocks: dict[int, Mapping[str, npt.NDArray[Any]]] = {}

    def _vocabulary(self, stored: Stored) -> None:
        """Global term ids: the first segment's own, then each later segment's new terms in turn.

        Later segments are small (the merge policy keeps them so): their terms are looked up
        one by one; the first segment's sorted vocabulary is used as it is.
        """
        first = stored.segments[0].terms
        self._first_terms = first
        self._extra: dict[str, int] = {}
        self._local: list[dict[int, int]] = []
        self._global: list[npt.NDArray[np.int64]] = [np.arange(len(first), dtype=np.int64)]
        for segment in stored.segments[1:]:
            to_local: dict[int, int] = {}
            for local, term in enumerate(segment.terms):
                i = bisect.bisect_left(first, term)
                if i < len(first) and first[i] == term:
                    gid = i
                else:
                    gid = self._extra.setdefault(term, len(first) + len(self._extra))
                to_local[gid] = local
            self._local.append(to_local)
            self._global.append(np.fromiter(to_local.keys(), dtype=np.int64, count=len(to_local)))
        self.terms = first if not self._extra else [*first, *self._extra]

    @property
    def idf(self) -> npt.NDArray[np.float64]:
        """idf per term id (computed once per generation)."""
        if self._idf is None:
            df = self.df_vector()
            present = df > 0  # rank-bm25's vocabulary: terms of live passages (its idf floor averages them)
            idf = np.zeros(df.shape[0], dtype=np.float64)
            idf[present] = bm25.idf_vector(df[present], self.n_live, self.params)
            self._idf = idf
        return self._idf

    def df_vector(self) -> npt.NDArray[np.int64]:
        """Passages holding each term (by global id), summed over the segments."""
        segments = self.stored.segments
        df = np.zeros(len(self.terms), dtype=np.int64)
        df[: len(self._first_terms)] = np.diff(np.asarray(segments[0].arrays["indptr"]))
        for segment, to_local in zip(segments[1:], self._local, strict=True):
            if to_local:
                gids = np.fromiter(to_local.keys(), dtype=np.int64, count=len(to_local))
                local = np.fromiter(to_local.values(), dtype=np.int64, count=len(to_local))
                indptr = np.asarray(segment.arrays["indptr"])
                df[gids] += indptr[local + 1] - indptr[local]
        for to_global, counts in zip(self._global, self.stored.dead_df, strict=True):
            if counts is not None:
                df[to_global[counts[0]]] -= counts[1]  # postings in passages of removed articles
        return df

    def term_id(self, term: str) -> int | None:
        """The id of a term in the vocabulary, or None if the corpus lacks it."""
        first = self._first_terms
        i = bisect.bisect_left(first, term)
        if i < len(first) and first[i] == term:
            return i
        return self._extra.get(term)

    def postings(self, tid: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16]]:
        """Passage ids holding term `tid`, with the term's frequency in each."""
        segments = self.stored.segments
        parts: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16]]] = []
        locals_ = [tid if tid < len(self._first_terms) else None, *(m.get(tid) for m in self._local)]
        for segment, local in zip(segments, locals_, strict=True):
            if local is None:
                continue
            a = segment.arrays
            lo, hi = int(a["indptr"][local]), int(a["indptr"][local + 1])
            ids, tf = a["indices"][lo:hi], a["tf"][lo:hi]
            if self._live is not None:
                keep = self._live[ids]  # passages of removed articles answer nothing
                ids, tf = ids[keep], tf[keep]
            parts.append((ids, tf))
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint16)
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def segment_views(self, found: list[tuple[int, int]]) -> list[SegmentView]:
        """The query's (term id, query count) pairs as postings views with block bounds, per segment."""
        from assistant.index.block_bounds import scale
        from assistant.index.top_k import SegmentView, TermView

        idf = self.idf
        params = self.params
        views: list[SegmentView] = []
        for k, segment in enumerate(self.stored.segments):
            a = segment.arrays
            indptr, indices, tf = a["indptr"], np.asarray(a["indices"]), np.asarray(a["tf"])
            blocks = self._segment_blocks(k)
            ptr = blocks["blk_ptr"]
            last, ub = np.asarray(blocks["blk_last"]), np.asarray(blocks["blk_ub"])
            factor = scale(np.asarray(blocks["blk_params"]), self.avgdl, params.k1, params.b)
            doc_len = a["doc_len"]  # memory-mapped: only the candidates' lengths are read
            base = segment.base_passage
            terms: list[TermView] = []
            for tid, count in found:
                local = self._local_id(k, tid)
                if local is None:
                    continue
                lo, hi = int(indptr[local]), int(indptr[local + 1])
                b_lo, b_hi = int(ptr[local]), int(ptr[local + 1])
                top = float(idf[tid]) * count * (params.k1 + 1.0)
                parts = (
                    ub[b_lo:b_hi].astype(np.float64) * factor if factor is not None else np.ones(b_hi - b_lo)
                )
                terms.append(
                    TermView(
                        indices[lo:hi],
                        tf[lo:hi],
                        last[b_lo:b_hi],
                        top * parts,
                        self._weigh(tid, count, doc_len, base),
                    )
                )
            live = None if self._live is None else self._live[base : base + segment.n_passages]
            views.append(SegmentView(terms, segment.n_passages, base, live))
        return views

    def _weigh(self, tid: int, count: int, doc_len: npt.NDArray[Any], base: int) -> Any:
        """A term's weigher. Each candidate's length norm is worked out when it is weighed, from its
        length alone: the same float operations as over a whole segment, element by element, so
        the same bits, without a first question paying for a norm of every passage (~1M)."""
        idf = float(self.idf[tid])
        avgdl, params = self.avgdl, self.params

        def weigh(ids: npt.NDArray[Any], tf: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
            lengths = doc_len[ids - base] if base else doc_len[ids]
            weights = bm25.term_weights(tf, lengths, avgdl, idf, params)
            return weights if count == 1 else count * weights

        return weigh

    def _local_id(self, k: int, tid: int) -> int | None:
        if k == 0:
            return tid if tid < len(self._first_terms) else None
        return self._local[k - 1].get(tid)

    def _segment_blocks(self, k: int) -> Mapping[str, npt.NDArray[Any]]:
        """A segment's block bounds: stored beside it, or taken once here when it is not stored yet."""
        segment = self.stored.segments[k]
        if segment.blocks is not None:
            return segment.blocks
        if k not in self._blocks:
            from assistant.index.block_bounds import block_arrays

            names = ("indptr", "indices", "tf", "doc_len")
            postings = {name: segment.arrays[name] for name in names}
            self._blocks[k] = block_arrays(postings, segment.base_passage, self.params.k1, self.params.b)
        return self._blocks[k]


FEW_DEAD = 4096
"""Removed articles whose passages are found by binary search; more, and one pass over the column."""


def _live_passages(
    p_article: Any, doc_len: Any, dead: frozenset[int] | set[int], n_passages: int
) -> tuple[npt.NDArray[np.bool_], float]:
    """Which passages are live, and the summed length of the dead ones.

    Passages are in article order, so a removed article's passages are one run found by two
    binary searches: opening an index with a few removals reads no column whole (a merged
    column of every passage used to be joined and scanned on every open). Lengths are integers,
    summed exactly in any order.
    """
    if len(dead) > FEW_DEAD:
        live = ~np.isin(p_article, np.array(sorted(dead), dtype=np.int64))
        return live, float(np.asarray(doc_len)[~live].sum())
    live = np.ones(n_passages, dtype=bool)
    dead_len = 0
    for article in sorted(dead):
        value = p_article.dtype.type(article)  # the column's own type: no cast (copy) of the column
        lo = int(np.searchsorted(p_article, value, side="left"))
        hi = int(np.searchsorted(p_article, value, side="right"))
        if hi > lo:
            live[lo:hi] = False
            dead_len += int(np.asarray(doc_len[lo:hi]).sum(dtype=np.int64))
    return live, float(dead_len)
