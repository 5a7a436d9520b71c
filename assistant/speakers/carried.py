"""Quotations that run on: every sentence of an attributed quotation gets its speaker.

News style carries a voice past the sentence that names it: the rest of a quotation over several
sentences or paragraphs, a whole-sentence quotation after an attributed one in a paragraph, and a
paragraph that opens with a quotation right after one that ended in the same person's words.
"""

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.models import Attribution, Sentence
from assistant.speakers.cues import Found
from assistant.speakers.quotes import QuoteMap, QuoteSpan


def carry_quotes(
    text: str,
    sentences: Sequence[Sentence],
    quotes: QuoteMap,
    found: list[Found],
    result: list[list[Attribution]],
) -> None:
    """Give every sentence of an attributed quotation its speaker, across sentences and paragraphs."""
    owners: dict[int, Attribution] = {}
    for item, attribution in ((f, a) for f in found for a in result[f.sentence] if a.start == f.start):
        if item.content is None or not item.direct:
            continue
        for quote in quotes.within(*item.content):
            owners.setdefault(quote.group, attribution)
    last_owner: tuple[int, Attribution, int] | None = None
    for index, sentence in enumerate(sentences):
        for quote in quotes.within(sentence.start, sentence.end):
            owner = owners.get(quote.group)
            if owner is None:
                owner = _same_paragraph_owner(last_owner, sentence, quote)
                if owner is None and not result[index] and not _words_after(text, sentences, index, quote):
                    owner = _carried_over_owner(last_owner, sentences, index, quote)
                if owner is None:
                    continue
                owners[quote.group] = owner
            last_owner = (sentence.paragraph, owner, index)
            if any(a.start == owner.start and a.direct for a in result[index]):
                continue
            start, end = max(quote.start, sentence.start), min(quote.end, sentence.end)
            result[index].append(replace(owner, direct=True, content_start=start, content_end=end))


def _same_paragraph_owner(
    last_owner: tuple[int, Attribution, int] | None, sentence: Sentence, quote: QuoteSpan
) -> Attribution | None:
    """News style: a whole-sentence quotation after an attributed one in a paragraph is the same voice."""
    if last_owner is None or last_owner[0] != sentence.paragraph or quote.start != sentence.start:
        return None
    return last_owner[1]


def _carried_over_owner(
    last_owner: tuple[int, Attribution, int] | None,
    sentences: Sequence[Sentence],
    index: int,
    quote: QuoteSpan,
) -> Attribution | None:
    """News style: a paragraph that opens with a quotation and names no speaker of its own, right
    after a paragraph that ended in X's quoted words, goes on quoting X ("...," Hess said. / "It's as
    if he went before a licensing board.")."""
    sentence = sentences[index]
    if last_owner is None or index == 0 or quote.start != sentence.start:
        return None
    paragraph, owner, at = last_owner
    opens_paragraph = sentences[index - 1].paragraph != sentence.paragraph
    if not opens_paragraph or at != index - 1 or paragraph != sentence.paragraph - 1:
        return None
    return owner


def _words_after(text: str, sentences: Sequence[Sentence], index: int, quote: QuoteSpan) -> bool:
    """Whether words follow the quotation's close in its last sentence: '"...," a buyer said' names a
    speaker of its own, even one the cues here do not find, so it carries nobody else's voice."""
    for sentence in sentences[index:]:
        if sentence.start > quote.end:
            break
        if quote.end <= sentence.end:
            return re.search(r"[^\W\d_]", text[quote.end : sentence.end]) is not None
    return False
