"""One source read into a draft article, the reader chosen by its format.

A file by its suffix (HTML, or text and Markdown as the corpus reader reads them), stdin and
files without a suffix by sniffing, a web page by its content type. Every read is bounded by
the corpus's own file size limit.
"""

from __future__ import annotations

import dataclasses
import sys
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from assistant import corpus
from assistant.corpus import (
    WEB_PAGE_SUFFIXES,
    WIRE_SUFFIXES,
    RefusedPath,
    UnreadableArticle,
    read_regular,
    story_count,
    wire_stories,
)
from assistant.corpus.article_file import ArticleFields
from assistant.corpus.file_kinds import FEED_SUFFIXES, is_feed
from assistant.ingest.drafts import Draft, from_html, from_text
from assistant.ingest.feed_item import feed_items
from assistant.ingest.html_article import decode_html, looks_like_html
from assistant.ingest.sources import Item
from assistant.ingest.web import check_url

if TYPE_CHECKING:
    from assistant.ingest.fetch import FetchedPage

MAX_SOURCE_BYTES = corpus.MAX_FILE_BYTES
HTML_SUFFIXES = WEB_PAGE_SUFFIXES  # one list: the corpus reader points such files to `add`


@dataclass(frozen=True, slots=True)
class Collection:
    """A source holding many stories (a wire file): a draft for each, and the stories left out."""

    drafts: tuple[tuple[str, Draft], ...]
    """(label, draft) for each story: the label names the file and the story's number."""
    left_out: tuple[tuple[str, str], ...]
    """(label, why) for each story with nothing to store (a headline alone)."""


def read_item(
    item: Item, stdin: BinaryIO | None, stdin_data: list[bytes], fetch: Callable[[str], FetchedPage]
) -> Draft | Collection:
    """Read one item into a draft article (or a collection of them), choosing the reader by format.

    stdin is read once into `stdin_data`: `-` given twice adds the same text twice (a duplicate).
    """
    if item.kind == "url":
        return _read_url(check_url(item.label), fetch)
    if item.kind == "stdin":
        if not stdin_data:
            stream = stdin if stdin is not None else sys.stdin.buffer
            stdin_data.append(stream.read(MAX_SOURCE_BYTES + 1))
        data = stdin_data[0]
        _check_size(len(data), "the input")
        return _read_bytes(data, "", fallback_title=None, label=item.label)
    assert item.path is not None
    path = item.path
    suffix = path.suffix.lower()
    known = (HTML_SUFFIXES, corpus.TEXT_SUFFIXES, WIRE_SUFFIXES, FEED_SUFFIXES)
    if not any(suffix in suffixes for suffixes in known):
        raise UnreadableArticle(
            f"unknown format {suffix!r} (add .html, .htm, .txt, .md or feed .xml files, or a URL)"
        )
    try:
        # A file named on the command line may be a link (the user chose it); it must be a regular file.
        data, _ = read_regular(path, MAX_SOURCE_BYTES)
    except RefusedPath as exc:
        raise UnreadableArticle(str(exc)) from exc
    fallback = path.stem.replace("_", " ").replace("-", " ")
    return _read_bytes(data, suffix, fallback_title=fallback, label=item.label)


def _check_size(size: int, what: str) -> None:
    if size > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // (1024 * 1024)
        megabytes = size / (1024 * 1024)
        raise UnreadableArticle(f"{what} is too large ({megabytes:.0f} MB; the limit is {limit} MB)")


