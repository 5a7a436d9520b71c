"""Lines and paragraphs of a plain-text article, as it was written.

Articles come one line a paragraph (the seed, most exports), hard-wrapped at
about 65-80 columns with paragraphs marked by a blank line or an indented
first line (wire copy, e-mail, old archives), or a mix. The style is decided
per article from its own lines, so the same story reads the same wrapped or
not. Spans are offsets into the decoded text; nothing is rewritten, so a
paragraph's span may hold line breaks (shown as spaces, see `display`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from assistant.corpus.furniture import is_sign_off

# Every line end a file may use: LF, CRLF, lone CR, form feed, vertical tab, Unicode separators.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\f\v\x85\u2028\u2029]")
# In a file whose lines end in LF (or CRLF), a stray CR or Unicode separator inside a line is no
# line end: pasted web text and hostile files carry them mid-sentence.
_LF_LINE_BREAK = re.compile(r"\r\n|[\n\f]")
# A line that ends a sentence or a clause that may end a paragraph.
_CLOSED = re.compile(r"""[.!?…:;]["'”’)\]*_]*$""")
# Lines this long or longer are paragraphs written on one line, not wrapped text.
_LONGEST_WRAPPED = 120
# Text wrapped narrower than this is a list or a table, not prose.
_NARROWEST_WRAPPED = 30
# Prose wrapped narrower than this (a newspaper column, an archive's OCR, 36 columns) is told from a
# table of short rows ("shr 1.99 dlrs vs 2.05 dlrs", "12 mths") by its sentences (one line in eight
# ends one) and its words (figures are at most one token in eight).
_NARROW_COLUMN = 45
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]*_]*$""")
_TAB_WIDTH = 8
# A token with no letter in it: "149.25", "--", "(1994.94)", "3/8."
_FIGURES = re.compile(r"(?<!\S)[^\sA-Za-z\u00c0-\u024f]+(?!\S)")
QUOTE_OPENERS = "\"'“‘«"
"""Marks that open a quotation: a line or sentence opening with one starts with someone's words."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the file's decoded text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line: its text's span with surrounding white space trimmed, and how it stands."""

    start: int
    end: int
    indent: int
    """Columns of white space before the text (a tab counts to the next multiple of 8)."""
    break_before: bool
    """A blank line or a form feed stands between this line and the one before (or it is the first)."""


def lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The non-empty lines of text[start:end], whatever line ends the file uses."""
    stop = len(text) if end is None else end
    breaks = _LF_LINE_BREAK if "\n" in text else _LINE_BREAK
    found: list[Line] = []
    pos = start
    gap = True
    while pos < stop:
        match = breaks.search(text, pos, stop)
        line_end = stop if match is None else match.start()
        a, b = pos, line_end
        indent = 0
        while a < b and text[a].isspace():
            indent = (indent // _TAB_WIDTH + 1) * _TAB_WIDTH if text[a] == "\t" else indent + 1
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            found.append(Line(a, b, indent, gap))
            gap = False
        else:
            gap = True
        if match is None:
            break
        if match.group(0) == "\f":
            gap = True  # a page break ends a paragraph
        pos = match.end()
    return found


def _length(line: Line) -> int:
    return line.indent + line.end - line.start


def _carries_on(text: str, line: Line) -> bool:
    """True for a line that starts the way only the middle of a sentence does: "the", "48-1/8", "<EMH>"."""
    first = text[line.start]
    return not first.isupper() and first not in QUOTE_OPENERS


def _wordy(text: str, line: Line, seen: dict[int, bool] | None = None) -> bool:
    """True for a line of words (prose), not of figures (a table row such as "Apr 149.25 149.50 1064")."""
    if seen is not None:
        known = seen.get(line.start)
        if known is None:
            known = seen[line.start] = _wordy(text, line)
        return known
    piece = text[line.start : line.end]
    tokens = len(piece.split())
    if tokens < 3:
        return True  # too short to tell: "1988." ends a paragraph of prose
    return len(_FIGURES.findall(piece)) <= 0.6 * tokens


def _first_word(text: str, line: Line) -> int:
    space = re.search(r"\s", text[line.start : line.end])
    return (line.end - line.start) if space is None else space.start()


def is_wrapped(text: str, body: list[Line]) -> bool:
    """True when the lines are hard-wrapped prose: short lines, many ending mid-sentence.

    A file written one line a paragraph has lines that end sentences (or are far longer than a
    terminal); wrapped text breaks most lines in the middle of one.
    """
    if len(body) < 2:
        return False
    lengths = sorted(_length(line) for line in body)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not _NARROWEST_WRAPPED <= width <= _LONGEST_WRAPPED:
        return False
    if width < _NARROW_COLUMN:
        pieces = [text[line.start : line.end] for line in body]
        ends = sum(1 for piece in pieces if _SENTENCE_END.search(piece))
        figures = sum(len(_FIGURES.findall(piece)) for piece in pieces)
        if ends < max(1, len(body) / 8) or figures * 8 > sum(len(piece.split()) for piece in pieces):
            return False
    # Full lines that continue on the next line, with no break or indent between; in prose most
    # such continuations start with a lowercase word or a figure, where table rows and lists
    # start capitalised.
    open_ended = [
        after
        for line, after in itertools.pairwise(body)
        if not after.break_before
        and _length(line) >= 0.6 * width
        and not _CLOSED.search(text[line.start : line.end])
        and _wordy(text, line)
    ]
    if len(open_ended) < max(1, 0.25 * (len(body) - 1)):
        return False
    if _in_capitals(text, body):
        return True  # wire copy set all in capitals has no lowercase word to tell by
    lowercase = sum(1 for after in open_ended if _carries_on(text, after))
    return lowercase >= max(1, 0.2 * len(open_ended))


def _in_capitals(text: str, body: list[Line]) -> bool:
    return text[body[0].start : body[min(len(body), 20) - 1].end].isupper()


def paragraphs(text: str, body: list[Line]) -> list[Span]:
    """The paragraphs the lines make: one a line, or wrapped lines joined, per the article's style."""
    if not is_wrapped(text, body):
        # One line a paragraph, except a line plainly carrying on the one before (a wrapped note
        # under a table: lowercase, or outdented, after a long line that ends mid-sentence).
        joined: list[Span] = []
        for before, line in zip([None, *body], body, strict=False):
            if before is not None and joined and continues(text, before, line):
                joined[-1] = Span(joined[-1].start, line.end)
            else:
                joined.append(Span(line.start, line.end))
        return joined
    lengths = sorted(_length(line) for line in body)
    widths = (lengths[int(0.9 * (len(lengths) - 1))], lengths[-1])
    # The margin continuation lines keep (the first line may be flush where the rest is indented).
    margin = min(line.indent for line in body[1:])
    # Paragraphs are marked by blank lines or indented first lines, or by nothing but short last lines.
    marked = any(line.break_before or line.indent > margin for line in body[1:])
    # The indent the article's paragraphs usually open with (wire copy: four spaces); a line set in
    # less than it after a line left open is the same sentence with a stray space ("selling its" /
    # " Seafirst Corp Subsidiary in Washington.").
    opening = Counter(line.indent for line in body[1:] if line.indent > margin).most_common(1)
    indent = opening[0][0] if opening else margin
    spans: list[Span] = []
    current: Span | None = None
    previous: Line | None = None
    seen: dict[int, bool] = {}  # whether a line is words, by its start: asked twice for most lines
    for line in body:
        if (
            current is None
            or previous is None
            or _starts_paragraph(text, previous, line, (widths, (margin, indent), marked), seen)
        ):
            if current is not None:
                spans.append(current)
            current = Span(line.start, line.end)
        else:
            current = Span(current.start, line.end)
        previous = line
    if current is not None:
        spans.append(current)
    return spans


