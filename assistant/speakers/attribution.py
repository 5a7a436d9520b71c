"""Who said it: speaker attribution for the sentences of one article.

Rule-based so that it runs at index time: reporting words ("said", "told",
"according to") are found outside quotation marks, the speaker is read from
the words next to them, and the reported words from the clause or quotation
they introduce. A quotation that runs on over several sentences or paragraphs
keeps its speaker. Where the text does not make the speaker clear, nothing is
returned: a wrong name on a verbatim quote is worse than none.
"""

from collections.abc import Sequence

from assistant.models import Attribution, Sentence
from assistant.speakers.aliases import canonical_key, split_role
from assistant.speakers.carried import carry_quotes
from assistant.speakers.cues import Found, read_sentence
from assistant.speakers.marks import read_marks
from assistant.speakers.quotes import QuoteMap, find_quotes, paragraph_spans
from assistant.speakers.resolution import resolve_names

_DIRECT_SHARE = 0.8


def attribute(text: str, sentences: Sequence[Sentence]) -> list[tuple[Attribution, ...]]:
    """For each sentence (same order), the attributions found in it (empty tuple where none)."""
    paragraphs = paragraph_spans(sentences)
    quotes = QuoteMap(find_quotes(text, paragraphs))
    found: list[Found] = []
    # Lower-cased once for the cue words' test; only where that keeps every offset in place
    # ("İ" lower-cases to two characters). Cue words are plain ASCII, so a sigma's final form,
    # which depends on the letters around it, never changes what the test finds.
    lower = text.lower()
    lowered = lower if len(lower) == len(text) else None
    for index, sentence in enumerate(sentences):
        found.extend(read_sentence(text, index, sentence, quotes, lowered))
        if not found or found[-1].sentence != index:
            found.extend(read_marks(text, index, sentence, quotes))
    for item in found:
        if item.content is not None:
            start, end = item.content
            item.direct = 2 * quotes.quoted_chars(start, end) > end - start
    resolve_names(text, found, paragraphs, sentences)
    result: list[list[Attribution]] = [[] for _ in sentences]
    for item in found:
        result[item.sentence].append(_to_attribution(text, item, quotes))
    carry_quotes(text, sentences, quotes, found, result)
    return [tuple(_dedupe(items)) for items in result]


def _to_attribution(text: str, item: Found, quotes: QuoteMap) -> Attribution:
    content = item.content or (None, None)
    as_written = text[item.start : item.end]
    person, role = split_role(item.name, sentence_start=item.name == as_written and item.opens_sentence)
    return Attribution(
        name=person or item.name,
        as_written=as_written,
        cue=item.cue,
        direct=item.direct,
        start=item.start,
        end=item.end,
        content_start=content[0],
        content_end=content[1],
        key="|".join(canonical_key(r) for r in item.rivals) if item.rivals else canonical_key(person),
        role=role if person else None,
        kind=_kind(item, quotes),
    )


def _kind(item: Found, quotes: QuoteMap) -> str:
    """direct (in quotation marks), mixed (partly quoted), according_to, or reported."""
    quoted = 0.0
    if item.content is not None:
        start, end = item.content
        quoted = quotes.quoted_chars(start, end) / max(end - start, 1)
    if quoted >= _DIRECT_SHARE:
        return "direct"
    if quoted > 0:
        return "mixed"
    return "according_to" if item.cue == "according to" else "reported"


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    """One attribution per speaker mention and kind in a sentence, in text order."""
    seen: set[tuple[int, int, bool]] = set()
    kept = []
    for item in sorted(items, key=lambda a: (a.content_start or a.start, a.start)):
        key = (item.start, item.end, item.direct)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
