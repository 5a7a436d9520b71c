"""Reading one sentence's reporting words: who is said to speak, and which words are theirs.

The speaker is read from the words next to a cue ("Austin said", "said the official",
"according to officials", "Dante Scala, a professor, said"); the reported words are the
quotation or "that" clause after it, or the words before an aside speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Sentence
from assistant.speakers.aliases import is_body
from assistant.speakers.mentions import (
    PRONOUNS,
    Token,
    can_head,
    is_determiner,
    mention_after,
    mention_before,
    opens_description,
    tokenize,
    wordset,
)
from assistant.speakers.quotes import QuoteMap
from assistant.speakers.reported import (
    ADVERBIAL_START as _ADVERBIAL_START,
)
from assistant.speakers.reported import (
    CLOSERS as _CLOSERS,
)
from assistant.speakers.reported import (
    OPENERS as _OPENERS,
)
from assistant.speakers.reported import (
    nothing_reported_after,
    quote_just_before,
    reported_words,
    trim,
)
from assistant.speakers.verbs import (
    ADDRESSEE_CUES as _ADDRESSEE_CUES,
)
from assistant.speakers.verbs import (
    BETWEEN as _BETWEEN,
)
from assistant.speakers.verbs import (
    BODY_BELIEFS as _BODY_BELIEFS,
)
from assistant.speakers.verbs import (
    CLAUSE_CUES as _CLAUSE_CUES,
)
from assistant.speakers.verbs import (
    CUES as _CUES,
)
from assistant.speakers.verbs import (
    INVERTIBLE as _INVERTIBLE,
)
from assistant.speakers.verbs import (
    NEGATIONS as _NEGATIONS,
)
from assistant.speakers.verbs import (
    NOUN_LIKE as _NOUN_LIKE,
)
from assistant.speakers.verbs import (
    PARTICIPLES as _PARTICIPLES,
)

# Marks that end a mention read after the cue, and ones an appositive never crosses.
_CLOSE_MENTION = frozenset({".", "!", "?", ";", ":", *_CLOSERS, *_OPENERS})
_APPOSITIVE_STOPS = frozenset({".", "!", "?", ";", ":", "—", *_CLOSERS, *_OPENERS})
_DESCRIPTION_STOPS = _APPOSITIVE_STOPS | {","}
_MAX_APPOSITIVE = 24
_NAME_WORDS = 3
# Relative words that open a description of a speaker: "said Chris Cox, who runs the NRA’s lobbying arm".
_RELATIVES = frozenset({"who", "whose", "whom"})
_CLAUSE_WINDOW = 5
_LEADING_CONJUNCTIONS = wordset("and but then so yet still also or")
_PREPOSITIONS_OF_TIME = wordset("on in at during last this")


_ANY_CUE = _CUES | _CLAUSE_CUES | _BODY_BELIEFS | {"according"}
_BETWEEN_OR_NEGATION = _BETWEEN | _NEGATIONS
_ADVERBIAL_OR_FOR = _ADVERBIAL_START | {"for"}
_CLOSE_OR_COMMA = _CLOSE_MENTION | {","}
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
        elif (lower in _CUES or lower in _CLAUSE_CUES or lower in _BODY_BELIEFS) and (
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
    stop = _description_end(tokens, last + 1)
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


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Where a speaker mention stands, as token indexes."""

    first: int
    last: int
    core: tuple[int, int] | None = None
    """The name inside a longer mention ("Dante Scala" in "Dante Scala, a professor"), or what "who" means."""
    inverted: bool = False


