"""A daily user's trial: a new (or mistyped) corpus folder with no articles in it. `ask` said "no
article uses the words of this question", as if the words were wrong; `list` printed nothing at all.
The real CLI (CliRunner) on a real empty folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

EMPTY = (
    "The corpus folder {folder} holds no articles yet: add some (`assistant add FILE-OR-URL`, or /add in "
    "the chat), or choose another folder (--corpus DIR)."
)


def test_an_empty_corpus_folder_says_it_is_empty_and_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "new-corpus"
    folder.mkdir()
    said = EMPTY.format(folder=folder)
    asked = CliRunner().invoke(main, ["ask", "--no-history", "--corpus", str(folder), "Who won the regatta?"])
    assert asked.exit_code == 1
    assert asked.stdout.strip() == said
    as_json = CliRunner().invoke(main, ["ask", "--json", "--no-history", "--corpus", str(folder), "Who won?"])
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["message"] == said
    listed = CliRunner().invoke(main, ["list", "--corpus", str(folder)])
    assert (listed.exit_code, listed.stdout, listed.stderr.strip()) == (0, "", f"assistant: {said}")
