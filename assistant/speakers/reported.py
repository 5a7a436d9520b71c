"""Which words a reporting word reports: the quotation or "that" clause after it, or the words before.

"…,” Austin said", "…, officials said.", "She continued, “…”", "said that…": the reported
words are found around the cue once its speaker is known, and trimmed of spaces and of a
final period outside quotation marks.
"""

from __future__ import annotations

from assistant.models import Sentence
from assistant.speakers.mentions import Token, wordset
from assistant.speakers.quotes import QuoteMap, QuoteSpan

CLOSERS = frozenset({"”", '"', "''"})
OPENERS = frozenset({"“", '"', "''", "``"})
"""Tokens that open (close) a quotation, for every speaker rule: double marks, and two apostrophes
or two backticks written for one. Single marks are left out, being apostrophes as often; the
character-level `corpus.layout.QUOTE_OPENERS` has them, since a line or sentence opening with one
does start with someone's words."""
# Words that start a phrase of time, place or manner after the cue: "said on Thursday", "said in a statement".
ADVERBIAL_START = wordset("""in on at during last this to from after before when while as because of about""")
_THAT_WINDOW = 14
_ASIDE = 8


def reported_words(
    text: str, sentence: Sentence, tokens: list[Token], lead: int, after: int, quotes: QuoteMap
) -> tuple[tuple[int, int] | None, bool]:
    """The reported words, and whether a clause or quotation marks them as words (not "announced aid").

    They are the quotation or "that" clause after the cue, or, when the speaker stands aside
    ("…,” Austin said", "…, officials said."), the words before; else the rest of the sentence.
    """
    rest = tokens[after:]
    while rest and rest[-1].text in {".", "!", "?"}:
        rest = rest[:-1]
    if rest and rest[0].text in OPENERS | {":"}:
        start = rest[1].start if rest[0].text == ":" and len(rest) > 1 else rest[0].start
        return trim(text, start, sentence.end), True
    if rest and rest[0].lower in ADVERBIAL_START:
        # "wrote in an email: “…”", "said on Tuesday, “…”": the quotation after an aside.
        for i, token in enumerate(rest[1:_ASIDE], start=1):
            if token.text in OPENERS and rest[i - 1].text in {":", ","}:
                return trim(text, token.start, sentence.end), True
    that = next((i for i, t in enumerate(rest[:_THAT_WINDOW]) if t.lower == "that"), None)
    if that is not None and not any(t.text in OPENERS | {".", ";"} for t in rest[:that]):
        return trim(text, rest[that].start, sentence.end), True
    if lead > 0 and tokens[lead - 1].text in CLOSERS | {","}:
        start = _before_start(sentence, tokens, lead, quotes)
        if rest and rest[0].text == ",":
            return trim(text, start, sentence.end), True  # “I think,” he said, “that we…”
        by_quote = tokens[lead - 1].text in CLOSERS
        if by_quote or not rest or rest[0].lower in ADVERBIAL_START:
            end = tokens[lead - 1].start if tokens[lead - 1].text == "," else tokens[lead - 1].end
            return trim(text, start, end), True
    if not rest:
        return None, False
    if len(rest) > 1 and rest[0].text == "," and rest[1].text in OPENERS:
        return trim(text, rest[1].start, sentence.end), True  # She continued, “For us…”
    return trim(text, rest[0].start, sentence.end), False


def quote_just_before(text: str, sentence: Sentence, quotes: QuoteMap) -> QuoteSpan | None:
    """The quotation that ends right before this sentence, in the same paragraph."""
    pos = sentence.start - 1
    while pos >= 0 and text[pos] in " \t":
        pos -= 1
    if pos < 0 or text[pos] not in "”\"'":
        return None
    quote = quotes.at(pos)
    if quote is None or quote.end != pos + 1 or not quote.closed:
        return None
    return quote


def nothing_reported_after(tokens: list[Token], after: int) -> bool:
    """The cue ends its clause: nothing but an aside of time, place or manner follows it."""
    rest = [t for t in tokens[after:] if t.text not in {".", "!", "?"}]
    return not rest or rest[0].text == "," or rest[0].lower in ADVERBIAL_START | {"while", "as"}


def _before_start(sentence: Sentence, tokens: list[Token], lead: int, quotes: QuoteMap) -> int:
    """Where the words before an aside speaker begin: the quotation's start, or the sentence's."""
    previous = tokens[lead - 1]
    if previous.text in CLOSERS:
        quote = quotes.at(previous.start)
        if quote is not None:
            return max(quote.start, sentence.start)
    return sentence.start


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding spaces and without a final period outside quotation marks."""
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " .,;:" and text[end - 2 : end] != ".”":
        end -= 1
    return (start, end) if end > start else None
