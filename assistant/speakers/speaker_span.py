"""Where the speaker of a reporting word is written: before it, after it, or described.

"Austin said", "…,” said Austin", "Dante Scala, a professor at…, said", "the president of X,
Wolfgang Roeller, said", "Zelensky, who said", "Biden left Tuesday, saying…": the token span of
the speaker, and of the name inside a longer description. Kept apart from the cue reading
(cues.py), which decides what counts as a reporting word and which words are reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.models import Sentence
from assistant.speakers import verbs
from assistant.speakers.aliases import is_body
from assistant.speakers.mentions import (
    PRONOUNS,
    Token,
    can_head,
    is_determiner,
    mention_after,
    mention_before,
    opens_description,
    wordset,
)
from assistant.speakers.quotes import QuoteMap
from assistant.speakers.reported import ADVERBIAL_START, CLOSERS, OPENERS
from assistant.speakers.unclosed_appositive import close_to_owner, unclosed_description_owner

# Marks that end a mention read after the cue, and ones an appositive never crosses.
CLOSE_MENTION = frozenset({".", "!", "?", ";", ":", *CLOSERS, *OPENERS})
_APPOSITIVE_STOPS = frozenset({".", "!", "?", ";", ":", "—", *CLOSERS, *OPENERS})
_DESCRIPTION_STOPS = _APPOSITIVE_STOPS | {","}
_MAX_APPOSITIVE = 24
_NAME_WORDS = 3
# Relative words that open a description of a speaker: "said Chris Cox, who runs the NRA’s lobbying arm".
_RELATIVES = frozenset({"who", "whose", "whom"})
_LEADING_CONJUNCTIONS = wordset("and but then so yet still also or")
# A cue joined to the sentence's own verb ("X did not give figures, but said"; "X fell and said").
_SHARED_SUBJECT = wordset("and but")
_ADVERBIAL_OR_FOR = ADVERBIAL_START | {"for"}
# Words that open a clause before the subject: "When NYMEX announced its rule, …".
# -ing words that open no aside ("Smith, speaking…" does; "Smith, thing…" cannot start one).
_NOT_ASIDE = wordset("thing things nothing something anything everything king ring string building")
_OPENING_CLAUSE = wordset("when after before while as since although though if once because unless until")
_CLOSE_OR_COMMA = CLOSE_MENTION | {","}


@dataclass(frozen=True, slots=True)
class SpeakerSpan:
    """Where a speaker mention stands, as token indexes."""

    first: int
    last: int
    core: tuple[int, int] | None = None
    """The name inside a longer mention ("Dante Scala" in "Dante Scala, a professor"), or what "who" means."""
    inverted: bool = False


def find_speaker(
    text: str, sentence: Sentence, tokens: list[Token], before: int, position: int, quotes: QuoteMap
) -> SpeakerSpan | None:
    """The speaker of the cue at tokens[position]; tokens[before:position] are adverbs between."""
    previous = tokens[before - 1] if before > 0 else None
    if tokens[position].lower in verbs.PARTICIPLES:
        if previous is not None and previous.text == ",":
            subject = _subject(tokens)
            return None if subject is None else SpeakerSpan(*subject)
        return None
    if previous is None:
        # "Said Comey, “The thought…”": a cue that opens the sentence names its speaker after it.
        return _inverted(tokens, position + 1) if tokens[position].lower in verbs.INVERTIBLE else None
    if previous.lower in _SHARED_SUBJECT and before >= 2:
        # "Diaz did not give figures, but said: ..." - the cue's subject is the sentence's.
        subject = _subject(tokens)
        return None if subject is None else SpeakerSpan(*subject)
    if previous.lower == "who":
        antecedent = _antecedent(tokens, before - 1, sentence.start)
        return None if antecedent is None else SpeakerSpan(before - 1, before - 1, core=antecedent)
    if previous.text in CLOSERS:
        quoted = _quoted_speaker(text, sentence, tokens, before - 1, quotes)
        if quoted is not None:
            return SpeakerSpan(*quoted)
    elif previous.text == ",":
        appositive = _appositive_before(tokens, before - 1, sentence.start)
        if appositive is not None:
            return appositive
    else:
        span = mention_before(tokens, before, sentence.start)
        if span is None:
            return None
        close = close_to_owner(tokens, span, sentence.start)
        if close is not None:
            return SpeakerSpan(*close)  # "sources close to the minister said": not the minister
        owner = unclosed_description_owner(tokens, span, sentence.start)
        return SpeakerSpan(*span) if owner is None else SpeakerSpan(owner[0], span[1], core=owner)
    inverted = _inverted(tokens, position + 1) if tokens[position].lower in verbs.INVERTIBLE else None
    if inverted is None and previous.text == ",":
        return _name_then_comma(tokens, before - 1, sentence.start)
    return inverted


def _name_then_comma(tokens: list[Token], comma: int, sentence_start: int) -> SpeakerSpan | None:
    """ "…hearing on livestock issues, Rep. Hal Daub (R-Nebr.), said": a name (or a name with its
    party label) set off by a comma from its verb, standing alone in its clause (at the sentence's
    start or after a comma)."""
    span = mention_before(tokens, comma, sentence_start)
    if span is None or not (tokens[span[1]].is_label or _personal_name_run(tokens, span)):
        return None
    first = span[0]
    if first == 0 or tokens[first - 1].start < sentence_start:
        return SpeakerSpan(*span)
    # After an opening clause only ("Testifying at a hearing, Rep. X, said"; "When NYMEX announced
    # it, NYMEX President Y, said"), not after a name it describes ("Z, owners of the Herald, said").
    opening = tokens[0].lower
    if tokens[first - 1].text != "," or any(t.text == "," for t in tokens[: first - 1]):
        return None
    return SpeakerSpan(*span) if opening.endswith("ing") or opening in _OPENING_CLAUSE else None


def _aside_owner(tokens: list[Token], core: tuple[int, int]) -> bool:
    """Who an -ing aside ("…, responding to remarks by Baker, said") describes: a personal name, or
    a surname opening the sentence ("Balladur, responding to …, said")."""
    if _personal_name_run(tokens, core):
        return True
    first, last = core
    return (
        first == 0
        and first == last
        and tokens[first].capitalised
        and tokens[first].is_word
        and (tokens[first].lower not in ADVERBIAL_START | _LEADING_CONJUNCTIONS)
    )


def _personal_name_run(tokens: list[Token], span: tuple[int, int]) -> bool:
    """The mention ends in two or more capitalised words: "Suzanne Earley", not "officials"."""
    first, last = span
    return last > first and all(t.capitalised and t.is_word for t in tokens[last - 1 : last + 1])


def _appositive_before(tokens: list[Token], comma: int, sentence_start: int) -> SpeakerSpan | None:
    """ "Dante Scala, a professor at…, said": the name, then a description between commas."""
    opening = comma - 1
    while opening > 0 and comma - opening < _MAX_APPOSITIVE and tokens[opening].text not in _APPOSITIVE_STOPS:
        if tokens[opening].text == ",":
            break
        opening -= 1
    if opening <= 0 or tokens[opening].text != ",":
        return None
    core = mention_before(tokens, opening, sentence_start)
    end = comma - 1
    if core is None and tokens[opening - 1].text[:1].isdigit() and tokens[opening - 2].text == ",":
        opening -= 2  # "Mr Smith, 45, from Leeds, said": an age stands between name and description
        core = mention_before(tokens, opening, sentence_start)
    elif (
        not _named_head(tokens, core)
        and (tokens[opening + 1].lower in _RELATIVES or is_determiner(tokens[opening + 1].text))
    ) or (_titled_body(tokens, core) and tokens[opening + 1].lower in _RELATIVES | {"which"}):
        # "John Weaver, a GOP strategist, who has feuded with Manafort, wrote" and "Steve Rich, a
        # supply manager with a gas broker, a Houston based firm, said": two descriptions; and
        # "Michael Mulgrew, president of the United Federation of Teachers, which represents
        # educators, said": the body is described, its president speaks.
        earlier = opening - 1
        while earlier > 0 and comma - earlier < _MAX_APPOSITIVE and tokens[earlier].text != ",":
            earlier -= 1
        if earlier > 0 and tokens[earlier].text == "," and opens_description(tokens[earlier + 1]):
            if _titled_body(tokens, core):
                end = opening - 1  # the person and their office, not what the body does
            opening = earlier
            core = mention_before(tokens, opening, sentence_start)
    if core is None or tokens[core[1]].lower in ("i", "it"):
        return None
    named = _name_after_description(tokens, core, opening, comma)
    if not (tokens[core[1]].capitalised or tokens[core[1]].is_label):
        # A name after a common noun opening the sentence or owned ("Peru's biggest state mining
        # firm, Centromin SA, said"); not one inside a description ("Unicorp, a company controlled
        # by its chairman, George Mann, said" is Unicorp's).
        opens = core[0] == 0 or tokens[core[0]].possessive
        return named if opens else None
    if named is not None:
        return named
    opener = tokens[opening + 1]
    if opener.lower == "which" and is_body(" ".join(t.text for t in tokens[core[0] : core[1] + 1])):
        return SpeakerSpan(*core)  # "National Semiconductor Corp, which earlier reported a loss, said"
    if opens_description(opener) or opener.lower in _RELATIVES:
        return SpeakerSpan(core[0], end, core=core)
    if opener.lower in ADVERBIAL_START:
        return SpeakerSpan(*core)  # "Priebus, in the wake of a new poll, told…": an aside, not a description
    if opener.lower.endswith("ing") and opener.lower not in _NOT_ASIDE and _aside_owner(tokens, core):
        return SpeakerSpan(*core)  # "Joe Clark, winding up a visit to Washington, said": an aside
    return None


def _name_after_description(
    tokens: list[Token], core: tuple[int, int], opening: int, comma: int
) -> SpeakerSpan | None:
    """ "the president of the Federal Association of German Banks, Wolfgang Roeller, said": a
    description, then the person's name between commas; the person speaks, not the body."""
    inner = tokens[opening + 1 : comma]
    if not 2 <= len(inner) <= _NAME_WORDS or not all(t.capitalised and t.is_word for t in inner):
        return None
    # "the president of X, Wolfgang Roeller,": a person; "Peru's biggest mining firm, Centromin SA,":
    # an owner's or a country's firm, named.
    owned = tokens[core[0]].possessive and tokens[core[0]].capitalised
    if is_body(" ".join(t.text for t in inner)) and not owned:
        return None
    if not (owned or is_determiner(tokens[core[0]].text)):
        return None
    return SpeakerSpan(core[0], comma - 1, core=(opening + 1, comma - 1))


