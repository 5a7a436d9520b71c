"""The speakers' raw counts kept beside the index: one tally per segment, one for the dead rows.

The corpus-wide short names ("Blair" -> "Tony Blair") are folded from the whole corpus's
counts. Each segment stores the tally of its own articles (`speakers.json`, written with the
segment and checked with its other files); a generation stores the tally of the articles it
marked dead (`speakers-dead.json`). The corpus's tally is the segments' summed less the dead
one, so an added or removed article costs its own rows, not a parse of every article.
An index written before these files existed is counted from its rows once, when needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.index.checked_files import StaleIndex
from assistant.speakers import tally

if TYPE_CHECKING:
    from assistant.index.segment import Segment

SEGMENT_FILE = "speakers.json"
DEAD_FILE = "speakers-dead.json"


def segment_tally(segment: Segment) -> tally.Tally:
    """The segment's own counts: read from its folder when stored there, else counted once."""
    if segment.speaker_counts is None:
        stored = None
        if segment.folder is not None and segment.tally_stored:
            stored = read(segment.folder / SEGMENT_FILE)
        if stored is None:
            stored = tally.count(segment.articles.columns["speakers"])
        segment.speaker_counts = stored
    return segment.speaker_counts


def raw_rows(segments: Sequence[Segment], positions: Iterable[int]) -> list[Any]:
    """The stored speaker rows of the articles at these global positions, dead or not (one row read each)."""
    rows: list[Any] = []
    for position in positions:
        for segment in segments:
            if segment.base_article <= position < segment.base_article + len(segment.articles):
                rows.append(segment.articles[position - segment.base_article]["speakers"])
                break
    return rows


def read(path: Path) -> tally.Tally | None:
    """A stored tally (its bytes already checked against the manifest), or StaleIndex when damaged."""
    try:
        found = tally.checked(json.loads(path.read_text(encoding="ascii")))
    except (OSError, ValueError) as exc:
        raise StaleIndex(f"the index speaker counts are damaged ({exc.__class__.__name__})") from exc
    if found is None:
        raise StaleIndex("the index speaker counts are damaged")
    return found


def write(path: Path, counts: tally.Tally) -> None:
    """A tally as ASCII JSON (names that are not valid UTF-8 survive as escapes); raises OSError."""
    path.write_text(json.dumps(counts, ensure_ascii=True, separators=(",", ":")), encoding="ascii")
