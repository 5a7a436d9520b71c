"""Reading one sentence's reporting words: who is said to speak, and which words are theirs.

The speaker is read from the words next to a cue ("Austin said", "said the official",
"according to officials", "Dante Scala, a professor, said"); the reported words are the
quotation or "that" clause after it, or the words before an aside speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Sentence
from assistant.speakers import verbs
from assistant.speakers.aliases import is_body
from assistant.speakers.mentions import Token, mention_after, tokenize, wordset
from assistant.speakers.quotes import QuoteMap
from assistant.speakers.reported import (
    CLOSERS,
    OPENERS,
    nothing_reported_after,
    quote_just_before,
    reported_words,
    trim,
)
from assistant.speakers.speaker_span import SpeakerSpan, description_end, find_speaker, span_offsets

_CLAUSE_WINDOW = 5
_PREPOSITIONS_OF_TIME = wordset("on in at during last this")
_ANY_CUE = verbs.CUES | verbs.CLAUSE_CUES | verbs.BODY_BELIEFS | {"according"}
_BETWEEN_OR_NEGATION = verbs.BETWEEN | verbs.NEGATIONS
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class Found:
    """An attribution read at one cue, before names are resolved."""

    sentence: int
    paragraph: int
    start: int
    end: int
    cue: str
    content: tuple[int, int] | None
    antecedent: tuple[int, int] | None = None
    """For "who said": where the person meant is written."""
    name: str = ""
    direct: bool = False
    opens_sentence: bool = False
    """No word stands before the mention in its sentence: its capital says nothing."""
    rivals: tuple[str, ...] = ()
    """For a surname the article gives to several people ("Clinton"): their full names."""


def read_sentence(
    text: str, index: int, sentence: Sentence, quotes: QuoteMap, lowered: str | None = None
) -> list[Found]:
    """The attributions whose cue stands in one sentence.

    `lowered`: `text.lower()`, when that has the text's length (so its offsets are the text's),
    made once an article instead of once a sentence.
    """
    if lowered is not None:
        words = _WORD.findall(lowered, sentence.start, sentence.end)
    else:
        words = _WORD.findall(text[sentence.start : sentence.end].lower())
    if _ANY_CUE.isdisjoint(words):
        return []  # most sentences report nobody: not worth cutting into tokens
    tokens = tokenize(text, sentence.start, sentence.end)
    found: list[Found] = []
    first_word: int | None = None  # where the sentence's first word starts, found when needed
    for position, token in enumerate(tokens):
        lower = token.lower
        if lower not in _ANY_CUE or quotes.at(token.start) is not None:
            continue  # words inside quotation marks are the speaker's, not the reporter's
        item: Found | None = None
        if lower == "according" and position + 1 < len(tokens) and tokens[position + 1].lower == "to":
            item = _read_according(text, sentence, tokens, position)
        elif (lower in verbs.CUES or lower in verbs.CLAUSE_CUES or lower in verbs.BODY_BELIEFS) and (
            not token.capitalised or position == 0
        ):
            # A capital mid-sentence makes it a name: "the United States", "Reports Inc".
            item = _read_cue(text, sentence, tokens, position, quotes)
        if item is not None:
            item.sentence = index
            if first_word is None:
                first_word = next((t.start for t in tokens if t.is_word), sentence.end)
            item.opens_sentence = first_word >= item.start
            found.append(item)
    return found


def _read_according(text: str, sentence: Sentence, tokens: list[Token], position: int) -> Found | None:
    """ "according to officials": the speaker follows; the words stand on the other side of the comma."""
    span = mention_after(tokens, position + 2, pronoun_ok=False)
    if span is None:
        return None
    first, last = span
    stop = description_end(tokens, last + 1)
    if stop is not None and tokens[last + 1].lower not in _PREPOSITIONS_OF_TIME:
        last = stop - 1  # "according to Democrats involved in the talks"
    if position > 0:
        end = tokens[position - 1].start if tokens[position - 1].text == "," else tokens[position].start
        content = trim(text, sentence.start, end)
    else:
        after = last + 1
        if after < len(tokens) and tokens[after].text == ",":
            after += 1
        content = trim(text, tokens[after].start, sentence.end) if after < len(tokens) else None
    return Found(
        sentence=0,
        paragraph=sentence.paragraph,
        start=tokens[first].start,
        end=tokens[last].end,
        cue="according to",
        content=content,
    )


def _read_cue(
    text: str, sentence: Sentence, tokens: list[Token], position: int, quotes: QuoteMap
) -> Found | None:
    """A reporting verb: the speaker before it (or after it, inverted), the words around it."""
    cue = tokens[position].lower
    before = position
    while before > 0 and tokens[before - 1].lower in _BETWEEN_OR_NEGATION:
        if tokens[before - 1].lower in verbs.NEGATIONS:
            return None  # "did not say" reports nothing said
        before -= 1
    speaker = find_speaker(text, sentence, tokens, before, position, quotes)
    if speaker is None:
        return None
    if cue in verbs.BODY_BELIEFS and not _a_body_speaks(tokens, speaker):
        return None
    start, end = span_offsets(tokens, (speaker.first, speaker.last))
    after = speaker.last + 1 if speaker.inverted else position + 1
    if not speaker.inverted and cue in verbs.ADDRESSEE_CUES:
        addressee = mention_after(tokens, after, pronoun_ok=True)
        if addressee is None and after < len(tokens) and tokens[after].lower in ("him", "her", "them", "me"):
            addressee = (after, after)
        if addressee is not None:
            after = addressee[1] + 1
    lead = before if speaker.inverted else speaker.first
    if cue in verbs.PARTICIPLES:
        lead = 0  # the words follow "saying"; nothing before it is an aside
    content, marked = reported_words(text, sentence, tokens, lead, after, quotes)
    quoted_before = lead > 0 and tokens[lead - 1].text in CLOSERS  # "“…,” Mr. Bush declared."
    if not marked and not speaker.inverted and not any(t.is_word for t in tokens[: speaker.first]):
        prior = quote_just_before(text, sentence, quotes)
        if prior is not None and nothing_reported_after(tokens, after):
            content, marked = (prior.start, prior.end), True  # “Why isn’t this clear?” ¶ Vitter demanded.
            quoted_before = True
    if cue in verbs.CLAUSE_CUES and not (
        marked and (quoted_before or _clause_follows(tokens, after, cue, speaker.inverted))
    ):
        return None
    core = None
    if speaker.core is not None:
        core = (tokens[speaker.core[0]].start, tokens[speaker.core[1]].end)
    return Found(
        sentence=0,
        paragraph=sentence.paragraph,
        start=start,
        end=end,
        cue=cue,
        content=content,
        antecedent=core,
    )


_BODY_WORDS = frozenset("company firm group bank corporation agency ministry department government".split())


def _a_body_speaks(tokens: list[Token], speaker: SpeakerSpan) -> bool:
    """For a verb of belief: the speaker is a company or agency ("the agency", "Exxon Corp") that
    follows the words it holds ("Exports will rise, the agency believes"): its published view.
    A belief that opens a sentence ("Exxon Corp expects profits to rise") is the reporter's
    account of a forecast, not words anyone is quoted as saying."""
    if (
        speaker.inverted
        or speaker.core is not None
        or speaker.first < 2
        or tokens[speaker.first - 1].text != ","
    ):
        return False
    words = [t.text for t in tokens[speaker.first : speaker.last + 1]]
    if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in _BODY_WORDS:
        return True
    return is_body(" ".join(words))


def _clause_follows(tokens: list[Token], after: int, cue: str, inverted: bool) -> bool:
    """For verbs that also report acts ("announced aid"): the words must follow closely, or stand before."""
    if inverted or after >= len(tokens):
        return True
    noun_like = cue in verbs.NOUN_LIKE
    head = tokens[after : after + (1 if noun_like else _CLAUSE_WINDOW)]
    if any(t.lower == "that" or t.text in OPENERS or t.text == ":" for t in head):
        return True
    # "announced, in a statement, …" reports; "editor of Mideast reports, expects" names a paper.
    return head[0].text == "," and not noun_like
