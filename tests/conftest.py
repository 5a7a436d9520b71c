"""Shared fixtures: real corpus folders on disk, never the user's own paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_7834a3842ba03b39.txt"
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every path the product uses into a temporary folder (tests never touch the user's).

    HOME and the XDG folders too, so that no test shares a file with another running at the same
    time (the suite runs in parallel processes) nor with the user's own.
    """
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, folder in (("CACHE", "cache"), ("DATA", "data"), ("CONFIG", "config"), ("STATE", "state")):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(home / folder))
    monkeypatch.setenv("ASSISTANT_CORPUS", str(home / "no-corpus-here"))
    monkeypatch.setenv("ASSISTANT_EXPORT_DIR", str(home / "exports"))
    monkeypatch.delenv("ASSISTANT_INDEX_DIR", raising=False)


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A corpus folder holding only the bundled seed article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@pytest.fixture
def news_corpus(tmp_path: Path) -> Path:
    """A corpus of four articles in three formats: the seed plus the test articles."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    for article in ARTICLES.iterdir():
        shutil.copy(article, folder / article.name)
    return folder
