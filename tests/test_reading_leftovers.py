"""The reading leftovers of the last user trial, each tried as a user meets it: the real CLI (a new
process) on a real corpus folder, the index built by the command.

"By Lena Fisk, River Weekly" gave that whole line as the author and no source; a tag an article
names in its prose ("each paragraph in a <p> tag") was dropped from what every format shows.
"""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import assistant as cli
from pages import Site

STORY = "\n\nThe new flood barrier on the Aven river opened on Monday, the council said.\n"


def _listed(corpus: Path) -> dict[str, tuple[str | None, str | None]]:
    done = cli(corpus, "list", "--json")
    assert done.returncode == 0, done.stderr
    return {row["id"]: (row["author"], row["source"]) for row in json.loads(done.stdout)}


def _shown(corpus: Path, article: str) -> list[str]:
    done = cli(corpus, "show", article, "--json")
    assert done.returncode == 0, done.stderr
    return [s["text"] for s in json.loads(done.stdout)["sentences"]]


def test_a_publication_after_the_bylines_comma_is_the_source_not_part_of_the_name(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bylines = {
        "weekly.txt": "By Lena Fisk, River Weekly",
        "ledger.txt": "By Lena Fisk and Tom Berg, The Coastal Ledger",
        "shouted.txt": "BY LENA FISK, RIVER WEEKLY",
        "suffix.txt": "By John Smith, Jr.",
        "two.txt": "By Jane Doe, Tom Berg",
        "role.txt": "By Jane Doe, Staff Writer",
        "agency.txt": "By Patti Domm, Reuter",
    }
    for name, byline in bylines.items():
        (corpus / name).write_text("Flood barrier opens\n" + byline + STORY, encoding="utf-8")
    (corpus / "sourced.md").write_text(
        "---\ntitle: Flood barrier opens\nsource: Aven Courier\n---\n\nBy Lena Fisk, River Weekly" + STORY,
        encoding="utf-8",
    )

    listed = _listed(corpus)

    # Each was the whole line after "By": "Lena Fisk, River Weekly" and no source.
    assert listed["weekly.txt"] == ("Lena Fisk", "River Weekly")
    assert listed["ledger.txt"] == ("Lena Fisk and Tom Berg", "The Coastal Ledger")
    assert listed["shouted.txt"] == ("Lena Fisk", "River Weekly")
    assert listed["agency.txt"] == ("Patti Domm", "Reuters")  # the wire's old sign-off as agency
    assert listed["sourced.md"] == ("Lena Fisk", "Aven Courier")  # a source already known stays
    # A suffix is the name's (it was the source "Jr."); two writers and a role stay as written.
    assert listed["suffix.txt"] == ("John Smith, Jr.", None)
    assert listed["two.txt"] == ("Jane Doe, Tom Berg", None)
    assert listed["role.txt"] == ("Jane Doe, Staff Writer", None)


BYLINE_PAGE = (
    "<!doctype html><html><head><title>Flood barrier opens</title></head><body><article>"
    '<h1>Flood barrier opens</h1><p class="byline">By Lena Fisk, River Weekly</p>'
    "<p>The new flood barrier on the Aven river opened on Monday after three years of work, the "
    "council said.</p><p>Engineer Tom Berg said the barrier could hold back a surge of up to four "
    "metres.</p></article></body></html>"
)


def test_a_pages_byline_naming_its_paper_is_added_as_writer_and_source(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = tmp_path / "barrier.html"
    page.write_text(BYLINE_PAGE, encoding="utf-8")

    added = cli(corpus, "add", str(page))

    assert added.returncode == 0, added.stderr
    # The page's extractor gave "Lena Fisk; River Weekly", stored as the author, and no source.
    assert _listed(corpus) == {"flood-barrier-opens.md": ("Lena Fisk", "River Weekly")}


def test_a_tag_named_in_prose_is_shown_and_quoted_while_markup_around_words_is_not(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tags.txt").write_text(
        "Browsers still honour old tags\n\n"
        "Web developer Mara Holt said most pages still wrap each paragraph in a <p> tag.\n\n"
        "She said the <center> tag was dropped from the standard years ago.\n",
        encoding="utf-8",
    )
    (corpus / "course.md").write_text(
        "---\ntitle: Markup for beginners\n---\n\n"
        "Students often confuse the `<section>` and <article> elements, the tutor said.\n\n"
        "<p>The course ends with a <em>short</em> test.</p>\n",
        encoding="utf-8",
    )

    asked = cli(corpus, "ask", "What did Mara Holt say about paragraphs?")

    assert asked.returncode == 0, asked.stderr
    # Was "… wrap each paragraph in a tag." in the answer, `show` and the index alike.
    assert "still wrap each paragraph in a <p> tag." in asked.stdout
    assert (
        _shown(corpus, "tags.txt")[1] == "She said the <center> tag was dropped from the standard years ago."
    )
    assert _shown(corpus, "course.md") == [
        "Students often confuse the <section> and <article> elements, the tutor said.",
        "The course ends with a short test.",
    ]


TWEET_PAGE = (
    "<!doctype html><html><head><title>Storm closes coastal road | Aven Courier</title>"
    '<meta name="author" content="Lena Fisk"></head><body><article><h1>Storm closes coastal road</h1>'
    "<p>The coastal road between Brill and Ostend was closed on Sunday after waves washed gravel "
    "across it, the county said.</p>"
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The sea came right over the wall this '
    "morning. Never seen it like this.</p>&mdash; Mara Holt (@maraholt) "
    '<a href="https://twitter.com/maraholt/status/1">March 3, 2024</a></blockquote>'
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    "<p>The county said repairs would take at least two weeks and cost about 40,000 pounds.</p>"
    "</article></body></html>"
)


def test_an_embedded_posts_signature_line_is_layout_not_a_sentence(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = tmp_path / "storm.html"
    page.write_text(TWEET_PAGE, encoding="utf-8")
    (corpus / "pasted.txt").write_text(
        "Ferry cancelled\n\n"
        "The morning ferry to Brill was cancelled because of high winds, the operator said.\n\n"
        "Stuck at the harbour again. Third time this month.\n\n"
        "\u2014 Ann Lee (@annlee) March 4, 2024\n\n"
        "A post shared by Ann Lee (@annlee) on Mar 4, 2024 at 8:15am PST\n\n"
        "The operator said services would resume on Tuesday.\n",
        encoding="utf-8",
    )

    added = cli(corpus, "add", str(page))
    assert added.returncode == 0, added.stderr
    stored = next(p.name for p in corpus.glob("*.md"))

    # Each signature was a paragraph of its own, quoted as a sentence.
    assert _shown(corpus, stored) == [
        "The coastal road between Brill and Ostend was closed on Sunday after waves washed gravel "
        "across it, the county said.",
        "The sea came right over the wall this morning.",
        "Never seen it like this.",
        "The county said repairs would take at least two weeks and cost about 40,000 pounds.",
    ]
    assert _shown(corpus, "pasted.txt") == [
        "The morning ferry to Brill was cancelled because of high winds, the operator said.",
        "Stuck at the harbour again.",
        "Third time this month.",
        "The operator said services would resume on Tuesday.",
    ]


def test_a_wire_datelines_day_takes_the_year_the_file_gives_and_none_is_invented(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    wire = "NEW YORK, Feb 26 - Oil prices fell sharply on Thursday as traders sold, analysts said.\n"
    (corpus / "stamped.txt").write_text(
        "Oil prices fall\n26-FEB-1987 15:01:01.79\n\n" + wire, encoding="utf-8"
    )
    (corpus / "headed.txt").write_text(
        "Title: Oil prices fall\nDate: 26-FEB-1987 15:01:01.79\n\n" + wire, encoding="utf-8"
    )
    (corpus / "year.md").write_text(
        "---\ntitle: Oil prices fall\ndate: 1987\n---\n\n" + wire, encoding="utf-8"
    )
    (corpus / "month.md").write_text(
        "---\ntitle: Oil prices fall\ndate: 1987-03\n---\n\n" + wire, encoding="utf-8"
    )
    (corpus / "bare.txt").write_text("Oil prices fall\n\n" + wire, encoding="utf-8")

    done = cli(corpus, "list", "--json")

    assert done.returncode == 0, done.stderr
    dates = {row["id"]: row["date"] for row in json.loads(done.stdout)}
    # The stamp line was the story's first sentence and no date; the header's date was shown as
    # "26-FEB-1987 15:01:01.79"; the year alone stayed "1987".
    assert dates["stamped.txt"] == "1987-02-26"
    assert dates["headed.txt"] == "1987-02-26"
    assert dates["year.md"] == "1987-02-26"
    assert dates["month.md"] == "1987-03"  # a month the dateline contradicts: left as the file says
    assert dates["bare.txt"] is None  # no year anywhere in the file: none is guessed
    assert _shown(corpus, "stamped.txt")[0].startswith("Oil prices fell sharply on Thursday")


NEWSLETTER = (
    "From: Aven Courier Newsdesk <desk@courier.example.com>\n"
    "To: subscribers@courier.example.com\n"
    "Subject: Council approves new cycle lanes\n"
    "Date: Wed, 6 Mar 2024 07:15:00 +0000\n\n"
    "Council approves new cycle lanes\nBy Lena Fisk\n\n"
    "The city council voted 9-4 on Tuesday to build 12 km of protected cycle lanes along the river.\n\n"
    "Councillor Ann Lee said the lanes would make the school run safer for hundreds of children.\n\n"
    "--\nYou are receiving this because you subscribed to the Aven Courier newsletter.\n"
    "Unsubscribe: https://courier.example.com/unsubscribe\n"
)
# A word processor's export: CRLF, a form feed at each page break, the page's number on a line.
EXPORT = (
    "Library budget cut\r\n\r\nBy Tom Berg\r\n\r\n"
    "The county will cut the library budget by 5 percent next year, officials said on Monday.\r\n"
    "\x0cLibrarian Kari Naess said two branches might have to close on Saturdays.\r\n\r\n"
    "\x0cPage 2 of 2\r\n\r\n* * *\r\n\r\nThe budget vote is due in April.\r\n"
)


def test_a_newsletter_mail_and_a_word_processor_export_read_as_their_stories(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "newsletter.txt").write_text(NEWSLETTER, encoding="utf-8")
    (corpus / "export.txt").write_bytes(EXPORT.encode("utf-8"))

    added = cli(corpus, "add", str(inbox / "newsletter.txt"))
    assert added.returncode == 0, added.stderr
    stored = next(p.name for p in corpus.glob("*.md"))
    listed = _listed(corpus)

    # The mail's sender was the author and "By Lena Fisk" its first paragraph; the "--" and the
    # footer under it were quoted as sentences.
    assert listed[stored] == ("Lena Fisk", None)
    assert _shown(corpus, stored) == [
        "The city council voted 9-4 on Tuesday to build 12 km of protected cycle lanes along the river.",
        "Councillor Ann Lee said the lanes would make the school run safer for hundreds of children.",
    ]
    # "Page 2 of 2" and "* * *" were sentences.
    assert _shown(corpus, "export.txt") == [
        "The county will cut the library budget by 5 percent next year, officials said on Monday.",
        "Librarian Kari Naess said two branches might have to close on Saturdays.",
        "The budget vote is due in April.",
    ]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Aven Courier</title>
<item><title>Harbour dredging to start in May</title>
<link>https://courier.example.com/harbour-dredging</link><dc:creator>Lena Fisk</dc:creator>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description><![CDATA[<p>Dredging of Brill harbour will start in May and take about six weeks, the port
authority said on Tuesday.</p><p>Harbour master Ole Dahl said larger ferries would be able to dock
once the work was done.</p>]]></description></item>
<item><title>Fish market moves</title><link>https://courier.example.com/fish-market</link>
<description>The fish market will move to the north quay in June, traders said.</description></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>River Weekly</title>
<entry><title>Ferry fares to rise in April</title>
<link rel="alternate" href="https://riverweekly.example.com/ferry-fares"/>
<author><name>Tom Berg</name></author><published>2024-03-06T08:00:00Z</published>
<content type="html">&lt;p&gt;Ferry fares on the Brill crossing will rise by 8 percent in April, the
operator said.&lt;/p&gt;&lt;p&gt;Commuter group chair Ann Lee said the rise would hit workers
hardest.&lt;/p&gt;</content></entry></feed>
"""


def test_a_feed_saved_as_a_file_is_added_an_article_an_item(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "courier.xml").write_text(RSS, encoding="utf-8")
    (inbox / "fares.atom").write_text(ATOM, encoding="utf-8")
    (inbox / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]><rss><channel><item>'
        "<title>&a;</title><description>&a;&a;&a;</description></item></channel></rss>",
        encoding="utf-8",
    )

    (corpus / "saved-feed.txt").write_text(ATOM, encoding="utf-8")  # read as one article of tags
    indexed = cli(corpus, "index")
    assert "saved-feed.txt: an RSS or Atom feed saved as text; `assistant add` the file" in indexed.stderr
    (corpus / "saved-feed.txt").unlink()

    # Each was refused: "unknown format '.xml'".
    added = cli(corpus, "add", str(inbox / "courier.xml"), str(inbox / "fares.atom"), str(inbox / "bomb.xml"))
    asked = cli(corpus, "ask", "What did Ann Lee say about the ferry fares?")
    done = cli(corpus, "list", "--json")

    assert added.returncode != 0  # the feed declaring entities is refused, said on stderr
    assert "bomb.xml: a feed declaring entities is not read" in added.stderr
    rows = {row["title"]: row for row in json.loads(done.stdout)}
    assert set(rows) == {
        "Harbour dredging to start in May",
        "Fish market moves",
        "Ferry fares to rise in April",
    }
    dredging = rows["Harbour dredging to start in May"]
    assert (dredging["author"], dredging["source"], dredging["date"]) == (
        "Lena Fisk",
        "Aven Courier",
        "2024-03-05",
    )
    assert _shown(corpus, dredging["id"]) == [
        "Dredging of Brill harbour will start in May and take about six weeks, the port authority said on "
        "Tuesday.",
        "Harbour master Ole Dahl said larger ferries would be able to dock once the work was done.",
    ]
    fares = rows["Ferry fares to rise in April"]
    assert (fares["author"], fares["source"], fares["date"]) == ("Tom Berg", "River Weekly", "2024-03-06")
    assert "Commuter group chair Ann Lee said the rise would hit workers hardest." in asked.stdout


def test_a_feeds_address_is_added_an_article_an_item(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rss = (200, {"Content-Type": "application/rss+xml; charset=utf-8"}, RSS.encode("utf-8"))
    atom = (200, {"Content-Type": "application/atom+xml"}, ATOM.encode("utf-8"))
    sitemap = (200, {"Content-Type": "application/xml"}, b'<?xml version="1.0"?><urlset></urlset>')
    with Site({"/feed": rss, "/fares.atom": atom, "/sitemap.xml": sitemap}) as site:
        # Each was refused: "the page is application/rss+xml, not HTML or plain text".
        added = cli(corpus, "add", site.url("/feed"), site.url("/fares.atom"), site.url("/sitemap.xml"))

    assert "sitemap.xml: the address serves XML that is no RSS or Atom feed" in added.stderr
    titles = {row["title"]: row for row in json.loads(cli(corpus, "list", "--json").stdout)}
    assert set(titles) == {
        "Harbour dredging to start in May",
        "Fish market moves",
        "Ferry fares to rise in April",
    }
    assert titles["Ferry fares to rise in April"]["url"] == "https://riverweekly.example.com/ferry-fares"
