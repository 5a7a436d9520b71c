"""Batches held by a build until the merge: made compact in the parent, their values unchanged."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from assistant.index.analysis import read_batch
from assistant.index.build import compacted

STORY = (
    "Harbour Story {n}\nBy Lee Chan\n"
    + "The harbour board met on Tuesday to discuss the dredging plan and the new crane. " * 4
    + "\n“We moved {n}00 tonnes before noon,” said harbour master Ana Ruiz, who has run it since 2009.\n"
    + "Officials said the crane would arrive in May.\n"
)


def _corpus(folder: Path, n: int) -> list[tuple[str, str | None]]:
    folder.mkdir()
    for i in range(n):
        (folder / f"story-{i}.txt").write_text(STORY.format(n=i + 1), encoding="utf-8")
    return [(f"story-{i}.txt", None) for i in range(n)]


def test_compacting_a_batch_keeps_every_value(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    items = _corpus(corpus, 6)
    batch = read_batch(str(corpus), items, 120)
    before = copy.deepcopy(batch.table.columns)
    terms = list(batch.terms)
    assert any(row[6] > 256 for rows in before["speakers"] for row in rows)  # offsets past the small ints

    assert compacted(batch, {}) is batch
    # Stored as JSON: the same bytes (spans and empty warnings become tuples, written as lists).
    assert json.dumps(batch.table.columns) == json.dumps(before)
    assert batch.table.columns["speakers"] == before["speakers"]
    assert batch.terms == terms


def test_batches_compacted_together_share_their_repeated_values(tmp_path: Path) -> None:
    """The same quote offset or speaker name in two batches is one object in the building process."""
    corpus = tmp_path / "news"
    items = _corpus(corpus, 4)
    shared: dict[int, int] = {}
    first = compacted(read_batch(str(corpus), items[:2], 120), shared)
    second = compacted(read_batch(str(corpus), items[2:], 120), shared)
    row_a = first.table.columns["speakers"][0][0]
    row_b = second.table.columns["speakers"][0][0]
    assert row_a == row_b  # the same story shape: the same row, read in two batches
    assert row_a[6] > 256 and row_a[6] is row_b[6]
    assert row_a[1] is row_b[1]  # the speaker's name, interned
