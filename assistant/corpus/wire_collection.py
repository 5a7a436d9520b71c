"""A whole wire file of many stories (Reuters-21578's `reut2-NNN.sgm`), read story by story.

Such a file is 1,000 stories in SGML, not one article: read as text it became one "article"
of 15,000 paragraphs of tags. The corpus reader refuses it with one line saying how to add it;
`add` stores each story as an article of its own, written as the wire sent it (headline, byline,
dateline and hard-wrapped body), so the corpus reader reads it as it reads any wire copy.
Parsing is bounded: the file is at most the corpus's size limit, tags are matched story by story
with patterns that never backtrack past a story's end, and at most MAX_STORIES are taken.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_STORIES = 10_000
"""A Reuters file holds 1,000; more than this in one file is left out, and said so."""

_OPENING = re.compile(r"<REUTERS\b")
_NEWID = re.compile(r'\bNEWID\s*=\s*"(\d{1,9})"', re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
_DATE = re.compile(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\b")
# "by Ted D'Afflisio, Reuters" as the AUTHOR tag holds it.
_BY = re.compile(r"^by\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WireStory:
    """One story of a wire file, its text as the wire sent it."""

    number: str
    """The story's NEWID, else its place in the file (from 1)."""
    title: str
    author: str | None
    date: str | None
    """ISO date (YYYY-MM-DD) of the story's DATE tag."""
    text: str
    """Headline, byline, then the dateline and body as sent: what a wire .txt file holds."""


def story_count(text: str) -> int:
    """How many wire stories (`<REUTERS …>`) a file holds; 0 for anything else."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    if not head.upper().startswith(("<!DOCTYPE LEWIS", "<REUTERS")):
        return 0
    return len(_OPENING.findall(text))


def collection_message(count: int) -> str:
    """The one line said of a wire file found where one article was expected."""
    stories = f"{count:,} wire stor{'y' if count == 1 else 'ies'}"
    return (
        f"a collection of {stories} in one SGML file, not one article; "
        "`assistant add` the file to store each story as an article of its own"
    )


def wire_stories(text: str) -> tuple[list[WireStory], list[tuple[str, str]]]:
    """The stories of a wire file that have a body, and those left out (number, why)."""
    stories: list[WireStory] = []
    left_out: list[tuple[str, str]] = []
    place = 0
    for place, (attributes, block) in enumerate(_blocks(text), start=1):
        newid = _NEWID.search(attributes)
        number = newid.group(1) if newid else str(place)
        if place > MAX_STORIES:
            left_out.append((number, f"more than {MAX_STORIES:,} stories in one file"))
            continue
        title = " ".join(_tag(block, "TITLE").split())
        body = _tag(block, "BODY").rstrip()
        if not body.strip():
            left_out.append((number, "a headline with no story text"))
            continue
        dateline = _tag(block, "DATELINE")
        author = _author(_tag(block, "AUTHOR"))
        head = [title or "Untitled wire story"]
        if author:
            head.append("By " + _BY.sub("", " ".join(_tag(block, "AUTHOR").split())))
        wire = dateline + body if dateline.strip() else body
        date = _iso_date(_tag(block, "DATE"))
        stories.append(WireStory(number, head[0], author, date, "\n".join(head) + "\n" + wire + "\n"))
    if len(_OPENING.findall(text)) > place:
        left_out.append((str(place + 1), "the file ends inside this story (it was cut short)"))
    return stories, left_out


def _blocks(text: str) -> Iterator[tuple[str, str]]:
    """Each story's opening tag attributes and contents, in one pass (an unclosed story ends it)."""
    pos = 0
    while (start := text.find("<REUTERS", pos)) >= 0:
        opened = text.find(">", start, start + 2000)
        if opened < 0:
            return
        close = text.find("</REUTERS>", opened)
        if close < 0:
            return
        yield text[start + 8 : opened], text[opened + 1 : close]
        pos = close + 10


def _tag(block: str, name: str) -> str:
    """The decoded text inside <NAME>…</NAME> of one story (entities read, control bytes out)."""
    start = block.find(f"<{name}>")
    if start < 0:
        return ""
    start += len(name) + 2
    end = block.find(f"</{name}>", start)
    if end < 0:
        return ""
    return _CONTROL.sub("", html.unescape(block[start:end].replace("\r\n", "\n")))


def _author(tag: str) -> str | None:
    """The AUTHOR tag's "by Ted D'Afflisio, Reuters" → "Ted D'Afflisio" (the agency is the source)."""
    name = _BY.sub("", " ".join(tag.split()))
    name = re.sub(r",\s*Reuters?$", "", name, flags=re.IGNORECASE).strip(" ,")
    return name or None


def _iso_date(tag: str) -> str | None:
    match = _DATE.match(tag)
    if match is None or match.group(2).upper() not in _MONTHS:
        return None
    month = _MONTHS.index(match.group(2).upper()) + 1
    return f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"
