"""The index's writers' lock: a file lock whose failures read as one-line index errors.

Its own module so that filelock (~10 ms to import) is loaded by the processes that write, not
by every question that finds its index current.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import filelock

from assistant.errors import IndexError_

LOCK_WAIT_SECONDS = 600


class WritersLock(filelock.FileLock):
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


def writers_lock_at(path: Path) -> filelock.BaseFileLock:
    """The lock file at `path`, waited on for up to LOCK_WAIT_SECONDS."""
    return WritersLock(str(path), timeout=LOCK_WAIT_SECONDS)
