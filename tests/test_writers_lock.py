"""The index's writers' lock taken with flock: it excludes other processes (and filelock's lock on
the same file, which older versions took), is re-entrant within a thread, waits for a holder
to let go, and a wait that runs out is one index error."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import filelock
import pytest

from assistant.errors import IndexError_
from assistant.index import writers_lock
from assistant.index.writers_lock import FlockLock, writers_lock_at

HOLD = (
    "import sys, time\n"
    "from assistant.index.writers_lock import writers_lock_at\n"
    "from pathlib import Path\n"
    "with writers_lock_at(Path(sys.argv[1])):\n"
    "    print('held', flush=True)\n"
    "    time.sleep(float(sys.argv[2]))\n"
)


def test_another_process_holding_it_makes_us_wait_then_we_get_it(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), "1.0"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    lock = writers_lock_at(path)
    lock.acquire()  # waits for the other process to let go
    try:
        assert holder.wait(timeout=30) == 0
    finally:
        lock.release()


def test_filelock_and_ours_exclude_each_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lock"
    theirs = filelock.FileLock(str(path))
    theirs.acquire()
    monkeypatch.setattr(writers_lock, "LOCK_WAIT_SECONDS", 0.3)
    ours = FlockLock(str(path), timeout=0.3)
    with pytest.raises(IndexError_, match="another process has held the index lock"):
        ours.acquire()
    theirs.release()
    with ours:
        assert ours.is_locked
        other = filelock.FileLock(str(path), timeout=0.2)
        with pytest.raises(filelock.Timeout):
            other.acquire()
    assert not ours.is_locked


def test_re_entrant_in_a_thread_exclusive_between_threads(tmp_path: Path) -> None:
    lock = FlockLock(str(tmp_path / "lock"), timeout=5)
    got: list[float] = []

    def other_thread() -> None:
        with lock:
            got.append(time.monotonic())

    with lock:
        with lock:  # an add holds it around its own refresh
            assert lock.is_locked
        thread = threading.Thread(target=other_thread)
        thread.start()
        time.sleep(0.3)
        assert not got  # still ours: the inner release did not let go
        released = time.monotonic()
    thread.join(timeout=10)
    assert got and got[0] >= released


def test_a_lock_file_that_cannot_be_made_is_an_index_error(tmp_path: Path) -> None:
    with pytest.raises(IndexError_, match="cannot lock the index"):
        writers_lock_at(tmp_path / "no-such-folder" / "lock").acquire()
