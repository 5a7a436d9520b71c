"""Fetching pages from a real HTTP server on 127.0.0.1: what a user sees when a URL is good or bad."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator

import pytest
from pages import Route, Site, closed_port, html_route, news_page, redirect

from assistant.errors import AddError
from assistant.ingest.fetch import fetch_url

PAGE = news_page()


def _slow() -> Route:
    time.sleep(1.5)
    return html_route(PAGE)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    chain: dict[str, Route] = {f"/chain/{n}": redirect(f"/chain/{n + 1}") for n in range(20)}
    routes = {
        "/story": html_route(PAGE),
        "/latin": html_route("<html><body><p>Caf\u00e9 cr\u00e8me</p></body></html>", charset="windows-1252"),
        "/notes.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, b"Title\nA line of text.\n"),
        "/moved": redirect("/story", 301),
        "/loop-a": redirect("/loop-b"),
        "/loop-b": redirect("/loop-a"),
        "/nowhere": (302, {"Content-Type": "text/html"}, b""),
        "/to-ftp": redirect("ftp://127.0.0.1/file"),
        "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-metadata-v6": redirect("http://[::ffff:169.254.169.254]/latest/meta-data/"),
        "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(200)),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n"),
        "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 50_000 + b"</p>"),
        "/big-unsized": (200, {"Content-Type": "text/html", "X-No-Length": "1"}, b"<p>" + b"y" * 50_000),
        "/gzipped": (
            200,
            {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
            gzip.compress(PAGE.encode()),
        ),
        "/bomb": (
            200,
            {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            gzip.compress(b"<p>" + b"z" * 200_000),
        ),
        "/gone": (410, {"Content-Type": "text/html"}, b"<html><body>Gone</body></html>"),
        "/broken": (500, {"Content-Type": "text/html"}, b"oops"),
        "/slow": _slow,
        **chain,
    }
    with Site(routes) as running:  # type: ignore[arg-type]
        yield running


def _error(url: str, **kwargs: float) -> str:
    with pytest.raises(AddError) as caught:
        fetch_url(url, **kwargs)  # type: ignore[arg-type]
    return caught.value.message


def test_fetches_an_html_page(site: Site) -> None:
    page = fetch_url(site.url("/story"))
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.url == site.url("/story")
    assert page.data.decode() == PAGE


def test_reports_the_declared_charset(site: Site) -> None:
    page = fetch_url(site.url("/latin"))
    assert page.charset == "windows-1252"
    assert "Café crème" in page.data.decode(page.charset)


def test_accepts_plain_text(site: Site) -> None:
    page = fetch_url(site.url("/notes.txt"))
    assert page.content_type == "text/plain"
    assert page.data == b"Title\nA line of text.\n"


def test_follows_a_redirect_and_reports_the_final_address(site: Site) -> None:
    page = fetch_url(site.url("/moved"))
    assert page.url == site.url("/story")
    assert page.data.decode() == PAGE


def test_decompresses_gzip(site: Site) -> None:
    assert fetch_url(site.url("/gzipped")).data.decode() == PAGE


def test_connection_refused_says_so() -> None:
    message = _error(f"http://127.0.0.1:{closed_port()}/story")
    assert "refused" in message


@pytest.mark.parametrize(("path", "shown"), [("/missing", "404"), ("/gone", "410"), ("/broken", "500")])
def test_error_status_is_named(site: Site, path: str, shown: str) -> None:
    message = _error(site.url(path))
    assert message.startswith(f"the server answered {shown}")


@pytest.mark.parametrize(("path", "kind"), [("/photo.png", "image/png"), ("/report.pdf", "application/pdf")])
def test_refuses_what_is_not_a_page(site: Site, path: str, kind: str) -> None:
    assert _error(site.url(path)) == f"the page is {kind}, not HTML, plain text or a feed"


def test_refuses_an_oversize_page_by_its_declared_length(site: Site) -> None:
    assert "larger than" in _error(site.url("/big"), max_bytes=10_000)


def test_refuses_an_oversize_page_without_a_length(site: Site) -> None:
    assert "larger than" in _error(site.url("/big-unsized"), max_bytes=10_000)


def test_refuses_a_compressed_page_that_grows_past_the_cap(site: Site) -> None:
    assert "larger than" in _error(site.url("/bomb"), max_bytes=10_000)


def test_redirect_loop_is_named(site: Site) -> None:
    message = _error(site.url("/loop-a"))
    assert "redirects in a loop" in message
    assert "/loop-b" in message


def test_too_many_redirects_stop(site: Site) -> None:
    message = _error(site.url("/chain/0"), max_redirects=3)
    assert message.startswith("more than 3 redirects")


def test_redirect_without_location(site: Site) -> None:
    assert "no address to go to" in _error(site.url("/nowhere"))


def test_redirect_off_the_web_is_refused(site: Site) -> None:
    assert "not a web address" in _error(site.url("/to-ftp"))


@pytest.mark.parametrize("path", ["/to-metadata", "/to-metadata-v6"])
def test_redirect_to_the_machines_metadata_address_is_refused(site: Site, path: str) -> None:
    # It was followed: a page on the web could have `add` store what only this machine can reach.
    message = _error(site.url(path), timeout=2.0)
    assert "link-local address of this machine's network; not followed" in message


def test_slow_server_times_out(site: Site) -> None:
    started = time.monotonic()
    message = _error(site.url("/slow"), timeout=0.3)
    assert "seconds" in message
    assert time.monotonic() - started < 1.4


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http:///no-host"])
def test_only_web_addresses(url: str) -> None:
    message = _error(url)
    assert "http://" in message or "host" in message
