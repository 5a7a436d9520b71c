"""Immutable index segments, and the whole-corpus views over a list of them.

A change writes one small segment instead of a whole new index. Segments are numbered
one after another: a segment's passages, sentences and articles carry global ids (its
`base_*` plus their position in it), so the per-passage and per-sentence columns of all
segments, laid end to end, are the columns of the whole corpus that the answer stage reads.
Each segment's postings are over its own sorted vocabulary, with global passage ids.

A removed (or edited) article is not cut out of its segment: the generation marks its
position dead. Its rows stay, answered by nothing: its passages leave the postings and
the BM25 statistics, its table row reads as a tombstone (id "") until a merge drops it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeGuard, cast

import numpy as np

from assistant.index.article_table import COLUMNS, ArticleTable

if TYPE_CHECKING:
    import numpy.typing as npt

    from assistant.index.article_labels import Labels
    from assistant.index.build_spill import SpilledRows

ROW_ARRAYS = (
    "doc_len", "p_article", "p_sent_lo", "p_sent_hi",
    "s_article", "s_start", "s_end", "s_para", "s_tokens", "s_len",
)  # fmt: skip
"""Columns by passage or sentence: laid end to end over the segments."""
POSTING_ARRAYS = ("indptr", "indices", "tf")
"""A segment's own postings (its vocabulary's ids): never laid end to end."""


@dataclass(slots=True)
class Segment:
    """One immutable piece of the index: rows with global ids, postings over its own terms."""

    arrays: Mapping[str, npt.NDArray[Any]]
    terms: list[str]
    articles: ArticleTable
    fingerprints: npt.NDArray[Any] | None = None
    name: str | None = None
    """Its folder's name once stored (None: not written yet)."""
    base_article: int = 0
    base_passage: int = 0
    base_sentence: int = 0
    folder: Path | None = None
    """Where it is stored: the file keys (ids, stats, hashes) are read from there when needed."""
    tally_stored: bool = False
    """Its folder holds its speakers' counts (speaker_counts.SEGMENT_FILE)."""
    speaker_counts: dict[str, dict[str, Any]] | None = None
    """Its articles' speaker counts once read or counted (speaker_counts.segment_tally)."""
    keyed_stored: bool = False
    """Its folder also keeps its speakers' counts by key (speaker_keys.BY_KEY_FILE)."""
    keyed_counts: Any = None
    """Those counts once read (speaker_keys.read): each key's parsed when asked."""
    _keys: tuple[list[str], npt.NDArray[np.int64], list[str | None]] | None = None
    blocks: Mapping[str, npt.NDArray[Any]] | None = None
    """Per-block score bounds of its postings (block_bounds), memory-mapped once stored."""
    days: npt.NDArray[Any] | None = None
    """Each article's date as a day number (article_days), memory-mapped once stored; None before."""
    labels: Labels | None = None
    """Each article's folder, source and author (article_labels), once stored; None before."""

    @property
    def keys_loaded(self) -> bool:
        """Its file keys are in memory (a lookup by id reads them rather than the id file)."""
        return self._keys is not None

    def file_keys(self) -> tuple[list[str], npt.NDArray[np.int64], list[str | None]]:
        """Article ids, file (size, mtime_ns) and content hashes: what a walk compares, no row parsed."""
        if self._keys is None:
            rows = self.articles.stored_rows
            if self.folder is not None and rows is not None:
                from assistant.index.segment_files import read_file_keys

                self._keys = read_file_keys(self.folder, len(self.articles))
            elif _spilled(rows):  # a build not yet saved: its keys were kept apart
                self._keys = (list(rows.ids or ()), rows.stats, rows.hashes())
            else:
                c = self.articles.columns
                stats = np.array([c["size"], c["mtime_ns"]], dtype=np.int64).T.reshape(-1, 2)
                self._keys = (list(c["id"]), stats, list(c["sha256"]))
        return self._keys

    @property
    def n_passages(self) -> int:
        return int(self.arrays["doc_len"].shape[0])

    @property
    def n_sentences(self) -> int:
        return int(self.arrays["s_start"].shape[0])


class RowArrays(Mapping[str, "npt.NDArray[Any]"]):
    """The corpus-wide per-passage and per-sentence columns of several segments.

    One segment: its own (memory-mapped) arrays, no copy. Several: each column is a
    `JoinedColumn` that reads rows where they lie, so a question after an `add` does not copy
    every column of the large first segment (~110 MB at 1M passages) to read a few hundred rows.
    """

    def __init__(self, segments: Sequence[Segment]) -> None:
        self._segments = list(segments)
        self._joined: dict[str, npt.NDArray[Any]] = {}

    def __getitem__(self, name: str) -> npt.NDArray[Any]:
        if len(self._segments) == 1:
            return self._segments[0].arrays[name]
        if name not in ROW_ARRAYS:
            raise KeyError(f"{name} is per segment; use the index's postings()")
        if name not in self._joined:
            column = JoinedColumn([s.arrays[name] for s in self._segments])
            self._joined[name] = cast("npt.NDArray[Any]", column)  # reads as an array (see JoinedColumn)
        return self._joined[name]

    def __iter__(self) -> Iterator[str]:
        if len(self._segments) == 1:
            return iter(self._segments[0].arrays)
        return iter(ROW_ARRAYS)

    def __len__(self) -> int:
        return len(list(iter(self)))


