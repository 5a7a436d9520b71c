"""A question asked within dates reads each article's stored day, not the article table (issue 12):
`ask --since` at 1M passages parsed every row for its date (13 s). The articles let in, the count
of undated ones and the message when none is within are the same as the table gives, on an index
of several segments with an article removed since its segment was written. A real corpus folder,
real `add` and `remove` through the CLI, the real index reopened as a question opens it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from assistant.answer import Scope
from assistant.cli import main
from assistant.engine import Engine


def story(date: str | None, town: str) -> str:
    header = (
        f"---\ntitle: Ferry news from {town}\ndate: {date}\n---\n\n"
        if date
        else f"# Ferry news from {town}\n\n"
    )
    return header + f"The ferry to {town} will run twice a day from June, the harbour office said.\n"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "archive"
    corpus.mkdir()
    for name, date, town in (
        ("alby.md", "2024-01-10", "Alby"),
        ("brekke.md", "2024-03-14", "Brekke"),
        ("dalen.md", None, "Dalen"),
        ("eik.md", "2024-05-02", "Eik"),
    ):
        (corpus / name).write_text(story(date, town), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["index", "--corpus", str(corpus)]).exit_code == 0
    source = tmp_path / "fjord.md"
    source.write_text(story("2024-03-20", "Fjord"), encoding="utf-8")
    added = runner.invoke(main, ["add", str(source), "--corpus", str(corpus)])
    assert added.exit_code == 0, added.output
    removed = runner.invoke(main, ["remove", "eik.md", "--corpus", str(corpus)])
    assert removed.exit_code == 0, removed.output
    return corpus


def test_a_question_within_dates_finds_the_dated_articles_without_the_table(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path), trust_folders=True)
    assert len(engine.index.stored.segments) > 1 and engine.index.stored.dead
    march = Scope(since=dt.date(2024, 3, 1))
    answer = engine.ask("When will the ferry to Brekke run twice a day?", limits=march)
    assert answer.answered, answer.message
    assert answer.quotes[0].article.id == "brekke.md"
    before = engine.ask("When will the ferry to Alby run twice a day?", top=10, limits=march)
    assert "alby.md" not in {q.article.id for q in before.quotes}  # dated January
    removed = engine.ask("When will the ferry to Eik run twice a day?", top=10, limits=march)
    assert "eik.md" not in {q.article.id for q in removed.quotes}  # dated May, but removed
    assert engine.index.articles.stored_rows is not None  # the table is still read row by row


def test_no_article_within_the_dates_says_how_many_have_no_date_without_the_table(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    engine = Engine.open(corpus, trust_folders=True)
    answer = engine.ask("When will the ferry run?", limits=Scope(since=dt.date(2025, 1, 1)))
    assert answer.message == (
        "No article in the corpus is within the scope (since 2025-01-01). 1 of 4 articles has no date "
        "to compare. Ask without the limits to search all 4 articles."
    )
    assert engine.index.articles.stored_rows is not None
    result = CliRunner().invoke(
        main, ["ask", "When will the ferry run?", "--since", "2025", "--corpus", str(corpus), "--no-history"]
    )
    assert result.exit_code == 1
    assert answer.message in result.stderr
