"""Speakers named by punctuation instead of a verb: "Ellis: “…”", "“…” ― Oscar Quintero", "Romney -- ''…''".

Transcripts, vox pops and lists of reactions attribute a quotation with a colon or a
dash. Only a short capitalised name right against the mark counts, so that a label
("Update: “…”") or a clause is not taken for a person.
"""

from __future__ import annotations

from assistant.models import Sentence
from assistant.speakers.aliases import split_role
from assistant.speakers.cues import Found
from assistant.speakers.mentions import PRONOUNS, Token, mention_after, tokenize, wordset
from assistant.speakers.quotes import QuoteMap
from assistant.speakers.reported import CLOSERS, OPENERS

_DASHES = frozenset({"―", "—", "–", "-"})
_MAX_NAME = 5
_MAX_MENTION = 10
_MARK_CHARS = frozenset(":―—–-")
_QUOTE_CHARS = frozenset("".join(OPENERS | CLOSERS))  # a sentence without one holds no quotation
# Capitalised words that open labels, not names: "Update: “…”", "Photo: …".
_LABELS = wordset(
    """update photo video editor note source sources read watch listen related correction quote quotes
    question answer q a headline title caption breaking live transcript full text the this that here
    said says asked added"""
)


def read_marks(text: str, index: int, sentence: Sentence, quotes: QuoteMap) -> list[Found]:
    """Attributions made by a colon or a dash next to a quotation in one sentence."""
    words = text[sentence.start : sentence.end]
    if not _MARK_CHARS.intersection(words) or not _QUOTE_CHARS.intersection(words):
        return []  # most sentences: no mark, nothing to read
    tokens = tokenize(text, sentence.start, sentence.end)
    found = [_name_then_mark(tokens, sentence, quotes), _quote_then_dash(tokens, sentence, quotes)]
    items = [item for item in found if item is not None]
    for item in items:
        item.sentence = index
    return items


def _name(tokens: list[Token], first: int, last: int) -> bool:
    """tokens[first..last] is a short run of capitalised words: a name."""
    words = tokens[first : last + 1]
    if not 1 <= len(words) <= _MAX_NAME or words[0].lower in _LABELS | PRONOUNS:
        return False
    if len(words) > 1 and all(t.text.isupper() for t in words if t.is_word):
        return False  # "NEW YORK AT ITS CORE—": a heading
    return all((t.is_word and t.capitalised) or t.text == "." or t.is_label for t in words)


def _titled_name(tokens: list[Token], last: int) -> bool:
    """ "Former secretary of state Hillary Rodham Clinton": a mention that ends in a name."""
    span = mention_after(tokens, 0, pronoun_ok=False)
    if span is None or span != (0, last) or tokens[0].lower in _LABELS:
        return False
    name, _ = split_role(" ".join(t.text for t in tokens[: last + 1]))
    return bool(name) and tokens[last].capitalised


def _dash_run(tokens: list[Token], at: int) -> int:
    """How many dash tokens stand from tokens[at] ("--" is two)."""
    n = 0
    while at + n < len(tokens) and tokens[at + n].text in _DASHES:
        n += 1
    return n


def _name_then_mark(tokens: list[Token], sentence: Sentence, quotes: QuoteMap) -> Found | None:
    """ "Ellis: “…”" or "Mitt Romney -- ''…''": a name opens the sentence, a mark, then a quotation."""
    for last in range(min(len(tokens) - 2, _MAX_MENTION)):
        mark = tokens[last + 1]
        width = 1 if mark.text == ":" else (_dash_run(tokens, last + 1) if mark.text in _DASHES else 0)
        if not width or last + 1 + width >= len(tokens):
            continue
        opener = tokens[last + 1 + width]
        if opener.text not in OPENERS or not (_name(tokens, 0, last) or _titled_name(tokens, last)):
            return None
        quote = quotes.at(opener.start)
        if quote is None:
            return None
        return Found(
            sentence=0,
            paragraph=sentence.paragraph,
            start=tokens[0].start,
            end=tokens[last].end,
            cue=":" if width == 1 and mark.text == ":" else "—",
            content=(quote.start, min(quote.end, sentence.end)),
            opens_sentence=True,
        )
    return None


def _quote_then_dash(tokens: list[Token], sentence: Sentence, quotes: QuoteMap) -> Found | None:
    """ "“…” ― Oscar P. Quintero": a quotation, a dash, and a name that ends the sentence."""
    for position, token in enumerate(tokens):
        if token.text not in CLOSERS or position + 2 >= len(tokens):
            continue
        quote = quotes.at(token.start)
        if quote is None or quote.end != token.end:
            continue
        width = _dash_run(tokens, position + 1)
        if not width:
            continue
        first, last = position + 1 + width, len(tokens) - 1
        while last > first and tokens[last].text in {".", ","}:
            last -= 1
        if not _name(tokens, first, last):
            return None
        return Found(
            sentence=0,
            paragraph=sentence.paragraph,
            start=tokens[first].start,
            end=tokens[last].end,
            cue="—",
            content=(quote.start, quote.end),
        )
    return None
