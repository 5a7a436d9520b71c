"""The index's writers' lock: a file lock whose failures read as one-line index errors.

On POSIX it is an exclusive `flock` on the lock file, taken here: the filelock package (what
it was) loads ~25 ms of modules (logging, secrets, inspect, decimal), a tenth of what
`assistant add` or `remove` of one article spends. The lock is the same kernel lock
filelock's FileLock takes on the same file, so the two exclude each other. Where `flock` is
missing (Windows, a file system without it) filelock is used, as before.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from assistant.errors import IndexError_

LOCK_WAIT_SECONDS = 600
POLL_SECONDS = 0.05

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

_NO_FLOCK = frozenset({errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOLCK})


class WritersLock(Protocol):
    """What the index asks of its lock: re-entrant acquire and release, and a `with` block."""

    def acquire(self) -> Any: ...
    def release(self) -> None: ...
    def __enter__(self) -> Any: ...
    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None: ...


class FlockLock:
    """An exclusive flock on `path`, waited on for up to `timeout` s, re-entrant in each thread.

    Each thread takes the lock through its own descriptor (as filelock's FileLock does), so
    two threads of one process exclude each other like two processes.
    """

    def __init__(self, path: str, timeout: float = LOCK_WAIT_SECONDS) -> None:
        self.path = path
        self.timeout = timeout
        self._held = threading.local()
        self._fallback: Any = None

    def acquire(self) -> FlockLock:
        if self._fallback is not None:
            self._fallback.acquire()
            return self
        depth = getattr(self._held, "depth", 0)
        if depth:
            self._held.depth = depth + 1
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except OSError as exc:
            raise IndexError_(f"cannot lock the index: {exc.strerror or exc}") from exc
        try:
            self._wait(fd)
        except _FlockMissing:
            os.close(fd)
            self._fallback = _filelock_at(self.path, self.timeout)
            self._fallback.acquire()
            return self
        except BaseException:
            os.close(fd)
            raise
        self._held.fd, self._held.depth = fd, 1
        return self

    def release(self) -> None:
        if self._fallback is not None:
            self._fallback.release()
            return
        depth = getattr(self._held, "depth", 0)
        if depth > 1:
            self._held.depth = depth - 1
        elif depth == 1:
            fd = self._held.fd
            self._held.depth, self._held.fd = 0, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    @property
    def is_locked(self) -> bool:
        """This thread holds the lock."""
        if self._fallback is not None:
            return bool(self._fallback.is_locked)
        return getattr(self._held, "depth", 0) > 0

    def __enter__(self) -> FlockLock:
        return self.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()

    def _wait(self, fd: int) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except OSError as exc:
                if exc.errno in _NO_FLOCK:
                    raise _FlockMissing from exc
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise IndexError_(f"cannot lock the index: {exc.strerror or exc}") from exc
            if time.monotonic() >= deadline:
                raise IndexError_(
                    f"another process has held the index lock for {LOCK_WAIT_SECONDS} s; try again later"
                )
            time.sleep(POLL_SECONDS)


class _FlockMissing(Exception):
    """The file system has no flock: filelock takes over (it can fall back to a soft lock)."""


def _filelock_at(path: str, timeout: float) -> Any:
    """filelock's FileLock at `path`, its failures as IndexError_ (imported only where needed)."""
    import filelock

    class _Lock(filelock.FileLock):
        def acquire(self, *args: Any, **kwargs: Any) -> Any:
            try:
                return super().acquire(*args, **kwargs)
            except filelock.Timeout as exc:
                raise IndexError_(
                    f"another process has held the index lock for {LOCK_WAIT_SECONDS} s; try again later"
                ) from exc
            except OSError as exc:
                raise IndexError_(f"cannot lock the index: {exc.strerror or exc}") from exc

    return _Lock(path, timeout=timeout)


def writers_lock_at(path: Path) -> WritersLock:
    """The lock file at `path`, waited on for up to LOCK_WAIT_SECONDS."""
    if fcntl is None:
        return _filelock_at(str(path), LOCK_WAIT_SECONDS)
    return FlockLock(str(path))
