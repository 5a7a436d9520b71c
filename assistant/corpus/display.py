"""The one-line display form of a source span: what a quote shows.

Offsets always point at the exact source span (the verbatim check, the source
view); what is shown is that span as a reader sees it: a hard-wrapped line
break is a space (none after a hyphen inside a compound, "long-range"), white
space runs (no-break spaces too) are folded to one space, and Markdown's
emphasis marks, link URLs, footnote marks, backslash escapes, inline HTML tags and block-quote
markers are left out. Every word
shown is the source's own, in the source's order.
"""

from __future__ import annotations

import re

# Anything display changes: line breaks, tabs, runs of spaces, no-break and other Unicode spaces
# (shown as one plain space, so a quote reads the same whatever spaces the file used), Markdown marks.
_SPECIAL = re.compile(r"[\n\r\t\f\v\x85\u2028\u2029\xa0\u1680\u2000-\u200a\u202f\u205f\u3000*_`\[<>\\]| {2}")
_BREAK_MARKERS = re.compile(r"(?:\r\n|[\n\r\f\v\x85\u2028\u2029])[ \t]*(?:>[ \t]?)*")
# A break after a hyphen inside a word ("long-\nrange"): wrapping broke a compound there, so it is
# shown whole, hyphen kept, as the writer typed it.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)(?:\r\n|[\n\r\f\v\x85\u2028\u2029])[ \t]*(?=[^\W\d_])")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
# A reference link ("[state portal][]", "[full report][report]") shows its text; a footnote mark
# ("1984.[^1]") shows nothing.
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]{0,200}\]")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,50}\]")
# Inline HTML in Markdown ("last year.<br>", "<sup>1</sup>", "<span class=…>"), and the block tags
# a CMS export leaves around a line ("<div class=\"ad\">Advertisement</div>", "<p>…</p>"): lowercase
# tags only, so a wire ticker ("Bancorp <I>", "<BAC>") stays text. A block tag stands for a space.
_INLINE_TAG = re.compile(
    r"</?(?:br|span|sup|sub|em|strong|b|i|u|a|small|mark|del|ins|abbr|cite|font|wbr"
    r"|p|div|section|article|aside|header|footer|figure|figcaption|center|blockquote|li|ul|ol|h[1-6])"
    r"(?:\s[^<>]{0,300})?/?>"
)
# What stands either side of a tag a writer names in prose ("wrap it in a <p> tag", "the `<div>`
# element", "(<br>)"): a space or a quoting mark, never a word or a line's end, as markup stands.
_NAMED_BEFORE = frozenset(" \t(\"'`“‘[")
_NAMED_AFTER = frozenset(" \t)\"'`”’],.;:?!")
_WORD_TAG = re.compile(r"</?(?:span|sup|sub|em|strong|b|i|u|a|small|mark|del|ins|abbr|cite|font|wbr)\b")
# A backslash escape ("\\*and\\*") is the character itself, kept out of the emphasis passes.
_ESCAPED = re.compile(r"\\([*_`\[\]#\\])")
_HELD = {"*": "\ue000", "_": "\ue001", "`": "\ue002", "[": "\ue003", "]": "\ue004", "#": "#", "\\": "\\"}
_RELEASED = str.maketrans({held: mark for mark, held in _HELD.items() if held != mark})
# Markdown marks are looked for only in spans up to this long (the lazy patterns are quadratic).
_MARKUP_LIMIT = 5000


def display_text(text: str, start: int, end: int) -> str:
    """text[start:end] shown on one line: breaks as spaces, white space folded, Markdown marks out."""
    span = text[start:end]
    if _SPECIAL.search(span) is None:
        return span
    span = _BREAK_MARKERS.sub(" ", _HYPHEN_BREAK.sub("", span))
    if len(span) > _MARKUP_LIMIT:
        return " ".join(span.split())  # no sentence is this long: a hostile file, kept linear
    if "<" in span:
        span = _INLINE_TAG.sub(_tag_shown, span)
    if "\\" in span:
        span = _ESCAPED.sub(lambda m: _HELD[m.group(1)], span)
    if "[" in span:
        span = _LINK.sub(r"\1", span)
        span = _REFERENCE_LINK.sub(r"\1", span)
        span = _FOOTNOTE_MARK.sub("", span)
    if "*" in span or "_" in span:
        span = _STRONG.sub(r"\2", span)
        span = _EMPHASIS.sub(r"\2", span)
    if "`" in span:
        span = _CODE.sub(r"\1", span)
    return " ".join(span.translate(_RELEASED).split())


def _tag_shown(match: re.Match[str]) -> str:
    """What a lowercase tag shows: nothing (a word's tag) or a space (a block's), unless the writer
    names it as a word ("each paragraph in a <p> tag"): a bare tag set apart from the words around
    it on its line, which no markup is, stays text in every format."""
    tag, span = match.group(0), match.string
    lo, hi = match.start(), match.end()
    if (
        " " not in tag
        and not tag.endswith("/>")
        and lo > 0
        and hi < len(span)
        and span[lo - 1] in _NAMED_BEFORE
        and span[hi] in _NAMED_AFTER
    ):
        return tag
    return "" if _WORD_TAG.match(tag) else " "


_LINE_BREAK_CHARS = re.compile(r"[\n\r\f\v\x85\u2028\u2029]")


def one_line_text(text: str) -> str:
    """The whole text with every line-break character a space: the same length, so offsets hold.

    For readers of the text that look for words in a row ("Laura Brennan") and would miss them
    across a hard-wrapped line break.
    """
    return _LINE_BREAK_CHARS.sub(" ", text)
