"""A segment's stored speaker counts read back: what the one-pass check accepts is what a test of
every count accepts (`tally.checked`); anything else is a damaged index, never a wrong count."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from assistant.engine import Engine
from assistant.index.checked_files import StaleIndex
from assistant.index.speaker_counts import SEGMENT_FILE, read
from assistant.speakers import tally


def _stored_counts(news_corpus: Path) -> tuple[Path, dict[str, Any]]:
    engine = Engine.open(news_corpus)
    segment = engine.index.stored.segments[0]
    assert segment.folder is not None
    path = segment.folder / SEGMENT_FILE
    return path, json.loads(path.read_text(encoding="ascii"))


def _damaged(counts: dict[str, Any]) -> list[Any]:
    key = next(iter(counts["people"]))
    variants: list[Any] = []
    for where, value in (
        (0, "3"), (1, 1.5), (1, None), (2, {"Tony Blair": "2"}), (3, ["minister"]), (2, {"X": 1.0}),
    ):  # fmt: skip
        bad = copy.deepcopy(counts)
        bad["people"][key][where] = value
        variants.append(bad)
    short = copy.deepcopy(counts)
    short["people"][key] = short["people"][key][:3]
    variants += [short, {"people": counts["people"]}, [], {**counts, "spelled": {"gm": ["x"]}}]
    variants.append({**counts, "spelled": {"gm": {"general motors": "1"}}})
    variants.append({**counts, "extra": {}})
    return variants


def test_stored_counts_read_back_whole(news_corpus: Path) -> None:
    path, counts = _stored_counts(news_corpus)
    assert counts["people"], "the news corpus names speakers"
    assert read(path) == counts == tally.checked(copy.deepcopy(counts))


def test_damaged_counts_are_refused_as_the_full_check_refuses_them(news_corpus: Path, tmp_path: Path) -> None:
    _, counts = _stored_counts(news_corpus)
    for n, variant in enumerate(_damaged(counts)):
        assert tally.checked(copy.deepcopy(variant)) is None
        path = tmp_path / f"speakers-{n}.json"
        path.write_text(json.dumps(variant), encoding="ascii")
        with pytest.raises(StaleIndex):
            read(path)
    fine = copy.deepcopy(counts)
    fine["people"][next(iter(fine["people"]))][0] = True  # JSON true passes isinstance(n, int), as before
    path = tmp_path / "speakers-bool.json"
    path.write_text(json.dumps(fine), encoding="ascii")
    assert read(path) == tally.checked(copy.deepcopy(fine)) == fine
