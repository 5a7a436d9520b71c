"""Which index files were checked against their CRC-32 and have not been written since.

Checking every byte of a million-passage index costs ~0.4 s on each open. Any write to a
file, a flipped byte included, sets its change time (ctime), which no program can set back.
So once a folder's files (a segment's, a generation's) check out, their identity (inode,
size, mtime, ctime) is kept in `.verified.json` inside that folder, and a later open re-reads
only files whose identity differs. Missing or damaged, the memo means a full check, never a skipped one.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

MEMO_FILE = ".verified.json"
SETTLE_NS = 2_000_000_000
"""File times tick coarsely: a file changed this recently could change again with the same ctime."""


def identity(stat: os.stat_result) -> list[int]:
    """What any write to a file changes."""
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def _identity(path: Path) -> list[int]:
    return identity(os.stat(path, follow_symlinks=False))


def unchanged_since_check(gen: Path) -> dict[str, list[int]]:
    """Files in `gen` that were checked and not written since, with their identities."""
    try:
        memo = json.loads((gen / MEMO_FILE).read_text(encoding="ascii"))
        if memo.get("generation") != gen.name or not isinstance(memo.get("files"), dict):
            return {}
        same = {}
        for name, known in memo["files"].items():
            if isinstance(name, str) and "/" not in name and _identity(gen / name) == known:
                same[name] = known
        return same
    except (OSError, ValueError, TypeError, AttributeError, UnicodeError):
        return {}


def remember_checked(gen: Path, identities: dict[str, list[int]]) -> None:
    """Keep the identities (taken before each file was read) of files that just checked out.

    Files changed in the last seconds are left out, so they are checked again next time.
    Best effort: a read-only index folder keeps no memo.
    """
    settled = time.time_ns() - SETTLE_NS
    files = {name: ident for name, ident in identities.items() if ident[3] < settled}
    if not files:
        return
    _write_memo(gen, files)


def remember_written(folder: Path) -> None:
    """Keep the identities of the files this process has just written (and checksummed) in `folder`.

    Their checksums were computed from the bytes as written, so the first open after a build
    need not read a large index back in full. Unlike a check's memo, fresh files are kept: only a
    write landing within the same clock tick as ours would go unseen until the next change.
    Best effort, like remember_checked.
    """
    try:
        names = [c.name for c in folder.iterdir() if not c.name.startswith(".") and c.name != "manifest.json"]
        files = {name: _identity(folder / name) for name in names}
    except OSError:
        return
    _write_memo(folder, files)


def _write_memo(folder: Path, files: dict[str, list[int]]) -> None:
    """Replace `folder`'s memo whole (a reader sees the old one or the new one); best effort."""
    temp = folder / f"{MEMO_FILE}.{os.getpid()}.tmp"
    try:
        temp.write_text(json.dumps({"generation": folder.name, "files": files}), encoding="ascii")
        os.replace(temp, folder / MEMO_FILE)
    except OSError:
        with contextlib.suppress(OSError):  # a read-only folder refuses the clean-up too
            temp.unlink(missing_ok=True)
