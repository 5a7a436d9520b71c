"""The persisted BM25 index of a corpus folder: open it, look things up, search.

Keeping it current with the folder is `updates`; reading files is `build`; storing
is `store`. Postings are stored term-major (CSC), so a query touches only its terms'
postings; scores are BM25Okapi's to the last bit that matters (see bm25.py).
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from assistant.corpus import too_broad
from assistant.errors import CorpusNotFound
from assistant.index import bm25, updates
from assistant.index.article_lookup import live_position, live_positions
from assistant.index.checked_files import StaleIndex
from assistant.index.generation import Stored, empty
from assistant.index.segment_stats import CorpusStatistics
from assistant.index.store import load
from assistant.index.updates import Changes
from assistant.index.version import DEFAULT_PASSAGE_TOKENS, index_fingerprint
from assistant.locations import index_dir

if TYPE_CHECKING:  # own_changes (add and remove) is imported when they call: a question never does
    import numpy.typing as npt

    from assistant.index.id_tables import IdTables
    from assistant.index.own_changes import Vouched
    from assistant.index.writers_lock import WritersLock

__all__ = ["Changes", "Index", "Progress"]

Progress = Callable[[str, int, int], None]
"""Called with (stage, done, total) while files are read (build.Progress)."""

_SEARCHES = 3
"""Searches of the id files (single ids, or a quote's copies together) a process makes before it
holds each segment's ids by hash (id_tables): a one-shot command never pays for the tables, a chat
or a batch stops re-reading ~460k id lines a question at 1M passages from its fourth on."""
_MANY_IDS = 256
"""Past this many ids asked at once, the tables are made at once (each id is one more search)."""


class ArticleBounds:
    """Where each article's passages (or sentences) start or end, found when asked.

    Rows are in article order, so one binary search finds an article's first or last row:
    opening an index no longer searches for every article of a large corpus up front.
    """

    def __init__(self, owner: Stored, column: str, side: Literal["left", "right"]) -> None:
        self._owner = owner
        self._column = column
        self._side: Literal["left", "right"] = side

    def __getitem__(self, article: int) -> int:
        column = self._owner.arrays[self._column]
        # The value in the column's own type: a Python int would make numpy cast (copy) the column.
        return int(column.searchsorted(column.dtype.type(article), side=self._side))

    def every(self, articles: int) -> npt.NDArray[np.int64]:
        """The bound of each of the first `articles` articles at once: one vectorised search for a
        whole list (the chat's), not one call per article."""
        column = self._owner.arrays[self._column]
        return column.searchsorted(np.arange(articles, dtype=column.dtype), side=self._side).astype(np.int64)


class Index:
    """An open index: the arrays of a stored generation, the vocabulary, and BM25 statistics."""

    def __init__(self, corpus_dir: Path, stored: Stored, passage_tokens: int, params: bm25.Params) -> None:
        self.corpus_dir = corpus_dir
        self.passage_tokens = passage_tokens
        self.params = params
        self.file_lock: WritersLock | None = None
        """The writers' lock, made when first needed (updates.writers_lock)."""
        self.walk_seen = updates.WalkSeen()
        self._id_tables: IdTables | None = None
        """Each stored segment's ids by hash, once this process has searched them a few times."""
        self._id_searches = 0
        self.set_stored(stored)

    def set_stored(self, stored: Stored) -> None:
        """Answer from this generation from now on (its statistics are summed once, here)."""
        self.stored = stored
        self.articles = stored.articles
        stats = CorpusStatistics(stored, self.params)
        self.statistics = stats
        self.terms = stats.terms
        self.n_passages = stats.n_passages
        """Passage rows, dead ones included: the bound of passage ids."""
        self.n_live = stats.n_live
        """Passages BM25 counts (N): rows minus the passages of removed articles."""
        self.avgdl = stats.avgdl
        if "terms" not in stored.info:
            stored.info["terms"] = len(stats.terms)
        self._avg_sentence_len: float | None = None
        self.pass_lo = ArticleBounds(stored, "p_article", "left")
        self.pass_hi = ArticleBounds(stored, "p_article", "right")
        self.sent_lo = ArticleBounds(stored, "s_article", "left")
        self.sent_hi = ArticleBounds(stored, "s_article", "right")

    @property
    def avg_sentence_len(self) -> float:
        """Mean sentence length in terms (a feature's scale), worked out on first use."""
        if self._avg_sentence_len is None:
            s_len = self.stored.arrays["s_len"]
            self._avg_sentence_len = float(s_len.mean()) if s_len.shape[0] else 1.0
        return self._avg_sentence_len

    # ---- opening and keeping current -------------------------------------------------

    @classmethod
    def open(
        cls,
        corpus_dir: Path,
        *,
        passage_tokens: int = DEFAULT_PASSAGE_TOKENS,
        params: bm25.Params | None = None,
        progress: Progress | None = None,
        trust_folders: bool = False,
        compact: bool = False,
    ) -> tuple[Index, Changes]:
        """Load the corpus's index and bring it up to date with the folder.

        `trust_folders=True` (a question) skips the walk over every file when the corpus folders
        have the times they had at the last full walk; see folder_stamps. `compact=True` (the
        full check, `assistant index`) then folds all segments into one.
        """
        if not corpus_dir.is_dir():
            raise CorpusNotFound(f"corpus folder not found: {corpus_dir}", missing=corpus_dir)
        broad = too_broad(corpus_dir)
        if broad is not None:
            raise CorpusNotFound(f"{corpus_dir} cannot be a corpus folder: {broad}")
        if not os.access(corpus_dir, os.R_OK | os.X_OK):
            # Not an empty corpus: an unlistable folder must not empty the index.
            raise CorpusNotFound(f"cannot read the corpus folder {corpus_dir}: permission denied")
        rebuilt: str | None = None
        try:
            stored = load(index_dir(corpus_dir), index_fingerprint(passage_tokens))
        except StaleIndex as exc:
            rebuilt = None if str(exc) == "no index yet" else str(exc)
            stored = empty()
        index = cls(corpus_dir, stored, passage_tokens, params or bm25.Params())
        try:
            changes = index.refresh(progress=progress, trust_folders=trust_folders)
        except StaleIndex as exc:
            # Damage in what only a walk reads (the files' sizes, times and hashes) shows here,
            # after the open: rebuilt as damage found at the open is.
            if not stored.segments:
                raise
            rebuilt = str(exc)
            index = cls(corpus_dir, empty(), passage_tokens, params or bm25.Params())
            changes = index.refresh(progress=progress, trust_folders=False)
        if rebuilt:
            changes = dataclasses.replace(changes, rebuilt=rebuilt)
        if compact and changes.unsaved is None:
            index.compact()
        return index, changes

    def compact(self) -> None:
        """Fold all segments into one and store it (the full check's merge); best effort."""
        updates.compact(self)

    def lock(self) -> WritersLock:
        """The writers' lock of this index (re-entrant: hold it around an add and its refresh)."""
        return updates.writers_lock(self)

    def needs_refresh(self) -> bool:
        """True when files were added, changed or removed since the index was made."""
        if not self.corpus_dir.is_dir():
            return False
        to_read, removed = updates.plan(self)
        return bool(to_read or removed)

    def follow_stored(self) -> bool:
        """Take up a generation another process (an `add`) stored since; True if there was one."""
        return updates.follow(self)

    def refresh(self, progress: Progress | None = None, *, trust_folders: bool = False) -> Changes:
        """Re-read only what changed on disk and store a new generation if anything did.

        With `trust_folders`, unchanged folder times (see folder_stamps) stand for a full walk.
        """
        return updates.refresh(self, progress, trust_folders=trust_folders)

    def before_writing(self) -> Vouched:
        """What vouches for this index just before `add` writes files (None: nothing; see updates)."""
        return updates.before_writing(self)

    def refresh_written(self, written: Sequence[str], before: Vouched) -> Changes:
        """Index files just written into the corpus folder; no walk when `before` still vouches."""
        from assistant.index import own_changes

        return own_changes.refresh_written(self, written, before)

    def refresh_removed(self, removed: str, before: Vouched) -> Changes:
        """Mark dead an article just deleted from the corpus folder; no walk when `before` still vouches."""
        from assistant.index import own_changes

        return own_changes.refresh_removed(self, removed, before)

    # ---- lookups ------------------------------------------------------------------------

    @property
    def live_articles(self) -> int:
        """Articles not marked removed: a removed one keeps its row (a tombstone) until a merge, so
        counting them needs no pass over the table's ids, which a large corpus would parse whole."""
        return len(self.articles) - len(self.stored.dead)

    @property
    def idf(self) -> npt.NDArray[np.float64]:
        """idf per term id (computed once per generation)."""
        return self.statistics.idf

    def df(self, tid: int) -> int:
        """Passages holding term `tid`."""
        return int(self.postings(tid)[0].shape[0])

    def term_id(self, term: str) -> int | None:
        """The id of a term in the vocabulary, or None if the corpus lacks it."""
        return self.statistics.term_id(term)

    def postings(self, tid: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16]]:
        """Live passage ids holding term `tid`, with the term's frequency in each."""
        return self.statistics.postings(tid)

    def article_with_body(self, body_sha256: str) -> str | None:
        """The id of an indexed article with this body fingerprint (no file is read)."""
        wanted = body_sha256.encode("ascii", errors="replace")
        segments = self.stored.segments
        if all(s.fingerprints is not None and s.fingerprints.shape[0] == len(s.articles) for s in segments):
            for segment in segments:
                for hit in np.flatnonzero(segment.fingerprints == wanted).tolist():
                    if segment.base_article + hit not in self.stored.dead:
                        return str(self.articles[segment.base_article + hit]["id"])
            return None
        column = self.articles.columns["body_sha256"]
        return next((self.articles.ids[i] for i, v in enumerate(column) if v == body_sha256), None)

    def article_index(self, aid: str) -> int | None:
        """Position of an article in the table, by id (from the stored ids: no row parsed)."""
        return live_position(self.stored, aid, self._held_ids(1))

    def article_indexes(self, ids: Iterable[str]) -> dict[str, int]:
        """Positions of several articles by id (ids not in the table are left out), their id
        files searched once for them all: the copies of a quote ("also in") at 1M passages cost
        a search each, not the map of every id (~1 s) that their number used to bring on."""
        wanted = set(ids)
        return live_positions(self.stored, wanted, self._held_ids(len(wanted)))

    def _held_ids(self, asked: int) -> IdTables | None:
        """The id tables once this process has searched the id files `_SEARCHES` times (or asks
        for many ids at once); None before: the files are searched for the few ids asked."""
        if self._id_tables is None:
            self._id_searches += 1
            if self._id_searches <= _SEARCHES and asked <= _MANY_IDS:
                return None
            from assistant.index.id_tables import IdTables

            self._id_tables = IdTables()
        self._id_tables.keep_only(segment.name for segment in self.stored.segments)
        return self._id_tables

    # ---- scoring ------------------------------------------------------------------------

    def scores(self, query_terms: Sequence[str]) -> npt.NDArray[np.float64]:
        """BM25Okapi.get_scores over every passage (dense); for checks and small corpora."""
        out = np.zeros(self.n_passages, dtype=np.float64)
        doc_len = self.stored.arrays["doc_len"]
        for term, count in Counter(query_terms).items():
            tid = self.term_id(term)
            if tid is None:
                continue
            ids, tf = self.postings(tid)
            idf = float(self.idf[tid])
            out[ids] += count * bm25.term_weights(tf, doc_len[ids], self.avgdl, idf, self.params)
        return out

    def top_passages(
        self,
        query_terms: Sequence[str],
        k: int,
        *,
        within: tuple[int, int] | None = None,
        allowed: npt.NDArray[np.bool_] | None = None,
    ) -> list[tuple[int, float]]:
        """The k best passages (id, score) by BM25, touching only the query terms' postings.

        `allowed` (a bool per passage id) keeps a scoped search to its passages; scores are
        still the whole corpus's BM25, so a passage scores the same in or out of a scope.
        """
        doc_len = self.stored.arrays["doc_len"]
        if within is None and allowed is None:
            pruned = self._maxscore(query_terms, k)
            if pruned is not None:
                return _best(*pruned, k)
        parts: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.float64]]] = []
        for term, count in Counter(query_terms).items():
            tid = self.term_id(term)
            if tid is None:
                continue
            ids, tf = self.postings(tid)
            if within is not None:
                lo, hi = np.searchsorted(ids, within)
                ids, tf = ids[lo:hi], tf[lo:hi]
            if allowed is not None:
                keep = allowed[ids]
                ids, tf = ids[keep], tf[keep]
            if ids.shape[0]:
                idf = float(self.idf[tid])
                parts.append((ids, count * bm25.term_weights(tf, doc_len[ids], self.avgdl, idf, self.params)))
        if not parts:
            return []
        cand, total = _accumulate(parts, self.n_passages)
        return _best(cand, total, k) or _most_terms(parts, k)

    def _maxscore(
        self, query_terms: Sequence[str], k: int
    ) -> tuple[npt.NDArray[Any], npt.NDArray[np.float64]] | None:
        """Exact top-k candidates, reading only the postings blocks that can matter (top_k)."""
        found = [
            (tid, count)
            for term, count in Counter(query_terms).items()
            if (tid := self.term_id(term)) is not None
        ]
        if not found or k < 1 or any(float(self.idf[tid]) <= 0 for tid, _ in found):
            return None  # idf <= 0 breaks the bounds
        from assistant.index.top_k import block_max_top

        return block_max_top(self.statistics.segment_views(found), k)


