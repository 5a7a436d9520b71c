"""A large build's article rows and postings, written to files as each batch arrives, not held.

At a million passages the rows of 460k articles (metadata, spans, speaker rows) held as Python
objects until the save were ~1.2 GB of the building process. Each worker turns its batch's rows
into the very JSON lines the segment stores (`RowsBlob`); the building process appends those
bytes to a spill file beside the index and keeps only what a segment's other files need without
parsing a row: ids, file stats, content hashes and body fingerprints as arrays, and the speaker
counts summed in batch order. The save then copies the spill file into the segment folder: the
same bytes `article_rows.write_rows` would have written.

Each batch's postings (passage ids and term frequencies, sorted by term) go to a second file and
come back memory-mapped, one map per batch: the merge reads a batch's block as it places it and
drops the map, so the batches' postings are never all in memory beside the merged ones.

The spill folder is named `seg-build-*`: never a segment (no generation names it), removed by
the next successful save, so a build killed half-way leaves nothing that is read.
"""

from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.analysis import Batch
from assistant.index.article_days import day_numbers
from assistant.index.article_labels import Labels, joined_labels, labels_of
from assistant.index.article_rows import ArticleRows
from assistant.index.article_table import COLUMNS, ArticleTable
from assistant.speakers import tally

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

SPILL_PREFIX = "seg-build-"
_UNSET = b"-" * 64


@dataclass(slots=True)
class RowsBlob:
    """One batch's article rows as stored bytes, and the columns a segment keeps beside them."""

    data: bytes
    ends: npt.NDArray[np.int64]
    """Where each row's line ends in `data`."""
    ids: list[str]
    stats: npt.NDArray[np.int64]
    """(size, mtime_ns) per row."""
    sha256: npt.NDArray[Any]
    body_sha256: npt.NDArray[Any]
    days: npt.NDArray[np.int32]
    """Each row's date as a day number (article_days)."""
    labels: Labels
    """Each row's folder, source and author (article_labels)."""
    counts: tally.Tally
    """The batch's speaker counts (tally.count of its rows)."""


def fingerprint_array(values: list[Any]) -> npt.NDArray[Any]:
    """Fingerprints as fixed 64-byte strings (a missing or odd one never matches a real one)."""
    clean = [v if isinstance(v, str) and len(v) == 64 and v.isascii() else "-" * 64 for v in values]
    return np.array(clean, dtype="S64") if clean else np.zeros(0, dtype="S64")


def rows_blob(table: ArticleTable) -> RowsBlob:
    """The table's rows as `write_rows` stores them (ASCII JSON, a row a line), in a worker process."""
    columns = table.columns
    lines = [
        json.dumps(list(row), ensure_ascii=True) + "\n"
        for row in zip(*(columns[name] for name in COLUMNS), strict=True)
    ]
    data = "".join(lines).encode("ascii")
    ends = np.cumsum(np.fromiter(map(len, lines), dtype=np.int64, count=len(lines)), dtype=np.int64)
    stats = np.array([columns["size"], columns["mtime_ns"]], dtype=np.int64).T.reshape(-1, 2)
    return RowsBlob(
        data,
        ends,
        list(columns["id"]),
        stats,
        fingerprint_array(columns["sha256"]),
        fingerprint_array(columns["body_sha256"]),
        day_numbers(columns["date"]),
        labels_of(columns),
        tally.count(columns["speakers"]),
    )


class SpilledRows(ArticleRows):
    """Rows in a spill file (the ArticleRows interface) with the key columns kept beside them."""

    def __init__(
        self,
        path: Path,
        offsets: npt.NDArray[np.int64],
        ids: list[str],
        stats: npt.NDArray[np.int64],
        sha256: npt.NDArray[Any],
        body_sha256: npt.NDArray[Any],
        days: npt.NDArray[np.int32],
        labels: Labels,
        counts: tally.Tally,
    ) -> None:
        super().__init__(path, offsets, COLUMNS, ids=ids)
        self.stats = stats
        self.sha256 = sha256
        self.body_sha256 = body_sha256
        self.days = days
        self.labels = labels
        self.counts = counts

    def hashes(self) -> list[str | None]:
        """Content hashes as the file keys give them (None for an unset one)."""
        return [None if h == _UNSET else h.decode("ascii") for h in self.sha256.tolist()]

    def store_into(self, target: Path) -> None:
        """A copy of the rows file at `target` (in the kernel: no bytes pass through this process).

        Not a hard link: removing the spill would then change the stored file's ctime, and the
        first question after the build would check the whole file's CRC again (verified_files).
        The spill stays readable until the save has committed, so a save that fails still
        answers from it.
        """
        shutil.copyfile(self.path, target)


class SpillPart(ArticleRows):
    """One batch's rows inside a build's spill file."""

    def __init__(self, spill: RowsSpill, offsets: npt.NDArray[np.int64], ids: list[str]) -> None:
        super().__init__(spill.path, offsets, COLUMNS, ids=ids)
        self.spill = spill


