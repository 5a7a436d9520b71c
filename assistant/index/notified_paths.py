"""Changes a notifier named, indexed without a walk: the open chat's files written, edited, removed.

The chat hears from watchfiles which paths below the corpus folder changed. Walking every file
to learn the same (`updates.plan`, a stat of each of 46k files) and then refreshing took most of
a minute and a half on a loaded machine at 100k passages. Here only the named paths are looked
at, each by the walk's own rules (`walk` in corpus/files.py), so what is read as an article is
what `assistant index` would read: a hidden path, a scratch file, a path below a link to a folder,
a link leading out of the corpus, a FIFO or a device is no article; a file over the size limit is
read and skipped with its reason, as the walk's refresh does. The index's BM25 and its files'
manifest end as a walk's refresh of those paths would leave them (`updates.apply`'s rules: a new
or edited article a small segment, a removed one a deletion mark).

A path that says something about a folder is left to the walk (None): a folder made, moved in,
renamed, removed or no longer listable, a folder no walk has seen, the corpus folder itself.
So is an index this process has never walked. What the notifier never names (a lost event) is
found by the next full check, as before; nothing is vouched for later questions (`seen.json` is
not written), so a one-shot command after this walks as it would have.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.corpus.files import scratch_file
from assistant.corpus.safe_paths import inside, real_root
from assistant.errors import IndexError_
from assistant.index.checked_files import StaleIndex
from assistant.index.store import current_generation, load, save
from assistant.index.updates import Changes, grown, mostly_dead, named, note_skips, writers_lock
from assistant.index.version import index_fingerprint
from assistant.locations import index_dir

if TYPE_CHECKING:
    from assistant.index.build import Progress
    from assistant.index.corpus_index import Index

FileStat = tuple[int, int]
"""A file's (size, mtime_ns), as the walk and the manifest keep it."""


class NeedsWalk(Exception):
    """A named path says something only a walk of the folder can settle (a folder changed)."""


def refresh_paths(index: Index, paths: Iterable[str], progress: Progress | None = None) -> Changes | None:
    """Bring the index up to date with the files at `paths` (ids below the corpus folder) alone.

    Returns what changed, or None when a full refresh (its walk) must settle it instead: a path
    names a folder, or no walk of this process says which folders exist. Another process's
    stored generation is taken up first (an `add` in another terminal), as the walk's refresh does.
    """
    if not index.walk_seen.folders or not index.corpus_dir.is_dir():
        return None
    wanted = sorted({p for p in paths if p is not None})
    if not wanted:
        return Changes()
    try:
        found = _on_disk(index, wanted)
        to_read, removed, sha = _plan(index, found)
        if not to_read and not removed:
            return Changes()
        try:
            lock = writers_lock(index)
            lock.acquire()
        except IndexError_ as exc:
            changes = _apply(index, to_read, removed, sha, progress)
            return None if changes is None else dataclasses.replace(changes, unsaved=exc.message)
        try:
            folder = index_dir(index.corpus_dir)
            ours = index.stored.origin.name if index.stored.origin is not None else None
            if current_generation(folder) not in (None, ours):
                try:
                    index.set_stored(load(folder, index_fingerprint(index.passage_tokens)))
                except StaleIndex:
                    return None
                to_read, removed, sha = _plan(index, found)
                if not to_read and not removed:
                    return Changes()
            changes = _apply(index, to_read, removed, sha, progress, folder=folder)
        finally:
            lock.release()
    except (NeedsWalk, StaleIndex):
        return None  # a folder changed, or a damaged row: the walk's refresh settles it as before
    return changes


def _on_disk(index: Index, ids: list[str]) -> dict[str, FileStat | None]:
    """Each id's file as the walk would find it now: (size, mtime_ns), or None when it finds none.

    Raises NeedsWalk for a path that names a folder (or lies in one no walk has seen).
    """
    root = index.corpus_dir
    root_real = real_root(root)
    ours = _index_prefix(root)
    folders = index.walk_seen.folders
    found: dict[str, FileStat | None] = {}
    for aid in ids:
        parts = aid.split("/")
        if not aid or any(part in ("", ".", "..") for part in parts):
            raise NeedsWalk(aid)  # the corpus folder itself, or a name no walk gives
        if any(part.startswith(".") for part in parts) or (ours is not None and _below(aid, ours)):
            continue  # hidden, or the index's own files: never an article, never a change
        found[aid] = _file_stat(root, root_real, parts, folders)
    return found


