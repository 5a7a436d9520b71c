"""Feeds a user adds that are hostile or odd in shape: each is read in bounded time and memory,
or refused with a message, never a hang or a crash."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import assistant as cli
from pages import Site
from test_reading_leftovers import ATOM, RSS


def _feed(story: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Aven Courier</title>'
        f"<item><title>Harbour dredging</title><description>{story}</description></item></channel></rss>"
    )


def test_a_story_of_unclosed_script_tags_is_added_not_hung_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Each unclosed "<script>" sent a lazy search over the rest of the story: hours for this file.
    junk = "&lt;script&gt;" * 200_000
    story = f"{junk}&lt;p&gt;Dredging of Brill harbour will start in May, the port said.&lt;/p&gt;"
    (tmp_path / "courier.rss").write_text(_feed(story), encoding="utf-8")

    added = cli(corpus, "add", str(tmp_path / "courier.rss"))

    assert added.returncode == 0, added.stderr
    rows = json.loads(cli(corpus, "list", "--json").stdout)
    assert [row["title"] for row in rows] == ["Harbour dredging"]


def test_a_feed_nested_too_deep_is_refused_saying_so(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    depth = 50_000
    nested = "<div>" * depth + "The harbour will be dredged in May." + "</div>" * depth
    (tmp_path / "deep.atom").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>River Weekly</title>'
        '<entry><title>Dredging</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
        f"{nested}</div></content></entry></feed>",
        encoding="utf-8",
    )

    added = cli(corpus, "add", str(tmp_path / "deep.atom"))

    # Was "unexpected error (RecursionError: maximum recursion depth exceeded ...)".
    assert "deep.atom: the feed nests its elements too deep to read" in added.stderr
    assert "unexpected error" not in added.stderr


def test_a_feed_served_as_plain_text_or_untyped_is_added_an_article_an_item(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    plain = (200, {"Content-Type": "text/plain; charset=utf-8"}, RSS.encode("utf-8"))  # a raw file host
    untyped = (200, {}, ATOM.encode("utf-8"))
    with Site({"/feed.xml": plain, "/untyped": untyped}) as site:
        # Was refused: "an RSS or Atom feed saved as text; `assistant add` the file ...", and "no
        # article text found in the page".
        added = cli(corpus, "add", site.url("/feed.xml"), site.url("/untyped"))

    assert added.returncode == 0, added.stderr
    titles = sorted(row["title"] for row in json.loads(cli(corpus, "list", "--json").stdout))
    assert titles == ["Ferry fares to rise in April", "Fish market moves", "Harbour dredging to start in May"]
