"""A name joined by an ampersand (AT&T, S&P) is one searchable word: split at "&" it was a stop
word and a single letter, so "What did AT&T say…?" searched for nothing of the name and a question
about S&P found every story but the one. The real CLI (CliRunner) on a real corpus folder."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

STORIES = {
    "att.txt": (
        "Phone merger talks\n\n"
        "AT&T said on Monday that talks on the merger with the cable group had ended without a deal. "
        "The company said it would keep its long-distance network.\n"
    ),
    "rival.txt": (
        "Merger talks at the cable group\n\n"
        "The cable group said talks on a merger were going on with several buyers. "
        "Shares of the group rose 3 pct.\n"
    ),
    "index.txt": (
        "Wall Street closes higher\n\n"
        "The S&P 500 index rose 1.2 pct to a record on Tuesday, led by banks. "
        "The Dow Jones industrial average rose 0.8 pct.\n"
    ),
    "filler.txt": (
        "Council news\n\nThe council met on Tuesday to discuss the parks budget and a new index of rents.\n"
    ),
}


def ask(corpus: Path, question: str) -> str:
    result = CliRunner().invoke(
        main, ["ask", "--no-history", "--corpus", str(corpus), "--top", "1", question]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_name_joined_by_an_ampersand_is_searched_as_one_word(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    for name, text in STORIES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    assert "att.txt" in ask(corpus, "What did AT&T say about the merger talks?")
    assert "“The S&P 500 index rose 1.2 pct to a record on Tuesday, led by banks.”" in ask(
        corpus, "How much did the S&P 500 gain?"
    )
