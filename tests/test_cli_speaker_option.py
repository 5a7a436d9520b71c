"""Asking only one speaker's words (`--speaker`), real processes on a real corpus folder.

`--speaker he` searched the statements the rules could not name and answered "no statement by he";
`--speaker "Marta Kovacs"` with a question she says nothing about was refused as if the whole corpus
had been searched. Both now say whose words were searched.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from cli_process import assistant

STORY = (
    "Harbour council approves flood wall\nBy Priya Raman\n\n"
    "The harbour council voted on Tuesday to build a flood wall along the north quay.\n\n"
    '"The wall will protect four hundred homes," said Marta Kovacs, the council\'s engineer.\n\n'
    "He said the work would start in May and take two years.\n"
)


def cli(corpus: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return assistant(corpus, *args, history=tmp_path / "history.sqlite3")


def corpus_of(tmp_path: Path) -> Path:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(STORY, encoding="utf-8")
    return corpus


def test_a_pronoun_as_the_speaker_is_told_it_names_nobody(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path)
    run = cli(corpus, tmp_path, "ask", "--speaker", "he", "When will the work start?")
    assert run.returncode == 1
    assert "“he” names nobody: ask for a speaker by name." in run.stdout
    assert "statement by he" not in run.stdout + run.stderr


def test_a_speaker_who_says_nothing_about_it_is_named_in_the_refusal(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path)
    shown = cli(corpus, tmp_path, "ask", "--speaker", "Marta Kovacs", "How many homes will the wall protect?")
    assert shown.returncode == 0 and "four hundred homes" in shown.stdout
    refused = cli(
        corpus, tmp_path, "ask", "--speaker", "Marta Kovacs", "What did she say about the north quay vote?"
    )
    assert refused.returncode == 1
    assert "The corpus holds no statement by Marta Kovacs that answers this question." in refused.stdout