def _titled_body(tokens: list[Token], span: tuple[int, int] | None) -> bool:
    """ "president of the United Federation of Teachers": an office of a named body, in lower case
    after a comma: a description of someone named before it, not a speaker of its own."""
    if span is None or span[0] == 0 or tokens[span[0] - 1].text != ",":
        return False
    head = tokens[span[0]]
    return head.is_word and not head.capitalised and any(t.lower == "of" for t in tokens[span[0] : span[1]])


def _named_head(tokens: list[Token], span: tuple[int, int] | None) -> bool:
    """The mention ends in a name (or a party label after one), not in a common noun."""
    return span is not None and (tokens[span[1]].capitalised or tokens[span[1]].is_label)


def _inverted(tokens: list[Token], index: int) -> SpeakerSpan | None:
    """ "…,” said Austin" or "…, said Dante Scala, 55, a professor at…": the speaker after the cue."""
    span = mention_after(tokens, index, pronoun_ok=True)
    if span is None:
        return None
    following = span[1] + 1
    if following < len(tokens) and tokens[following].text != ",":
        after = tokens[following]
        ends = after.text in CLOSE_MENTION or after.lower in _ADVERBIAL_OR_FOR
        return SpeakerSpan(*span, inverted=True) if ends else None
    last = span[1]
    while following < len(tokens) and tokens[following].text == ",":
        stop = description_end(tokens, following + 1)
        if stop is None or _reports_more(tokens, following + 1, stop):
            break
        last, following = stop - 1, stop
    if last == span[1]:
        return SpeakerSpan(*span, inverted=True)
    return SpeakerSpan(span[0], last, core=span, inverted=True)


def _reports_more(tokens: list[Token], start: int, stop: int) -> bool:
    """A "who emphasized that…" clause: the speaker's next words, not a description of them."""
    if tokens[start].lower not in _RELATIVES:
        return False
    return any(t.lower in verbs.CUES or t.lower in verbs.CLAUSE_CUES for t in tokens[start + 1 : stop])


def description_end(tokens: list[Token], index: int) -> int | None:
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


def span_offsets(tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """Offsets of a mention; a quoted mention is given without its quotation marks."""
    first, last = tokens[span[0]], tokens[span[1]]
    if first.text in OPENERS and last.text in CLOSERS:
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
    if span is None or tokens[span[0]].lower in _LEADING_CONJUNCTIONS | ADVERBIAL_START:
        return None
    following = span[1] + 1
    if following >= len(tokens) or not tokens[following].text[0].islower():
        return None
    return span
