"""One article's table position by its id, without a map of every id.

A command that names one article (`remove ID`, `show ID`, `ask --article ID`) used to list every
stored id to find one: at 1M passages 462,749 JSON strings parsed (~0.3 s), most of what `remove`
cost. A stored segment's id file holds one JSON string a line, so a byte search finds the line and
a count of the newlines before it gives the row. A process that looks ids up question after
question passes its `IdTables` (id_tables): each segment's ids are then read once and found by hash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.index.segment_files import KEYS_FILE

if TYPE_CHECKING:
    from assistant.index.generation import Stored
    from assistant.index.id_tables import IdTables
    from assistant.index.segment import Segment


def live_position(stored: Stored, article_id: str, tables: IdTables | None = None) -> int | None:
    """The table position of the live article with this id (the newest, should a file repeat), or None."""
    return live_positions(stored, [article_id], tables).get(article_id)


def live_positions(
    stored: Stored, article_ids: Iterable[str], tables: IdTables | None = None
) -> dict[str, int]:
    """`live_position` of each id (ids not found are left out), each segment's id file read once for
    them all: a quote's copies ("also in") are looked up together, not one id file read per copy.
    With `tables`, each stored segment's ids are read into them once and found by hash after."""
    wanted = {aid: (json.dumps(aid, ensure_ascii=True) + "\n").encode("ascii") for aid in article_ids if aid}
    found: dict[str, int] = {}
    for segment in reversed(stored.segments):
        left = {aid: line for aid, line in wanted.items() if aid not in found}
        if not left:
            break
        for aid, positions in _positions_in(segment, left, tables).items():
            live = [position for position in positions if position not in stored.dead]
            if live:
                found[aid] = live[-1]
    return found


def many_positions(stored: Stored) -> dict[str, int]:
    """Every live article's position by id: the map every lookup must agree with (the tests' check)."""
    ids, _, _ = stored.file_keys()
    return {aid: i for i, aid in enumerate(ids) if aid}


def _positions_in(
    segment: Segment, wanted: dict[str, bytes], tables: IdTables | None
) -> dict[str, list[int]]:
    """Per id of `wanted` (id -> its JSON line), the global positions of `segment`'s rows holding
    it, in table order (ids not there are left out)."""
    if segment.keys_loaded or segment.folder is None or segment.articles.stored_rows is None:
        return _positions_by_ids(segment, wanted)
    if tables is not None and segment.name is not None:
        return _positions_by_table(segment, wanted, tables)
    try:
        data = (segment.folder / KEYS_FILE).read_bytes()
    except OSError:
        return _positions_by_ids(segment, wanted)  # reports a damaged segment as the full read does
    hits: list[tuple[int, str]] = []
    for aid, line in wanted.items():
        start = 0
        while (hit := data.find(line, start)) >= 0:
            if hit == 0 or data[hit - 1 : hit] == b"\n":
                hits.append((hit, aid))
            start = hit + 1
    found: dict[str, list[int]] = {}
    row = offset = 0
    for hit, aid in sorted(hits):  # rows counted once across all hits, in file order
        row += data.count(b"\n", offset, hit)
        offset = hit
        found.setdefault(aid, []).append(segment.base_article + row)
    return found


def _positions_by_table(segment: Segment, wanted: dict[str, bytes], tables: IdTables) -> dict[str, list[int]]:
    assert segment.folder is not None and segment.name is not None
    try:
        table = tables.table(segment.name, segment.folder)
    except OSError:
        return _positions_by_ids(segment, wanted)  # reports a damaged segment as the full read does
    if table.count != len(segment.articles):
        return _positions_by_ids(segment, wanted)
    found: dict[str, list[int]] = {}
    for aid, line in wanted.items():
        rows = table.rows(line)
        if rows:
            found[aid] = [segment.base_article + row for row in rows]
    return found


def _positions_by_ids(segment: Segment, wanted: dict[str, bytes]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for k, aid in enumerate(segment.file_keys()[0]):
        if aid in wanted:
            found.setdefault(aid, []).append(segment.base_article + k)
    return found
