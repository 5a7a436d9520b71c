"""Reading many article files into batches for the index: in worker processes for a large build.

A build is CPU-bound per article (parsing, terms, token counts, speakers), so batches go to one
worker process per core; a small change is read here, with no process start-up to pay. What is
read is held until the batches are merged into a segment: a large read sends each batch's rows and
postings to a spill file beside the index as it arrives (build_spill), a small one keeps its batches
in memory, made as small as they can be as soon as they arrive (`compacted`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.index.analysis import Batch, read_batch
from assistant.index.article_table import ArticleTable
from assistant.index.build_spill import RowsBlob, RowsSpill, rows_blob
from assistant.locations import index_dir

Progress = Callable[[str, int, int], None]
BATCH_FILES = 256
"""Files read per batch (and per worker task)."""
PARALLEL_FILES = 400
"""From this many files to read, batches go to worker processes, one per core."""


def read_batches(
    corpus_dir: Path, items: list[tuple[str, str | None]], passage_tokens: int, progress: Progress | None
) -> list[Batch]:
    """`read_batch` over (id, known sha256) items, in order: in worker processes for a large build.

    A large read writes its article rows to a spill file beside the index as they arrive
    (build_spill): each batch's table then reads from that file, and the merge of a first build
    takes the file whole. A small one (an added article) keeps its rows in memory.
    """
    large = len(items) >= PARALLEL_FILES  # read at call time: tests shrink it
    spill = _spill(corpus_dir) if large else None
    if spill is not None:
        try:
            return _read_all(corpus_dir, items, passage_tokens, progress, spill)
        except OSError:
            # The spill could not be written (a full disk): read again with the rows in memory;
            # the save then says whether the index itself can be stored.
            spill.discard()
        except BaseException:
            spill.discard()  # Ctrl-C or a failure: nothing left beside the index
            raise
    return _read_all(corpus_dir, items, passage_tokens, progress, None)


def _read_all(
    corpus_dir: Path,
    items: list[tuple[str, str | None]],
    passage_tokens: int,
    progress: Progress | None,
    spill: RowsSpill | None,
) -> list[Batch]:
    """Every batch, in worker processes when the read is large and there are several cores."""
    batch_files, parallel_files = BATCH_FILES, PARALLEL_FILES  # read at call time: tests shrink them
    chunks = [items[i : i + batch_files] for i in range(0, len(items), batch_files)]
    if progress is not None:
        progress("reading", 0, len(items))  # the bar shows at once, not when the first batches are in
    workers = min(os.cpu_count() or 1, len(chunks))
    if len(items) >= parallel_files and workers > 1:
        # Imported here: a question never starts workers, and these imports cost it ~20 ms.
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _read_in_workers(str(corpus_dir), chunks, workers, passage_tokens, progress, spill)
        except (OSError, ValueError, BrokenProcessPool):
            # No worker processes here: a `python -` script, or the chat, whose stderr (replaced
            # by Textual, fileno -1) multiprocessing cannot hand on. Read the files ourselves.
            if spill is not None:
                spill.restart()
    batches: list[Batch] = []
    done = 0
    shared: dict[int, int] = {}
    for chunk in chunks:
        if spill is not None:
            batches.append(_received(read_spillable(str(corpus_dir), chunk, passage_tokens), spill))
        else:
            batches.append(compacted(read_batch(str(corpus_dir), chunk, passage_tokens), shared))
        done += len(chunk)
        if progress is not None:
            progress("reading", done, len(items))
    return _finished(batches, spill)


def _spill(corpus_dir: Path) -> RowsSpill | None:
    """A spill file in the index folder; None where it cannot be made (the rows stay in memory)."""
    try:
        return RowsSpill(index_dir(corpus_dir))
    except OSError:
        return None


def read_spillable(
    corpus_dir: str, items: Sequence[tuple[str, str | None]], passage_tokens: int
) -> tuple[Batch, RowsBlob]:
    """`read_batch`, with the article rows handed back apart as stored bytes (`Batch.table` empty).

    Run in the worker: the JSON of the rows is made on both cores, and bytes pickle in one piece
    where nested lists of speaker rows were rebuilt object by object in the building process.
    """
    batch = read_batch(corpus_dir, items, passage_tokens)
    blob = rows_blob(batch.table)
    batch.table = ArticleTable()
    return batch, blob


def _received(read: tuple[Batch, RowsBlob], spill: RowsSpill) -> Batch:
    """A worker's batch with its rows written to the spill; its table then reads from there."""
    batch, blob = read
    batch.table = spill.append(blob)
    spill.append_postings(batch)
    batch.terms = list(map(sys.intern, batch.terms))
    return batch


def _finished(batches: list[Batch], spill: RowsSpill | None) -> list[Batch]:
    """The batches; a spill is flushed, so that the merge can take its file whole (`spill.whole`)."""
    if spill is not None:
        spill.finish()
    return batches


