"""What another process's generation changed, for the chat's list: by the files' keys, no row parsed.

An `assistant add` or `remove` in another terminal stores a new generation, which the chat takes up
at its next question (or the walk that polling runs). The list was then drawn again from every
article's row (`engine.articles()`: ~24 s at 46k articles on a loaded machine, the question waiting
behind it); comparing the index's file keys before and after (id, size, mtime, content hash) names
the few articles to list anew or take off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.models import ArticleInfo

FileKeys = tuple[list[str], Any, Sequence[str | None]]
"""`Engine.file_keys()`: ids ("" removed), (size, mtime_ns) rows, content hashes, in table order."""


def changed_ids(before: FileKeys, after: FileKeys) -> tuple[set[str], set[str]]:
    """Ids live `after` whose file is new or differs from `before`'s, and ids live before, not after.

    Position by position, in C: a new generation keeps the old table's rows where they were (a
    change marks the old row dead and appends), so only the rows that differ are looked at; a row
    moved by a merge is listed anew, which is never wrong.
    """
    import numpy as np  # here, in a worker: not loaded before the chat's first paint

    if before is after:
        return set(), set()
    old_ids, old_stats, old_hashes = before
    new_ids, new_stats, new_hashes = after
    n = min(len(old_ids), len(new_ids))
    differ = (old_stats[:n] != new_stats[:n]).any(axis=1)
    differ |= np.array(old_ids[:n], dtype=object) != np.array(new_ids[:n], dtype=object)
    differ |= np.array(old_hashes[:n], dtype=object) != np.array(new_hashes[:n], dtype=object)
    at = np.flatnonzero(differ).tolist()
    fresh = {new_ids[i] for i in at} | set(new_ids[n:])
    fresh.discard("")
    were = {old_ids[i] for i in at} | set(old_ids[n:])
    were.discard("")
    return fresh, were - set(new_ids) if were else set()


def follow_listed(engine: Engine) -> tuple[dict[str, ArticleInfo], tuple[str, ...]] | None:
    """Take up another process's generation (the caller holds the engine's lock); the rows of the
    articles it added or changed and the ids it removed, or None when there was none."""
    before = engine.file_keys()
    if not engine.follow():
        return None
    fresh, gone = changed_ids(before, engine.file_keys())
    return engine.article_infos(fresh), tuple(sorted(gone))
