"""Files that are not one article's text, told apart so the user hears what to do with them.

A saved web page, a feed or a wire file of 1,000 stories dropped into the corpus folder was read as
one article of tags (or skipped as "unknown format"); each is refused with one line saying
what it is and how `assistant add` stores it. Checks look at the start of the text only,
except the story count, which is one linear scan.
"""

from __future__ import annotations

import re

from assistant.corpus.wire_collection import collection_message, story_count

WEB_PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})  # what `add` reads as a page
WIRE_SUFFIXES = frozenset({".sgm", ".sgml"})

# A whole HTML document: an optional XML declaration and comments ("<!-- saved from url=… -->"),
# then the doctype or <html>/<head>/<body>. Prose that mentions a tag is no web page.
_WEB_PAGE = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*){0,8}<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_ADD_PAGE = "`assistant add` the file to store its story as an article"
# A feed (RSS 2.0, RSS 1.0's RDF, Atom): its first element, after a declaration and comments.
_FEED = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]{0,300}\?>\s*)?(?:<!--.{0,2000}?-->\s*){0,8}"
    r"(?:<!DOCTYPE\s+(?:rss|feed|rdf:RDF)\b[^\[>]{0,300}(?:\[.{0,4000}?\])?\s*>\s*)?<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})  # what `add` reads as a feed


def is_feed(text: str) -> bool:
    """True for an RSS or Atom document (by how it starts), whatever the file is named."""
    return _FEED.match(text[:8192]) is not None


def is_web_page(text: str) -> bool:
    """True for an HTML document (by how it starts), whatever the file is named."""
    return _WEB_PAGE.match(text[:8192]) is not None


def not_one_article(text: str) -> str | None:
    """Why a text file is no article to read as it stands (None: read it)."""
    count = story_count(text)
    if count:
        return collection_message(count)
    if is_web_page(text):
        return f"a web page (HTML) saved as text, not an article's text; {_ADD_PAGE}"
    if is_feed(text):
        return "an RSS or Atom feed saved as text; `assistant add` the file to store each item as an article"
    return None


def format_message(suffix: str) -> str | None:
    """What to say of a file the corpus does not read by its suffix, when `add` can take it."""
    if suffix in WEB_PAGE_SUFFIXES:
        return f"a web page ({suffix}); the corpus reads .txt and .md files: {_ADD_PAGE}"
    if suffix in (".rss", ".atom"):
        return (
            f"a feed ({suffix}); the corpus reads .txt and .md files: `assistant add` it to store its items"
        )
    return None
