"""Fetching one web page for `assistant add URL`, with the limits a user expects.

A page is read with a timeout, capped in size, accepted only as HTML or plain
text, and its redirects are followed by hand so a loop or a long chain ends
with a message that says so. Every failure is an `AddError` whose message
is the reason alone (the caller names the URL), never a traceback.
"""

from __future__ import annotations

import os
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException, HTTPResponse

from assistant.errors import AddError
from assistant.ingest.redirect_guard import refused_redirect

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
# A feed's types (RSS, Atom, and the plain XML types servers often send feeds as).
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"})
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", *FEED_TYPES})
USER_AGENT = "assistant/0.1 (news article reader)"
_CHUNK = 64 * 1024
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A page as the server sent it, after redirects."""

    url: str
    """The final URL, after any redirects."""
    data: bytes
    content_type: str
    """The media type alone, lower case: `text/html`, `text/plain` or (a feed's) `application/xml`."""
    charset: str | None = None
    """The charset the server declared, if any."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands redirects back to `fetch_url`, which counts them and spots loops."""

    def redirect_request(
        self, req: urllib.request.Request, fp: object, code: int, msg: str, headers: Message, newurl: str
    ) -> None:
        return None


def default_timeout() -> float:
    """The total deadline of one fetch: $ASSISTANT_FETCH_TIMEOUT seconds (1–600), else 20."""
    value = os.environ.get("ASSISTANT_FETCH_TIMEOUT", "")
    try:
        seconds = float(value)
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if 0.1 <= seconds <= 600 else DEFAULT_TIMEOUT


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirect())


