"""A generation held in memory: its segments, deletion marks, skipped files and summary.

What `store` loads and saves, what `merge` builds the next one from, and what the index
answers from. The whole corpus's columns, article table and speaker counts are views over
the segments, made when first used.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index import speaker_keys
from assistant.index.article_table import ArticleTable
from assistant.index.segment import (
    RowArrays,
    Segment,
    joined_days,
    joined_file_keys,
    joined_fingerprints,
    joined_segment_labels,
    joined_table,
)
from assistant.index.speaker_counts import raw_rows, segment_tally
from assistant.index.speaker_counts import read as read_tally
from assistant.speakers import tally

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

    from assistant.index.article_labels import Labels


class Stored:
    """What a generation holds: its segments, the skipped files and the summary (`info`).

    Built from one segment's arrays (a merge's result) or from stored segments (`segments=`).
    `arrays`, `articles` and `fingerprints` are the whole corpus's, in global ids.
    """

    def __init__(
        self,
        arrays: Mapping[str, npt.NDArray[Any]] | None,
        terms: list[str] | None,
        articles: ArticleTable | None,
        skipped: list[dict[str, Any]],
        info: dict[str, Any],
        origin: Path | None = None,
        unchanged: frozenset[str] = frozenset(),
        fingerprints: npt.NDArray[Any] | None = None,
        *,
        segments: list[Segment] | None = None,
        dead: frozenset[int] = frozenset(),
        dead_df: list[npt.NDArray[np.int64] | None] | None = None,
        dead_counts: tally.Tally | Path | None = None,
    ) -> None:
        if segments is None:
            assert arrays is not None and terms is not None and articles is not None
            segments = [Segment(arrays, terms, articles, fingerprints)]
        self.segments = segments
        self.dead = dead
        """Positions (global) of articles removed since their segment was written: deletion marks."""
        self.dead_df: list[npt.NDArray[np.int64] | None] = list(dead_df or [None] * len(segments))
        """Per segment: (term, postings in dead passages), shape (2, k), or None."""
        self.skipped = skipped
        self.info = info
        self.origin = origin
        """The generation folder these segments were loaded from."""
        self.unchanged = unchanged
        self.arrays: Mapping[str, npt.NDArray[Any]] = RowArrays(segments)
        self.articles = joined_table(segments, dead)
        self._fingerprints: npt.NDArray[Any] | None = None
        self._days: npt.NDArray[Any] | None = None
        self._labels: Labels | None = None
        self._keys: tuple[list[str], npt.NDArray[np.int64], list[str | None]] | None = None
        self._dead_counts = dead_counts
        """The dead articles' speaker counts, or the stored file holding them (None: count the rows)."""
        self._speaker_tally: tally.Tally | None = None

    def dead_tally(self) -> tally.Tally:
        """The speaker counts of the articles marked dead (read, or counted from their rows once)."""
        if not isinstance(self._dead_counts, dict):
            found = read_tally(self._dead_counts) if isinstance(self._dead_counts, Path) else None
            if found is None:
                found = tally.count(raw_rows(self.segments, sorted(self.dead)))
            self._dead_counts = found
        return self._dead_counts

    def speaker_tally(self) -> tally.Tally:
        """The live corpus's speaker counts: the segments' summed, less the dead articles'."""
        if self._speaker_tally is None:
            parts = [segment_tally(s) for s in self.segments]
            self._speaker_tally = tally.combine(parts, [self.dead_tally()] if self.dead else [])
        return self._speaker_tally

    def speaker_counts_by_key(self) -> tuple[tally.Tally, frozenset[str]] | None:
        """The live corpus's speaker counts with the first segment's read a key at a time, and the
        keys the other segments and the dead articles touch: for the fold after a change. None
        when that segment keeps no counts by key, is not the largest, or the sum is held already."""
        first = self.segments[0]
        if self._speaker_tally is not None or not first.keyed_stored or first.folder is None:
            return None
        if first.keyed_counts is None:
            first.keyed_counts = speaker_keys.read(first.folder / speaker_keys.BY_KEY_FILE)
        base, spelled = first.keyed_counts
        parts = [segment_tally(s) for s in self.segments[1:]]
        if any(len(part["people"]) > len(base) for part in parts):
            return None  # tally.combine would start from another part
        return speaker_keys.combined(base, spelled, parts, [self.dead_tally()] if self.dead else [])

    def file_keys(self) -> tuple[list[str], npt.NDArray[np.int64], list[str | None]]:
        """Every article's id ("" when dead), file (size, mtime_ns) and content hash, in table order."""
        if self._keys is None:
            self._keys = joined_file_keys(self.segments, self.dead)
        return self._keys

    @property
    def terms(self) -> list[str]:
        """The vocabulary of a one-segment generation (a merge's input)."""
        if len(self.segments) != 1:
            raise ValueError("a generation of several segments has no single vocabulary")
        return self.segments[0].terms

    @property
    def fingerprints(self) -> npt.NDArray[Any] | None:
        """Body fingerprints by article (S64), memory-mapped when loaded; None: use the table."""
        if self._fingerprints is None:
            self._fingerprints = joined_fingerprints(self.segments)
        return self._fingerprints

    @fingerprints.setter
    def fingerprints(self, value: npt.NDArray[Any] | None) -> None:
        self._fingerprints = value

    @property
    def days(self) -> npt.NDArray[Any] | None:
        """Each article's day number (article_days), in table order, dead ones included; None when a
        segment is not stored yet (the table's dates are then read instead)."""
        if self._days is None:
            self._days = joined_days(self.segments)
        return self._days

    @property
    def labels(self) -> Labels | None:
        """Each article's folder, source and author (article_labels), in table order, dead ones
        included; None when a segment is not stored yet (the table is then read instead)."""
        if self._labels is None:
            self._labels = joined_segment_labels(self.segments)
        return self._labels


def empty() -> Stored:
    """The generation of an empty corpus (before a first build, or after a rebuild is needed)."""
    int32 = (
        "indices",
        "doc_len",
        "p_article",
        "p_sent_lo",
        "p_sent_hi",
        "s_article",
        "s_para",
        "s_tokens",
        "s_len",
    )
    arrays: dict[str, npt.NDArray[Any]] = {name: np.zeros(0, dtype=np.int32) for name in int32}
    arrays.update(
        s_start=np.zeros(0, dtype=np.int64),
        s_end=np.zeros(0, dtype=np.int64),
        tf=np.zeros(0, dtype=np.uint16),
        indptr=np.zeros(1, dtype=np.int64),
    )
    return Stored(arrays, [], ArticleTable(), [], {"articles": 0, "generation": 0})
