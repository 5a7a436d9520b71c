"""Keeping an open index current with its folder: what changed, the segment or marks, the save.

On each refresh only files that were added, changed or removed are read again (size and
modification time first, then content hash). Added articles become one small segment, removed
ones deletion marks; see merge. `add` and `remove` take a shorter way (own_changes.py).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.corpus import walk
from assistant.errors import CorpusNotFound, IndexError_
from assistant.index import folder_stamps
from assistant.index.checked_files import StaleIndex
from assistant.index.generation import Stored, empty
from assistant.index.speaker_names import Names, names_after
from assistant.index.store import current_generation, load, prepare_folder, save
from assistant.index.version import index_fingerprint
from assistant.locations import index_dir
from assistant.speakers import names_of

if TYPE_CHECKING:
    from assistant.index.analysis import Batch
    from assistant.index.build import Progress
    from assistant.index.corpus_index import Index
    from assistant.index.writers_lock import WritersLock

# Reading files (build) and writing segments (merge) are imported by the refresh that needs
# them: a question that finds its index current loads neither.

MAX_SEGMENTS = 8
"""More segments than this after an addition: all but the first are folded into one."""


@dataclass(frozen=True, slots=True)
class Changes:
    """What a refresh found on disk."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    """Files that are not readable articles, with the reason (new ones only)."""
    rebuilt: str | None = None
    """Why the whole index was rebuilt, if it was."""
    unsaved: str | None = None
    """Why the updated index could not be stored (it is used from memory this time)."""

    @property
    def any(self) -> bool:
        """True when the index content changed."""
        return bool(self.added or self.changed or self.removed)


@dataclass(slots=True)
class WalkSeen:
    """What the last full walk saw: kept as folder stamps once the index is found current."""

    started_ns: int = 0
    folders: dict[str, int] = field(default_factory=dict)
    root: frozenset[tuple[str, bool]] = frozenset()


def writers_lock(index: Index) -> WritersLock:
    """The writers' lock of the index (re-entrant: hold it around an add and its refresh)."""
    if index.file_lock is None:
        folder = index_dir(index.corpus_dir)
        try:
            prepare_folder(folder)
        except OSError as exc:
            raise IndexError_(f"cannot create the index folder {folder}: {exc.strerror or exc}") from exc
        from assistant.index.writers_lock import writers_lock_at

        index.file_lock = writers_lock_at(folder / "lock")
    return index.file_lock


def plan(index: Index) -> tuple[list[str], set[str]]:
    """Files to read again (new or with another size or time) and ids no longer on disk."""
    ids, stats, _ = index.stored.file_keys()  # no article row parsed
    known = {
        aid: (size, mtime)
        for aid, (size, mtime) in zip(ids, stats.tolist(), strict=True)
        if aid  # a removed article's row reads as id "" until a merge drops it
    }
    known.update({s["id"]: (s["size"], s["mtime_ns"]) for s in index.stored.skipped})
    seen = index.walk_seen
    seen.started_ns = folder_stamps.now_ns()
    seen.folders = {}
    found = walk(index.corpus_dir, seen.folders)
    seen.root = folder_stamps.top_entries(found, seen.folders)
    to_read = sorted(aid for aid, stat in found.items() if known.get(aid) != stat)
    # A file skipped because it could not be opened is read again once it can be (permissions
    # fixed: same size and time, so the stat check alone would never notice).
    retry = [
        s["id"]
        for s in index.stored.skipped
        if str(s.get("why", "")).startswith("cannot read")
        and s["id"] in found
        and os.access(index.corpus_dir / s["id"], os.R_OK)
    ]
    if retry:
        to_read = sorted(set(to_read) | set(retry))
    return to_read, set(known) - set(found)


def folders_unchanged(index: Index) -> bool:
    """The folders look as they did when this generation was last found current."""
    origin = index.stored.origin
    unreadable = any(str(s.get("why", "")).startswith("cannot read") for s in index.stored.skipped)
    if origin is None or unreadable:
        return False  # a file unreadable then may be readable now without any folder changing
    return folder_stamps.unchanged(index.corpus_dir, index_dir(index.corpus_dir), origin.name)


def before_writing(index: Index) -> tuple[folder_stamps.Stamps, folder_stamps.Entries] | None:
    """What vouches for the index just before `add` writes (see refresh_written); None: nothing does."""
    origin = index.stored.origin
    unreadable = any(str(s.get("why", "")).startswith("cannot read") for s in index.stored.skipped)
    if origin is None or unreadable:
        return None
    return folder_stamps.before_writing(index.corpus_dir, index_dir(index.corpus_dir), origin.name)


