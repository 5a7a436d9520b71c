"""Quotations in an article: where each opens and closes, across paragraphs.

News style leaves a quotation open at the end of a paragraph when the same
speaker goes on in the next one, which then starts with a fresh opening mark;
such spans share a group so that they keep one speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.models import Sentence

_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'
_DOUBLED = "''"
"""Two apostrophes stand for a straight double quote in some wire and archive texts."""
_MARK = re.compile("“|”|\"|''")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One stretch of quoted words inside one paragraph."""

    start: int
    """At the opening mark."""
    end: int
    """After the closing mark, or at the paragraph's end when the quotation is left open."""
    group: int
    """Spans of one quotation continued across paragraphs share a group number."""
    closed: bool


def paragraph_spans(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """(start, end) of each body paragraph, from the sentences it holds, in text order."""
    bounds: dict[int, tuple[int, int]] = {}
    for sentence in sentences:
        low, high = bounds.get(sentence.paragraph, (sentence.start, sentence.end))
        bounds[sentence.paragraph] = (min(low, sentence.start), max(high, sentence.end))
    return sorted(bounds.values())


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Every quotation span, in text order; curly and straight double quotes alike."""
    spans: list[QuoteSpan] = []
    group = -1
    carried = False
    for para_start, para_end in paragraphs:
        open_at: int | None = None
        for found in _MARK.finditer(text, para_start, para_end):
            at = found.start()
            mark = found.group()
            if mark == _DOUBLED:
                mark = _STRAIGHT
            if open_at is None:
                if mark == _CLOSE:
                    continue  # a stray closing mark opens nothing
                if not (carried and at == para_start):
                    group += 1
                carried = False
                open_at = at
            elif mark == _OPEN:
                # An opening mark inside an open quotation: the earlier one was never closed.
                spans.append(QuoteSpan(open_at, at, group, closed=False))
                group += 1
                open_at = at
            else:
                spans.append(QuoteSpan(open_at, found.end(), group, closed=True))
                open_at = None
        carried = open_at is not None
        if open_at is not None:
            spans.append(QuoteSpan(open_at, para_end, group, closed=False))
    return spans


class QuoteMap:
    """Fast questions about the quotation spans of one article."""

    def __init__(self, spans: Sequence[QuoteSpan]) -> None:
        self.spans = list(spans)
        self._starts = [span.start for span in self.spans]

    def at(self, pos: int) -> QuoteSpan | None:
        """The span holding the character at `pos`, marks included."""
        index = bisect.bisect_right(self._starts, pos) - 1
        if index >= 0 and pos < self.spans[index].end:
            return self.spans[index]
        return None

    def within(self, start: int, end: int) -> list[QuoteSpan]:
        """Spans that overlap [start, end)."""
        index = max(bisect.bisect_right(self._starts, start) - 1, 0)
        found = []
        for span in self.spans[index:]:
            if span.start >= end:
                break
            if span.end > start:
                found.append(span)
        return found

    def quoted_chars(self, start: int, end: int) -> int:
        """How many characters of [start, end) stand inside quotation spans."""
        return sum(min(end, s.end) - max(start, s.start) for s in self.within(start, end))
