"""What the corpus folders looked like when the index was last known current.

A question should not stat every file of a large corpus (4 s at 450k files) to learn that
nothing changed. After a full walk finds the index current, the time of every folder walked is
kept beside the index (`seen.json`, with the generation it vouches for). A later question stats
only those folders: adding, removing or renaming a file changes its folder's time, so equal
times mean the same files. An article edited in place keeps its folder's time: `assistant
index` (or any command that writes) still does the full walk. The file is only a hint: missing,
damaged or for another generation, it means a full walk, never a wrong answer kept.

A folder whose time is too recent to trust because `add` has just written into it is kept by
what it lists instead (`listed`: a digest of its entries, the walk-free update having
accounted for every entry): a question lists that one folder again rather than walking every
file. After a walk, a fresh corpus folder's listing (`walked`) vouches only for `add`.
"""

from __future__ import annotations

import hashlib
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
Stamps = tuple[dict[str, int], dict[str, str]]
"""Folder times by prefix ("" the corpus folder, "a/" a folder in it), and listed folders' digests."""


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


def digest(found: Entries) -> str:
    """A short fingerprint of a folder's entries (its listing, not its files' contents)."""
    h = hashlib.blake2b(digest_size=16)
    for name, is_dir in sorted(found):
        h.update(name.encode("utf-8", "surrogateescape") + (b"/\0" if is_dir else b"\0"))
    return h.hexdigest()


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
    walked: dict[str, str] = {}
    if root is not None and "" in stamps:
        # Listed after its time was read, and that time settled before the listing: any later
        # change to its entries gives it a newer time, which a question sees.
        listed_ns = now_ns()
        try:
            mtime = os.stat(root[0]).st_mtime_ns
        except OSError:
            mtime = -1
        now = entries(root[0])
        if now == root[1]:
            if 0 <= mtime < listed_ns - SETTLE_NS:
                stamps[""] = mtime
            else:
                # Too fresh to trust by time. Questions walk, as ever, but `add` may vouch for the
                # corpus folder by this listing (before_writing).
                walked[""] = digest(now)
    document = {"generation": generation, "folders": stamps, "walked": walked}
    body = json.dumps(document, ensure_ascii=True)
    temp = index_dir / f".{SEEN_FILE}.{os.getpid()}.tmp"
    try:
        temp.write_text(body, encoding="ascii")
        os.replace(temp, index_dir / SEEN_FILE)
    except OSError:
        temp.unlink(missing_ok=True)


def unchanged(corpus_dir: Path, index_dir: Path, generation: str) -> bool:
    """True when every folder seen at the last full walk still has the time it had then."""
    return vouched(corpus_dir, index_dir, generation) is not None


def vouched(
    corpus_dir: Path, index_dir: Path, generation: str, *, for_writing: bool = False
) -> Stamps | None:
    """The stamps (folder times, listed folders' digests) when every folder still matches them.

    `for_writing` (add): a corpus folder too fresh to trust by its time after a walk may be
    vouched for by the listing that walk saw (`walked`); a question walks instead.
    """
    try:
        document = json.loads((index_dir / SEEN_FILE).read_text(encoding="ascii"))
        if document["generation"] != generation:
            return None
        stamps = document["folders"]
        listed = document.get("listed", {})
        if not isinstance(stamps, dict) or "" not in stamps or len(stamps) > MAX_FOLDERS:
            return None
        if not isinstance(listed, dict) or not set(listed) <= set(stamps):
            return None
        walked = document.get("walked", {})
        fresh_root = stamps[""] == -1 and "" not in listed
        if for_writing and fresh_root and isinstance(walked, dict) and isinstance(walked.get(""), str):
            listed = {**listed, "": walked[""]}
        root = os.fspath(corpus_dir)
        for prefix, mtime in stamps.items():
            if not isinstance(prefix, str) or not isinstance(mtime, int):
                return None
            if prefix and (prefix.startswith(("/", ".")) or "/." in prefix or ".." in prefix.split("/")):
                return None
            if prefix in listed:
                now = entries(corpus_dir / prefix)  # too recent to trust by time: by what it lists
                if now is None or digest(now) != listed[prefix]:
                    return None
            elif mtime < 0 or _mtime(root, prefix) != mtime:
                return None
    except (OSError, ValueError, KeyError, TypeError, UnicodeError):
        return None
    return stamps, listed


def _mtime(root: str, prefix: str) -> int:
    """A folder's time, by a path joined as a string: ~530 folders at a million passages are
    checked by every question and three times by every `add`, and a `Path` made for each cost
    most of the check's ~3 ms."""
    return os.stat(os.path.join(root, prefix)).st_mtime_ns


def before_writing(corpus_dir: Path, index_dir: Path, generation: str) -> tuple[Stamps, Entries] | None:
    """The stamps vouching for `generation` now, and what the corpus folder lists (None: not vouched).

    The listing is checked against the stamp itself (its digest, or its time before and after
    the listing), so a file another process drops in meanwhile is never taken as ours.
    """
    stamps = vouched(corpus_dir, index_dir, generation, for_writing=True)
    if stamps is None:
        return None
    now = entries(corpus_dir)
    if now is None:
        return None
    if "" in stamps[1]:
        return (stamps, now) if digest(now) == stamps[1][""] else None
    try:
        if os.stat(corpus_dir).st_mtime_ns != stamps[0][""]:
            return None
    except OSError:
        return None
    return stamps, now


def after_writing(
    corpus_dir: Path, stamps: Stamps, before: Entries, written: Iterable[str], removed: Iterable[str] = ()
) -> Stamps | None:
    """The stamps once `written` (new files in the corpus folder itself) are indexed, if nothing else moved.

    `stamps` vouched for the corpus folder listing `before`, just before the files were written
    (or `removed` deleted). Every other folder must still have its time, and the corpus folder
    must list exactly `before` with the new files and without the removed ones; then it is kept
    by its listing (its time is too fresh).
    """
    folders, listed = dict(stamps[0]), dict(stamps[1])
    names = list(written)
    gone = {(name, False) for name in removed}
    if any("/" in name for name in [*names, *(n for n, _ in gone)]):
        return None
    root = os.fspath(corpus_dir)
    for prefix, mtime in folders.items():
        if prefix and prefix not in listed:
            try:
                if mtime < 0 or _mtime(root, prefix) != mtime:
                    return None
            except OSError:
                return None
    now = entries(corpus_dir)
    if now is None or now != (before - gone) | {(name, False) for name in names}:
        return None
    try:
        folders[""] = os.stat(corpus_dir).st_mtime_ns
    except OSError:
        return None
    listed[""] = digest(now)
    return folders, listed


def write(index_dir: Path, generation: str, stamps: Stamps) -> None:
    """Keep stamps worked out without a walk (after_writing) for `generation` (best effort)."""
    folders, listed = stamps
    document = {"generation": generation, "folders": folders, "listed": listed}
    temp = index_dir / f".{SEEN_FILE}.{os.getpid()}.tmp"
    try:
        temp.write_text(json.dumps(document, ensure_ascii=True), encoding="ascii")
        os.replace(temp, index_dir / SEEN_FILE)
    except OSError:
        temp.unlink(missing_ok=True)


def now_ns() -> int:
    """The wall clock as file times use it."""
    return time.time_ns()
