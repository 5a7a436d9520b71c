"""A daily user's trial: a question asked of one article, or within limits, that finds no answer there
must not be told "The corpus holds no answer" — the rest of the archive was never searched, and a
researcher believing the message would look no further. The real CLI (CliRunner) on a real folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

COCOA = (
    "Bahia cocoa review\n\n"
    "Cocoa prices rose sharply in Bahia this week after heavy rains damaged the temporao crop, "
    "traders said.\n\n"
    "Exporters expect arrivals to recover by the end of the month.\n"
)
FERRY = (
    "---\ntitle: Ferry strike ends\nauthor: Dana Whitfield\ndate: 2024-03-05\n---\n\n"
    "The harbour ferry strike ended on Tuesday after two weeks of talks, the union said.\n\n"
    "Crews return to work on Thursday morning.\n"
)
QUESTION = "Why did cocoa prices rise in Bahia?"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "archive"
    (corpus / "wire").mkdir(parents=True)
    (corpus / "local").mkdir()
    (corpus / "wire" / "cocoa.txt").write_text(COCOA, encoding="utf-8")
    (corpus / "local" / "ferry.md").write_text(FERRY, encoding="utf-8")
    return corpus


def ask(corpus: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ask", "--no-history", "--corpus", str(corpus), *args])
    return result.exit_code, result.stdout


def test_the_whole_archive_answers_the_question(archive: Path) -> None:
    code, out = ask(archive, QUESTION, "--top", "1")
    assert code == 0
    assert "Cocoa prices rose sharply in Bahia" in out


def test_a_date_scope_that_misses_says_the_scope_holds_no_answer_not_the_corpus(archive: Path) -> None:
    code, out = ask(archive, "--since", "2024", QUESTION)
    assert code == 1
    assert "The corpus holds no answer" not in out
    assert out.strip() == (
        "The scope (since 2024-01-01: 1 of 2 articles) holds no answer to this question. "
        "1 of 2 articles has no date to compare. Ask without the limits to search all 2 articles."
    )


def test_a_folder_scope_that_misses_names_the_folder(archive: Path) -> None:
    code, out = ask(archive, "--in", "local/", "--json", QUESTION)
    assert code == 1
    answer = json.loads(out)
    assert answer["answered"] is False
    assert answer["message"].startswith("The scope (in local/: 1 of 2 articles) holds no answer")


def test_one_article_asked_says_that_article_holds_no_answer(archive: Path) -> None:
    code, out = ask(archive, "--article", "ferry.md", QUESTION)
    assert code == 1
    assert out.strip() == (
        "Article local/ferry.md holds no answer to this question. "
        "Ask without the article to search all 2 articles."
    )


def test_words_the_whole_corpus_lacks_are_still_said_of_the_corpus(archive: Path) -> None:
    # "No article uses the words" is checked against every article, scope or not: it stays true.
    code, out = ask(archive, "--since", "2024", "What about xylophone quarks?")
    assert code == 1
    assert out.strip() == "The corpus holds no answer: no article uses the words of this question."