def continues(text: str, previous: Line, line: Line) -> bool:
    """True when `line` plainly carries on `previous`'s sentence, whatever the article's style."""
    if line.break_before or line.indent > previous.indent or previous.end - previous.start < 40:
        return False
    # Outdented after a line no wider than wrapped text (a note under a table); a longer line is a
    # paragraph written on one line, and the capitalised line under it starts the next one (a live
    # blog's "...Over Zika Virus" headline indented by a space, then "Chris Christie said...").
    outdented = line.indent < previous.indent and _length(previous) <= _LONGEST_WRAPPED
    if not (_carries_on(text, line) or outdented):
        return False
    if _CLOSED.search(text[previous.start : previous.end]):
        return False
    if text[previous.start : previous.end].isupper() and _has_lowercase(text[line.start : line.end]):
        return False  # a heading or promo in capitals, then the story
    return _wordy(text, previous) and _wordy(text, line)


def _starts_paragraph(
    text: str,
    previous: Line,
    line: Line,
    style: tuple[tuple[int, int], tuple[int, int], bool],
    seen: dict[int, bool],
) -> bool:
    """Whether `line` opens a new paragraph rather than continuing the wrapped one before it.

    `style` holds the usual and the widest line length, the margin and the usual paragraph indent,
    and whether paragraphs are marked: a wrapped line is broken where the next word would not have
    fitted, so a line that left room for it ended its paragraph.
    """
    (width, widest), (margin, indent), marked = style
    before = text[previous.start : previous.end]
    if line.break_before:
        return True
    if line.indent > margin and not _stray_indent(text, previous, line, (width, indent), seen):
        return True
    if not _wordy(text, previous, seen) or (
        not _wordy(text, line, seen) and len(text[line.start : line.end].split()) > 3
    ):
        return True  # a table row is a line of its own ("48-1/8, down 3/8." may end a sentence)
    room = _length(previous) + 1 + _first_word(text, line)
    if room <= 0.6 * width:
        return True  # the next word would have fitted with room to spare: a heading, a table row, a last line
    if before.isupper() and _has_lowercase(text[line.start : line.end]):
        return True  # a heading or promo in capitals, then the story
    return not marked and bool(_CLOSED.search(before)) and room <= widest


def _stray_indent(
    text: str, previous: Line, line: Line, usual: tuple[int, int], seen: dict[int, bool]
) -> bool:
    """True for a line set in half the usual paragraph indent or less that carries on the wrapped
    sentence above it: prose after prose left open where the next word would not have fitted,
    not a heading in capitals over its dateline, a table row or the wire's sign-off."""
    width, indent = usual
    before = text[previous.start : previous.end]
    piece = text[line.start : line.end]
    return (
        2 * line.indent <= indent
        and not _CLOSED.search(before)
        and not before.isupper()
        and not is_sign_off(piece)
        and "  " not in before + " " + piece  # columns: a table row
        and _length(previous) + 1 + _first_word(text, line) > 0.6 * width
        and _wordy(text, previous, seen)
        and _wordy(text, line, seen)
    )


def _has_lowercase(piece: str) -> bool:
    return any(ch.islower() for ch in piece)