def _file_stat(root: Path, root_real: Path, parts: list[str], folders: dict[str, int]) -> FileStat | None:
    """The walk's view of one path (see `walk`): its stat when it is an article file, else None."""
    prefix = ""
    for name in parts[:-1]:
        try:
            info = os.lstat(root / (prefix + name))
        except OSError:
            info = None
        if info is None or not stat.S_ISDIR(info.st_mode):
            # The walk never gets below a missing folder or a link to one: nothing here is read.
            # A folder the walk had seen that is gone now (renamed, removed) is the walk's to settle.
            if prefix + name + "/" in folders:
                raise NeedsWalk(prefix + name)
            return None
        prefix += name + "/"
    if prefix not in folders:
        raise NeedsWalk(prefix)  # a folder made since the last walk: its other files were never named
    if folders[prefix] == -1 or not os.access(root / prefix, os.R_OK | os.X_OK):
        raise NeedsWalk(prefix)  # unlistable then or now: the walk says which files count
    path = root / (prefix + parts[-1])
    try:
        info = os.lstat(path)
    except OSError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise NeedsWalk(prefix + parts[-1])  # a folder made or moved in: its files were never named
    if prefix + parts[-1] + "/" in folders:
        # A folder the walk had seen, gone, or a file or a link put in its place (`mv wire away;
        # touch wire`): its files, never named, are the walk's to take off.
        raise NeedsWalk(prefix + parts[-1])
    if info is None:
        return None
    if scratch_file(parts[-1]):
        return None
    if stat.S_ISREG(info.st_mode):
        return info.st_size, info.st_mtime_ns
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.stat(path)
        except OSError:
            return None
        if stat.S_ISREG(target.st_mode) and inside(root_real, path):
            return target.st_size, target.st_mtime_ns
    return None  # a FIFO, a socket, a device, a link leading out of the corpus


def _index_prefix(root: Path) -> str | None:
    """The index folder's id prefix when it lies inside the corpus folder, else None."""
    try:
        relative = index_dir(root).relative_to(root)
    except ValueError:
        return None
    return relative.as_posix()


def _below(aid: str, prefix: str) -> bool:
    return aid == prefix or aid.startswith(prefix + "/")


def _plan(
    index: Index, found: dict[str, FileStat | None]
) -> tuple[list[str], set[str], dict[str, str | None]]:
    """As `updates.plan` for these ids alone: files to read again, ids gone, and the indexed ids' hashes."""
    positions = index.article_indexes(found)  # each id file searched once for them all
    known: dict[str, FileStat] = {}
    sha: dict[str, str | None] = {}
    for aid, position in positions.items():
        row = index.articles[position]
        known[aid] = (int(row["size"]), int(row["mtime_ns"]))
        sha[aid] = row["sha256"]
    skipped = {s["id"]: s for s in index.stored.skipped if s["id"] in found}
    for aid, skip in skipped.items():
        known.setdefault(aid, (skip["size"], skip["mtime_ns"]))
    to_read = []
    for aid, now in found.items():
        if now is None:
            continue
        retry = (
            aid in skipped
            and str(skipped[aid].get("why", "")).startswith("cannot read")
            and os.access(index.corpus_dir / aid, os.R_OK)
        )
        if known.get(aid) != now or retry:
            to_read.append(aid)
    removed = {aid for aid, now in found.items() if now is None and aid in known}
    return sorted(to_read), removed, sha


def _apply(
    index: Index,
    to_read: list[str],
    removed: set[str],
    sha: dict[str, str | None],
    progress: Progress | None,
    *,
    folder: Path | None = None,
) -> Changes | None:
    """`updates.apply` for the named files, then saved to `folder` (None: kept in memory).

    Edited and removed articles are marked dead, new and edited ones become one small segment.
    None when that is not the way (a file's time changed with its content the same, which the
    walk's refresh records by rewriting the index; or most of the index would be dead).
    """
    from assistant.index.build import read_batches

    items = [(aid, sha.get(aid)) for aid in to_read]
    batches = read_batches(index.corpus_dir, items, index.passage_tokens, progress)
    if any(batch.touched for batch in batches):
        return None
    skipped = {s["id"]: s for s in index.stored.skipped if s["id"] not in removed}
    new_skips = note_skips(batches, skipped)
    fresh = [aid for batch in batches for aid in batch.table.ids]
    for aid in fresh:
        skipped.pop(aid, None)
    unreadable = {aid for aid, _ in new_skips if aid in sha}  # articles that became unreadable
    drop = removed | unreadable | {aid for aid in fresh if aid in sha}
    positions = index.article_indexes(drop & set(sha))
    if drop & set(sha) and (index.live_articles <= len(positions) or mostly_dead(index, positions.values())):
        return None
    stored = grown(index.stored, batches, list(skipped.values()), dead=sorted(positions.values()) or None)
    named(stored, index.stored)
    changes = Changes(
        added=tuple(sorted(aid for aid in fresh if aid not in sha)),
        changed=tuple(sorted(aid for aid in fresh if aid in sha)),
        removed=tuple(sorted((removed | unreadable) & set(sha))),
        skipped=tuple(new_skips),
    )
    return _saved(index, folder, stored, changes)


def _saved(index: Index, folder: Path | None, stored: Any, changes: Changes) -> Changes:
    """Store the generation (the caller holds the writers' lock); a failed save keeps it in memory."""
    if folder is None:
        index.set_stored(stored)
        return changes
    try:
        index.set_stored(save(folder, stored, index_fingerprint(index.passage_tokens)))
    except IndexError_ as exc:
        index.set_stored(stored)
        return dataclasses.replace(changes, unsaved=exc.message)
    return changes
