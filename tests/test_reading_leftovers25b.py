"""Four small reading leftovers, each tried as a user meets it: the real CLI (a new process) on a
real corpus folder, the index built by the command.

A site that serves its feed by content negotiation answered 406 to our Accept header, which named
no feed type.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cli_process import assistant as cli

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Aven Courier</title>
<item><title>Harbour dredging to start in May</title>
<description>Dredging of Brill harbour will start in May, the port authority said.</description></item>
</channel></rss>
"""


@contextmanager
def _negotiating_site() -> Iterator[str]:
    """A site that serves its feed only to a client whose Accept header names a feed type, as
    content-negotiating servers do (406 otherwise); yields the feed's address."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            accepted = self.headers.get("Accept", "")
            if "application/rss+xml" in accepted:
                status, body = 200, FEED.encode("utf-8")
                kind = "application/rss+xml; charset=utf-8"
            else:
                status, body, kind = 406, b"<html><body>Not Acceptable</body></html>", "text/html"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/feed"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_a_feed_served_by_content_negotiation_is_added(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with _negotiating_site() as address:
        added = cli(corpus, "add", address)  # was refused: the site answered 406

    assert added.returncode == 0, added.stderr
    titles = [row["title"] for row in json.loads(cli(corpus, "list", "--json").stdout)]
    assert titles == ["Harbour dredging to start in May"]


def test_a_feeds_titles_are_stored_without_c1_controls(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    feed = tmp_path / "courier.xml"
    feed.write_text(
        FEED.replace("Aven Courier", "Aven\x80 Courier")
        .replace("Harbour dredging", "Harbour\x81 dredging")
        .replace(
            "</title>\n<description>",
            "</title><author>x@courier.example.com (Lena\x8d Fisk)</author>\n<description>",
        ),
        encoding="utf-8",
    )

    added = cli(corpus, "add", str(feed))

    assert added.returncode == 0, added.stderr
    stored = "".join(path.read_text(encoding="utf-8") for path in corpus.glob("*.md"))
    # The feed's and the item's titles kept U+0081, U+0080 in the file, written as YAML escapes and
    # read back as the controls (a page's title never kept them).
    assert "title: Harbour dredging to start in May\n" in stored
    assert "source: Aven Courier\n" in stored
    (row,) = json.loads(cli(corpus, "list", "--json").stdout)
    assert (row["title"], row["author"], row["source"]) == (
        "Harbour dredging to start in May",
        "Lena Fisk",
        "Aven Courier",
    )


def test_a_pasted_tweets_trailing_links_are_no_part_of_its_quote(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "barrier.txt").write_text(
        "Flood barrier opens\n\n"
        "The new flood barrier on the Aven river opened on Monday, the council said.\n\n"
        "Engineer Tom Berg posted: The Aven barrier can hold back a surge of four metres! "
        "pic.twitter.com/AbC123xYz\n\n"
        "Mayor Ann Lee wrote that the barrier was worth every penny https://t.co/Qw3rTy9 "
        "pic.twitter.com/ZzZ9\n\n"
        "Plans at https://t.co/Plans1 were shown to residents in May.\n",
        encoding="utf-8",
    )

    shown = cli(corpus, "show", "barrier.txt", "--json")
    asked = cli(corpus, "ask", "How high a surge can the Aven barrier hold back?")

    assert shown.returncode == 0, shown.stderr
    sentences = [s["text"] for s in json.loads(shown.stdout)["sentences"]]
    # Each ended in its links: "… four metres! pic.twitter.com/AbC123xYz".
    assert "Engineer Tom Berg posted: The Aven barrier can hold back a surge of four metres!" in sentences
    assert "Mayor Ann Lee wrote that the barrier was worth every penny" in sentences
    assert "Plans at https://t.co/Plans1 were shown to residents in May." in sentences  # mid-prose stays
    assert "surge of four metres!" in asked.stdout
    assert "pic.twitter.com" not in asked.stdout


def test_a_month_and_year_line_under_the_title_is_its_date_not_a_sentence(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = "\n\nThe new flood barrier on the Aven river opened on Monday, the council said.\n"
    (corpus / "monthly.txt").write_text("Flood barrier opens\nFebruary 1987" + story, encoding="utf-8")
    (corpus / "bylined.txt").write_text(
        "Flood barrier opens\nBy Lena Fisk\nMarch 2024" + story, encoding="utf-8"
    )
    (corpus / "dated.txt").write_text(
        "Flood barrier opens\nMarch 2024\n3 March 2024" + story, encoding="utf-8"
    )
    (corpus / "datelined.txt").write_text(
        "Flood barrier opens\nFebruary 1987\n\nNEW YORK, Feb 26 - The flood barrier opened on Monday.\n",
        encoding="utf-8",
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "added.txt").write_text(
        "Harbour dredging starts\nMay 2024\n\nDredging of Brill harbour started on Monday, the port said.\n",
        encoding="utf-8",
    )

    added = cli(corpus, "add", str(inbox / "added.txt"))
    done = cli(corpus, "list", "--json")

    assert added.returncode == 0, added.stderr
    rows = {row["id"]: row for row in json.loads(done.stdout)}
    # Each had no date and "February 1987" (or "March 2024") as its first sentence.
    assert rows["monthly.txt"]["date"] == "1987-02"  # the month known, the day not: none invented
    assert (rows["bylined.txt"]["author"], rows["bylined.txt"]["date"]) == ("Lena Fisk", "2024-03")
    assert rows["dated.txt"]["date"] == "2024-03-03"  # a full date given beside it wins
    assert rows["datelined.txt"]["date"] == "1987-02-26"  # the dateline's day, the month line's year
    (added_id,) = set(rows) - {"monthly.txt", "bylined.txt", "dated.txt", "datelined.txt"}
    assert rows[added_id]["date"] == "2024-05"
    for article in rows:
        assert not {"February 1987", "March 2024", "3 March 2024", "May 2024"} & set(_shown(corpus, article))


def _shown(corpus: Path, article: str) -> list[str]:
    done = cli(corpus, "show", article, "--json")
    assert done.returncode == 0, done.stderr
    return [s["text"] for s in json.loads(done.stdout)["sentences"]]
