"""Reading article files into analysed batches: here for a few files, in worker processes for many.

A build hands batches of files to one worker per core; each returns arrays and a small table,
which the merge lays into a segment. An update of a few files reads them here: starting
workers would cost more than the reading.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.index.analysis import Batch, read_batch

Progress = Callable[[str, int, int], None]
BATCH_FILES = 256
"""Files read per batch (and per worker task)."""
PARALLEL_FILES = 400
"""From this many files to read, batches go to worker processes, one per core."""


def read_files(
corpus_dir: Path, items: list[tuple[str, str | None]], passage_tokens: int, progress: Progress | None
) -> list[Batch]:
    """Read files in batches: in worker processes for a large build, else here."""
    chunks = [items[i : i + BATCH_FILES] for i in range(0, len(items), BATCH_FILES)]
    workers = min(os.cpu_count() or 1, len(chunks))
    if len(items) >= PARALLEL_FILES and workers > 1:
        # Imported here: a question never starts workers, and these imports cost it ~20 ms.
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _read_in_workers(corpus_dir, chunks, workers, passage_tokens, progress)
        except (OSError, ValueError, BrokenProcessPool):
            # No worker processes here: a `python -` script, or the chat, whose stderr (replaced
            # by Textual, fileno -1) multiprocessing cannot hand on. Read the files ourselves.
            pass
    batches: list[Batch] = []
    done = 0
    for chunk in chunks:
        batches.append(read_batch(str(corpus_dir), chunk, passage_tokens))
        done += len(chunk)
        if progress is not None:
            progress("reading", done, len(items))
    return batches

def _read_in_workers(
corpus_dir: Path,
chunks: list[list[tuple[str, str | None]]],
workers: int,
passage_tokens: int,
progress: Progress | None,
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
        folder = str(corpus_dir)
        with _sigint_ignored_by_children():
            futures = [pool.submit(read_batch, folder, chunk, passage_tokens) for chunk in chunks]
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
