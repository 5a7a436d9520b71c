"""Markdown articles: front matter, and blocks read as paragraphs of text.

Headings, list items, block quotes, table rows and footnotes are paragraphs of
their own whose span starts after the marker (`## `, `- `, `1. `, `> `, `| `, `[^1]: `),
so quotes stay offsets into the source; emphasis, link URLs and footnote marks inside a
span are dropped only when it is shown (see `display`). Thematic breaks, code fences,
Setext underlines, table delimiter rows, HTML comments (an editor's note), link reference
definitions, images standing alone and lines of HTML tags alone (an embed) are layout, not text.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from assistant.corpus.front_matter_block import FRONT_MATTER, TOML_BLOCK
from assistant.corpus.front_matter_toml import load_toml_front_matter
from assistant.corpus.front_matter_yaml import load_front_matter
from assistant.corpus.key_values import iso_date_of
from assistant.corpus.layout import Line, Span

# YAML front matter at the top of a Markdown article (shared with the writer of added articles).
FIELDS = ("title", "author", "date", "source", "url")
# `---` then a `key: value` line and no closing `---`: front matter begun and never ended (a `---`
# alone, a thematic break, followed by prose is no front matter and gets no warning).
_UNCLOSED_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(?:[ \t]*\r?\n)*[A-Za-z_][\w-]*:(?:[ \t]|\r?\n|\Z)"
)
# Other names site generators and CMS exports give the same fields (Hugo's `authors` list and
# `publishDate`), looked for, in this order, only where the key the reader writes is absent.
_ALIASES = {
    "title": ("headline",),
    "author": ("authors", "byline"),
    "date": ("publishdate", "published", "pubdate", "date_published"),
    "source": ("publication", "publisher"),
    "url": ("link", "canonical_url"),
}
_UNCLOSED = "its front matter has no closing `---`; read as text, without metadata"

_HEADING = re.compile(r"#{1,6}(?:[ \t]+|$)")
_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"(?:>[ \t]?)+")
_RULE = re.compile(r"^(?:(?:[-*_][ \t]*){3,}|=+|`{3,}.*|~{3,}.*)$")
# A table's delimiter row ("| --- | :---: |"), a link reference definition ("[report]: https://…"),
# an image standing alone ("![Photo of the pier](pier.jpg)"): layout, never text.
_TABLE_RULE = re.compile(r"^\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
_LINK_DEFINITION = re.compile(
    r"^\[(?!\^)[^\]]{1,500}\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$"
)
# A line of HTML tags alone ("<iframe src=…></iframe>", "<div class=\"embed\">", "</figure>"): an
# embed or a wrapper a CMS export left, with no words to show. Not an autolink ("<https://…>").
_TAGS_ALONE = re.compile(r"^(?:</?[a-z][a-z0-9-]{0,30}(?:\s[^<>]{0,2000})?/?>[ \t]*)+$")
_LONE_IMAGE = re.compile(r"^\[?!\[[^\]]{0,500}\]\([^)]{0,2000}\)(?:\]\([^)]{0,2000}\))?[ \t]*$")
# A footnote ("[^1]: Readings are provisional…") and a table row ("| 1984 | 2.9 m |"): the text
# starts after the marker, and each is a paragraph of its own.
_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,50}\]:[ \t]*")
_ROW = re.compile(r"\|[ \t]*")


def markdown_heading(line: str) -> bool:
    """True for a Markdown heading line (`## Section`)."""
    return bool(re.match(r"^#{1,6}\s", line))


def front_matter(text: str) -> tuple[dict[str, str], int, list[str], dict[str, Span]]:
    """Fields of the YAML (or Hugo's TOML) front matter, where the body starts, warnings, and
    where each value stands."""
    match = FRONT_MATTER.match(text)
    toml = match is None and (match := TOML_BLOCK.match(text)) is not None
    if not match:
        return {}, 0, [_UNCLOSED] if _UNCLOSED_FRONT_MATTER.match(text) else [], {}
    fields: dict[str, str] = {}
    warnings: list[str] = []
    loaded: object = None
    if toml:
        try:
            loaded = load_toml_front_matter(match.group(1))
        except ValueError:
            warnings.append("its front matter is not valid TOML; read without metadata")
    else:
        try:
            loaded = load_front_matter(match.group(1))
        except yaml.YAMLError:
            warnings.append("its front matter is not valid YAML; read without metadata")
    keys: dict[str, str] = {}
    if isinstance(loaded, dict):
        lowered = {str(k).lower(): k for k in loaded}
        for key in FIELDS:
            names = [n for n in (key, *_ALIASES[key]) if n in lowered and _a_value(loaded[lowered[n]])]
            keys[key] = str(lowered[names[0]]) if names else key
            value = loaded.get(lowered[names[0]]) if names else None
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if isinstance(value, dt.datetime):
                value = value.date()  # the day as written: "2024-02-11T08:30:00Z" is 2024-02-11
            if isinstance(value, dt.date):
                value = value.isoformat()
            if key == "date" and isinstance(value, str):
                value = iso_date_of(value) or value  # "17 January 2025" compares as 2025-01-17
            if value is not None and str(value).strip():
                fields[key] = str(value).strip()
    return fields, match.end(), warnings, _value_spans(text, match.start(1), match.end(1), fields, keys)


def _a_value(value: object) -> bool:
    """Whether a front matter value can be a field's: not a flag, not empty. Jekyll's `published:
    true` (whether to publish) was read as the story's date, shown as "True" in every attribution;
    `link: false` as its address. A flag names no title, author, date, source or address."""
    return value is not None and not isinstance(value, bool) and str(value).strip() != ""


def _value_spans(
    text: str, start: int, end: int, fields: dict[str, str], keys: dict[str, str]
) -> dict[str, Span]:
    """Where each front-matter value stands verbatim (`author: Jane Doe` → the span of `Jane Doe`)."""
    spans: dict[str, Span] = {}
    for key, value in fields.items():
        name = re.escape(keys.get(key, key))  # `author: Jane Doe`, or TOML's `author = "Jane Doe"`
        line = re.search(rf"^{name}[ \t]*[:=][ \t]*['\"]?(.*?)['\"]?[ \t]*$", text[start:end], re.MULTILINE)
        if line and line.group(1) == value:
            spans[key] = Span(start + line.start(1), start + line.end(1))
    return spans


def without_comments(text: str, body: list[Line]) -> list[Line]:
    """The lines with HTML comments (an editor's note, however many lines it runs) left out;
    the line after one opens a paragraph. Comments inside a code fence are code, and stay."""
    kept: list[Line] = []
    in_fence = in_comment = cut = False
    for line in body:
        content = text[line.start : line.end]
        if in_comment or (not in_fence and content.startswith("<!--")):
            in_comment = "-->" not in content
            cut = True
            continue
        if content.startswith(("```", "~~~")):
            in_fence = not in_fence
        kept.append(Line(line.start, line.end, line.indent, True) if cut else line)
        cut = False
    return kept


def markdown_paragraphs(text: str, body: list[Line]) -> list[Span]:
    """Body paragraphs of Markdown lines: blocks between blank lines, headings, items, quotes,
    table rows and footnotes; comments, link definitions, lone images and rules are layout."""
    spans: list[Span] = []
    current: Span | None = None
    in_fence = False
    for line in body:
        content = text[line.start : line.end]
        fence = content.startswith(("```", "~~~"))
        begin, opens = _content_start(content, in_fence)
        end = len(content)
        row = not in_fence and content.startswith("|")
        ends_here = (bool(_HEADING.match(content)) or row) and not in_fence
        if row:
            end = len(content.rstrip("| \t")) if len(content.rstrip("| \t")) > begin else end
        layout = not in_fence and bool(
            _RULE.match(content) or _TABLE_RULE.match(content) or _LINK_DEFINITION.match(content)
            or _LONE_IMAGE.match(content) or _TAGS_ALONE.match(content)
        )  # fmt: skip
        if fence or layout or begin >= end:
            in_fence = in_fence != fence
            opens, begin = True, end
        if current is not None and (opens or line.break_before):
            current = _close(spans, current)
        if begin < end:
            piece = Span(line.start + begin, line.start + end)
            current = piece if current is None else Span(current.start, piece.end)
        if ends_here and current is not None:
            current = _close(spans, current)
    _close(spans, current)
    return spans


def _close(spans: list[Span], current: Span | None) -> Span | None:
    """Keep the paragraph being read, if any; None, for the next to start afresh."""
    if current is not None:
        spans.append(current)
    return None


def _content_start(content: str, in_fence: bool) -> tuple[int, bool]:
    """Where a line's text starts after its Markdown markers, and whether it opens a paragraph."""
    if in_fence:
        return 0, False
    heading = _HEADING.match(content)
    if heading:
        return heading.end(), True
    for opener in (_FOOTNOTE, _ROW):
        found = opener.match(content)
        if found:
            return found.end(), True
    begin = 0
    quote = _QUOTE.match(content)
    if quote:
        begin = quote.end()
    item = _ITEM.match(content, begin)
    if item:
        return item.end(), True
    return begin, False
