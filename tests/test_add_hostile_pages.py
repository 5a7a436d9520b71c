"""A daily user's trial of `assistant add` with pages met on the web: a page whose title and text
carry terminal escapes, a link that redirects to a host that does not exist or to a missing page,
a server that never answers. Real loopback servers, the real CLI in a subprocess, a real corpus."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EVIL_PAGE = (
    b"<html><head><title>Harbor \x1b[31mwall\x1b]0;pwned\x07 repaired</title></head><body>"
    b"<nav>Home | News | Sport</nav><article><h1>Harbor wall repaired</h1>"
    b"<p>The city engineers \x1b[2Jrepaired the harbor wall on Monday after the winter storms "
    b"had cracked it in three places.</p>"
    b"<p>The work cost about two million dollars and took eleven weeks, the port authority said.</p>"
    b"</article><footer>Copyright</footer></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/evil":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(EVIL_PAGE)))
            self.end_headers()
            self.wfile.write(EVIL_PAGE)
        elif self.path == "/moved-away":
            self.send_response(302)
            self.send_header("Location", "http://no-such-host.invalid/story")
            self.end_headers()
        elif self.path == "/moved-to-nothing":
            self.send_response(301)
            self.send_header("Location", "/gone")
            self.end_headers()
        elif self.path == "/silent":
            time.sleep(5)
        else:
            self.send_error(404, "Not Found")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def add(corpus: Path, *sources: str, timeout: str = "20") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "add", *sources, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_FETCH_TIMEOUT": timeout},
    )


def test_a_page_with_terminal_escapes_is_stored_without_their_remains(site: str, tmp_path: Path) -> None:
    # The parser dropped the bare ESC and kept the rest: the title was stored as
    # "Harbor [31mwall]0;pwned repaired", the file named harbor-31mwall-0-pwned-repaired.md,
    # and every quote of the first paragraph read "The city engineers [2Jrepaired…".
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = add(corpus, f"{site}/evil")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("stored harbor-wall-repaired.md: “Harbor wall repaired”"), done.stdout
    stored = (corpus / "harbor-wall-repaired.md").read_text(encoding="utf-8")
    assert "title: Harbor wall repaired\n" in stored
    assert "The city engineers repaired the harbor wall on Monday" in stored
    assert "[2J" not in stored and "[31m" not in stored and "pwned" not in stored


def test_a_file_with_escapes_in_its_title_is_named_by_the_title_as_shown(tmp_path: Path) -> None:
    source = tmp_path / "download" / "story.txt"
    source.parent.mkdir()
    source.write_text(
        "Ferry \x1b[31mroute\x1b[0m reopens\n\nThe ferry route reopened on Friday after the storm.\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = add(corpus, str(source))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("stored ferry-route-reopens.md: “Ferry route reopens”"), done.stdout
    assert [p.name for p in corpus.glob("*.md")] == ["ferry-route-reopens.md"]


def test_a_redirect_that_fails_names_the_address_it_led_to(site: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = add(corpus, f"{site}/moved-away", f"{site}/moved-to-nothing")
    assert done.returncode == 6
    lines = done.stderr.splitlines()
    assert lines[0] == (
        f"assistant: failed: {site}/moved-away: it redirects to http://no-such-host.invalid/story, "
        "where the host name could not be found (check the address and the network)"
    )
    assert lines[1] == (
        f"assistant: failed: {site}/moved-to-nothing: it redirects to {site}/gone, "
        "where the server answered 404 Not Found"
    )


def test_a_server_that_never_answers_is_reported_with_the_time_limit_the_user_set(
    site: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = add(corpus, f"{site}/silent", timeout="1")
    assert done.returncode == 6
    # It said "no answer within 0.99975 seconds": the time left, not the limit.
    assert done.stderr.strip() == f"assistant: failed: {site}/silent: no answer within 1 second"


def test_links_leaving_an_added_folder_say_what_they_lead_to(tmp_path: Path) -> None:
    download = tmp_path / "download"
    download.mkdir()
    (download / "story.txt").write_text(
        "Ferry reopens\n\nThe ferry route reopened on Friday after the storm.\n", encoding="utf-8"
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nNot for the corpus.\n", encoding="utf-8")
    (download / "to-folder").symlink_to(outside)
    (download / "to-file.txt").symlink_to(outside / "secret.txt")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = add(corpus, str(download))
    assert done.returncode == 6
    assert (
        f"assistant: failed: {download}/to-folder: it is a link to a folder outside the folder; not followed"
        in (done.stderr.splitlines())
    )
    assert (
        f"assistant: failed: {download}/to-file.txt: it is a link to a file outside the folder; not followed"
        in (done.stderr.splitlines())
    )
    assert [p.name for p in corpus.glob("*.md")] == ["ferry-reopens.md"]


def test_a_saved_page_of_menus_alone_is_not_stored_as_an_article(tmp_path: Path) -> None:
    # It was stored as "empty.md", a one-paragraph article reading "Home | News".
    page = tmp_path / "saved" / "empty.html"
    page.parent.mkdir()
    page.write_text(
        "<html><head><title>Site</title></head><body><nav><a href=/>Home</a> | <a href=/news>News</a>"
        "</nav><footer>Copyright 2024</footer></body></html>",
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = add(corpus, str(page))
    assert done.returncode == 6
    assert done.stderr.strip() == (
        f"assistant: failed: {page}: no article text found in the page, only “Home | News” "
        "(a menu or links: it may need JavaScript, or be an index page)"
    )
    assert list(corpus.glob("*.md")) == []
