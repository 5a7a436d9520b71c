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
from collections.abc import Iterable
from pathlib import Path

SEEN_FILE = "seen.json"
SETTLE_NS = 2_000_000_000
"""A folder changed this close to the walk may change again within one time tick unseen."""
MAX_FOLDERS = 100_000
"""Past this, checking folder times is no cheaper than the walk: always walk."""


Entries = frozenset[tuple[str, bool]]
"""What a walk reads in one folder: each entry's name and whether it is a folder, hidden ones left out."""


def top_entries(found: Iterable[str], folders: Iterable[str]) -> Entries:
    """The corpus folder's own entries as a walk saw them: its files (of `found` ids) and subfolders."""
    files = {(aid, False) for aid in found if "/" not in aid}
    return frozenset(files | {(prefix[:-1], True) for prefix in folders if prefix.count("/") == 1})


def entries(folder: Path) -> Entries | None:
    """What a walk would see in the folder now, or None when it cannot be listed."""
    try:
        with os.scandir(folder) as found:
            return frozenset(
                (e.name, e.is_dir(follow_symlinks=False)) for e in found if not e.name.startswith(".")
            )
    except OSError:
        return None


def record(
    index_dir: Path,
    generation: str,
    folders: dict[str, int],
    walk_started_ns: int,
    *,
    root: tuple[Path, Entries] | None = None,
) -> None:
    """Keep the folder times of a walk that found `generation` current (best effort).

    `root`: the corpus folder and its entries as the walk saw them. Writing the index folder
    inside the corpus (hidden, never an article) changes the corpus folder's time after the walk;
    when the folder holds just the entries the walk saw, its present time is kept (once settled),
    so the first question after a build does not walk every file again.
    """
    if len(folders) > MAX_FOLDERS:
        return
    settled = walk_started_ns - SETTLE_NS
    stamps = {prefix: (mtime if 0 <= mtime < settled else -1) for prefix, mtime in folders.items()}
    if root is not None and "" in stamps:
        # Listed after its time was read, and that time settled before the listing: any later
        # change to its entries gives it a newer time, which a question sees.
        listed_ns = now_ns()
        try:
            mtime = os.stat(root[0]).st_mtime_ns
        except OSError:
            mtime = -1
        if 0 <= mtime < listed_ns - SETTLE_NS and entries(root[0]) == root[1]:
            stamps[""] = mtime
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
