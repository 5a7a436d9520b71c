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


def test_speaker_counts_folded_batch_by_batch_equal_one_count_of_every_row(tmp_path: Path) -> None:
    """A large build counts each batch's speakers as it arrives: the stored counts must not change."""
    from assistant.index.build import read_spillable
    from assistant.index.build_spill import RowsSpill
    from assistant.speakers import tally

    corpus = tmp_path / "news"
    items = _corpus(corpus, 6)
    (corpus / "other.txt").write_text("Mill Story\nBy Jo Park\n“It works,” said engineer Sam Lee.\n")
    items.insert(3, ("other.txt", None))
    spill = RowsSpill(tmp_path / "index")
    for lo in range(0, len(items), 3):  # three batches, as three workers' results arrive
        batch, blob = read_spillable(str(corpus), items[lo : lo + 3], 120)
        assert len(batch.table) == 0  # the rows came as bytes, not as a table
        assert len(spill.append(blob)) == len(blob.ids)
    whole = spill.finish()
    every_row = read_batch(str(corpus), items, 120).table.columns["speakers"]
    assert json.dumps(whole.counts) == json.dumps(tally.count(every_row))  # same counts, same order
    assert len(whole.counts["people"]) >= 2
    assert json.loads("[" + ",".join(whole.path.read_text().splitlines()) + "]")[3][0] == "other.txt"
