"""An open engine brings its index up to date with the paths a notifier named, without a walk.

The chat's notifier names what changed below the corpus folder; `Engine.refresh_paths` looks at
those paths alone, each by the walk's rules, and leaves to the walk whatever a folder changed.
Real corpus folders on disk, the real index; BM25 checked against rank-bm25 and against an index
opened afresh on the same folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from test_index import QUERIES, _assert_parity

from assistant.corpus import files as corpus_files
from assistant.engine import Engine
from assistant.index.tokens import terms

FERRY = (
    "Island ferry gets a new timetable\nBy Sam Ortiz\n\n"
    "The island ferry will sail every hour from May, the operator said on Monday.\n"
)


def _no_walk(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any walk of the folder fail the test: the named paths alone must settle it."""

    def walked(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the folder was walked")

    monkeypatch.setattr("assistant.index.updates.walk", walked)


def test_named_files_are_added_changed_and_removed_as_a_walk_would(
    news_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine.open(news_corpus, passage_tokens=40)
    _no_walk(engine, monkeypatch)
    (news_corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    wildfire = news_corpus / "wildfire-evacuations.txt"
    wildfire.write_text(wildfire.read_text().replace("3,000 residents", "4,500 residents"))
    (news_corpus / "rail-strike-talks.txt").unlink()
    named = ["ferry.txt", "wildfire-evacuations.txt", "rail-strike-talks.txt", "never-there.txt"]
    changes = engine.refresh_paths(named)
    assert changes is not None
    assert (changes.added, changes.changed, changes.removed) == (
        ("ferry.txt",),
        ("wildfire-evacuations.txt",),
        ("rail-strike-talks.txt",),
    )
    answer = engine.ask("How often will the island ferry sail?")
    assert answer.answered and answer.quotes[0].article.id == "ferry.txt"
    assert engine.index.top_passages(terms("Tomas Berger"), 3) == []  # the removed article's words
    # Exact BM25 over what is live now, deletions and the new segment included.
    _assert_parity(engine.index, [*QUERIES, "island ferry timetable", "4,500 residents"])
    monkeypatch.undo()
    # An index opened afresh on the folder finds nothing more to do, and scores the same.
    fresh = Engine.open(news_corpus, passage_tokens=40)
    assert not fresh.opened_with.any
    for query in ["island ferry", "wildfire evacuation residents", "bridge repair council vote"]:
        ours = sorted(s for _, s in engine.index.top_passages(terms(query), 5))
        theirs = sorted(s for _, s in fresh.index.top_passages(terms(query), 5))
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-9)
    assert sorted(a.meta.id for a in engine.articles()) == sorted(a.meta.id for a in fresh.articles())


def test_what_the_walk_never_reads_is_not_read(
    news_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine.open(news_corpus)
    _no_walk(engine, monkeypatch)
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret memo\n\nThe vault code is 4417, the manager said.\n", encoding="utf-8")
    (news_corpus / "memo.txt").symlink_to(outside)  # a link leading out of the corpus
    (news_corpus / ".draft.txt").write_text(FERRY, encoding="utf-8")  # hidden
    (news_corpus / "ferry.txt~").write_text(FERRY, encoding="utf-8")  # an editor's backup
    os.mkfifo(news_corpus / "pipe.txt")  # would block a reader forever
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "inside.txt").write_text(FERRY, encoding="utf-8")
    (news_corpus / "linked").symlink_to(elsewhere, target_is_directory=True)  # the walk never enters it
    named = ["memo.txt", ".draft.txt", "ferry.txt~", "pipe.txt", "linked/inside.txt", "../secret.txt"]
    changes = engine.refresh_paths(named)
    # "../secret.txt" is no name a walk gives: the walk settles it, and reads none of them either.
    assert changes is None
    changes = engine.refresh_paths(named[:-1])
    assert changes is not None and not changes.any and changes.skipped == ()
    assert not engine.ask("What is the vault code?").answered
    assert engine.article_infos(named) == {}


def test_a_link_inside_the_corpus_and_an_oversize_file_are_treated_as_the_walk_treats_them(
    news_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine.open(news_corpus)
    _no_walk(engine, monkeypatch)
    (news_corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (news_corpus / "ferry-link.txt").symlink_to(news_corpus / "ferry.txt")
    monkeypatch.setattr(corpus_files, "MAX_FILE_BYTES", 1_000)
    (news_corpus / "long.txt").write_text("Long story\n\n" + "A sentence of the long story. " * 100)
    changes = engine.refresh_paths(["ferry.txt", "ferry-link.txt", "long.txt"])
    assert changes is not None
    assert changes.added == ("ferry-link.txt", "ferry.txt")
    assert [aid for aid, _ in changes.skipped] == ["long.txt"] and "too large" in changes.skipped[0][1]


def test_a_folder_named_is_left_to_the_walk(news_corpus: Path) -> None:
    engine = Engine.open(news_corpus)
    wire = news_corpus / "wire"
    wire.mkdir()
    (wire / "ferry.txt").write_text(FERRY, encoding="utf-8")
    # A folder made (or moved in whole): its files were never named one by one.
    assert engine.refresh_paths(["wire"]) is None
    assert engine.refresh_paths(["wire/ferry.txt"]) is None
    assert engine.refresh().added == ("wire/ferry.txt",)
    # Known to the walk now: a file written into it is the notifier's to name.
    (wire / "pier.txt").write_text(FERRY.replace("Island ferry", "Pier ferry"), encoding="utf-8")
    changes = engine.refresh_paths(["wire/pier.txt"])
    assert changes is not None and changes.added == ("wire/pier.txt",)
    # The folder moved away: everything in it goes, which only a walk can tell.
    wire.rename(news_corpus / "moved")
    assert engine.refresh_paths(["wire"]) is None
    assert engine.refresh_paths(["wire/ferry.txt"]) is None
    # The corpus folder itself named (removed, replaced): the walk.
    assert engine.refresh_paths([""]) is None


def test_a_folder_replaced_by_a_file_or_a_link_of_the_same_name_is_left_to_the_walk(
    news_corpus: Path, tmp_path: Path
) -> None:
    # `mv wire elsewhere; touch wire`: the notifier names "wire" alone, never the files that were in it.
    engine = Engine.open(news_corpus)
    wire = news_corpus / "wire"
    wire.mkdir()
    (wire / "ferry.txt").write_text(FERRY, encoding="utf-8")
    assert engine.refresh().added == ("wire/ferry.txt",)
    wire.rename(tmp_path / "wire-away")
    wire.write_text("Wire notes\n\nThe desk moved its notes into one file, an editor said.\n")
    assert engine.refresh_paths(["wire"]) is None
    changes = engine.refresh()
    assert (changes.added, changes.removed) == (("wire",), ("wire/ferry.txt",))
    # The same with a link to the folder put in its place (the walk never enters one).
    wire.unlink()
    (news_corpus / "pier").mkdir()
    (news_corpus / "pier" / "pier.txt").write_text(FERRY.replace("Island", "Pier"), encoding="utf-8")
    assert engine.refresh().added == ("pier/pier.txt",)
    (news_corpus / "pier").rename(tmp_path / "pier-away")
    (news_corpus / "pier").symlink_to(tmp_path / "pier-away", target_is_directory=True)
    assert engine.refresh_paths(["pier"]) is None
    assert engine.refresh().removed == ("pier/pier.txt",)