def whole_spill(tables: list[ArticleTable]) -> SpilledRows | None:
    """The one spilled table these batch tables are all of, in order and complete; else None."""
    parts = [rows for t in tables if isinstance(rows := t.stored_rows, SpillPart)]
    if not parts or len(parts) != len(tables):
        return None
    spill = parts[0].spill
    whole = spill.whole
    if whole is None or any(p.spill is not spill for p in parts):
        return None
    ends = [int(p.offsets[-1]) for p in parts]
    if [int(p.offsets[0]) for p in parts] != [0, *ends[:-1]] or ends[-1] != int(whole.offsets[-1]):
        return None  # not every batch, or not in the order written
    return whole


class RowsSpill:
    """The building process's side: batches' rows appended to one file, in batch order."""

    def __init__(self, index_folder: Path) -> None:
        self.folder = index_folder / f"{SPILL_PREFIX}{uuid.uuid4().hex[:12]}"
        self.folder.mkdir(parents=True)
        self.path = self.folder / "articles.jsonl"
        self._postings_path = self.folder / "postings.bin"
        self._start()

    def restart(self) -> None:
        """Empty the spill: the read starts again from the first batch (workers could not start)."""
        self._handle.close()
        self._postings_handle.close()
        self._start()

    def _start(self) -> None:
        self._handle = open(self.path, "wb")  # noqa: SIM115 - open for the whole build, closed in `finish`
        self._size = 0
        self._offsets: list[npt.NDArray[np.int64]] = [np.zeros(1, dtype=np.int64)]
        self._ids: list[str] = []
        self._stats: list[npt.NDArray[np.int64]] = []
        self._sha: list[npt.NDArray[Any]] = []
        self._body: list[npt.NDArray[Any]] = []
        self._days: list[npt.NDArray[np.int32]] = []
        self._labels: list[Labels] = []
        self._counts = tally.Sum()
        self._postings_handle = open(self._postings_path, "wb")  # noqa: SIM115 - closed in `finish`
        self._postings_size = 0
        self._mapped: list[tuple[Batch, int, int, np.dtype[Any]]] = []
        """(batch, offset, count, tf dtype) of each batch whose postings wait in the file."""
        self.whole: SpilledRows | None = None
        """After `finish`: every batch's rows as one table."""

    def append_postings(self, batch: Batch) -> None:
        """Write the batch's postings to the spill; they come back mapped from the file in `finish`."""
        postings = np.ascontiguousarray(batch.postings, dtype=np.int32)
        tf = np.ascontiguousarray(batch.tf_sorted)
        self._mapped.append((batch, self._postings_size, int(postings.shape[0]), tf.dtype))
        for array in (postings, tf):
            self._postings_handle.write(array.tobytes())
            self._postings_size += array.nbytes
        batch.postings, batch.tf_sorted = postings[:0].copy(), tf[:0].copy()

    def append(self, blob: RowsBlob) -> ArticleTable:
        """Write one batch's rows; returns the batch's table, read back from the spill when needed."""
        start, first = self._size, len(self._ids)
        self._handle.write(blob.data)
        self._size += len(blob.data)
        offsets = start + np.concatenate([np.zeros(1, dtype=np.int64), blob.ends])
        self._offsets.append(offsets[1:])
        self._ids.extend(blob.ids)
        self._stats.append(blob.stats)
        self._sha.append(blob.sha256)
        self._body.append(blob.body_sha256)
        self._days.append(blob.days)
        self._labels.append(blob.labels)
        self._counts.add(blob.counts)  # in batch order: stored as one count of every row would be
        return ArticleTable(rows=SpillPart(self, offsets, self._ids[first:]))

    def finish(self) -> SpilledRows:
        """Every row written so far, flushed: the whole build's table (kept as `whole`); each batch's
        postings mapped back from the file."""
        self._handle.close()
        self._postings_handle.close()
        for batch, offset, n, tf_dtype in self._mapped:
            batch.postings = _mapped(self._postings_path, np.dtype(np.int32), offset, n)
            batch.tf_sorted = _mapped(self._postings_path, tf_dtype, offset + 4 * n, n)
        self._mapped = []
        self.whole = SpilledRows(
            self.path,
            np.concatenate(self._offsets),
            self._ids,
            np.concatenate(self._stats) if self._stats else np.zeros((0, 2), dtype=np.int64),
            np.concatenate(self._sha) if self._sha else np.zeros(0, dtype="S64"),
            np.concatenate(self._body) if self._body else np.zeros(0, dtype="S64"),
            np.concatenate(self._days) if self._days else np.zeros(0, dtype=np.int32),
            joined_labels(self._labels),
            self._counts.total(),
        )
        return self.whole

    def discard(self) -> None:
        """Remove the spill (a build that failed or was interrupted)."""
        self._handle.close()
        self._postings_handle.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _mapped(path: Path, dtype: np.dtype[Any], offset: int, n: int) -> npt.NDArray[Any]:
    """n values at `offset` of the file, memory-mapped read-only (an empty array for none)."""
    if not n:
        return np.zeros(0, dtype=dtype)
    return np.memmap(path, dtype=dtype, mode="r", offset=offset, shape=(n,))