def _read_cue(
    text: str, sentence: Sentence, tokens: list[Token], position: int, quotes: QuoteMap
) -> Found | None:
    """A reporting verb: the speaker before it (or after it, inverted), the words around it."""
    cue = tokens[position].lower
    before = _before_ticker(tokens, position)
    while before > 0 and tokens[before - 1].lower in _BETWEEN_OR_NEGATION:
        if tokens[before - 1].lower in _NEGATIONS:
            return None  # "did not say" reports nothing said
        before -= 1
    speaker = _find_speaker(text, sentence, tokens, before, position, quotes)
    if speaker is None:
        return None
    if cue in _BODY_BELIEFS and not _a_body_speaks(tokens, speaker):
        return None
    start, end = _span_offsets(tokens, (speaker.first, speaker.last))
    after = speaker.last + 1 if speaker.inverted else position + 1
    if not speaker.inverted and cue in _ADDRESSEE_CUES:
        addressee = mention_after(tokens, after, pronoun_ok=True)
        if addressee is None and after < len(tokens) and tokens[after].lower in ("him", "her", "them", "me"):
            addressee = (after, after)
        if addressee is not None:
            after = addressee[1] + 1
    lead = before if speaker.inverted else speaker.first
    if cue in _PARTICIPLES:
        lead = 0  # the words follow "saying"; nothing before it is an aside
    content, marked = reported_words(text, sentence, tokens, lead, after, quotes)
    quoted_before = lead > 0 and tokens[lead - 1].text in _CLOSERS  # "“…,” Mr. Bush declared."
    if not marked and not speaker.inverted and not any(t.is_word for t in tokens[: speaker.first]):
        prior = quote_just_before(text, sentence, quotes)
        if prior is not None and nothing_reported_after(tokens, after):
            content, marked = (prior.start, prior.end), True  # “Why isn’t this clear?” ¶ Vitter demanded.
            quoted_before = True
    if cue in _CLAUSE_CUES and not (
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


def _a_body_speaks(tokens: list[Token], speaker: _Speaker) -> bool:
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


def _before_ticker(tokens: list[Token], position: int) -> int:
    """Where the words before a cue end, a stock ticker left out: "Elders IXL Ltd <ELXA.S> says"."""
    if position >= 3 and tokens[position - 1].text == ">" and tokens[position - 3].text == "<":
        ticker = tokens[position - 2].text
        if ticker[:1].isupper() and ticker.replace(".", "").isalnum() and len(ticker) <= 12:
            return position - 3
    return position


def _find_speaker(
    text: str, sentence: Sentence, tokens: list[Token], before: int, position: int, quotes: QuoteMap
) -> _Speaker | None:
    """The speaker of the cue at tokens[position]; tokens[before:position] are adverbs between."""
    previous = tokens[before - 1] if before > 0 else None
    if tokens[position].lower in _PARTICIPLES:
        if previous is not None and previous.text == ",":
            subject = _subject(tokens)
            return None if subject is None else _Speaker(*subject)
        return None
    if previous is None:
        # "Said Comey, “The thought…”": a cue that opens the sentence names its speaker after it.
        return _inverted(tokens, position + 1) if tokens[position].lower in _INVERTIBLE else None
    if previous.lower == "who":
        antecedent = _antecedent(tokens, before - 1, sentence.start)
        return None if antecedent is None else _Speaker(before - 1, before - 1, core=antecedent)
    if previous.text in _CLOSERS:
        quoted = _quoted_speaker(text, sentence, tokens, before - 1, quotes)
        if quoted is not None:
            return _Speaker(*quoted)
    elif previous.text == ",":
        appositive = _appositive_before(tokens, before - 1, sentence.start)
        if appositive is not None:
            return appositive
    else:
        span = mention_before(tokens, before, sentence.start)
        return None if span is None else _Speaker(*span)
    if tokens[position].lower not in _INVERTIBLE:
        return None
    return _inverted(tokens, position + 1)


def _appositive_before(tokens: list[Token], comma: int, sentence_start: int) -> _Speaker | None:
    """ "Dante Scala, a professor at…, said": the name, then a description between commas."""
    opening = comma - 1
    while opening > 0 and comma - opening < _MAX_APPOSITIVE and tokens[opening].text not in _APPOSITIVE_STOPS:
        if tokens[opening].text == ",":
            break
        opening -= 1
    if opening <= 0 or tokens[opening].text != ",":
        return None
    core = mention_before(tokens, opening, sentence_start)
    if core is None and tokens[opening - 1].text[:1].isdigit() and tokens[opening - 2].text == ",":
        opening -= 2  # "Mr Smith, 45, from Leeds, said": an age stands between name and description
        core = mention_before(tokens, opening, sentence_start)
    elif not _named_head(tokens, core) and tokens[opening + 1].lower in _RELATIVES:
        # "John Weaver, a GOP strategist, who has feuded with Manafort, wrote": two descriptions.
        earlier = opening - 1
        while earlier > 0 and comma - earlier < _MAX_APPOSITIVE and tokens[earlier].text != ",":
            earlier -= 1
        if earlier > 0 and tokens[earlier].text == "," and opens_description(tokens[earlier + 1]):
            opening = earlier
            core = mention_before(tokens, opening, sentence_start)
    if core is None or tokens[core[1]].lower in ("i", "it"):
        return None
    if not (tokens[core[1]].capitalised or tokens[core[1]].is_label):
        return None
    named = _name_after_description(tokens, core, opening, comma)
    if named is not None:
        return named
    opener = tokens[opening + 1]
    if opener.lower == "which" and is_body(" ".join(t.text for t in tokens[core[0] : core[1] + 1])):
        return _Speaker(*core)  # "National Semiconductor Corp, which earlier reported a loss, said"
    if opens_description(opener) or opener.lower in _RELATIVES:
        return _Speaker(core[0], comma - 1, core=core)
    if opener.lower in _ADVERBIAL_START:
        return _Speaker(*core)  # "Priebus, in the wake of a new poll, told…": an aside, not a description
    return None


def _name_after_description(
    tokens: list[Token], core: tuple[int, int], opening: int, comma: int
) -> _Speaker | None:
    """ "the president of the Federal Association of German Banks, Wolfgang Roeller, said": a
    description, then the person's name between commas; the person speaks, not the body."""
    inner = tokens[opening + 1 : comma]
    if not 2 <= len(inner) <= _NAME_WORDS or not all(t.capitalised and t.is_word for t in inner):
        return None
    if is_body(" ".join(t.text for t in inner)) or not is_determiner(tokens[core[0]].text):
        return None
    return _Speaker(core[0], comma - 1, core=(opening + 1, comma - 1))


def _named_head(tokens: list[Token], span: tuple[int, int] | None) -> bool:
    """The mention ends in a name (or a party label after one), not in a common noun."""
    return span is not None and (tokens[span[1]].capitalised or tokens[span[1]].is_label)


def _inverted(tokens: list[Token], index: int) -> _Speaker | None:
    """ "…,” said Austin" or "…, said Dante Scala, 55, a professor at…": the speaker after the cue."""
    span = mention_after(tokens, index, pronoun_ok=True)
    if span is None:
        return None
    following = span[1] + 1
    if following < len(tokens) and tokens[following].text != ",":
        after = tokens[following]
        ends = after.text in _CLOSE_MENTION or after.lower in _ADVERBIAL_OR_FOR
        return _Speaker(*span, inverted=True) if ends else None
    last = span[1]
    while following < len(tokens) and tokens[following].text == ",":
        stop = _description_end(tokens, following + 1)
        if stop is None or _reports_more(tokens, following + 1, stop):
            break
        last, following = stop - 1, stop
    if last == span[1]:
        return _Speaker(*span, inverted=True)
    return _Speaker(span[0], last, core=span, inverted=True)


def _reports_more(tokens: list[Token], start: int, stop: int) -> bool:
    """A "who emphasized that…" clause: the speaker's next words, not a description of them."""
    if tokens[start].lower not in _RELATIVES:
        return False
    return any(t.lower in _CUES or t.lower in _CLAUSE_CUES for t in tokens[start + 1 : stop])


def _description_end(tokens: list[Token], index: int) -> int | None:
    """Index of the comma or mark that ends a description opening at tokens[index], if one does."""
    if index >= len(tokens) or not (opens_description(tokens[index]) or tokens[index].lower in _RELATIVES):
        return None
    stop = index
    limit = min(len(tokens), index + _MAX_APPOSITIVE)
    while stop < limit and tokens[stop].text not in _DESCRIPTION_STOPS:
        stop += 1
    if stop < len(tokens) and tokens[stop].text not in _CLOSE_OR_COMMA:
        return None
    return stop


def _quoted_speaker(
    text: str, sentence: Sentence, tokens: list[Token], index: int, quotes: QuoteMap
) -> tuple[int, int] | None:
    """A speaker written in quotation marks: “Three U.S. officials” told NBC…"""
    quote = quotes.at(tokens[index].start)
    if quote is None or not quote.closed or quote.start != sentence.start:
        return None
    inner = text[quote.start + 1 : quote.end - 1].rstrip()
    if not inner or inner[-1] in ",.!?;:":
        return None
    first = next(i for i, t in enumerate(tokens) if t.start >= quote.start)
    if index - first < 2 or not can_head(tokens[index - 1], first=False):
        return None
    return first, index


def _span_offsets(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """Offsets of a mention; a quoted mention is given without its quotation marks."""
    first, last = tokens[span[0]], tokens[span[1]]
    if first.text in _OPENERS and last.text in _CLOSERS:
        return tokens[span[0] + 1].start, tokens[span[1] - 1].end
    return first.start, last.end


def _antecedent(tokens: list[Token], who: int, sentence_start: int) -> tuple[int, int] | None:
    """Token range of the mention that "who" refers to: "Zelensky, who said…"."""
    index = who - 1 if who > 0 and tokens[who - 1].text == "," else who
    span = mention_before(tokens, index, sentence_start)
    if span is None or tokens[span[1]].lower in PRONOUNS:
        return None
    return span


def _subject(tokens: list[Token]) -> tuple[int, int] | None:
    """The sentence's opening mention, when a verb follows it: "Biden left Tuesday, saying…"."""
    start = 0
    while start < len(tokens) and tokens[start].lower in _LEADING_CONJUNCTIONS:
        start += 1
    if start >= len(tokens):
        return None
    span = mention_after(tokens, start, pronoun_ok=True)
    if span is None or tokens[span[0]].lower in _LEADING_CONJUNCTIONS | _ADVERBIAL_START:
        return None
    following = span[1] + 1
    if following >= len(tokens) or not tokens[following].text[0].islower():
        return None
    return span


def _clause_follows(tokens: list[Token], after: int, cue: str, inverted: bool) -> bool:
    """For verbs that also report acts ("announced aid"): the words must follow closely, or stand before."""
    if inverted or after >= len(tokens):
        return True
    window = 1 if cue in _NOUN_LIKE else _CLAUSE_WINDOW
    head = tokens[after : after + window]
    return any(t.lower == "that" or t.text in _OPENERS or t.text == ":" for t in head) or head[0].text == ","
