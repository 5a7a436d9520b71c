"""The persisted BM25 index of a corpus folder: build, keep current, search.

On each open only files that were added, changed or removed are read again
(size and modification time first, then content hash). Postings are stored
term-major (CSC), so a query touches only its terms' postings; scores are
BM25Okapi's to the last bit that matters (see bm25.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
import numpy as np
import numpy.typing as npt

from assistant.corpus import walk
from assistant.errors import CorpusNotFound, IndexError_
from assistant.index import bm25, folder_stamps
from assistant.index.analysis import DEFAULT_PASSAGE_TOKENS, Batch, read_batch
from assistant.index.article_table import ArticleTable
from assistant.index.checked_files import StaleIndex
from assistant.index.merge import appended, combined, marked, merge
from assistant.index.segment_stats import CorpusStatistics
from assistant.index.store import Stored, current_generation, load, prepare_folder, save
from assistant.index.top_k import maxscore_top
from assistant.locations import index_dir
from assistant.safe_paths import too_broad
from assistant.speakers import RULES_VERSION as SPEAKER_RULES  # stored attributions follow the rules
from assistant.speakers import names_of

Progress = Callable[[str, int, int], None]
# Bump when tokenizing, parsing or passage packing changes: stored indexes are then rebuilt.
# parse-8: wrapped lines, Markdown, datelines, bounded sentences.
ANALYSIS_VERSION = "fold-stop-variants-snowball/parse-8"
BATCH_FILES = 256
"""Files read per batch (and per worker task)."""
PARALLEL_FILES = 400
"""From this many files to read, batches go to worker processes, one per core."""
MAX_SEGMENTS = 8
"""More segments than this after an addition: all but the first are folded into one."""


LOCK_WAIT_SECONDS = 600


class _WritersLock(filelock.FileLock):
    """The index lock; waiting too long (or a lock file that cannot be made) is an IndexError_."""

    def acquire(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().acquire(*args, **kwargs)
        except filelock.Timeout as exc:
            raise IndexError_(
                f"another process has held the index lock for {LOCK_WAIT_SECONDS} s; try again later"
            ) from exc
        except OSError as exc:
            raise IndexError_(f"cannot lock the index: {exc.strerror or exc}") from exc


@dataclass(frozen=True, slots=True)
class Changes:
    """What a refresh found on disk."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    """Files that are not readable articles, with the reason (new ones only)."""
    rebuilt: str | None = None
    """Why the whole index was rebuilt, if it was."""
    unsaved: str | None = None
    """Why the updated index could not be stored (it is used from memory this time)."""

    @property
    def any(self) -> bool:
        """True when the index content changed."""
        return bool(self.added or self.changed or self.removed)


def _empty() -> Stored:
    int32 = (
        "indices",
        "doc_len",
        "p_article",
        "p_sent_lo",
        "p_sent_hi",
        "s_article",
        "s_para",
        "s_tokens",
        "s_len",
    )
    arrays: dict[str, npt.NDArray[Any]] = {name: np.zeros(0, dtype=np.int32) for name in int32}
    arrays.update(
        s_start=np.zeros(0, dtype=np.int64),
        s_end=np.zeros(0, dtype=np.int64),
        tf=np.zeros(0, dtype=np.uint16),
        indptr=np.zeros(1, dtype=np.int64),
    )
    return Stored(arrays, [], ArticleTable(), [], {"articles": 0, "generation": 0})


class Index:
    """An open index: the arrays of a stored generation, the vocabulary, and BM25 statistics."""

    def __init__(self, corpus_dir: Path, stored: Stored, passage_tokens: int, params: bm25.Params) -> None:
        self.corpus_dir = corpus_dir
        self.passage_tokens = passage_tokens
        self.params = params
        self._file_lock: filelock.BaseFileLock | None = None
        self._walk_started_ns = 0
        self._walked_folders: dict[str, int] = {}
        self._positions: tuple[Stored, dict[str, int]] | None = None
        self._walked_root: frozenset[tuple[str, bool]] = frozenset()
        self._set(stored)

    def _set(self, stored: Stored) -> None:
        self.stored = stored
        a = stored.arrays
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
        s_len = a["s_len"]
        self.avg_sentence_len = float(s_len.mean()) if s_len.shape[0] else 1.0
        ids = np.arange(len(self.articles))
        self.pass_lo = np.searchsorted(a["p_article"], ids, side="left")
        self.pass_hi = np.searchsorted(a["p_article"], ids, side="right")
        self.sent_lo = np.searchsorted(a["s_article"], ids, side="left")
        self.sent_hi = np.searchsorted(a["s_article"], ids, side="right")

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
            raise CorpusNotFound(f"corpus folder not found: {corpus_dir}")
        broad = too_broad(corpus_dir)
        if broad is not None:
            raise CorpusNotFound(f"{corpus_dir} cannot be a corpus folder: {broad}")
        if not os.access(corpus_dir, os.R_OK | os.X_OK):
            # Not an empty corpus: an unlistable folder must not empty the index.
            raise CorpusNotFound(f"cannot read the corpus folder {corpus_dir}: permission denied")
        rebuilt: str | None = None
        try:
            stored = load(index_dir(corpus_dir), _fingerprint(passage_tokens))
        except StaleIndex as exc:
            rebuilt = None if str(exc) == "no index yet" else str(exc)
            stored = _empty()
        index = cls(corpus_dir, stored, passage_tokens, params or bm25.Params())
        changes = index.refresh(progress=progress, trust_folders=trust_folders)
        if rebuilt:
            changes = dataclasses.replace(changes, rebuilt=rebuilt)
        if compact and changes.unsaved is None:
            index.compact()
        return index, changes

    def compact(self) -> None:
        """Fold all segments into one and store it (the full check's merge); best effort."""
        if len(self.stored.segments) <= 1 and not self.stored.dead:
            return
        try:
            with self.lock():
                if self.stored.dead:
                    stored = merge(combined(self.stored), set(), [], {}, self.stored.skipped)
                else:
                    stored = combined(self.stored)
                stored.info["speaker_names"] = names_of(stored.speaker_tally())
                self._set(save(index_dir(self.corpus_dir), stored, _fingerprint(self.passage_tokens)))
        except IndexError_:
            pass  # a read-only index folder: the segments keep answering exactly

    def lock(self) -> filelock.BaseFileLock:
        """The writers' lock of this index (re-entrant: hold it around an add and its refresh)."""
        if self._file_lock is None:
            folder = index_dir(self.corpus_dir)
            try:
                prepare_folder(folder)
            except OSError as exc:
                raise IndexError_(f"cannot create the index folder {folder}: {exc.strerror or exc}") from exc
            self._file_lock = _WritersLock(str(folder / "lock"), timeout=LOCK_WAIT_SECONDS)
        return self._file_lock

    def _plan(self) -> tuple[list[str], set[str]]:
        """Files to read again (new or with another size or time) and ids no longer on disk."""
        ids, stats, _ = self.stored.file_keys()  # no article row parsed
        known = {
            aid: (size, mtime)
            for aid, (size, mtime) in zip(ids, stats.tolist(), strict=True)
            if aid  # a removed article's row reads as id "" until a merge drops it
        }
        known.update({s["id"]: (s["size"], s["mtime_ns"]) for s in self.stored.skipped})
        self._walk_started_ns = folder_stamps.now_ns()
        self._walked_folders = {}
        found = walk(self.corpus_dir, self._walked_folders)
        self._walked_root = folder_stamps.top_entries(found, self._walked_folders)
        to_read = sorted(aid for aid, stat in found.items() if known.get(aid) != stat)
        # A file skipped because it could not be opened is read again once it can be (permissions
        # fixed: same size and time, so the stat check alone would never notice).
        retry = [
            s["id"]
            for s in self.stored.skipped
            if str(s.get("why", "")).startswith("cannot read")
            and s["id"] in found
            and os.access(self.corpus_dir / s["id"], os.R_OK)
        ]
        if retry:
            to_read = sorted(set(to_read) | set(retry))
        return to_read, set(known) - set(found)

    def needs_refresh(self) -> bool:
        """True when files were added, changed or removed since the index was made."""
        if not self.corpus_dir.is_dir():
            return False
        to_read, removed = self._plan()
        return bool(to_read or removed)

    def _folders_unchanged(self) -> bool:
        """The folders look as they did when this generation was last found current."""
        origin = self.stored.origin
        unreadable = any(str(s.get("why", "")).startswith("cannot read") for s in self.stored.skipped)
        if origin is None or unreadable:
            return False  # a file unreadable then may be readable now without any folder changing
        return folder_stamps.unchanged(self.corpus_dir, index_dir(self.corpus_dir), origin.name)

    def _remember_folders(self) -> None:
        """After a full walk found the index current: keep the folder times for later questions."""
        origin = self.stored.origin
        if origin is not None and origin.parent == index_dir(self.corpus_dir):
            folder_stamps.record(
                origin.parent,
                origin.name,
                self._walked_folders,
                self._walk_started_ns,
                root=(self.corpus_dir, self._walked_root),
            )

    def refresh(self, progress: Progress | None = None, *, trust_folders: bool = False) -> Changes:
        """Re-read only what changed on disk and store a new generation if anything did.

        With `trust_folders`, unchanged folder times (see folder_stamps) stand for a full walk.
        """
        if not self.corpus_dir.is_dir():
            raise CorpusNotFound(f"corpus folder not found: {self.corpus_dir}")
        if trust_folders and self._folders_unchanged():
            return Changes()
        to_read, removed = self._plan()
        if not to_read and not removed:
            self._remember_folders()
            return Changes()
        try:
            lock = self.lock()
            lock.acquire()
        except IndexError_ as exc:
            # No lock to be had (a read-only or full index folder): nothing can be stored anyway;
            # answer from the up-to-date index in memory and say so once.
            changes, stored = self._apply(to_read, removed, progress)
            self._set(stored)
            return dataclasses.replace(changes, unsaved=exc.message)
        try:
            # Another process may have brought the index up to date while we waited.
            folder = index_dir(self.corpus_dir)
            ours = self.stored.origin.name if self.stored.origin is not None else None
            if current_generation(folder) not in (None, ours):
                try:
                    self._set(load(folder, _fingerprint(self.passage_tokens)))
                    to_read, removed = self._plan()
                except StaleIndex:
                    pass
            if not to_read and not removed:
                self._remember_folders()
                return Changes()
            changes, stored = self._apply(to_read, removed, progress)
            try:
                # What was just written is what we hold: no second copy of a large table is read back.
                self._set(save(index_dir(self.corpus_dir), stored, _fingerprint(self.passage_tokens)))
                self._remember_folders()
            except IndexError_ as exc:
                # A full disk or a read-only index folder: the stored index is untouched; answer from
                # the up-to-date index in memory and say once that it could not be saved.
                self._set(stored)
                return dataclasses.replace(changes, unsaved=exc.message)
        finally:
            lock.release()
        return changes

    def _apply(
        self, to_read: list[str], removed: set[str], progress: Progress | None
    ) -> tuple[Changes, Stored]:
        table = self.articles
        ids, _, hashes = self.stored.file_keys()
        sha = {aid: v for aid, v in zip(ids, hashes, strict=True) if aid}
        batches = self._read([(aid, sha.get(aid)) for aid in to_read], progress)
        skipped = {s["id"]: s for s in self.stored.skipped if s["id"] not in removed}
        fresh: list[str] = []
        touched: dict[str, tuple[int, int]] = {}
        new_skips: list[tuple[str, str]] = []
        for batch in batches:
            touched.update(batch.touched)
            fresh.extend(batch.table.ids)
            for skip in batch.skipped:
                skipped[skip["id"]] = skip
                new_skips.append((skip["id"], skip["why"]))
        for aid in fresh + list(touched):
            skipped.pop(aid, None)
        unreadable = {aid for aid, _ in new_skips if aid in sha}  # articles that became unreadable
        drop = removed | unreadable | {aid for aid in fresh if aid in sha}
        live_rows = len(table) - len(self.stored.dead)
        if not touched and live_rows > len(drop) and self.n_live > 2 * self._dead_passages(drop):
            # Removed and edited articles are marked dead; new and edited ones become one small
            # segment after the others. Nothing stored is rewritten.
            stored = self.stored
            if drop:
                positions = [p for aid in drop if (p := self.article_index(aid)) is not None]
                stored = marked(stored, positions, list(skipped.values()))
            if any(len(b.table) for b in batches):
                stored = appended(stored, batches, list(skipped.values()), _empty())
            elif not drop:
                stored = marked(stored, [], list(skipped.values()))  # only the skipped list changed
            if len(stored.segments) > MAX_SEGMENTS:
                stored = combined(stored, start=1)
        else:
            # File times changed, or most of the index is dead: one segment, rewritten whole.
            stored = merge(combined(self.stored), drop, batches, touched, list(skipped.values()))
        # Short names ("Blair") mean the person the whole corpus names in full: worked out here, once
        # per change, for every later question, from the segments' speaker counts (speaker_counts):
        # no article row is read but the changed ones.
        stored.info["speaker_names"] = names_of(stored.speaker_tally())
        changes = Changes(
            added=tuple(sorted(aid for aid in fresh if aid not in sha)),
            changed=tuple(sorted(aid for aid in fresh if aid in sha)),
            removed=tuple(sorted((removed | unreadable) & set(sha))),
            skipped=tuple(new_skips),
        )
        return changes, stored

    def _dead_passages(self, drop: set[str]) -> int:
        """Passages dead once `drop` is: those already dead and those of the dropped articles."""
        count = self.n_passages - self.n_live
        for aid in drop:
            i = self.article_index(aid)
            if i is not None:
                count += int(self.pass_hi[i] - self.pass_lo[i])
        return count

    def _read(self, items: list[tuple[str, str | None]], progress: Progress | None) -> list[Batch]:
        """Read files in batches: in worker processes for a large build, else here."""
        chunks = [items[i : i + BATCH_FILES] for i in range(0, len(items), BATCH_FILES)]
        workers = min(os.cpu_count() or 1, len(chunks))
        if len(items) >= PARALLEL_FILES and workers > 1:
            # Imported here: a question never starts workers, and these imports cost it ~20 ms.
            from concurrent.futures.process import BrokenProcessPool

            try:
                return self._read_in_workers(chunks, workers, progress)
            except (OSError, ValueError, BrokenProcessPool):
                # No worker processes here: a `python -` script, or the chat, whose stderr (replaced
                # by Textual, fileno -1) multiprocessing cannot hand on. Read the files ourselves.
                pass
        batches: list[Batch] = []
        done = 0
        for chunk in chunks:
            batches.append(read_batch(str(self.corpus_dir), chunk, self.passage_tokens))
            done += len(chunk)
            if progress is not None:
                progress("reading", done, len(items))
        return batches

    def _read_in_workers(
        self, chunks: list[list[tuple[str, str | None]]], workers: int, progress: Progress | None
    ) -> list[Batch]:
        """`read_batch` over the chunks in worker processes, results in order."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: the TUI calls this from a thread, and forking a threaded process can hang.
        context = multiprocessing.get_context("spawn")
        total = sum(len(chunk) for chunk in chunks)
        done = 0
        batches: list[Batch] = []
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_quiet_worker)
        try:
            folder = str(self.corpus_dir)
            with _sigint_ignored_by_children():
                futures = [pool.submit(read_batch, folder, chunk, self.passage_tokens) for chunk in chunks]
            for chunk, future in zip(chunks, futures, strict=True):
                batches.append(_strings_shared(future.result()))
                done += len(chunk)
                if progress is not None:
                    progress("reading", done, total)
        except BaseException:
            # Ctrl-C or a failure: the batches not yet started are dropped, not waited for.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        return batches

    # ---- lookups ------------------------------------------------------------------------

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
        if self._positions is None or self._positions[0] is not self.stored:
            ids, _, _ = self.stored.file_keys()
            self._positions = (self.stored, {a: i for i, a in enumerate(ids) if a})
        return self._positions[1].get(aid)

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
        return _best(cand, total, k)

    def _maxscore(
        self, query_terms: Sequence[str], k: int
    ) -> tuple[npt.NDArray[Any], npt.NDArray[np.float64]] | None:
        """Exact top-k candidates without scanning common words' postings (top_k), when it applies."""
        found = [
            (tid, count)
            for term, count in Counter(query_terms).items()
            if (tid := self.term_id(term)) is not None
        ]
        idf = self.idf
        terms = [(tid, count, float(idf[tid])) for tid, count in found]
        if len(terms) < 2 or k < 1 or any(w <= 0 for _, _, w in terms):
            return None  # one term has nothing to prune; idf <= 0 breaks the bounds
        doc_len = self.stored.arrays["doc_len"]

        def weigh(tid: int, ids: npt.NDArray[Any], tf: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
            return bm25.term_weights(tf, doc_len[ids], self.avgdl, float(idf[tid]), self.params)

        def accumulate(
            parts: list[tuple[npt.NDArray[Any], npt.NDArray[np.float64]]],
        ) -> tuple[npt.NDArray[Any], npt.NDArray[np.float64]]:
            return _accumulate(parts, self.n_passages)

        return maxscore_top(terms, self.postings, weigh, accumulate, self.params.k1 + 1.0, k)


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


@contextlib.contextmanager
def _sigint_ignored_by_children() -> Iterator[None]:
    """Workers are started with Ctrl-C ignored (inherited), so none prints a traceback while starting.

    Only the main thread may change signal handlers; from another thread (the TUI) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _strings_shared(batch: Batch) -> Batch:
    """A batch from a worker with its repeated strings held once in this process.

    Every batch arrives with its own copy of each term and of each speaker row's words ("said",
    "reported", a name met in many articles); a build holds all batches until they are merged, so
    at a million passages those copies were most of its memory. Interning keeps one of each.
    """
    batch.terms = list(map(sys.intern, batch.terms))
    columns = batch.table.columns
    for name in ("author", "source", "date"):  # "Reuters" in every article of a wire archive
        columns[name] = [sys.intern(v) if type(v) is str else v for v in columns[name]]
    for rows in columns["speakers"]:
        for row in rows or ():
            if type(row) is list:  # rows_of's lists; anything else is left as it came
                for i, value in enumerate(row):
                    if type(value) is str:
                        row[i] = sys.intern(value)
    return batch


def _quiet_worker() -> None:
    """Ctrl-C is the parent's to handle (exit 130, one line at most): workers ignore it, no tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
    dense = np.zeros(n_passages, dtype=np.float64)
    for ids, weights in parts:
        dense[ids] += weights  # a term's postings hold each passage once
    cand = np.flatnonzero(dense)
    return cand, dense[cand]


def _fingerprint(passage_tokens: int) -> str:
    return f"{ANALYSIS_VERSION}/{SPEAKER_RULES}/passages-{passage_tokens}"
