"""A text article that opens with `Key: value` lines: note-app and CMS exports, MultiMarkdown
metadata, a news e-mail saved as text.

    Title: Library to stay open late during exam season
    Author: Nora Feld
    Date: 2023-11-20

Such a block was read as a title "Title: Library…" and paragraphs "Author: Nora Feld" quoted as
text. A mail's sender (`From:`) is its author only when no byline under the header names one: a
newsletter is sent by its desk and written by the byline's writer. It is metadata only when
every line of the first block (up to a blank line) is a key this module knows and one of them is
a title, author or date, so a story that opens "Note: the figures…" stays a story. Bounded: at
most 30 lines of 600 characters are looked at.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.corpus.layout import Span
from assistant.corpus.metadata import date_from

_FIELDS = {
    "title": "title", "headline": "title", "subject": "title",
    "author": "author", "authors": "author", "by": "author", "byline": "author", "writer": "author",
    "from": "sender",
    "date": "date", "published": "date", "publish date": "date", "date published": "date",
    "pubdate": "date", "sent": "date",
    "source": "source", "publication": "source", "publisher": "source", "site": "source",
    "url": "url", "link": "url", "source url": "url",
}  # fmt: skip
# Keys an export or a mail carries that say nothing the reader shows: known, so the block is
# still metadata, and left out.
_OTHER_KEYS = frozenset(
    "tags keywords category categories section summary description lang language to cc reply-to "
    "message-id mime-version content-type content-transfer-encoding id slug status type updated "
    "modified word count words".split()
)
_KEY_LINE = re.compile(r"([A-Za-z][A-Za-z -]{0,20}?)[ \t]*:[ \t]*(\S[^\r\n]{0,600}?)?[ \t]*$")
_MAX_LINES = 30
_ISO_START = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
_MAILBOX = re.compile(r"^\s*\"?([^\"<>@]+?)\"?\s*<[^<>\s]+@[^<>\s]+>\s*$")


def key_value_header(text: str) -> tuple[dict[str, str], int, dict[str, Span]]:
    """Fields of an opening `Key: value` block, where the body starts, where each value stands.

    ({}, 0, {}) when the text does not open with such a block.
    """
    pos = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    fields: dict[str, str] = {}
    spans: dict[str, Span] = {}
    keys = 0
    while keys < _MAX_LINES:
        end = _line_end(text, pos)
        line = text[pos:end]
        if not line.strip():
            break
        match = _KEY_LINE.fullmatch(line.rstrip("\r"))
        key = match.group(1).strip().lower() if match else ""
        if match is None or (key not in _FIELDS and key not in _OTHER_KEYS):
            return {}, 0, {}
        keys += 1
        name, value = _FIELDS.get(key), match.group(2)
        if name is not None and value and name not in fields:
            cleaned = _value(name, value)
            if cleaned:
                fields[name] = cleaned
                if cleaned == value:
                    spans[name] = Span(pos + match.start(2), pos + match.end(2))
        pos = _next_line(text, end)
    else:
        return {}, 0, {}
    if keys < 2 or not {"title", "author", "date"} & fields.keys() or pos >= len(text):
        return {}, 0, {}
    return fields, pos, spans


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos, pos + 700)
    if end < 0:
        end = min(len(text), pos + 700)
    cr = text.find("\r", pos, end)  # a file of lone CRs
    return cr if cr >= 0 and (cr + 1 >= len(text) or text[cr + 1] != "\n") else end


def _next_line(text: str, end: int) -> int:
    if text.startswith("\r\n", end):
        return end + 2
    return end + 1 if end < len(text) else end


def _value(name: str, value: str) -> str | None:
    """The field's value as the reader shows it: a date as ISO where it can be read, a mailbox's name."""
    if name == "date":
        return iso_date_of(value) or value
    if name in ("author", "sender"):
        mailbox = _MAILBOX.match(value)
        if mailbox:
            return mailbox.group(1).strip() or None
        if "@" in value:
            return None  # an address alone ("desk@gazette.example") names no one
        return re.sub(r"^by\s+", "", value, flags=re.IGNORECASE) or None
    return value


def iso_date_of(value: str) -> str | None:
    """A date written as ISO, a timestamp, an e-mail date or in words ("17 January 2025"), as ISO."""
    value = value.strip()
    iso = _ISO_START.match(value)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))).isoformat()
        except ValueError:
            return None
    found = date_from(value)
    if found:
        return found
    import email.utils  # only for an e-mail date: it loads socket and selectors (~8 ms an `add`)

    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