def check_url(url: str) -> str:
    """The URL if it is an http(s) URL with a host; raises AddError otherwise."""
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise AddError("the address holds spaces or control characters")
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises on a port that is not a number in range
    except ValueError as exc:
        raise AddError(f"the address is malformed ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise AddError("only http:// and https:// addresses can be fetched")
    if not host:
        raise AddError("the address has no host name")
    return url


def fetch_url(
    url: str,
    *,
    timeout: float | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
) -> FetchedPage:
    """Fetch `url` as HTML or plain text, or raise AddError saying why not.

    `timeout` is a total deadline for the whole fetch (name lookup, connection,
    headers, redirects, body): the work runs in a helper thread that is
    abandoned when the deadline passes, so a server that drips one byte a
    second, even in its headers, is cut off on time.
    """
    check_url(url)
    timeout = default_timeout() if timeout is None else timeout
    outcome: list[FetchedPage | BaseException] = []

    def work() -> None:
        try:
            outcome.append(_fetch(url, timeout, max_bytes, max_redirects))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    worker = threading.Thread(target=work, name="assistant-fetch", daemon=True)
    worker.start()
    worker.join(timeout + 0.5)
    if not outcome:
        raise AddError(f"the page did not arrive within {_seconds(timeout)}")
    result = outcome[0]
    if isinstance(result, FetchedPage):
        return result
    if isinstance(result, AddError):
        raise result
    if isinstance(result, UnicodeError | ValueError):
        raise AddError(f"the address or the answer is malformed ({result})") from result
    raise result


def _fetch(url: str, timeout: float, max_bytes: int, max_redirects: int) -> FetchedPage:
    """The fetch itself, with a deadline checked between reads (`fetch_url` enforces it outright)."""
    deadline = time.monotonic() + timeout
    seen: list[str] = [url]
    current = url
    opener = _opener()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AddError(f"the page did not arrive within {_seconds(timeout)}")
        try:
            reply = _open(opener, current, remaining, timeout)
        except AddError as exc:
            raise _after_redirect(exc, url, current) from exc
        with reply.body:
            status = reply.status
            if status in _REDIRECT_CODES:
                target = _redirect_target(reply.headers, status, current)
                if (why := refused_redirect(url, target)) is not None:
                    raise AddError(why)
                if target in seen:
                    raise AddError(f"the server redirects in a loop ({_chain([*seen, target])})")
                if len(seen) > max_redirects:
                    raise AddError(f"more than {max_redirects} redirects; stopped at {target}")
                seen.append(target)
                current = target
                continue
            if status >= 400:
                error = AddError(f"the server answered {status} {reply.reason}".rstrip())
                raise _after_redirect(error, url, current)
            media_type, charset = _content_type(reply.headers)
            if media_type and media_type not in ACCEPTED_TYPES:
                raise AddError(f"the page is {media_type}, not HTML, plain text or a feed")
            data = _read_capped(reply, max_bytes, deadline, timeout)
            kind = _simplify(media_type) if media_type else _sniffed(data)
            return FetchedPage(url=current, data=data, content_type=kind, charset=charset)


@dataclass(frozen=True, slots=True)
class _Reply:
    """A server's answer, whether urllib saw it as a success or an HTTPError."""

    status: int
    reason: str
    headers: Message
    body: HTTPResponse | urllib.error.HTTPError


def _after_redirect(error: AddError, url: str, current: str) -> AddError:
    """`error`, naming the address it happened at when a redirect led there: "the host name could
    not be found" about a host the user never typed sends them to check the wrong address."""
    if current == url:
        return error
    return AddError(f"it redirects to {current}, where {error.message}")


def _open(opener: urllib.request.OpenerDirector, current: str, remaining: float, timeout: float) -> _Reply:
    """One request with `remaining` seconds left; messages name the whole `timeout` the user set."""
    request = urllib.request.Request(
        current,
        headers={
            "User-Agent": USER_AGENT,
            # Feeds are read too: a site that picks its answer by Accept serves its feed only when asked.
            "Accept": (
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                "application/xml;q=0.9,text/plain;q=0.9,*/*;q=0.1"
            ),
            "Accept-Encoding": "gzip, identity",
        },
    )
    try:
        response = opener.open(request, timeout=remaining)
    except urllib.error.HTTPError as exc:
        # Redirects (handed back by _NoRedirect) and error statuses arrive here.
        return _Reply(exc.code, str(exc.reason or ""), exc.headers, exc)
    except urllib.error.URLError as exc:
        raise AddError(f"{_network_reason(exc.reason, timeout)}") from exc
    except TimeoutError as exc:
        raise AddError(f"no answer within {_seconds(timeout)}") from exc
    except (HTTPException, OSError, ValueError) as exc:
        raise AddError(f"the connection failed ({exc or type(exc).__name__})") from exc
    if not isinstance(response, HTTPResponse):
        response.close()
        raise AddError("only http:// and https:// addresses can be fetched")
    return _Reply(response.status, response.reason, response.headers, response)


def _network_reason(reason: object, timeout: float) -> str:
    """A plain sentence for why a connection failed."""
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused (is the server running, and the address right?)"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {_seconds(timeout)}"
    if isinstance(reason, socket.gaierror):
        return "the host name could not be found (check the address and the network)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"the site's certificate could not be verified ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"the connection failed ({reason.strerror.lower()})"
    return f"the connection failed ({reason})"


def _redirect_target(headers: Message, status: int, current: str) -> str:
    location = headers.get("Location")
    if not location:
        raise AddError(f"the server answered {status} with no address to go to")
    target = urllib.parse.urljoin(current, location.strip())
    target = urllib.parse.urldefrag(target).url
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise AddError(f"the server redirects to {target}, which is not a web address")
    return target


def _chain(urls: list[str]) -> str:
    return " → ".join(urls[-4:]) if len(urls) <= 4 else "… → " + " → ".join(urls[-4:])


def _content_type(headers: Message) -> tuple[str, str | None]:
    value = headers.get("Content-Type")
    if not value:
        return "", None
    message = Message()
    message["Content-Type"] = value
    charset = message.get_param("charset")
    return message.get_content_type().lower(), (charset.strip() if isinstance(charset, str) else None)


def _sniffed(data: bytes) -> str:
    """The kind of a page whose server names none (an old or hand-made server), as a browser would
    tell it: HTML by its tags, else text; text that is binary is refused when it is read."""
    from assistant.corpus.file_kinds import is_feed
    from assistant.ingest.html_article import looks_like_html

    head = data[:20000].removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    if is_feed(head):
        return "application/xml"  # a feed: read_source reads its items
    return "text/html" if looks_like_html(head) else "text/plain"


def _simplify(media_type: str) -> str:
    if media_type in FEED_TYPES:
        return "application/xml"  # a feed, or XML that may be one: read_source tells
    return "text/plain" if media_type == "text/plain" else "text/html"


def _read_capped(reply: _Reply, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, decompressed, refusing more than `max_bytes` before reading it all."""
    too_big = f"the page is larger than {_size(max_bytes)}"
    length = reply.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise AddError(f"the page is {_size(int(length))}, larger than {_size(max_bytes)}")
    encoding = (reply.headers.get("Content-Encoding") or "identity").strip().lower()
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in ("gzip", "x-gzip") else None
    if encoding not in ("identity", "gzip", "x-gzip", ""):
        raise AddError(f"the page is sent with an encoding we cannot read ({encoding})")
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise AddError(f"the page did not arrive within {_seconds(timeout)}")
            # read1: what has arrived, at most one network read; read() would wait for a whole chunk.
            chunk = reply.body.read1(_CHUNK) if hasattr(reply.body, "read1") else reply.body.read(_CHUNK)
            if not chunk:
                break
            if decompressor is not None:
                chunk = decompressor.decompress(chunk, max_bytes + 1 - size)
                if decompressor.unconsumed_tail:
                    raise AddError(too_big)
            size += len(chunk)
            if size > max_bytes:
                raise AddError(too_big)
            parts.append(chunk)
        if decompressor is not None:
            parts.append(decompressor.flush())
    except TimeoutError as exc:
        raise AddError(f"the page did not arrive within {_seconds(timeout)}") from exc
    except zlib.error as exc:
        raise AddError("the page's compressed data is damaged") from exc
    except (HTTPException, OSError) as exc:
        raise AddError(f"the connection broke while reading the page ({exc})") from exc
    return b"".join(parts)


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    return f"{count / 1024:.0f} KB" if count >= 1024 else f"{count} bytes"


def _seconds(timeout: float) -> str:
    """`20 seconds`, `1 second`, `2.5 seconds`: the limit as the user set it."""
    return f"{timeout:g} second" + ("" if timeout == 1 else "s")
