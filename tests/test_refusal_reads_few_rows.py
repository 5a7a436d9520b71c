"""A refused question reads only the rows it shows (issue 12): "The corpus holds no answer" used to
parse the whole article table first to count the live articles, which it only says under limits
(~0.8 s at 100k passages, seconds at 1M, in every refused `assistant ask`). The count under limits
still leaves out an article removed since the build, whose row stays as a tombstone until a merge.
A real corpus folder, real `add` and `remove` through the CLI, the real index reopened as a
question opens it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main
from assistant.engine import Engine

STORIES = {
    "harbour.txt": "Harbour Dredging Starts\nBy Ada Reporter\n"
    '"The channel will be deeper by spring," said harbour master Ines Lund.\n',
    "library.txt": "Library Opens Late\nBy Ada Reporter\n"
    '"Students asked for evening hours," said librarian Tor Aas.\n',
    "market.txt": "Market Stalls Return\nBy Ada Reporter\n"
    '"Twelve stalls are back on the square," said trader Mona Berg.\n',
}
REFUSED = "What did the harbour master say about the zebrafish cooperative?"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "archive"
    corpus.mkdir()
    for name, text in STORIES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["index", "--corpus", str(corpus)]).exit_code == 0
    source = tmp_path / "ferry.txt"
    source.write_text(
        'Ferry Route Reopens\nBy Ada Reporter\n"The ferry runs again from Monday," said Mayor Lund.\n',
        encoding="utf-8",
    )
    added = runner.invoke(main, ["add", str(source), "--corpus", str(corpus)])
    assert added.exit_code == 0, added.output
    removed = runner.invoke(main, ["remove", "market.txt", "--corpus", str(corpus)])
    assert removed.exit_code == 0, removed.output
    return corpus


def test_a_refused_question_parses_no_article_table(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path), trust_folders=True)
    assert engine.index.stored.dead  # the removed article is a tombstone in a stored segment
    answer = engine.ask(REFUSED)
    assert not answer.answered
    assert answer.message.startswith("The corpus holds no answer")
    assert engine.index.articles.stored_rows is not None  # the table is still read row by row


def test_a_refusal_within_one_article_counts_the_live_articles(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    engine = Engine.open(corpus, trust_folders=True)
    answer = engine.ask(REFUSED, article="library.txt")
    assert answer.message == (
        "Article library.txt holds no answer to this question. "
        "Ask without the article to search all 3 articles."
    )
    assert engine.index.articles.stored_rows is not None
    result = CliRunner().invoke(
        main, ["ask", REFUSED, "--article", "library.txt", "--corpus", str(corpus), "--no-history"]
    )
    assert result.exit_code == 1
    assert result.stdout.strip() == answer.message