def _read_bytes(data: bytes, suffix: str, *, fallback_title: str | None, label: str) -> Draft | Collection:
    """A draft from a file's or stdin's bytes: HTML by suffix or by sniffing, a wire file of
    stories by its tags, else text or Markdown."""
    if suffix in HTML_SUFFIXES:
        return from_html(decode_html(data), None, fallback_title)
    if suffix in WIRE_SUFFIXES:
        # Reuters-21578 is Latin-1; its stories are ASCII but for a few accented names.
        text = data.decode("latin-1")
        if not story_count(text):
            raise UnreadableArticle(f"unknown format {suffix!r}: an SGML file with no wire stories in it")
        return _wire_collection(text, label)
    text = corpus.decode(data)
    if suffix in FEED_SUFFIXES or (suffix in ("", ".txt", ".text") and is_feed(text)):
        if not is_feed(text):
            raise UnreadableArticle(f"unknown format {suffix!r}: an XML file that is no RSS or Atom feed")
        return _feed(text, label)
    if suffix not in corpus.MARKDOWN_SUFFIXES and story_count(text):
        return _wire_collection(text, label)
    warnings: list[str] = []
    if corpus.read_as_cp1252(data):
        warnings.append("the text is not UTF-8; it was read as Windows-1252 (check accented letters)")
    if suffix in ("", ".txt", ".text") and looks_like_html(text):
        return from_html(decode_html(data), None, fallback_title)
    front_matter = suffix == "" and text.lstrip("\ufeff").startswith(("---", "+++"))
    markdown = suffix in corpus.MARKDOWN_SUFFIXES or front_matter
    return from_text(text, markdown=markdown, fallback_title=fallback_title, warnings=warnings)


def _wire_collection(text: str, label: str) -> Collection:
    """Each story of a wire file as a draft, read as its wire copy; its DATE tag gives the date."""
    stories, left_out = wire_stories(text)
    drafts = []
    left = [(f"{label} story {number}", why) for number, why in left_out]
    for story in stories:
        try:
            draft = from_text(story.text, markdown=False, fallback_title=None, warnings=[])
        except UnreadableArticle as exc:
            left.append((f"{label} story {story.number}", str(exc)))
            continue
        fields = dataclasses.replace(
            draft.fields, date=draft.fields.date or story.date, source=draft.fields.source or "Reuters"
        )
        drafts.append((f"{label} story {story.number}", dataclasses.replace(draft, fields=fields)))
    if not drafts:
        more = f" (and {len(left) - 1} more left out)" if len(left) > 1 else ""
        raise UnreadableArticle(f"no story to store: {left[0][1]}{more}")
    return Collection(tuple(drafts), tuple(left))


def _feed(text: str, label: str) -> Draft | Collection:
    """A feed's items as drafts: one item saved alone is one article, a whole feed a collection."""
    drafts = []
    for number, item in enumerate(feed_items(text), start=1):
        warnings = () if item.title else ("no title found; titled 'Untitled article'",)
        fields = ArticleFields(
            item.title or "Untitled article", item.author, item.date, item.source, item.url
        )
        drafts.append((f"{label} item {number}", Draft(fields, item.paragraphs, warnings)))
    if not drafts:
        raise UnreadableArticle("no story to store: the feed has no item with any text")
    if len(drafts) == 1:
        return drafts[0][1]
    return Collection(tuple(drafts), ())


def _read_url(url: str, fetch: Callable[[str], FetchedPage]) -> Draft | Collection:
    page = fetch(url)
    # A feed served as plain text (a raw file host) is read as a feed too: it was refused as "a feed
    # saved as text; `assistant add` the file" (fetch tells a feed sent with no type by its start).
    text = _decode_text(page) if page.content_type != "text/html" else ""
    if page.content_type == "application/xml" or (page.content_type == "text/plain" and is_feed(text)):
        if not is_feed(text):
            raise UnreadableArticle("the address serves XML that is no RSS or Atom feed")
        read = _feed(text, url)
        if isinstance(read, Draft) and read.fields.url is None:
            read = dataclasses.replace(read, fields=dataclasses.replace(read.fields, url=page.url))
        return read
    stem = urllib.parse.urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0].replace("-", " ").replace("_", " ")
    fallback = urllib.parse.unquote(stem) or None
    if page.content_type == "text/plain":
        draft = from_text(text, markdown=False, fallback_title=fallback, warnings=[])
        fields = draft.fields
        if fields.url is None:
            fields = dataclasses.replace(fields, url=page.url)
        if fields.source is None:
            fields = dataclasses.replace(fields, source=_host(page.url))
        return dataclasses.replace(draft, fields=fields)
    draft = from_html(decode_html(page.data, page.charset), page.url, fallback)
    # Where the page was fetched from is a fact; its canonical link is only a claim.
    return dataclasses.replace(draft, fields=dataclasses.replace(draft.fields, url=page.url))


def _decode_text(page: FetchedPage) -> str:
    if page.charset:
        try:
            return page.data.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset label: fall back to the corpus reader's guesses below
    return corpus.decode(page.data)


def _host(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
