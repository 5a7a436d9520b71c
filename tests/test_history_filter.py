"""A daily user's trial of `assistant history --filter`: it looks in what the user saw (questions,
scopes, quotes and their citations), not in the words the history file uses to store them
("text", "end", "article", "also_in" matched every answered question). The real CLI in a
subprocess, on a real corpus folder, with a real history file."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cli_process import assistant


def cli(corpus: Path, history: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return assistant(corpus, *args, history=history)


def test_history_filter_finds_what_was_shown_not_how_it_is_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text(
        "Ferry returns\n\nThe island ferry returned to service on Monday after the storm, the port said.\n",
        encoding="utf-8",
    )
    (corpus / "school.txt").write_text(
        "School term\n\nThe school term will end on Friday, a week early, the head teacher said.\n",
        encoding="utf-8",
    )
    for number in range(4):
        (corpus / f"council{number}.txt").write_text(
            f"Council {number}\n\nThe council met on Tuesday to discuss the parks budget.\n", encoding="utf-8"
        )
    history = tmp_path / "history.sqlite3"
    for question in ("When did the island ferry return to service?", "When will the school term finish?"):
        done = cli(corpus, history, "ask", "--top", "1", question)
        assert done.returncode == 0, done.stderr

    def asked(word: str) -> list[str]:
        shown = cli(corpus, history, "history", "--filter", word)
        return [line.split("  ")[2] for line in shown.stdout.splitlines() if line.startswith("#")]

    assert asked("end") == ["When will the school term finish?"]  # in the quote it showed
    assert asked("ferry") == ["When did the island ferry return to service?"]
    assert asked("ferry.txt") == ["When did the island ferry return to service?"]  # in its citation
    assert asked("citation") == []
    assert asked("also_in") == []
    assert asked("article") == [
        "When will the school term finish?",
        "When did the island ferry return to service?",
    ]
