"""One article's table position by its id, without a map of every id.

A command that names one article (`remove ID`, `show ID`, `ask --article ID`) used to list every
stored id to find one: at 1M passages 462,749 JSON strings parsed (~0.3 s), most of what `remove`
cost. A stored segment's id file holds one JSON string a line, so a byte search finds the line and
a count of the newlines before it gives the row; the map is built only for callers that look up
many ids (`many_positions`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from assistant.index.segment_files import KEYS_FILE

if TYPE_CHECKING:
    from assistant.index.generation import Stored
    from assistant.index.segment import Segment


def live_position(stored: Stored, article_id: str) -> int | None:
    """The table position of the live article with this id (the newest, should a file repeat), or None."""
    if not article_id:
        return None
    wanted = (json.dumps(article_id, ensure_ascii=True) + "\n").encode("ascii")
    for segment in reversed(stored.segments):
        for position in reversed(_positions_in(segment, article_id, wanted)):
            if position not in stored.dead:
                return position
    return None


def many_positions(stored: Stored) -> dict[str, int]:
    """Every live article's position by id (for callers that look up many ids at once)."""
    ids, _, _ = stored.file_keys()
    return {aid: i for i, aid in enumerate(ids) if aid}


def _positions_in(segment: Segment, article_id: str, wanted: bytes) -> list[int]:
    """Global positions of the rows of `segment` whose id is `article_id`, in table order."""
    if segment.keys_loaded or segment.folder is None or segment.articles.stored_rows is None:
        ids = segment.file_keys()[0]
        return [segment.base_article + k for k, aid in enumerate(ids) if aid == article_id]
    try:
        data = (segment.folder / KEYS_FILE).read_bytes()
    except OSError:
        ids = segment.file_keys()[0]  # reports a damaged segment as the full read does
        return [segment.base_article + k for k, aid in enumerate(ids) if aid == article_id]
    hits: list[int] = []
    start = 0
    while (hit := data.find(wanted, start)) >= 0:
        if hit == 0 or data[hit - 1 : hit] == b"\n":
            hits.append(segment.base_article + data.count(b"\n", 0, hit))
        start = hit + 1
    return hits
