"""What the corpus folders looked like when the index was last known current.

A question should not stat every file of a large corpus (4 s at 450k files) to learn that
nothing changed. After a full walk finds the index current, the time of every folder walked is
kept beside the index (`seen.json`, with the generation it vouches for). A later question stats
only those folders: adding, removing or renaming a file changes its folder's time, so equal
times mean the same files. An article edited in place keeps its folder's time: `assistant
index` (or any command that writes) still does the full walk. The file is only a hint: missing,
damaged or for another generation, it means a full walk, never a wrong answer kept.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

SEEN_FILE = "seen.json"
SETTLE_NS = 2_000_000_000
"""A folder changed this close to the walk may change again within one time tick unseen."""
MAX_FOLDERS = 100_000
"""Past this, checking folder times is no cheaper than the walk: always walk."""


Entries = tuple[int, frozenset[tuple[str, bool]]]
"""A folder's time, then its entries (name, is a folder) that a walk reads: hidden ones left out."""


def entries(folder: Path) -> Entries | None:
    """The folder's time and what a walk would see in it (the time taken first), or None."""
    try:
        mtime = os.stat(folder).st_mtime_ns
        with os.scandir(folder) as found:
            names = frozenset(
                (e.name, e.is_dir(follow_symlinks=False)) for e in found if not e.name.startswith(".")
            )
    except OSError:
        return None
    return mtime, names


def record(
    index_dir: Path,
    generation: str,
    folders: dict[str, int],
    walk_started_ns: int,
    *,
    root: tuple[Path, Entries | None] | None = None,
) -> None:
    """Keep the folder times of a walk that found `generation` current (best effort).

    `root`: the corpus folder and its entries listed just before the walk. Writing the index
    folder inside the corpus (hidden, never an article) changes the corpus folder's time after
    the walk; when its entries are still those the walk saw, its new time is kept, so the first
    question after a build does not walk every file again.
    """
    if len(folders) > MAX_FOLDERS:
        return
    settled = walk_started_ns - SETTLE_NS
    stamps = {prefix: (mtime if 0 <= mtime < settled else -1) for prefix, mtime in folders.items()}
    if root is not None and root[1] is not None and stamps.get("") == root[1][0]:
        # The walk read the corpus folder as listed (same, settled time); if it lists the same
        # now, at a time settled before this listing, that time vouches for the same entries.
        listed_ns = now_ns()
        now = entries(root[0])
        if now is not None and now[1] == root[1][1] and now[0] < listed_ns - SETTLE_NS:
            stamps[""] = now[0]
    body = json.dumps({"generation": generation, "folders": stamps}, ensure_ascii=True)
    temp = index_dir / f".{SEEN_FILE}.{os.getpid()}.tmp"
    try:
        temp.write_text(body, encoding="ascii")
        os.replace(temp, index_dir / SEEN_FILE)
    except OSError:
        temp.unlink(missing_ok=True)


def unchanged(corpus_dir: Path, index_dir: Path, generation: str) -> bool:
    """True when every folder seen at the last full walk still has the time it had then."""
    try:
        document = json.loads((index_dir / SEEN_FILE).read_text(encoding="ascii"))
        if document["generation"] != generation:
            return False
        stamps = document["folders"]
        if not isinstance(stamps, dict) or "" not in stamps or len(stamps) > MAX_FOLDERS:
            return False
        for prefix, mtime in stamps.items():
            if not isinstance(prefix, str) or not isinstance(mtime, int) or mtime < 0:
                return False
            if prefix and (prefix.startswith(("/", ".")) or "/." in prefix or ".." in prefix.split("/")):
                return False
            if os.stat(corpus_dir / prefix).st_mtime_ns != mtime:
                return False
    except (OSError, ValueError, KeyError, TypeError, UnicodeError):
        return False
    return True


def now_ns() -> int:
    """The wall clock as file times use it."""
    return time.time_ns()
