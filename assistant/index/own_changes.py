"""Changes a command made itself, indexed without a walk: `add`'s new files, `remove`'s deletion.

The command knows the file it wrote or deleted, and the folder stamps taken just before vouch
for the rest of the corpus (folder_stamps.before_writing); afterwards every other folder must
still have its time and the corpus folder must list what it did, give or take that file. Only
then is just that file read (one small segment) or marked dead; anything else means the full
refresh with its walk, as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import IndexError_
from assistant.index import folder_stamps
from assistant.index.article_lookup import live_position
from assistant.index.build import read_batches
from assistant.index.generation import Stored
from assistant.index.store import current_generation, save
from assistant.index.updates import Changes, grown, mostly_dead, named, note_skips, refresh, writers_lock
from assistant.index.version import index_fingerprint
from assistant.locations import index_dir

if TYPE_CHECKING:
    from assistant.index.corpus_index import Index

Vouched = tuple[folder_stamps.Stamps, folder_stamps.Entries] | None
"""The folder stamps and the corpus folder's listing that vouched for an index before a write."""


def refresh_written(
    index: Index,
    written: Sequence[str],
    before: tuple[folder_stamps.Stamps, folder_stamps.Entries] | None,
) -> Changes:
    """Index the files `add` has just written into the corpus folder: no walk when nothing else moved.

    `before` is what vouched for the index just before they were written (`before_writing`).
    Then the other folders must still have their stamped times and the corpus folder must
    list what it did plus the new files; only those files are read. Anything else (no stamps,
    another change, another generation) means the full refresh, as before.
    """
    folder = index_dir(index.corpus_dir)
    origin = index.stored.origin
    if not written or before is None or origin is None:
        return refresh(index)
    with writers_lock(index):
        if current_generation(folder) != origin.name:
            return refresh(index)
        stamps = folder_stamps.after_writing(index.corpus_dir, before[0], before[1], written)
        if stamps is None:
            return refresh(index)
        new = sorted(written)
        batches = read_batches(index.corpus_dir, [(aid, None) for aid in new], index.passage_tokens, None)
        skipped = {s["id"]: s for s in index.stored.skipped}
        new_skips = note_skips(batches, skipped)
        stored = grown(index.stored, batches, list(skipped.values()))
        named(stored, index.stored)
        changes = Changes(
            added=tuple(sorted(aid for b in batches for aid in b.table.ids)), skipped=tuple(new_skips)
        )
        return _saved(index, folder, stored, stamps, changes)


def refresh_removed(
    index: Index, removed: str, before: tuple[folder_stamps.Stamps, folder_stamps.Entries] | None
) -> Changes:
    """Mark dead the article `remove` has just deleted from the corpus folder: no walk, no row parsed.

    As `refresh_written`: `before` must have vouched for the index, and nothing else may have
    moved; a removal that would leave most passages dead rewrites the index the usual way.
    """
    folder = index_dir(index.corpus_dir)
    origin = index.stored.origin
    if before is None or origin is None or "/" in removed:
        return refresh(index)
    with writers_lock(index):
        if current_generation(folder) != origin.name:
            return refresh(index)
        stamps = folder_stamps.after_writing(index.corpus_dir, before[0], before[1], [], [removed])
        position = live_position(index.stored, removed)
        live_rows = index.live_articles
        if stamps is None or position is None or live_rows < 2:
            return refresh(index)
        if mostly_dead(index, [position]):
            return refresh(index)  # most of the index dead: rewritten whole, as refresh does
        skipped = [s for s in index.stored.skipped if s["id"] != removed]
        stored = grown(index.stored, [], skipped, dead=[position])
        named(stored, index.stored)
        return _saved(index, folder, stored, stamps, Changes(removed=(removed,)))


def _saved(
    index: Index, folder: Path, stored: Stored, stamps: folder_stamps.Stamps, changes: Changes
) -> Changes:
    """Commit `stored` and the folder stamps that vouch for it (the caller holds the writers' lock).

    A save that fails (a full disk, a read-only index folder) leaves the stored index as it was:
    the index in memory answers, and the change says once that it could not be saved.
    """
    try:
        saved = save(folder, stored, index_fingerprint(index.passage_tokens))
    except IndexError_ as exc:
        index.set_stored(stored)
        return dataclasses.replace(changes, unsaved=exc.message)
    index.set_stored(saved)
    if saved.origin is not None:
        folder_stamps.write(folder, saved.origin.name, stamps)
    return changes
