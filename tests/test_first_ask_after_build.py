"""The first question after a build trusts the folder times too (issue 12).

A build writes its index folder (hidden, never an article) inside the corpus, which dates the
corpus folder after the walk; that alone must not make the next question walk every file.
Folders are dated an hour back first, as in an archive nobody has touched for a while.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.corpus import walk
from assistant.index import Index, folder_stamps
from assistant.locations import index_dir

OLD = time.time() - 3600


def _archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "archive"
    (corpus / "harbour").mkdir(parents=True)
    (corpus / "harbour" / "ferry.txt").write_text(
        'Ferry Route Reopens\nBy Ada Reporter\n"The ferry runs again from Monday," said Mayor Lund.\n',
        encoding="utf-8",
    )
    for n, topic in enumerate(["tram fares", "library hours", "river levels", "market stalls"]):
        (corpus / f"notes-{n}.txt").write_text(
            f'Council Notes {n}\nBy Ada Reporter\n"We reviewed {topic} today," said clerk Aas.\n',
            encoding="utf-8",
        )
    for folder in (corpus, corpus / "harbour"):
        os.utime(folder, (OLD, OLD))
    return corpus


def _build(corpus: Path) -> str:
    """`assistant index` in a fresh corpus; the generation it stored."""
    assert not index_dir(corpus).exists()
    result = CliRunner().invoke(main, ["index", "--corpus", str(corpus)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return (index_dir(corpus) / "CURRENT").read_text().strip()


def _trusted(corpus: Path, generation: str) -> bool:
    return folder_stamps.unchanged(corpus, index_dir(corpus), generation)


@pytest.fixture
def long_ago_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that took longer than a file clock's tick: here every time counts as settled at once."""
    monkeypatch.setattr(folder_stamps, "SETTLE_NS", 0)


@pytest.mark.usefixtures("long_ago_settled")
def test_the_index_folder_written_by_a_build_does_not_untrust_the_corpus_folder(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    generation = _build(corpus)
    assert os.stat(corpus).st_mtime_ns > int(OLD * 1e9) + 1_000_000_000  # the build dated it now
    assert _trusted(corpus, generation)
    # The question answers from the index without a walk: an edit in place (folder times kept)
    # is not read into the index (a command that writes walks, as documented); the quote check
    # still notices the file changed.
    ferry = corpus / "harbour" / "ferry.txt"
    ferry.write_text(ferry.read_text(encoding="utf-8").replace("Monday", "Sunday"), encoding="utf-8")
    os.utime(corpus / "harbour", (OLD, OLD))
    _, changes = Index.open(corpus, trust_folders=True)
    assert not changes.any
    result = CliRunner().invoke(
        main, ["ask", "When does the ferry run again?", "--corpus", str(corpus), "--no-history"]
    )
    assert "changed on disk since it was indexed" in result.output


@pytest.mark.usefixtures("long_ago_settled")
def test_an_article_added_beside_the_index_folder_is_still_seen(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    generation = _build(corpus)
    (corpus / "bridge.txt").write_text(
        'Bridge Repairs Begin\nBy Ada Reporter\n"The bridge closes for six weeks," said engineer Holm.\n',
        encoding="utf-8",
    )
    assert not _trusted(corpus, generation)
    result = CliRunner().invoke(
        main, ["ask", "What did engineer Holm say about the bridge?", "--corpus", str(corpus), "--no-history"]
    )
    assert "bridge closes for six weeks" in result.output


def test_the_corpus_folder_is_trusted_only_with_the_entries_the_walk_saw(tmp_path: Path) -> None:
    """An article that appeared at the top of the corpus after the walk leaves the corpus untrusted."""
    corpus = _archive(tmp_path)
    folders: dict[str, int] = {}
    seen = folder_stamps.top_entries(walk(corpus, folders), folders)
    assert seen == {("harbour", True), *((f"notes-{n}.txt", False) for n in range(4))}
    index_folder = corpus / ".assistant"
    index_folder.mkdir()
    (corpus / "late.txt").write_text("Late Story\nText.\n", encoding="utf-8")
    os.utime(corpus, (OLD + 10, OLD + 10))
    folder_stamps.record(index_folder, "gen-000000000000", folders, time.time_ns(), root=(corpus, seen))
    assert not folder_stamps.unchanged(corpus, index_folder, "gen-000000000000")

    (corpus / "late.txt").unlink()
    os.utime(corpus, (OLD + 20, OLD + 20))  # only the hidden index folder is new: trusted
    folder_stamps.record(index_folder, "gen-000000000000", folders, time.time_ns(), root=(corpus, seen))
    assert folder_stamps.unchanged(corpus, index_folder, "gen-000000000000")


@pytest.mark.usefixtures("long_ago_settled")
def test_an_index_folder_removed_just_before_the_build_does_not_untrust_the_corpus(tmp_path: Path) -> None:
    """`rm -r .assistant` then `assistant index`: the corpus folder's time is new at the walk."""
    corpus = _archive(tmp_path)
    _build(corpus)
    shutil.rmtree(index_dir(corpus))
    generation = _build(corpus)
    assert _trusted(corpus, generation)