def _read_in_workers(
    folder: str,
    chunks: list[list[tuple[str, str | None]]],
    workers: int,
    passage_tokens: int,
    progress: Progress | None,
    spill: RowsSpill | None,
) -> list[Batch]:
    """`read_batch` over the chunks in worker processes, results in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the TUI calls this from a thread, and forking a threaded process can hang.
    context = multiprocessing.get_context("spawn")
    total = sum(len(chunk) for chunk in chunks)
    done = 0
    batches: list[Batch] = []
    shared: dict[int, int] = {}
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_quiet_worker)
    try:
        with _sigint_ignored_by_children():
            reader = read_batch if spill is None else read_spillable
            futures: list[Any] = [pool.submit(reader, folder, chunk, passage_tokens) for chunk in chunks]
        for k, chunk in enumerate(chunks):
            future, futures[k] = futures[k], None  # the list would hold every result to the end
            if spill is None:
                batches.append(compacted(future.result(), shared))
            else:
                batches.append(_received(future.result(), spill))  # the rows' bytes freed here
            del future
            done += len(chunk)
            if progress is not None:
                progress("reading", done, total)
    except BaseException:
        # Ctrl-C or a failure: the batches not yet started are dropped, not waited for.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return _finished(batches, spill)


def compacted(batch: Batch, shared_ints: dict[int, int]) -> Batch:
    """The batch with its repeated values held once in this process, and its lists sized exactly.

    Every batch arrives with its own copy of each term, of each speaker row's words ("said",
    "reported", a name met in many articles) and of each number above 256 (a quote's offsets); a
    build holds all batches until they are merged, so at a million passages those copies were
    most of its memory. Strings are interned and numbers shared through `shared_ints` (one dict
    for the whole build); a list unpickled grows by appends and keeps spare slots, so speaker
    rows are copied to lists of their exact size, and a title's or byline's span and an empty
    list of warnings become tuples. The table is stored as JSON, where a tuple is a list: what
    is written is the same to the byte.
    """
    batch.terms = list(map(sys.intern, batch.terms))
    columns = batch.table.columns
    for name in ("author", "source", "date"):  # "Reuters" in every article of a wire archive
        columns[name] = [sys.intern(v) if type(v) is str else v for v in columns[name]]
    for name in ("paragraphs", "words", "tokens", "size"):
        columns[name] = [_shared(v, shared_ints) for v in columns[name]]
    speakers = columns["speakers"]
    for i, rows in enumerate(speakers):
        if type(rows) is list:
            speakers[i] = _compact_rows(rows, shared_ints)
    for spans in columns["meta_spans"]:
        if type(spans) is dict:
            for key, span in spans.items():
                if type(span) is list:
                    spans[key] = tuple(_shared(v, shared_ints) for v in span)
    # No warnings is the rule: one empty tuple for all those articles, not an empty list each.
    columns["warnings"] = [_NONE if type(w) is list and not w else w for w in columns["warnings"]]
    return batch


_NONE: tuple[()] = ()


def _compact_rows(rows: list[Any], shared_ints: dict[int, int]) -> list[Any]:
    """An article's speaker rows (lists of 12 values): strings interned, numbers shared, exact sizes.

    One loop with local names: it runs for every row of a large build, in the parent process,
    beside the workers.
    """
    intern, share = sys.intern, shared_ints.setdefault
    out = []
    for row in rows:
        if type(row) is list:  # anything else is left as it came
            for i, value in enumerate(row):
                kind = type(value)
                if kind is str:
                    row[i] = intern(value)
                elif kind is int and value > 256:
                    row[i] = share(value, value)
            row = row[:]  # a slice is allocated at its exact length
        out.append(row)
    return out[:]


def _shared(value: Any, shared_ints: dict[int, int]) -> Any:
    """One int object per value for the whole build (small ints are shared by Python already)."""
    if type(value) is int and not -5 <= value <= 256:
        return shared_ints.setdefault(value, value)
    return value


@contextlib.contextmanager
def _sigint_ignored_by_children() -> Iterator[None]:
    """Workers are started with Ctrl-C held back (inherited), so none prints a traceback while starting.

    Ctrl-C is blocked, not ignored: one pressed while the workers start stays pending and reaches
    this process when the block is lifted (an ignored one was lost, and the build ran on to exit 0).
    A spawned worker inherits the block until `_quiet_worker` ignores the signal, which drops it.
    Only the main thread may change signal handling; from another thread (the TUI) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if hasattr(signal, "pthread_sigmask"):
        previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # no signal masks (Windows)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _quiet_worker() -> None:
    """Ctrl-C is the parent's to handle (exit 130, one line at most): workers ignore it, no tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
