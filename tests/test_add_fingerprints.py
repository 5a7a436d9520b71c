"""`add` finds duplicates by the index's stored body fingerprints, not by re-reading the corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main
from assistant.corpus.article_file import body_sha256
from assistant.index import Index

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7834a3842ba03b39.txt"
STORY = "Pier Reopens\nBy Ada Reporter\nThe pier reopened on Monday.\nIt had closed in March.\n"


def _cli(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_a_story_already_in_a_subfolder_is_found_as_a_duplicate(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "local").mkdir(parents=True)
    (corpus / "local" / "pier.txt").write_text(STORY, encoding="utf-8")
    shutil.copy(SEED, corpus / SEED.name)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # The same story as Markdown, spaced and wrapped differently: the same body fingerprint.
    (inbox / "pier.md").write_text(
        "# Pier Reopens\n\nThe pier  reopened on\nMonday.\n\nIt had closed in March.\n", encoding="utf-8"
    )
    result = _cli("add", str(inbox / "pier.md"), "--corpus", str(corpus))
    assert result.exit_code == 0, result.output
    assert f"already present: {inbox / 'pier.md'} is local/pier.txt" in result.output
    assert sorted(p.name for p in corpus.iterdir() if not p.name.startswith(".")) == [SEED.name, "local"]


def test_stored_fingerprints_name_each_article_after_a_reopen(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pier.txt").write_text(STORY, encoding="utf-8")
    shutil.copy(SEED, corpus / SEED.name)
    Index.open(corpus)
    index, changes = Index.open(corpus)
    assert not changes.any and index.stored.fingerprints is not None  # read from disk, not rebuilt
    pier = body_sha256(["The pier reopened on Monday.", "It had closed in March."])
    assert index.article_with_body(pier) == "pier.txt"
    assert index.article_with_body("0" * 64) is None
    assert index.article_with_body("not a fingerprint") is None


def test_an_article_added_then_added_again_is_one_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "pier.txt").write_text(STORY, encoding="utf-8")
    first = _cli("add", str(inbox / "pier.txt"), "--corpus", str(corpus))
    assert first.output.startswith("stored ")
    again = _cli("add", str(inbox / "pier.txt"), "--title", "Another Title", "--corpus", str(corpus))
    assert "already present" in again.output and "stored " not in again.output
    assert len([p for p in corpus.iterdir() if p.suffix == ".md"]) == 1
