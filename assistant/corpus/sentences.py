"""Sentence splitting for news text, keeping character offsets.

News prose is dense with periods that end nothing: titles (Sen., Gen.),
initials, dotted acronyms (U.S., D.C.), money and decimals. A quotation that
ends a sentence keeps its closing mark. Offsets let every quote be checked
against the file it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words that, followed by a period, almost never end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen sen rep reps gov lt col capt sgt maj adm cmdr cpl pvt gens sens
    st jr sr inc corp co ltd llc vs v rev hon pres atty supt dept univ assn bros
    messrs mmes msgr fr sgt brig
    jan feb mar apr jun jul aug sep sept oct nov dec
    ft mt ave blvd rd hwy approx est fig figs vol vols pp ed eds op cf al ca
    """.split()
)

# Dotted forms (checked without their final period) that never end a sentence.
_DOTTED_NEVER_FINAL = frozenset({"e.g", "i.e", "viz", "etc.al"})

# Words that start a new sentence after an acronym such as "U.S." or "a.m.". Wire copy (Reuters)
# capitalises whatever word follows "U.S.", so a joining word or preposition there ("the U.S. And
# Japan", "U.S. Officials said", "exports to the U.S. In May") carries the sentence on: only
# pronouns, determiners and a few sentence adverbs count as a new start.
_SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you but his her their its there these those
    however meanwhile some many more most also then both each one two what who why how
    """.split()
)

MAX_SENTENCE_CHARS = 1500
"""The longest sentence kept whole: a longer run (a one-line dump, a 50 KB "word") is cut in pieces
at white space, or hard at the limit, so no quote, token count or scan grows with the file."""

_CANDIDATE = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+(\S+))""")
_WORD_BEFORE = re.compile(r"""(\S+)$""")
_OPENERS = "\"'“‘([—–-*_`"  # with Markdown's emphasis and code marks
# A pasted tweet's text ends in its picture's or its shortened link ("… opened today!
# pic.twitter.com/AbC123 https://t.co/XyZ"): no words of the story, so no quote keeps them. Only
# such links at a sentence's end are dropped; a link in the middle of prose is the writer's.
_TRAILING_SHORT_LINKS = re.compile(
    r"(?:\s*(?<!\S)[\[(<]?(?:https?://)?(?:pic\.twitter\.com|t\.co)/[^\s]{0,200})+\s*$", re.IGNORECASE
)


def _ends_sentence(paragraph: str, mark_start: int, mark: str, next_word: str) -> bool:
    """Decide whether the punctuation at `mark_start` closes a sentence."""
    first = next_word[0]
    if first.islower():
        return False
    if not (first.isupper() or first.isdigit() or first in _OPENERS or first == "$"):
        return False
    if mark.rstrip("\"'”’)]") != ".":
        return True  # "?", "!", "..." (with or without a closing quote): a boundary.
    if mark != ".":
        return True  # a period inside a closing quote or bracket: `…today.”`
    # Only the last stretch before the mark is searched: the scan stays linear on a huge paragraph.
    match = _WORD_BEFORE.search(paragraph, max(0, mark_start - 64), mark_start)
    if match is None:
        return True
    word = match.group(1).lstrip("\"'“‘(")
    bare = word.lower()
    if bare in _ABBREVIATIONS or bare in _DOTTED_NEVER_FINAL:
        return False
    if bare in ("no", "nos") and first.isdigit():
        return False  # "No. 2"
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Joe R. Biden"
    if "." in word and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        # A dotted acronym (U.S., D.C., a.m.): ends a sentence only before a usual starter.
        return next_word.strip("\"'“‘(").lower() in _SENTENCE_STARTERS
    return True


def split_paragraph(paragraph: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of one paragraph, shifted by `offset`.

    No piece is longer than MAX_SENTENCE_CHARS (see `_bounded`).
    """
    for start, end in _sentences(paragraph):
        end = _without_trailing_links(paragraph, start, end)
        if end <= start:
            continue
        if end - start <= MAX_SENTENCE_CHARS:
            yield offset + start, offset + end
        else:
            for a, b in _bounded(paragraph, start, end):
                yield offset + a, offset + b


def _without_trailing_links(paragraph: str, start: int, end: int) -> int:
    """Where the sentence at `start`-`end` ends without a pasted tweet's trailing picture or t.co links."""
    if "t.co/" not in (sentence := paragraph[start:end].lower()) and "twitter.com/" not in sentence:
        return end
    link = _TRAILING_SHORT_LINKS.search(paragraph, max(start, end - 2000), end)
    return link.start() if link and link.start() >= start else end


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """An overlong sentence in pieces of at most MAX_SENTENCE_CHARS, cut at white space if there is some."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = limit
        for space in range(limit, start + MAX_SENTENCE_CHARS // 2, -1):
            if text[space].isspace():
                cut = space
                break
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def _sentences(paragraph: str) -> Iterator[tuple[int, int]]:
    start = 0
    length = len(paragraph)
    while start < length and paragraph[start].isspace():
        start += 1
    for match in _CANDIDATE.finditer(paragraph):
        end = match.end()
        if end <= start:
            continue
        mark = match.group(0)
        if not _ends_sentence(paragraph, match.start(), mark, match.group(1)):
            continue
        yield start, end
        start = end
        while start < length and paragraph[start].isspace():
            start += 1
    end = length
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def split_sentences(text: str) -> list[str]:
    """The sentences of a single paragraph of text, as strings."""
    return [text[s:e] for s, e in split_paragraph(text)]
