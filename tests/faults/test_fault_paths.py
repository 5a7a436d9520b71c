"""Only what belongs to the product is read: regular files inside the corpus, never outside it."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from fault_helpers import STORY, cli, env_for, make_corpus, one_line

SECRET = "Secret launch codes are kept under the floorboards of the old harbour lighthouse.\n"


def _regular_files(corpus: Path) -> list[str]:
    return sorted(p.name for p in corpus.iterdir() if p.is_file() and not p.is_symlink())


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside every corpus, standing in for /etc/passwd."""
    path = tmp_path / "private" / "secret.txt"
    path.parent.mkdir()
    path.write_text("Private notes\n" + SECRET, encoding="utf-8")
    return path


def test_a_link_leaving_the_corpus_is_neither_listed_shown_nor_quoted(tmp_path: Path, outside: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "notes.txt").symlink_to(outside)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "deep.txt").symlink_to("../../private/secret.txt")
    (corpus / "escape").symlink_to(outside.parent, target_is_directory=True)

    listed = cli(tmp_path, "list", "--json", "--corpus", str(corpus))
    assert listed.returncode == 0, listed.stderr
    assert sorted(a["id"] for a in json.loads(listed.stdout)) == _regular_files(corpus)

    shown = cli(tmp_path, "show", "notes.txt", "--corpus", str(corpus))
    assert shown.returncode == 4
    assert b"floorboards" not in shown.stdout + shown.stderr
    asked = cli(tmp_path, "ask", "Where are the launch codes kept?", "--json", "--corpus", str(corpus))
    assert b"floorboards" not in asked.stdout


def test_a_link_inside_the_corpus_is_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "alias.txt").symlink_to("harbour.txt")
    listed = cli(tmp_path, "list", "--json", "--corpus", str(corpus))
    assert "alias.txt" in [a["id"] for a in json.loads(listed.stdout)]


def test_add_folder_does_not_follow_a_link_out_of_it(tmp_path: Path, outside: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "story.txt").write_text(STORY.replace("harbour", "river"), encoding="utf-8")
    (inbox / "secret.txt").symlink_to(outside)
    added = cli(tmp_path, "add", str(inbox), "--corpus", str(corpus))
    assert added.returncode == 6
    failures = [line for line in added.stderr.decode().splitlines() if "failed:" in line]
    assert len(failures) == 1 and "secret.txt: it is a link to a file outside the folder" in failures[0]
    assert b"stored" in added.stdout  # the good file still went in
    stored = "".join(p.read_text(encoding="utf-8") for p in corpus.glob("*.md"))
    assert "floorboards" not in stored and "river council" in stored


def test_fifos_sockets_and_devices_are_never_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    os.mkfifo(corpus / "pipe.txt")  # a reader that opened this would wait forever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(corpus / "sock.txt"))
    (corpus / "zero.txt").symlink_to("/dev/zero")
    try:
        listed = cli(tmp_path, "list", "--json", "--corpus", str(corpus), timeout=60)
        assert listed.returncode == 0, listed.stderr
        assert sorted(a["id"] for a in json.loads(listed.stdout)) == _regular_files(corpus)
        added = cli(tmp_path, "add", str(corpus / "pipe.txt"), "--corpus", str(corpus), timeout=60)
        assert added.returncode == 6 and "not a regular file" in one_line(added.stderr)
    finally:
        server.close()


@pytest.mark.parametrize("which", ["root", "home"])
def test_a_corpus_that_is_the_whole_file_system_or_home_is_refused(tmp_path: Path, which: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    folder = "/" if which == "root" else str(home)
    result = cli(tmp_path, "list", "--corpus", folder, env=env_for(tmp_path, HOME=str(home)), timeout=60)
    assert result.returncode == 3
    assert "cannot be a corpus folder" in one_line(result.stderr)
    assert not (home / ".assistant").exists()