class JoinedColumn(np.lib.mixins.NDArrayOperatorsMixin):
    """Several segments' pieces of one column, read as the column laid end to end.

    A row, a slice or a gather by row ids reads only the pieces it falls in; anything else
    (a boolean mask, a numpy function, arithmetic) works on the whole column, joined once.
    """

    def __init__(self, parts: Sequence[npt.NDArray[Any]]) -> None:
        self._parts = list(parts)
        self._starts = np.cumsum([0, *(p.shape[0] for p in self._parts)]).astype(np.int64)
        self._bounds = self._starts.tolist()
        """The same starts as ints: a row's piece by `bisect` (a question reads thousands of rows
        one at a time; numpy's searchsorted on a scalar costs ~4x the whole lookup)."""
        self.dtype = np.result_type(*self._parts)
        self._cast = any(p.dtype != self.dtype for p in self._parts)
        self._lasts: list[Any] | None = None
        self.shape = (int(self._starts[-1]),)
        self.ndim = 1
        self.size = self.shape[0]
        self._whole: npt.NDArray[Any] | None = None

    def __len__(self) -> int:
        return self.shape[0]

    def whole(self) -> npt.NDArray[Any]:
        """The column laid end to end (a copy, made once)."""
        if self._whole is None:
            self._whole = np.concatenate(self._parts).astype(self.dtype, copy=False)
        return self._whole

    def __array__(self, dtype: Any = None, copy: Any = None) -> npt.NDArray[Any]:
        whole = self.whole()
        return whole if dtype is None else whole.astype(dtype)

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        plain = [x.whole() if isinstance(x, JoinedColumn) else x for x in inputs]
        return getattr(ufunc, method)(*plain, **kwargs)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.whole())

    def __getitem__(self, key: Any) -> Any:
        if self._whole is not None:
            return self._whole[key]
        if isinstance(key, (int, np.integer)):
            row = int(key) + (self.shape[0] if int(key) < 0 else 0)
            if not 0 <= row < self.shape[0]:
                raise IndexError(f"index {int(key)} is out of bounds for a column of {self.shape[0]}")
            k = bisect.bisect_right(self._bounds, row) - 1
            value = self._parts[k][row - self._bounds[k]]
            return self.dtype.type(value) if self._cast else value
        if isinstance(key, slice):
            start, stop, step = key.indices(self.shape[0])
            if step != 1:
                return self.whole()[key]
            return self._gather_range(start, max(start, stop))
        rows = np.asarray(key)
        if rows.dtype.kind not in "iu" or rows.ndim != 1:
            return self.whole()[key]  # a mask, or a shape the pieces do not serve
        return self._gather(rows)

    def _gather_range(self, start: int, stop: int) -> npt.NDArray[Any]:
        pieces = []
        for k, part in enumerate(self._parts):
            lo, hi = int(self._starts[k]), int(self._starts[k + 1])
            if lo < stop and start < hi:
                pieces.append(np.asarray(part[max(start, lo) - lo : min(stop, hi) - lo], dtype=self.dtype))
        if len(pieces) == 1:
            return pieces[0]
        return np.concatenate(pieces) if pieces else np.zeros(0, dtype=self.dtype)

    def _gather(self, rows: npt.NDArray[Any]) -> npt.NDArray[Any]:
        rows = rows.astype(np.int64, copy=False)
        if rows.shape[0] and (int(rows.min()) < -self.shape[0] or int(rows.max()) >= self.shape[0]):
            raise IndexError("row ids out of bounds for the column")
        rows = np.where(rows < 0, rows + self.shape[0], rows)
        out = np.empty(rows.shape[0], dtype=self.dtype)
        which = np.searchsorted(self._starts, rows, side="right") - 1
        for k in sorted(set(which.tolist())):  # not np.unique: it imports numpy.ma
            hit = which == k
            out[hit] = self._parts[k][rows[hit] - self._starts[k]]
        return out

    def mean(self) -> Any:
        """The column's mean, summed piece by piece (float64, as numpy's mean of integers)."""
        if self.shape[0] == 0:
            return np.float64(np.nan)
        # Integers summed in float64 are exact below 2**53, in any order: numpy's mean to the bit.
        total = sum(float(np.asarray(p).sum(dtype=np.float64)) for p in self._parts)
        return np.float64(total / self.shape[0])

    def sum(self, dtype: Any = None) -> Any:
        return self.whole().sum(dtype=dtype)

    def searchsorted(self, value: Any, side: Literal["left", "right"] = "left", sorter: Any = None) -> Any:
        """Where `value` goes in a sorted column: one binary search in the piece that holds it.

        (`np.searchsorted(column, value)` calls this.)
        """
        if sorter is not None or not isinstance(value, (int, float, np.generic)):  # a scalar, else whole
            return np.searchsorted(self.whole(), value, side=side, sorter=sorter)
        if self._lasts is None:  # each piece's last value, read once (a question searches ~1k times)
            self._lasts = [part[-1] if part.shape[0] else None for part in self._parts]
        for k, last in enumerate(self._lasts):
            if last is not None and (last > value or (side == "left" and last == value)):
                part = self._parts[k]
                return self._bounds[k] + int(part.searchsorted(part.dtype.type(value), side=side))
        return self.shape[0]


