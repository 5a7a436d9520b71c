"""A feed saved as a file (RSS 2.0, RSS 1.0/RDF or Atom) → a draft article for each item.

A reader who saves a story from a feed reader, or a site's feed itself, has XML whose items hold
the title, link, writer, date and the story as an HTML fragment. `add` refused it as an unknown
format (`.xml`, `.rss`, `.atom`), and as `.txt` it would be read as text of tags. Parsing is
bounded: a feed declaring entities (the only way XML expands itself) is refused, the file
is at most the corpus's size limit, and at most MAX_ITEMS items are taken.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import unescape

from assistant.corpus import UnreadableArticle
from assistant.corpus.key_values import iso_date_of
from assistant.ingest.html_article import joined_lines
from assistant.safe_text import clean, without_escape_sequences

MAX_ITEMS = 1_000

_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
# Where an HTML fragment breaks into paragraphs; a <br> breaks a line, which `joined_lines` mends.
_BLOCK = re.compile(
    r"<(?:/?(?:p|div|li|ul|ol|h[1-6]|blockquote|section|article|figure|figcaption|table|tr|pre)\b"
    r"[^<>]{0,2000}|br\s*/?)>",
    re.IGNORECASE,
)
# A script, style, iframe or noscript element, dropped whole with what it holds. Openers and closers
# are found in one pass: a lazy search from each opener to its closer went over the rest of the story
# again for every opener left unclosed (a story of 20,000 "<script>" took 10 s, a feed of them hours).
_DROPPED = re.compile(r"<(/?)(script|style|iframe|noscript)\b(?:\s*>)?", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")
# "lena@courier.example.com (Lena Fisk)": RSS's author is an address with the name after it.
_RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((.+)\)$")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: its fields as the feed states them, and its story's paragraphs."""

    title: str | None
    author: str | None
    date: str | None
    """ISO date (YYYY-MM-DD) the item was published, where it says."""
    source: str | None
    """The feed's own title (the site or paper it comes from)."""
    url: str | None
    paragraphs: tuple[str, ...]


def feed_items(text: str) -> list[FeedItem]:
    """The items of a feed that hold some text, in the feed's order; raises UnreadableArticle."""
    if _ENTITY.search(text[:65536]):
        raise UnreadableArticle("a feed declaring entities is not read (they can expand without bound)")
    try:
        root = ET.fromstring(without_escape_sequences(text).lstrip("\ufeff"))
    except ET.ParseError as exc:
        raise UnreadableArticle(f"the feed is not well-formed XML ({exc})") from exc
    channel = _child(root, "channel")
    source = _text(_child(channel if channel is not None else root, "title"))
    items = [e for e in root.iter() if _name(e) in ("item", "entry")][:MAX_ITEMS]
    try:
        found = [_item(element, source) for element in items]
    except RecursionError as exc:  # an xhtml story is written out again, one call per level
        raise UnreadableArticle("the feed nests its elements too deep to read") from exc
    return [item for item in found if item.paragraphs]


def _item(element: ET.Element, source: str | None) -> FeedItem:
    author = _text(_child(element, "creator"))
    if author is None and (written := _child(element, "author")) is not None:
        author = _text(_child(written, "name")) or _text(written)  # Atom's <name>, else RSS's text
        mailbox = _RSS_AUTHOR.match(author or "")
        author = mailbox.group(1).strip() if mailbox else (None if author and "@" in author else author)
    date = None
    for name in ("pubDate", "published", "date", "updated"):
        if (stated := _text(_child(element, name))) is not None:
            date = iso_date_of(stated)
            break
    story = None
    for name in ("encoded", "content", "description", "summary"):
        if (story := _text(_child(element, name), keep_lines=True)) is not None:
            break
    return FeedItem(
        title=_text(_child(element, "title")),
        author=author,
        date=date,
        source=source,
        url=_link(element),
        paragraphs=tuple(_paragraphs(story or "")),
    )


def _paragraphs(story: str) -> list[str]:
    """The paragraphs of an item's story: an HTML fragment's blocks, or text's blank-line paragraphs."""
    if _TAG.search(story):
        pieces = _BLOCK.split(_without_dropped(story))
        lines = (" ".join(unescape(_TAG.sub("", piece)).split()) for piece in pieces)
    else:
        lines = (" ".join(piece.split()) for piece in re.split(r"\n\s*\n", unescape(story)))
    return [clean(line, one_line=True) for line in joined_lines(line for line in lines if line)]


def _without_dropped(story: str) -> str:
    """`story` without its script, style, iframe and noscript elements; an opener never closed
    stays (its tag alone is removed later, as any tag is)."""
    kept: list[str] = []
    cursor = 0
    inside: tuple[str, int] | None = None  # the open element's name and where it starts
    for match in _DROPPED.finditer(story):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if inside is None and not closing:
            inside = (name, match.start())
        elif inside is not None and closing and name == inside[0] and match.group(0).endswith(">"):
            kept += [story[cursor : inside[1]], " "]
            cursor, inside = match.end(), None
    kept.append(story[cursor:])
    return "".join(kept)


def _link(element: ET.Element) -> str | None:
    """The item's address: RSS's <link> text, or Atom's <link href> (its "alternate" one)."""
    for child in element:
        if _name(child) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and (text := _text(child)):
            return text
    return None


def _name(element: ET.Element) -> str:
    """An element's name without its namespace: "{http://purl.org/dc/elements/1.1/}creator" → "creator"."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    return next((child for child in element if _name(child) == name), None)


def _text(element: ET.Element | None, *, keep_lines: bool = False) -> str | None:
    """An element's text (with its children's, as an Atom <content type="xhtml"> nests them)."""
    if element is None:
        return None
    if len(element) and element.get("type") == "xhtml":
        written = "".join(ET.tostring(child, encoding="unicode") for child in element)
        written = re.sub(r"<(/?)[\w.-]+:", r"<\1", written)  # "<html:p>" as "<p>"
    else:
        written = "".join(element.itertext())
    # A one-line field (title, writer, feed title) is cleaned as the HTML path cleans a page's title:
    # a C1 control (U+0080-U+009F) is no white space to split on and was kept in the stored file.
    value = written.strip() if keep_lines else " ".join(clean(written, one_line=True).split())
    return value or None
