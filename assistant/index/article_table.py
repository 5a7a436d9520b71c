"""The index's table of articles, stored by column.

Columns load faster than a list of records and take a fraction of the
memory on a large corpus; a record (a plain dict) is built only for the
articles an answer actually shows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

COLUMNS = (
    "id", "title", "author", "source", "date", "url", "size", "mtime_ns", "sha256",
    "paragraphs", "words", "tokens", "meta_spans", "warnings", "markdown",
    "speakers",  # attributions computed at index time (assistant.speakers.encode rows)
    "body_sha256",  # fingerprint of the normalised body (article_file.body_sha256): duplicates
)  # fmt: skip


ROWS_KEPT = 4096
"""Rows of a stored table kept parsed per table (a few MB at most)."""


class ArticleTable(Sequence[dict[str, Any]]):
    """Article records by position; `index_of` finds one by id."""

    def __init__(self, columns: dict[str, list[Any]] | None = None, *, rows: Any = None) -> None:
        self._rows = rows
        """Stored rows (ArticleRows or a view over several): read one at a time until parsed whole."""
        self._columns: dict[str, list[Any]] | None = None
        if rows is None:
            self._columns = {name: list((columns or {}).get(name, [])) for name in COLUMNS}
            lengths = {len(values) for values in self._columns.values()}
            if len(lengths) > 1:
                raise ValueError("article table columns differ in length")
        self._positions: dict[str, int] | None = None
        self._read: dict[int, list[Any]] = {}
        """Rows read from disk, the last ROWS_KEPT: a question reads its candidates' rows several
        times, and a chat asks many questions of the same articles (the rows never change)."""

    @property
    def columns(self) -> dict[str, list[Any]]:
        """Every column in full (a stored table is parsed whole on first use)."""
        if self._columns is None:
            assert self._rows is not None
            self._columns = self._rows.columns()
        return self._columns

    @property
    def stored_rows(self) -> Any:
        """The rows file this table reads from, while its columns are not parsed (else None)."""
        return self._rows if self._columns is None else None

    @classmethod
    def from_records(cls, records: Sequence[dict[str, Any]]) -> ArticleTable:
        """A table holding these records, in order."""
        return cls({name: [r.get(name) for r in records] for name in COLUMNS})

    def __len__(self) -> int:
        if self._columns is None and self._rows is not None:
            return len(self._rows)
        return len(self.columns["id"])

    def __getitem__(self, i: int) -> dict[str, Any]:  # type: ignore[override]
        if self._columns is None and self._rows is not None:
            # One row read from disk: a question shows a few articles of a large table.
            i = i if i >= 0 else len(self) + i
            values = self._read.get(i)
            if values is None:
                values = self._read[i] = self._rows.row(i)
                if len(self._read) > ROWS_KEPT:
                    del self._read[next(iter(self._read))]
            return dict(zip(COLUMNS, values, strict=True))
        return {name: values[i] for name, values in self.columns.items()}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(len(self)))

    @property
    def ids(self) -> Sequence[str]:
        """Article ids, in table order (read row by row until the whole table is needed)."""
        if self._columns is None and self._rows is not None:
            known = getattr(self._rows, "ids", None)  # a build's spilled rows keep their ids
            return known if known is not None else _Ids(self)
        return self.columns["id"]

    def index_of(self, article_id: str) -> int | None:
        """Position of the article with this id."""
        if self._positions is None:
            # A dead article reads as id "" (a tombstone): never found by id.
            self._positions = {aid: i for i, aid in enumerate(self.ids) if aid}
        return self._positions.get(article_id)

    def snapshot(self) -> RowsSnapshot:
        """Every row as it stands, read but not parsed (`RowsSnapshot.rows` parses them later)."""
        pieces: list[bytes | list[list[Any]]] = []
        dead: set[int] = set()
        _gather(self, 0, pieces, dead)
        return RowsSnapshot(pieces, frozenset(dead))

    def take(self, positions: Sequence[int]) -> ArticleTable:
        """A new table of the rows at `positions`, in that order."""
        return ArticleTable({name: [values[i] for i in positions] for name, values in self.columns.items()})

    def extend(self, other: ArticleTable) -> None:
        """Append another table's rows at the end."""
        for name, values in self.columns.items():
            values.extend(other.columns[name])
        self._positions = None

    def set_stat(self, position: int, size: int, mtime_ns: int) -> None:
        """Record a file's new size and time (its content unchanged)."""
        self.columns["size"][position] = size
        self.columns["mtime_ns"][position] = mtime_ns


class _Ids(Sequence[str]):
    """The id column of a stored table: one id by position without parsing every row."""

    def __init__(self, table: ArticleTable) -> None:
        self._table = table

    def __len__(self) -> int:
        return len(self._table)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return str(self._table[i]["id"])

    def __iter__(self) -> Iterator[str]:
        return iter(self._table.columns["id"])


class RowsSnapshot:
    """A table's rows as they stood when taken: the stored ones as their bytes, the rest parsed.

    The chat lists every article of a 46k-article archive: taking this is a few file reads (done
    under the engine's lock, so no refresh moves the rows meanwhile), and the parse, a few seconds
    of Python on a loaded machine, runs after the lock is let go, while questions are answered.
    """

    def __init__(self, pieces: Sequence[bytes | list[list[Any]]], dead: frozenset[int]) -> None:
        self._pieces = pieces
        self._dead = dead

    def rows(self) -> Iterator[dict[str, Any] | None]:
        """Each row in table order as a record, a dead one as None."""
        from assistant.index.article_rows import parse_rows

        i = 0
        for piece in self._pieces:
            values = parse_rows(piece, len(COLUMNS)) if isinstance(piece, bytes) else iter(piece)
            for row in values:
                yield None if i in self._dead else dict(zip(COLUMNS, row, strict=True))
                i += 1


def _gather(table: ArticleTable, start: int, pieces: list[bytes | list[list[Any]]], dead: set[int]) -> int:
    """Add `table`'s rows to `pieces` (its dead positions, offset by `start`, to `dead`); its length."""
    rows = table.stored_rows
    if rows is None:
        columns = table.columns
        pieces.append([list(values) for values in zip(*(columns[name] for name in COLUMNS), strict=True)])
        return len(table)
    parts = getattr(rows, "parts", None)  # several segments' tables joined (index.segment.JoinedRows)
    if parts is not None:
        dead.update(start + i for i in rows.dead)
        at = start
        for part in parts:
            at += _gather(part, at, pieces, dead)
        return at - start
    stored_bytes = getattr(rows, "stored_bytes", None)
    if stored_bytes is not None and tuple(rows.names) == COLUMNS:
        pieces.append(stored_bytes())
    else:
        pieces.append([rows.row(i) for i in range(len(rows))])
    return len(rows)
