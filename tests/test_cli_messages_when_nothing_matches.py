"""A daily user's trial of the CLI (trial 12), real processes on a real corpus folder and history file.

`assistant history --filter zzz` said "no questions kept yet that match": read as an empty history,
when it held questions and only the filter found none.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cli_process import assistant

STORY = "Harbour council approves flood wall\nBy Priya Raman\n\nThe harbour council voted for a flood wall.\n"


def cli(corpus: Path, history: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return assistant(corpus, *args, history=history)


def test_a_history_filter_that_matches_nothing_says_no_past_question_matches(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(STORY, encoding="utf-8")
    history = tmp_path / "history.sqlite3"
    empty = cli(corpus, history, "history", "--filter", "zzz")
    assert empty.returncode == 0 and empty.stdout == ""
    assert empty.stderr.startswith("assistant: no questions kept yet: questions asked with `assistant ask`")
    for question in ("What did the council vote for?", "Who wrote about the flood wall?"):
        assert cli(corpus, history, "ask", question).returncode == 0
    missed = cli(corpus, history, "history", "--filter", "zzz")
    assert missed.returncode == 0 and missed.stdout == ""
    assert missed.stderr == (
        'assistant: no past question matches "zzz" (2 questions kept; the filter looks in questions, scopes'
        " and quotes); `assistant history` without --filter lists them all\n"
    )
    found = cli(corpus, history, "history", "--filter", "FLOOD")
    assert found.returncode == 0 and "Who wrote about the flood wall?" in found.stdout


def test_a_missing_corpus_folder_says_where_it_looked_and_how_to_name_one(tmp_path: Path) -> None:
    # Run in a folder without ./corpus, it said only "corpus folder not found: corpus".
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_CORPUS"}
    for args in (["ask", "Who won?"], ["history"], ["list"]):
        done = subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
            env=env,
        )
        assert done.returncode == 3, done.stderr
        assert done.stderr == (
            f"assistant: corpus folder not found: corpus (looked in {tmp_path / 'corpus'}); "
            "name the folder of articles with --corpus DIR or $ASSISTANT_CORPUS\n"
        )


def test_a_scope_no_article_is_within_says_to_ask_without_the_limits(tmp_path: Path) -> None:
    # Wire copy names no year: "2 of 2 articles have no date to compare" left the user to guess why.
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(STORY, encoding="utf-8")
    (corpus / "ferry.txt").write_text(
        "Ferry sails hourly\n\nThe ferry will sail every hour.\n", encoding="utf-8"
    )
    done = cli(
        corpus, tmp_path / "history.sqlite3", "ask", "--since", "1987", "What did the council vote for?"
    )
    assert done.returncode == 1
    assert done.stdout.strip() == (
        "No article in the corpus is within the scope (since 1987-01-01). 2 of 2 articles have no date to "
        "compare. Ask without the limits to search all 2 articles."
    )


def test_a_folder_given_as_an_article_id_is_told_how_to_ask_of_a_folder(tmp_path: Path) -> None:
    # `ask --article c000` said "no article 'c000' … (see `assistant list`)": a list of every id.
    corpus = tmp_path / "archive"
    (corpus / "c000" / "reut2-001").mkdir(parents=True)
    (corpus / "c000" / "reut2-001" / "00001.txt").write_text(STORY, encoding="utf-8")
    (corpus / "c000" / "00002.txt").write_text(STORY.replace("flood", "sea"), encoding="utf-8")
    history = tmp_path / "h.sqlite3"
    for args in (
        ["ask", "--article", "c000", "What did the council vote for?"],
        ["show", "c000/"],
        ["remove", "c000"],
    ):
        done = cli(corpus, history, *args)
        assert done.returncode == 4, done.stderr
        assert done.stderr == (
            "assistant: c000/ is a folder of 2 articles, not one article: `assistant ask --in c000/` asks of "
            "them, `assistant list --filter c000/` lists them\n"
        )
    assert (corpus / "c000" / "00002.txt").exists()
    done = cli(corpus, history, "ask", "--in", "c000/", "What did the council vote for?")
    assert done.returncode == 0 and "article c000/" in done.stdout
