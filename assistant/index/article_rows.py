"""The article table on disk as one JSON row a line, with an array of where each row starts.

A question shows a handful of articles; parsing a table of 450k articles to show them took
seconds. Rows are read one at a time by offset (`row`), and the whole table is parsed only
by the commands that need every article (`columns`: list, a walk of the folder, filters).
Every byte has been checked against the generation's manifest before a row is trusted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


class ArticleRows:
    """Rows of a stored article table: `len`, one row by position, or every column at once."""

    def __init__(
        self,
        path: Path,
        offsets: npt.NDArray[np.int64],
        names: Sequence[str],
        *,
        ids: Sequence[str] | None = None,
    ) -> None:
        self.path = path
        self.offsets = offsets
        """Where each row starts, and where the last ends: a stored table's start at 0, a batch's
        rows in a build's spill file (build_spill) wherever that batch was written."""
        self.names = tuple(names)
        self.ids = ids
        """The id column when known without parsing (a build's spill keeps it), else None."""

    def __len__(self) -> int:
        return int(self.offsets.shape[0]) - 1

    def row(self, i: int) -> list[Any]:
        """The values of row `i`, in column order."""
        if not 0 <= i < len(self):
            raise IndexError(i)
        lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
        fd = os.open(self.path, os.O_RDONLY)
        try:
            data = os.pread(fd, hi - lo, lo)
        finally:
            os.close(fd)
        values = json.loads(data)
        if not isinstance(values, list) or len(values) != len(self.names):
            raise ValueError("article row does not match the table's columns")
        return values

    def stored_bytes(self) -> bytes:
        """Every row as stored, unparsed, in one read: the chat's list reads them under the engine's
        lock and parses them outside it (`parse_rows`), so a question is not held up by the parse."""
        lo, hi = int(self.offsets[0]), int(self.offsets[-1])
        with open(self.path, "rb") as handle:
            handle.seek(lo)
            return handle.read(hi - lo)

    def columns(self) -> dict[str, list[Any]]:
        """Every row parsed at once, by column."""
        lo, hi = int(self.offsets[0]), int(self.offsets[-1])
        with open(self.path, "rb") as handle:
            handle.seek(lo)
            text = handle.read(hi - lo).decode("ascii")
        rows = json.loads("[" + ",".join(text.splitlines()) + "]") if text else []
        if any(not isinstance(r, list) or len(r) != len(self.names) for r in rows):
            raise ValueError("article rows do not match the table's columns")
        if len(rows) != len(self):
            raise ValueError("article rows do not match their offsets")
        by_column = list(zip(*rows, strict=True)) if rows else [() for _ in self.names]
        return {name: list(values) for name, values in zip(self.names, by_column, strict=True)}


def parse_rows(data: bytes, width: int, *, chunk: int = 500) -> Iterator[list[Any]]:
    """The rows of `stored_bytes`, parsed `chunk` lines at a time: one parse of 30 MB (46k articles)
    holds the interpreter for a second or more, and the chat's screen would stand still meanwhile."""
    lines = data.decode("ascii").splitlines()
    for start in range(0, len(lines), chunk):
        rows = json.loads("[" + ",".join(lines[start : start + chunk]) + "]")
        if any(not isinstance(r, list) or len(r) != width for r in rows):
            raise ValueError("article rows do not match the table's columns")
        yield from rows


def write_rows(path: Path, columns: dict[str, list[Any]]) -> npt.NDArray[np.int64]:
    """Write the table a row a line (ASCII escapes: undecodable file names survive); returns offsets."""
    names = list(columns)
    n = len(columns[names[0]]) if names else 0
    offsets = np.zeros(n + 1, dtype=np.int64)
    position = 0
    with open(path, "w", encoding="ascii", newline="\n") as handle:
        for i, row in enumerate(zip(*(columns[name] for name in names), strict=True)):
            line = json.dumps(list(row), ensure_ascii=True) + "\n"
            handle.write(line)
            position += len(line)
            offsets[i + 1] = position
    return offsets


def check_offsets(offsets: npt.NDArray[Any], size: int, *, every: bool = True) -> None:
    """Offsets that could belong to a rows file of `size` bytes, or ValueError.

    `every=False` leaves out the pass over every offset (one per article: ~3 ms and 3.7 MB read at
    a million passages) for a file whose bytes passed that pass before and have not changed since.
    """
    if offsets.ndim != 1 or offsets.shape[0] < 1 or offsets.dtype != np.int64:
        raise ValueError("article offsets have the wrong shape")
    if int(offsets[0]) != 0 or int(offsets[-1]) != size:
        raise ValueError("article offsets do not match their rows")
    if every and bool(np.any(offsets[1:] <= offsets[:-1])):
        raise ValueError("article offsets do not match their rows")