TOMBSTONE: dict[str, Any] = {name: ("" if name == "id" else None) for name in COLUMNS}
"""What a dead article's row reads as: no id, no metadata, no speakers."""


class JoinedRows:
    """Several segments' article tables as one (the ArticleRows interface), dead rows as tombstones.

    Each segment's table parses its own rows once and keeps them: a new generation built on the
    same segments (an added article) does not parse them again.
    """

    def __init__(self, parts: Sequence[ArticleTable], dead: frozenset[int]) -> None:
        self.parts = list(parts)
        self.dead = dead
        self.starts = list(np.cumsum([0, *(len(p) for p in self.parts)]).tolist())

    def __len__(self) -> int:
        return int(self.starts[-1])

    def row(self, i: int) -> list[Any]:
        if not 0 <= i < len(self):
            raise IndexError(i)
        if i in self.dead:
            return [TOMBSTONE[name] for name in COLUMNS]
        k = bisect.bisect_right(self.starts, i) - 1
        record = self.parts[k][i - self.starts[k]]
        return [record[name] for name in COLUMNS]

    def columns(self) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {name: [] for name in COLUMNS}
        for part in self.parts:
            for name, values in part.columns.items():
                out[name].extend(values)
        for name, values in out.items():
            for i in self.dead:
                values[i] = TOMBSTONE[name]
        return out


def joined_table(segments: Sequence[Segment], dead: frozenset[int] = frozenset()) -> ArticleTable:
    """All segments' articles as one table, rows still read one at a time when stored."""
    if len(segments) == 1 and not dead:
        return segments[0].articles
    return ArticleTable(rows=JoinedRows([s.articles for s in segments], dead))


def joined_file_keys(
    segments: Sequence[Segment], dead: frozenset[int]
) -> tuple[list[str], npt.NDArray[np.int64], list[str | None]]:
    """Every article's id (dead ones ""), file (size, mtime_ns) and content hash, in table order."""
    ids: list[str] = []
    stats: list[npt.NDArray[np.int64]] = []
    sha: list[str | None] = []
    for segment in segments:
        i, st, h = segment.file_keys()
        ids.extend(i)
        stats.append(st)
        sha.extend(h)
    for position in dead:
        ids[position] = ""
        sha[position] = None
    joined = np.concatenate(stats) if stats else np.zeros((0, 2), dtype=np.int64)
    return ids, joined, sha


def joined_fingerprints(segments: Sequence[Segment]) -> npt.NDArray[Any] | None:
    """Body fingerprints of every article, in table order (None if a segment has none)."""
    return _joined([s.fingerprints for s in segments])


def joined_days(segments: Sequence[Segment]) -> npt.NDArray[Any] | None:
    """Every article's day number, in table order (None if a segment has none: not stored yet)."""
    return _joined([s.days for s in segments])


def joined_segment_labels(segments: Sequence[Segment]) -> Labels | None:
    """Every article's labels, in table order (None if a segment has none: not stored yet)."""
    parts = [s.labels for s in segments]
    if any(p is None for p in parts):
        return None
    from assistant.index.article_labels import joined_labels

    return joined_labels([p for p in parts if p is not None])


def _joined(parts: list[npt.NDArray[Any] | None]) -> npt.NDArray[Any] | None:
    """One per-article column over all segments: the one segment's own (mapped) array, else joined."""
    if any(p is None for p in parts):
        return None
    if len(parts) == 1:
        return parts[0]
    return np.concatenate([p for p in parts if p is not None])


def dead_term_counts(segment: Segment, dead_articles: npt.NDArray[np.int64]) -> npt.NDArray[np.int64] | None:
    """The segment's (term, postings in dead passages) pairs, shape (2, k); None when it has none.

    BM25's document frequencies subtract these at query time: the removed file is not needed.
    One vectorised pass over the segment's postings, done when a removal marks it.
    """
    p_article = np.asarray(segment.arrays["p_article"])
    dead_passage = np.isin(p_article, dead_articles)
    if not dead_passage.any():
        return None
    indptr = np.asarray(segment.arrays["indptr"])
    hit = dead_passage[np.asarray(segment.arrays["indices"]) - segment.base_passage].astype(np.int64)
    per_term = np.add.reduceat(hit, indptr[:-1]) if hit.shape[0] else np.zeros(0, dtype=np.int64)
    terms = np.flatnonzero(per_term)
    return np.stack([terms, per_term[terms]]).astype(np.int64)


def _spilled(rows: object) -> TypeGuard[SpilledRows]:
    """A build's spilled rows? Its module is imported only when there are rows to ask about, so
    a question, whose segments are all stored, never loads the build's modules."""
    if rows is None:
        return False
    from assistant.index.build_spill import SpilledRows

    return isinstance(rows, SpilledRows)
