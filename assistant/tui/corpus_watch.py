"""The chat's corpus watcher: the kernel says when the folder changed, nothing is polled.

The chat used to stat every file of the corpus (`Engine.needs_refresh`) every few seconds,
spaced to ~5% of the time: on a 450k-file archive a new file was seen a minute or more later
and every check cost seconds of CPU. watchfiles' Rust notifier (inotify, FSEvents, …) wakes a
thread of ours only when something under the corpus folder changes; the thread hands the
batch's paths to the app, which updates the index for those paths alone, each judged by the
walk's rules (index/notified_paths.py: never a path outside the folder, nor a link leading out
of it), or walks the folder when a folder itself changed or the batch may have lost events
(MANY_CHANGES). An idle chat spends no CPU on its folder.

Changes the walk never reads do not wake the app: the index folder, hidden paths, editors'
and downloads' scratch files (`scratch_file`). When the notifier cannot start (watchfiles
missing, no inotify watches left, a file system without notifications) the thread says why
once and the app polls as before.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from assistant.corpus.files import scratch_file

DEBOUNCE_MS = 1_600
"""Changes arriving in a stream (a folder copied in) are handed over at most this often."""
STEP_MS = 100
"""A batch is handed over once the folder has been quiet this long (an editor's write, rename, chmod)."""
MANY_CHANGES = 2_000
"""A batch this large is taken as one the kernel may have cut short: inotify keeps 16,384 events
by default and then drops the rest, and watchfiles passes over notify's "rescan" notice (it names
no path), so an overflow is never reported. A burst that fills the queue is a large batch; the
app then walks the folder, as it does for a folder moved in."""
TIMEOUT_MS = 1_000
"""The notifier's wait before it looks at the stop event again (it also checks it every step)."""
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs", "fuse.rclone", "davfs"}
)
"""File systems whose files other machines change: the local kernel sends no notification of those."""
MOUNTINFO = Path("/proc/self/mountinfo")


@dataclass
class WatchStarted(Message):
    """The notifier is watching the corpus folder."""


@dataclass
class WatchFailed(Message):
    """The notifier could not start, or stopped: `reason`, for the one notice that the chat polls instead."""

    reason: str


@dataclass
class CorpusTouched(Message):
    """Paths below the corpus folder (as ids, "" for the folder itself) changed; the index may be stale."""

    paths: tuple[str, ...]
    overflowed: bool = False
    """The batch was large enough that the kernel may have dropped events from it: walk the folder."""


def network_file_system(folder: Path, mountinfo: Path = MOUNTINFO) -> str | None:
    """The type of the network file system `folder` is on (Linux's mount table), or None.

    A share another machine writes to notifies nobody here: the notifier would watch a folder
    that never reports, so such a corpus is polled as before. None where the table is unreadable.
    """
    try:
        lines = mountinfo.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    target = os.path.realpath(folder)
    best, kind = "", None
    for line in lines:
        fields, _, rest = line.partition(" - ")
        parts = fields.split()
        if len(parts) < 5 or not rest:
            continue
        point = parts[4].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, rest.split()[0]
    return kind if kind in NETWORK_FILE_SYSTEMS else None


def counted(corpus_dir: Path, index_dir: Path, path: str) -> str | None:
    """The id of a changed `path` when the walk could read it (or it is a folder the walk enters), else None.

    The index folder, paths outside the corpus, hidden paths and scratch files (as the walk
    leaves them out) wake nothing; the corpus folder itself is "" (removed or renamed).
    """
    changed = Path(path)
    try:
        changed.relative_to(index_dir)
        return None
    except ValueError:
        pass
    try:
        relative = changed.relative_to(corpus_dir)
    except ValueError:
        return None
    parts = relative.parts
    if any(part.startswith(".") for part in parts):
        return None
    if parts and scratch_file(parts[-1]):
        return None
    return "/".join(parts)


class CorpusWatch:
    """A thread watching `corpus_dir` with watchfiles' notifier; `stop()` ends it.

    `post` receives WatchStarted once the notifier watches, then a CorpusTouched per batch of
    changes the walk would read; or one WatchFailed, after which the thread has ended. Nothing
    it raises reaches the terminal: every error becomes the WatchFailed reason.
    """

    def __init__(self, corpus_dir: Path, index_dir: Path, post: Callable[[Message], object]) -> None:
        # Real paths: macOS's FSEvents reports changes under the folder's real path (/private/tmp for
        # /tmp), so a path given through a link would match none of them.
        self.corpus_dir = Path(os.path.realpath(corpus_dir))
        self.index_dir = Path(os.path.realpath(index_dir))
        self._post = post
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="corpus-watch", daemon=True)
        self.ignored = 0
        """Changes dropped as unread by the walk (the index folder's writes among them), for tests."""

    def start(self) -> None:
        """Start watching in the background."""
        self._thread.start()

    def stop(self, timeout: float = 0.5) -> None:
        """Stop the notifier and wait for the thread (it looks at the stop event every STEP_MS)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        """Whether the thread is still running."""
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            self._watch()
        except Exception as exc:  # any error: a thread's traceback would be printed over the chat
            self._post(WatchFailed(_reason(exc)))

    def _watch(self) -> None:
        try:
            # The notifier itself: watchfiles' `watch()` neither says when it has started nor that it
            # fell back to stat-polling every file every 300 ms (no inotify), which on a large corpus
            # costs more than the chat's own polling; RustNotify's repr says which it runs.
            from watchfiles._rust_notify import RustNotify
        except ImportError:
            self._post(WatchFailed("watchfiles is not installed"))
            return
        share = network_file_system(self.corpus_dir)
        if share is not None:
            self._post(WatchFailed(f"the folder is on a network file system, {share}"))
            return
        notifier = RustNotify([str(self.corpus_dir)], False, False, 300, True, True)
        with notifier:
            if repr(notifier).startswith("RustNotify(Poll"):
                self._post(WatchFailed("the file system sends no change notifications"))
                return
            self._post(WatchStarted())
            while not self._stop.is_set():
                raw = notifier.watch(DEBOUNCE_MS, STEP_MS, TIMEOUT_MS, self._stop)
                if raw == "stop":
                    return
                if isinstance(raw, str):  # "timeout" (or "signal", which only the main thread gets)
                    continue
                if not self.corpus_dir.is_dir():
                    # The folder itself was removed or replaced: its watch went with it.
                    self._post(WatchFailed("the corpus folder was removed or replaced"))
                    return
                found = [counted(self.corpus_dir, self.index_dir, path) for _change, path in raw]
                ids = sorted({aid for aid in found if aid is not None})
                if ids:
                    self._post(CorpusTouched(tuple(ids), overflowed=len(raw) >= MANY_CHANGES))
                # Counted once the batch is handed over: a test that sees it knows any message was posted.
                self.ignored += found.count(None)


def _reason(exc: BaseException) -> str:
    """The notifier's error in a line (inotify's limit reads "OS file watch limit reached")."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