def _best(cand: npt.NDArray[Any], total: npt.NDArray[np.float64], k: int) -> list[tuple[int, float]]:
    """The k best (passage, score), best first, ties by passage id."""
    # A passage matching only terms of idf 0 is no match. (Scores can be negative: in a corpus
    # of one or two passages every idf is below zero, BM25Okapi's way.)
    matched = total != 0
    cand, total = cand[matched], total[matched]
    if not cand.shape[0]:
        return []
    # argpartition(-x, k-1), not argpartition(x, -k): numpy 2 is slow on mostly-zero vectors.
    best = np.argpartition(-total, k - 1)[:k] if cand.shape[0] > k else np.arange(cand.shape[0])
    order = best[np.lexsort((cand[best], -total[best]))]
    return [(int(cand[i]), float(total[i])) for i in order]


def _most_terms(
    parts: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.float64]]], k: int
) -> list[tuple[int, float]]:
    """When every passage holding a query term scores 0: the k holding the most of the terms, score 0.

    BM25Okapi gives idf 0 to a term in exactly half the passages, so in a corpus of two short
    articles every word only one of them uses weighs nothing, and a question quoting one of its
    sentences verbatim would find no passage at all. Scores are left as BM25 gives them.
    """
    held, counts = np.unique(np.concatenate([ids for ids, _ in parts]), return_counts=True)
    order = np.lexsort((held, -counts))[:k]
    return [(int(held[i]), 0.0) for i in order]


def _accumulate(
    parts: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.float64]]], n_passages: int
) -> tuple[npt.NDArray[Any], npt.NDArray[np.float64]]:
    """Sum per-term weights by passage: candidates and their scores.

    Long postings go through a dense score array (no sort); short ones through `unique`.
    """
    if len(parts) == 1:
        return parts[0]
    size = sum(ids.shape[0] for ids, _ in parts)
    if size * 8 < n_passages:
        cand, inverse = np.unique(np.concatenate([ids for ids, _ in parts]), return_inverse=True)
        weights = np.concatenate([w for _, w in parts])
        return cand, np.bincount(inverse, weights=weights, minlength=cand.shape[0]).astype(np.float64)
    from assistant.index.top_k import scratch

    dense = scratch(n_passages)  # this thread's, kept zeroed: no array of every passage per question
    try:
        for ids, weights in parts:
            dense[ids] += weights  # a term's postings hold each passage once
        cand = np.flatnonzero(dense)
        return cand, dense[cand]
    finally:
        for ids, _ in parts:
            dense[ids] = 0.0
