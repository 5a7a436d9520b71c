"""Realistic news pages built in code, for the ingest tests.

Each page wraps a story in the furniture real sites carry: a menu, a cookie
banner, ads, share buttons, "read more" promos, related stories and a footer.
Where the metadata sits (meta tags, JSON-LD, a visible byline) is chosen per
test, so each test says what it relies on.
"""

from __future__ import annotations

import html
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

DateIn = Literal["meta", "jsonld", "time", "none"]
AuthorIn = Literal["meta", "jsonld", "byline", "none"]


@dataclass(frozen=True)
class Story:
    """The article a page carries: what ingest should find and keep."""

    title: str = "Harbour council approves flood wall after two-year dispute"
    author: str = "Priya Raman"
    date: str = "2024-03-14"
    site: str = "The Coastal Ledger"
    url: str = "https://www.coastal-ledger.example/news/2024/03/14/harbour-flood-wall"
    paragraphs: tuple[str, ...] = field(
        default=(
            "The harbour council voted seven to two on Wednesday night to build a concrete flood wall "
            "along the eastern quay, ending a dispute that has divided the town for two years.",
            "The wall, which will cost an estimated 14 million pounds, is meant to protect about 300 homes "
            "and the fish market from storm surges that flooded the quay three times last winter.",
            "“We cannot keep asking families to bail out their kitchens every February,” said council "
            "leader Martin Okafor, who proposed the plan. “This is the least we owe them.”",
            "Opponents, led by the Quayside Traders Association, argued that the wall would cut the market "
            "off from the water and drive away the tourists on whom many shops depend.",
            "Helen Marsh, who has run a café on the quay for 22 years, said she feared the wall would turn "
            "the waterfront into “a car park with a view of concrete.”",
            "Construction is expected to begin in September and to last about eighteen months, according "
            "to the council's engineering department.",
        )
    )


def news_page(
    story: Story = Story(),
    *,
    date_in: DateIn = "meta",
    author_in: AuthorIn = "meta",
    site_in_meta: bool = True,
    site_in_title: bool = True,
    charset: str = "utf-8",
) -> str:
    """A whole HTML document for `story`, furniture included, metadata where asked."""
    e = html.escape
    head: list[str] = [
        f'<meta charset="{charset}">',
        f"<title>{e(story.title)}{f' | {e(story.site)}' if site_in_title else ''}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<link rel="canonical" href="{e(story.url)}">',
        f'<meta property="og:title" content="{e(story.title)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{e(story.url)}">',
        '<meta name="description" content="The vote ends a two-year fight over the eastern quay.">',
    ]
    if site_in_meta:
        head.append(f'<meta property="og:site_name" content="{e(story.site)}">')
    if author_in == "meta":
        head.append(f'<meta name="author" content="{e(story.author)}">')
    if date_in == "meta":
        head.append(f'<meta property="article:published_time" content="{story.date}T18:42:00+00:00">')
    if date_in == "jsonld" or author_in == "jsonld":
        data: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "mainEntityOfPage": story.url,
            "publisher": {"@type": "Organization", "name": story.site},
        }
        if date_in == "jsonld":
            data["datePublished"] = f"{story.date}T18:42:00Z"
            data["dateModified"] = f"{story.date}T21:05:00Z"
        if author_in == "jsonld":
            data["author"] = [{"@type": "Person", "name": story.author}]
        head.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    head.append("<script>window.dataLayer = window.dataLayer || []; dataLayer.push({page: 1});</script>")

    byline = ""
    if author_in == "byline":
        byline = f'<p class="byline">By <a rel="author" href="/authors/x">{e(story.author)}</a></p>'
    when = ""
    if date_in == "time":
        when = f'<time datetime="{story.date}T18:42:00Z" class="published">{story.date}</time>'

    paragraphs = [f"<p>{e(p)}</p>" for p in story.paragraphs]
    # An ad and a "read more" promo in the middle of the story, as many sites place them.
    middle = len(paragraphs) // 2
    paragraphs[middle:middle] = [
        '<div class="ad-slot" aria-hidden="true"><span>Advertisement</span>'
        '<iframe src="https://ads.example/slot/123" title="ad"></iframe></div>',
        '<aside class="read-more"><p><strong>Read more:</strong> '
        '<a href="/news/2024/03/10/ferry-timetable">Ferry timetable cut again as crew shortage bites</a>'
        "</p></aside>",
    ]

    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{chr(10).join(head)}
</head>
<body class="article-page">
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header">
  <a class="logo" href="/">{e(story.site)}</a>
  <nav class="main-nav"><ul>
    <li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>
    <li><a href="/subscribe">Subscribe for £1 a week</a></li>
  </ul></nav>
</header>
<main>
<article class="story">
  <header>
    <h1 class="headline">{e(story.title)}</h1>
    {byline}
    {when}
    <ul class="share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li></ul>
  </header>
  <div class="story-body">
    {chr(10).join(paragraphs)}
  </div>
  <footer class="story-footer">
    <p class="tags">Topics: <a href="/t/flooding">Flooding</a>, <a href="/t/council">Council</a></p>
  </footer>
</article>
<section class="related">
  <h2>Most read</h2>
  <ul>
    <li><a href="/news/a">Lifeboat crew rescue three from capsized dinghy</a></li>
    <li><a href="/news/b">New bakery opens on Harbour Street</a></li>
    <li><a href="/news/c">School inspection rates academy as outstanding</a></li>
  </ul>
</section>
</main>
<footer class="site-footer">
  <p>© 2024 {e(story.site)}. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/contact">Contact us</a></li></ul>
</footer>
</body>
</html>
"""


# --- A real HTTP server on 127.0.0.1 for the URL tests -------------------------------------------

Route = tuple[int, dict[str, str], bytes]
"""Status, headers and body of one canned answer."""


class Site:
    """A local web site: `routes` maps a path to an answer, or to a callable that makes one."""

    def __init__(self, routes: dict[str, Route | Callable[[], Route]]) -> None:
        self.routes = routes
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """The full address of `path` on this site."""
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def _handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            answer = site.routes.get(self.path)
            if answer is None:
                answer = (404, {"Content-Type": "text/html"}, b"<html><body><h1>Not found</h1></body></html>")
            status, headers, body = answer() if callable(answer) else answer
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers and "X-No-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                return  # the client stopped reading, as a size cap should

        def log_message(self, format: str, *args: object) -> None:
            return  # keep test output quiet

    return Handler


def html_route(page: str, charset: str = "utf-8") -> Route:
    """An HTML answer for `page`."""
    return (200, {"Content-Type": f"text/html; charset={charset}"}, page.encode(charset))


def redirect(to: str, status: int = 302) -> Route:
    """A redirect to `to` (a path or a full URL)."""
    return (status, {"Location": to, "Content-Type": "text/html"}, b"")


def closed_port() -> int:
    """A loopback port nothing listens on: bound, then released."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port