def remember_folders(index: Index) -> None:
    """After a full walk found the index current: keep the folder times for later questions."""
    origin = index.stored.origin
    if origin is not None and origin.parent == index_dir(index.corpus_dir):
        seen = index.walk_seen
        folder_stamps.record(
            origin.parent, origin.name, seen.folders, seen.started_ns, root=(index.corpus_dir, seen.root)
        )


def follow(index: Index) -> bool:
    """Take up a generation another process stored since this one was loaded; True if one was.

    An `assistant add` in another terminal stores a new generation and moves `CURRENT`; a chat or
    script that keeps its index open answered from the old one ("not in the corpus" about the
    article just added) until its next full scan. Reading the pointer costs one small file read.
    """
    folder = index_dir(index.corpus_dir)
    ours = index.stored.origin.name if index.stored.origin is not None else None
    current = current_generation(folder)
    if current is None or current == ours:
        return False
    try:
        index.set_stored(load(folder, index_fingerprint(index.passage_tokens)))
    except StaleIndex:
        return False  # damaged or of another build: keep answering from what we hold
    return True


def refresh(index: Index, progress: Progress | None = None, *, trust_folders: bool = False) -> Changes:
    """Re-read only what changed on disk and store a new generation if anything did.

    With `trust_folders`, unchanged folder times (see folder_stamps) stand for a full walk.
    """
    if not index.corpus_dir.is_dir():
        raise CorpusNotFound(f"corpus folder not found: {index.corpus_dir}", missing=index.corpus_dir)
    if trust_folders and folders_unchanged(index):
        return Changes()
    to_read, removed = plan(index)
    if not to_read and not removed:
        remember_folders(index)
        return Changes()
    try:
        lock = writers_lock(index)
        lock.acquire()
    except IndexError_ as exc:
        # No lock to be had (a read-only or full index folder): nothing can be stored anyway;
        # answer from the up-to-date index in memory and say so once.
        changes, stored = apply(index, to_read, removed, progress)
        index.set_stored(stored)
        return dataclasses.replace(changes, unsaved=exc.message)
    try:
        # Another process may have brought the index up to date while we waited.
        folder = index_dir(index.corpus_dir)
        ours = index.stored.origin.name if index.stored.origin is not None else None
        if current_generation(folder) not in (None, ours):
            held = index.stored
            try:
                index.set_stored(load(folder, index_fingerprint(index.passage_tokens)))
                to_read, removed = plan(index)
            except StaleIndex:
                index.set_stored(held)  # the stored one is damaged: go on from what we hold
        if not to_read and not removed:
            remember_folders(index)
            return Changes()
        changes, stored = apply(index, to_read, removed, progress)
        try:
            # What was just written is what we hold: no second copy of a large table is read back.
            index.set_stored(save(folder, stored, index_fingerprint(index.passage_tokens)))
            remember_folders(index)
        except IndexError_ as exc:
            # A full disk or a read-only index folder: the stored index is untouched; answer from
            # the up-to-date index in memory and say once that it could not be saved.
            index.set_stored(stored)
            return dataclasses.replace(changes, unsaved=exc.message)
    finally:
        lock.release()
    return changes


def apply(
    index: Index, to_read: list[str], removed: set[str], progress: Progress | None
) -> tuple[Changes, Stored]:
    """The next generation once `to_read` are read again and `removed` are gone (not yet saved)."""
    from assistant.index.build import read_batches
    from assistant.index.merge import combined, merge

    table = index.articles
    ids, _, hashes = index.stored.file_keys()
    sha = {aid: v for aid, v in zip(ids, hashes, strict=True) if aid}
    items = [(aid, sha.get(aid)) for aid in to_read]
    batches = read_batches(index.corpus_dir, items, index.passage_tokens, progress)
    skipped = {s["id"]: s for s in index.stored.skipped if s["id"] not in removed}
    new_skips = note_skips(batches, skipped)
    fresh: list[str] = []
    touched: dict[str, tuple[int, int]] = {}
    for batch in batches:
        touched.update(batch.touched)
        fresh.extend(batch.table.ids)
    for aid in fresh + list(touched):
        skipped.pop(aid, None)
    unreadable = {aid for aid, _ in new_skips if aid in sha}  # articles that became unreadable
    drop = removed | unreadable | {aid for aid in fresh if aid in sha}
    live_rows = len(table) - len(index.stored.dead)
    positions: list[int] | None = None
    if not touched and live_rows > len(drop):
        positions = [p for aid in drop if (p := index.article_index(aid)) is not None]
    if positions is not None and not mostly_dead(index, positions):
        # Removed and edited articles are marked dead; new and edited ones become one small
        # segment after the others. Nothing stored is rewritten.
        stored = grown(index.stored, batches, list(skipped.values()), dead=positions if drop else None)
    else:
        # File times changed, or most of the index is dead: one segment, rewritten whole.
        stored = merge(combined(index.stored), drop, batches, touched, list(skipped.values()))
    named(stored)
    changes = Changes(
        added=tuple(sorted(aid for aid in fresh if aid not in sha)),
        changed=tuple(sorted(aid for aid in fresh if aid in sha)),
        removed=tuple(sorted((removed | unreadable) & set(sha))),
        skipped=tuple(new_skips),
    )
    return changes, stored


