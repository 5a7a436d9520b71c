"""Markdown articles read as text: headings, emphasis, links, lists, block quotes; offsets into the source."""

from __future__ import annotations

from pathlib import Path

from assistant.corpus import ParsedArticle, display_text, read_article
from assistant.engine import Engine

ARTICLE = (
    "---\ntitle: Pier reopens\nauthor: Ann Lee\n---\n\n"
    "# Pier reopens\n\n"
    'The pier **reopened** on Thursday after\na year of [repairs](https://example.org/repairs "Repairs"), '
    "the _council_ said.\n\n"
    "## What changed\n\n"
    "- New decking was laid.\n"
    "- The lights\n  were replaced.\n"
    "1. Benches came back.\n\n"
    '> "It is a fine day," said the mayor.\n'
    '> "We are proud."\n\n'
    "---\n\n"
    "Setext heading\n"
    "==============\n\n"
    "Tickets cost `5 dollars` each.\n"
)


def _read(tmp_path: Path) -> ParsedArticle:
    path = tmp_path / "pier.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return read_article(tmp_path, path)


def test_markdown_blocks_are_paragraphs_of_text_and_headings_are_kept(tmp_path: Path) -> None:
    article = _read(tmp_path)
    assert (article.meta.title, article.meta.author) == ("Pier reopens", "Ann Lee")
    assert [display_text(article.text, p.start, p.end) for p in article.paragraphs] == [
        "The pier reopened on Thursday after a year of repairs, the council said.",
        "What changed",
        "New decking was laid.",
        "The lights were replaced.",
        "Benches came back.",
        '"It is a fine day," said the mayor. "We are proud."',
        "Setext heading",
        "Tickets cost 5 dollars each.",
    ]


def test_markdown_sentences_are_source_spans_shown_without_marks_or_urls(tmp_path: Path) -> None:
    article = _read(tmp_path)
    text = article.text
    shown = [display_text(text, s.start, s.end) for s in article.sentences]
    assert shown[0] == "The pier reopened on Thursday after a year of repairs, the council said."
    assert '"We are proud."' in shown and '"It is a fine day," said the mayor.' in shown
    first = article.sentences[0]
    assert text[first.start : first.end].startswith("The pier **reopened**")
    assert "https://example.org/repairs" in text[first.start : first.end]  # the offsets keep the source
    for s in article.sentences:
        span = text[s.start : s.end]
        assert span == span.strip() and not span.startswith(("#", "- ", "> ", "1. "))


def test_a_link_url_is_not_searchable_text(tmp_path: Path) -> None:
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    engine = Engine.open(tmp_path)
    answer = engine.ask("What was reopened after repairs?")
    assert answer.answered
    assert answer.quotes[0].text == "The pier reopened on Thursday after a year of repairs, the council said."
    assert not engine.ask("example.org").answered


def test_a_huge_run_of_markup_in_one_sentence_is_read_without_stalling(tmp_path: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_text("# Marks\n\n" + "*a _b [c](d " * 40_000 + "end.\n", encoding="utf-8")
    article = read_article(tmp_path, path)
    shown = [display_text(article.text, s.start, s.end) for s in article.sentences]
    assert shown[-1].endswith("end.")
