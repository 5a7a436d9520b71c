"""BM25's statistics over a generation's live passages: global term ids, N, avgdl, df, idf.

Summed over the segments at open, minus what the deletion marks take away, so every score
is rank-bm25's BM25Okapi over the live corpus exactly, however the index is split.
"""

from __future__ import annotations

import bisect

import numpy as np
import numpy.typing as npt

from assistant.index import bm25
from assistant.index.generation import Stored


class CorpusStatistics:
    """Term ids, postings and BM25 statistics of one generation (built once per generation)."""

    def __init__(self, stored: Stored, params: bm25.Params) -> None:
        self.stored = stored
        self.params = params
        a = stored.arrays
        self._vocabulary(stored)
        self.n_passages = int(a["doc_len"].shape[0])
        total_len = sum(float(np.asarray(s.arrays["doc_len"]).sum()) for s in stored.segments)
        self._live: npt.NDArray[np.bool_] | None = None
        self.n_live = self.n_passages
        if stored.dead:
            self._live = ~np.isin(a["p_article"], np.array(sorted(stored.dead), dtype=np.int64))
            self.n_live = int(self._live.sum())
            total_len -= float(np.asarray(a["doc_len"])[~self._live].sum())
        self.avgdl = total_len / self.n_live if self.n_live else 1.0
        self._idf: npt.NDArray[np.float64] | None = None

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
