"""A stored segment's ids held by hash, for a process that looks ids up question after question.

A one-shot `ask` searches a segment's id file for the few ids it needs (article_lookup). A chat or
`ask --batch` at 1M passages did that for every question whose quotes have copies: ~460k id lines
(12 MB) read and searched each time, ~40 ms of CPU a question. Past a few such questions the
process keeps, per segment, each id line's hash sorted beside its row and the file's bytes to
confirm a hit (~51 bytes an article, 23.6 MB at 1M, built in ~0.15 s): an id is then a binary
search. A segment never changes once written, so its table stays right for as long as a
generation names it; removed articles are the generation's marks, applied after the lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.index.segment_files import KEYS_FILE

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


class SegmentIds:
    """One segment's id lines (one JSON string a line), found by hash and confirmed byte for byte."""

    def __init__(self, data: bytes) -> None:
        lines = data.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        self._data = data
        self.count = len(lines)
        """Id lines held (a segment's articles, when the file is whole)."""
        lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines)) + 1
        self._starts: npt.NDArray[np.int64] = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        # Python's own hash of each line: in this process only, never stored.
        hashes = np.fromiter(map(hash, lines), dtype=np.int64, count=len(lines))
        order = np.argsort(hashes, kind="stable")
        self._hashes: npt.NDArray[np.int64] = hashes[order]
        self._rows: npt.NDArray[np.int64] = order.astype(np.int64)

    @classmethod
    def read(cls, folder: Path) -> SegmentIds:
        """The table of a stored segment's id file (raises OSError)."""
        return cls((folder / KEYS_FILE).read_bytes())

    def rows(self, line: bytes) -> list[int]:
        """The segment's rows (ascending) whose id line is `line` (the JSON string and its newline)."""
        key = hash(line[:-1])
        lo = int(np.searchsorted(self._hashes, key, side="left"))
        hi = int(np.searchsorted(self._hashes, key, side="right"))
        found = []
        for row in self._rows[lo:hi].tolist():
            start = int(self._starts[row])
            if self._data[start : start + len(line)] == line:
                found.append(row)
        return sorted(found)


class IdTables:
    """The `SegmentIds` of the segments a process has looked ids up in, by segment name.

    Only the segments of the generation asked about are kept: a merged-away segment's table goes
    at the next lookup, so memory follows the index, not the process's history.
    """

    def __init__(self) -> None:
        self._tables: dict[str, SegmentIds] = {}

    def table(self, name: str, folder: Path) -> SegmentIds:
        """The table of the stored segment `name` in `folder`, read once (raises OSError)."""
        held = self._tables.get(name)
        if held is None:
            held = self._tables[name] = SegmentIds.read(folder)
        return held

    def keep_only(self, names: Iterable[str | None]) -> None:
        """Drop the tables of segments not named (no longer in the generation)."""
        wanted = set(names)
        for name in [n for n in self._tables if n not in wanted]:
            del self._tables[name]
