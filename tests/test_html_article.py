"""HTML pages → the story and its metadata, with the page furniture left out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pages import AuthorIn, DateIn, Story, news_page

from assistant.corpus import UnreadableArticle
from assistant.ingest.html_article import decode_html, extract_article, looks_like_html

STORY = Story()
FURNITURE = ("cookies", "Subscribe", "Advertisement", "Read more", "Ferry timetable", "Most read",
             "Lifeboat crew", "All rights reserved", "Privacy policy", "Share on", "Topics")  # fmt: skip


@pytest.mark.parametrize(
    ("date_in", "author_in"),
    [("meta", "meta"), ("jsonld", "jsonld"), ("time", "byline"), ("jsonld", "byline")],
)
def test_finds_story_and_metadata_wherever_the_page_keeps_it(date_in: DateIn, author_in: AuthorIn) -> None:
    article = extract_article(news_page(STORY, date_in=date_in, author_in=author_in))
    assert article.paragraphs == STORY.paragraphs
    assert article.title == STORY.title
    assert article.author == STORY.author
    assert article.date == STORY.date
    assert article.source == STORY.site
    assert article.url == STORY.url


def test_leaves_out_menus_ads_and_promos() -> None:
    text = "\n".join(extract_article(news_page(STORY)).paragraphs)
    for furniture in FURNITURE:
        assert furniture not in text


def test_missing_metadata_is_none_not_guessed() -> None:
    story = Story(url="https://coastal.example/news/harbour-flood-wall")
    article = extract_article(news_page(story, date_in="none", author_in="none"))
    assert article.author is None
    assert article.date is None
    assert article.paragraphs == story.paragraphs


def test_host_name_stands_in_for_a_site_named_nowhere() -> None:
    story = Story(url="https://www.coastal.example/news/harbour-flood-wall")
    article = extract_article(news_page(story, site_in_meta=False, site_in_title=False))
    assert article.source == "coastal.example"


def test_a_site_named_only_after_the_title_is_the_source() -> None:
    """A saved page often names its site only in <title>: "Story | The Coastal Ledger"."""
    article = extract_article(news_page(Story(url=""), site_in_meta=False))
    assert article.title == STORY.title
    assert article.source == STORY.site


def test_a_headline_with_a_dash_gives_no_site_name() -> None:
    story = Story(title="Harbour flood wall approved - what comes next for the quay?", url="")
    article = extract_article(news_page(story, site_in_meta=False, site_in_title=False))
    assert article.source is None


def test_page_without_article_text_is_refused() -> None:
    with pytest.raises(UnreadableArticle, match="no article text"):
        extract_article("<html><head><title>App</title></head><body><div id='root'></div></body></html>")


def test_decodes_by_meta_charset() -> None:
    page = news_page(Story(paragraphs=("Helen Marsh runs the café on the quay, “rain or shine”.",)),
                     charset="windows-1252")  # fmt: skip
    text = decode_html(page.encode("cp1252"))
    assert "café on the quay, “rain or shine”" in text


def test_server_charset_wins_over_guessing() -> None:
    data = "<html><body><p>Ελληνικά νέα</p></body></html>".encode("iso-8859-7")
    assert "Ελληνικά" in decode_html(data, "iso-8859-7")


def test_undeclared_non_utf8_falls_back_to_cp1252() -> None:
    assert "naïve" in decode_html("<p>naïve</p>".encode("cp1252"))


def test_binary_is_refused() -> None:
    with pytest.raises(UnreadableArticle, match="binary"):
        decode_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))


def test_tells_html_from_prose() -> None:
    assert looks_like_html(news_page(STORY))
    assert looks_like_html("<div><p>one</p><p>two</p></div>")
    assert not looks_like_html("The <b> tag makes text bold, a reader wrote.")


def test_trafilatura_is_imported_only_when_a_page_is_read() -> None:
    code = "import sys, assistant.ingest; print('trafilatura' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