def named(stored: Stored, before: Stored | None = None) -> None:
    """Work out the corpus-wide short speaker names ("Blair" -> "Tony Blair") for every later question.

    Folded from the segments' speaker counts less the dead articles' (speaker_counts): no
    article row is read but the changed ones. Given the generation `before` a small change,
    only the names the change can reach are folded again (speaker_names).
    """
    if before is not None and "speaker_names" in before.info:
        names = _names_by_key(stored, before)
        if names is None:
            names = names_after(before.speaker_tally(), before.info["speaker_names"], stored.speaker_tally())
        stored.info["speaker_names"] = names
    else:
        stored.info["speaker_names"] = names_of(stored.speaker_tally())


def _names_by_key(stored: Stored, before: Stored) -> Names | None:
    """`names_after` with the large first segment's counts read a key at a time (only the keys the
    other parts touch can change); None when they are not kept so, or their file is damaged
    (`speakers.json`, checked with the segment, is read whole instead)."""
    if before.segments[0] is not stored.segments[0]:
        return None
    try:
        old, new = before.speaker_counts_by_key(), stored.speaker_counts_by_key()
        if old is None or new is None:
            return None
        return names_after(old[0], before.info["speaker_names"], new[0], old[1] | new[1])
    except StaleIndex:
        return None


def compact(index: Index) -> None:
    """Fold all segments into one and store it (the full check's merge); best effort."""
    if len(index.stored.segments) <= 1 and not index.stored.dead:
        return
    from assistant.index.merge import combined, merge

    try:
        with writers_lock(index):
            if index.stored.dead:
                stored = merge(combined(index.stored), set(), [], {}, index.stored.skipped)
            else:
                stored = combined(index.stored)
            named(stored)
            folder = index_dir(index.corpus_dir)
            index.set_stored(save(folder, stored, index_fingerprint(index.passage_tokens)))
    except IndexError_:
        pass  # a read-only index folder: the segments keep answering exactly


def grown(
    stored: Stored, batches: list[Batch], skipped: list[dict[str, Any]], *, dead: Sequence[int] | None = None
) -> Stored:
    """`stored` with the articles at `dead` marked and the batches' articles as one new segment.

    The short way of every change (a refresh, `add`, `remove`): nothing stored is rewritten. Past
    MAX_SEGMENTS all segments but the first are folded into one, so a question never sums many.
    """
    from assistant.index.merge import appended, combined, marked

    if dead is not None:
        stored = marked(stored, dead, skipped)
    if any(len(b.table) for b in batches):
        stored = appended(stored, batches, skipped, empty())
    elif dead is None:
        stored = marked(stored, [], skipped)  # only the skipped list changed
    if len(stored.segments) > MAX_SEGMENTS:
        stored = combined(stored, start=1)
    return stored


def mostly_dead(index: Index, positions: Iterable[int]) -> bool:
    """True when, with the articles at `positions` marked too, dead passages would be half the live or more.

    Dead passages still cost every search and every open; past this point a change rewrites
    the index whole instead of marking more (one rule for the refresh and for `remove`).
    """
    dead = index.n_passages - index.n_live
    for position in positions:
        dead += int(index.pass_hi[position] - index.pass_lo[position])
    return index.n_live <= 2 * dead


def note_skips(batches: list[Batch], skipped: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """The files the batches could not read, put into `skipped` by id; returned as (id, why)."""
    new_skips: list[tuple[str, str]] = []
    for batch in batches:
        for skip in batch.skipped:
            skipped[skip["id"]] = skip
            new_skips.append((skip["id"], skip["why"]))
    return new_skips
