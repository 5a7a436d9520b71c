"""A daily user's trial, hostile file names: a file named with a newline is cited on one line
everywhere a citation is printed, and the id `assistant list --json` writes for it can be pasted
back. Through the real CLI (subprocess) on a real corpus folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_process import assistant as cli

NEWLINE_NAME = "name\nwith newline.txt"
STORY = (
    "Lighthouse keeper retires\n\n"
    "The lighthouse keeper retired after forty years on the rock, the council said.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "hostile").mkdir(parents=True)
    (folder / "hostile" / NEWLINE_NAME).write_text(STORY, encoding="utf-8")
    (folder / "harbor.txt").write_text(
        "Harbor reopens\n\nThe harbor reopened on Monday after repairs, the port authority said.\n",
        encoding="utf-8",
    )
    for number in range(1, 5):  # enough articles that a word in one of them is rare
        (folder / f"council{number}.txt").write_text(
            f"Council news {number}\n\nThe city council met on Tuesday to discuss the budget for parks, "
            "the mayor said.\n",
            encoding="utf-8",
        )
    return folder


def test_a_newline_in_a_file_name_never_breaks_the_citation_line(corpus: Path, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite3"
    done = cli(
        corpus,
        "ask",
        "--top",
        "1",
        "Who retired after forty years on the rock?",
        env={"ASSISTANT_HISTORY": str(history)},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    citation = next(line for line in lines if line.lstrip().startswith("—"))
    # The id stays on the citation's own line: nothing after it can pass for a line of its own.
    assert citation.endswith("article hostile/name with newline.txt"), done.stdout
    assert not any(line.startswith("with newline.txt") for line in lines), done.stdout
    kept = cli(corpus, "history", "--limit", "1", env={"ASSISTANT_HISTORY": str(history)})
    assert kept.returncode == 0, kept.stderr
    assert "article hostile/name with newline.txt" in kept.stdout
    assert not any(line.startswith("with newline.txt") for line in kept.stdout.splitlines()), kept.stdout


def test_the_id_list_json_writes_and_the_file_name_shown_both_open_the_article(corpus: Path) -> None:
    listed = cli(corpus, "list", "--json", "--filter", "lighthouse")
    assert listed.returncode == 0, listed.stderr
    raw_id = json.loads(listed.stdout)[0]["id"]
    assert raw_id == "hostile/" + NEWLINE_NAME
    as_written = json.dumps(raw_id)[1:-1]  # what the user sees and copies: hostile/name\nwith newline.txt
    assert "\\n" in as_written
    for typed in (as_written, "name with newline.txt", "hostile/name with newline.txt"):
        shown = cli(corpus, "show", typed)
        assert shown.returncode == 0, (typed, shown.stderr)
        assert "The lighthouse keeper retired after forty years on the rock" in shown.stdout
