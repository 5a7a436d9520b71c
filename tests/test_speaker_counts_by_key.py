"""A large segment's speaker counts read a key at a time give the fold after a change exactly.

`add` and `remove` fold the short names again ("Blair" -> "Tony Blair") for the keys a change
reaches; with the large segment's counts kept a key a line, only the keys the change touches are
parsed. These check the sums and names against the whole counts (random changes, as
test_speaker_names_after does), and an index that keeps the file: an added and a removed article
give the names a fold of every key gives, without the large segment's `speakers.json` read, and a
damaged file only costs that read.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.index import speaker_keys
from assistant.index.checked_files import checksum, write_manifest
from assistant.index.speaker_names import names_after
from assistant.speakers import names_of
from assistant.speakers.tally import combine
from tests.test_speaker_names_after import _article


def test_counts_read_by_key_sum_and_fold_as_the_whole_counts(tmp_path: Path) -> None:
    rng = random.Random(11)
    for n in range(150):
        articles = [_article(rng) for _ in range(rng.randint(5, 60))]
        big = combine(articles)
        path = tmp_path / f"{n}.jsonl"
        speaker_keys.write(path, big)
        base, spelled = speaker_keys.read(path)
        assert dict(base.items()) == big["people"] and spelled == big["spelled"]
        change = [_article(rng) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.5:
            old_parts, new_parts, new_minus = [], change, []
        else:
            old_parts, new_parts, new_minus = change, change, change[:1]  # added, then one removed
        old, touched_old = speaker_keys.combined(base, spelled, old_parts, [])
        new, touched_new = speaker_keys.combined(base, spelled, new_parts, new_minus)
        whole = combine([big, *new_parts], new_minus)
        assert list(new["people"].items()) == list(whole["people"].items())  # same sums, same order
        assert len(new["people"]) == len(whole["people"]) and new["spelled"] == whole["spelled"]
        got = names_after(old, names_of(old), new, touched_old | touched_new)
        assert got == names_of(whole)


def _corpus(folder: Path) -> None:
    """Stories quoting people in full, and others naming them by last name alone (short keys)."""
    folder.mkdir()
    quoted = ["Tony Blair", "Ana Ruiz", "Bill Clinton", "Ola Nordmann", "Clinton", "Nordmann", "Blair"]
    for i, person in enumerate(quoted * 2):
        (folder / f"story-{i:02d}.txt").write_text(
            f"Harbour Talks Go On {i}\n\n"
            f'"The harbour will reopen in spring {i}," {person} said on Monday. The talks continue.\n',
            encoding="utf-8",
        )


def _first_segment(corpus: Path) -> Path:
    index = corpus / ".assistant"
    gen = index / (index / "CURRENT").read_text().strip()
    return index / json.loads((gen / "manifest.json").read_text())["body"]["segments"][0]


def _fresh_names(corpus: Path) -> dict[str, tuple[str, str]]:
    """The names a fold of every key of the index as stored now gives."""
    stored = Engine.open(corpus).index.stored
    return names_of(stored.speaker_tally())


def test_an_add_and_a_remove_fold_names_without_the_large_segments_whole_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speaker_keys, "BY_KEY_MIN", 1)  # this small corpus's one segment keeps them
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    Engine.open(corpus)
    assert (_first_segment(corpus) / speaker_keys.BY_KEY_FILE).is_file()

    engine = Engine.open(corpus)
    source = tmp_path / "new.txt"
    source.write_text(
        'Clinton Speaks Again\n\n"The ferries will run at night," Hillary Clinton said.\n\n'
        'Ships wait. "Everyone agrees," Ruiz said.\n',
        encoding="utf-8",
    )
    before = engine.index.stored.info["speaker_names"]
    assert before["clinton"][0] == "bill clinton" and before["nordmann"][0] == "ola nordmann"
    added = engine.add([str(source)]).stored[0].article_id
    stored = engine.index.stored
    assert len(stored.segments) == 2
    assert stored.segments[0].speaker_counts is None  # its speakers.json was never parsed
    names = {k: tuple(v) for k, v in stored.info["speaker_names"].items()}
    assert names == _fresh_names(corpus)
    assert "clinton" not in names and names["ruiz"][0] == "ana ruiz"  # two Clintons now; Ruiz named

    engine = Engine.open(corpus)
    engine.remove(added)
    stored = engine.index.stored
    assert stored.segments[0].speaker_counts is None
    assert {k: tuple(v) for k, v in stored.info["speaker_names"].items()} == _fresh_names(corpus)


def test_damaged_counts_by_key_cost_only_the_whole_counts_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speaker_keys, "BY_KEY_MIN", 1)
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    Engine.open(corpus)
    segment = _first_segment(corpus)
    path = segment / speaker_keys.BY_KEY_FILE
    lines = path.read_text().split("\n")
    at = json.loads(lines[0]).index("ana ruiz")  # a key the added article reaches ("Ruiz said")
    lines[2 + at] = '["many", 1, {"Ana Ruiz": "x"}, {}]'  # counts of the wrong type
    path.write_text("\n".join(lines))
    body = json.loads((segment / "manifest.json").read_text())["body"]
    body["files"][path.name].update(checksum(path))  # a manifest to match: only the contents tell
    write_manifest(segment, body)

    engine = Engine.open(corpus)
    source = tmp_path / "new.txt"
    source.write_text('Ruiz Again\n\n"We sail at dawn," Ruiz said.\n', encoding="utf-8")
    report = engine.add([str(source)])
    assert report.stored
    stored = engine.index.stored
    assert stored.segments[0].speaker_counts is not None  # read whole instead
    names = {k: tuple(v) for k, v in stored.info["speaker_names"].items()}
    assert names == _fresh_names(corpus) and names["ruiz"][0] == "ana ruiz"
