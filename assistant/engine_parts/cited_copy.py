"""Which copy of a story filed twice a quote cites: the same one every time it is asked.

Two copies of a story score alike, and which of them the ranker puts first came down to the order
they were indexed in: touching one file (re-indexed, so later) swapped the citation between two
askings of the same question. A quote found in several articles ("also in") therefore cites the copy
with the most of author, source and date, then the first by id, whatever the ranking order; the
others stay in `also_in`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant.answer import meta_of
from assistant.corpus import display_text
from assistant.engine_parts.article_text import ArticleTexts
from assistant.errors import AssistantError
from assistant.models import Answer, ArticleMeta, Attribution, Quote

Attributions = Callable[[int], tuple[tuple[Attribution, ...], ...]]


def cite_stable_copies(
    answer: Answer, texts: ArticleTexts, attributions: Attributions, keep: str | None = None
) -> Answer:
    """`answer` with each quote found in several articles citing the preferred copy (see the module).

    A quote of `keep` (the article asked of, or the one a follow-up stays with) is left as it is.
    """
    movable = [q.kind == "sentence" and bool(q.also_in) and q.article.id != keep for q in answer.quotes]
    copies = {aid for q, move in zip(answer.quotes, movable, strict=True) if move for aid in q.also_in}
    numbers = texts.index.article_indexes(copies) if copies else {}  # one search for every quote's copies
    quotes = tuple(
        _preferred(q, texts, attributions, numbers) if move else q
        for q, move in zip(answer.quotes, movable, strict=True)
    )
    return answer if quotes == answer.quotes else replace(answer, quotes=quotes)


def _rank(meta: ArticleMeta) -> tuple[int, str]:
    """Sort key of a copy: most of author, source and date stated first, then by id."""
    return (-sum(1 for value in (meta.author, meta.source, meta.date) if value), meta.id)


def _preferred(
    quote: Quote, texts: ArticleTexts, attributions: Attributions, numbers: dict[str, int]
) -> Quote:
    index = texts.index
    copies: list[tuple[int, ArticleMeta]] = []
    for article_id in quote.also_in:
        number = numbers.get(article_id)
        if number is not None:
            copies.append((number, meta_of(index, number)))
    best = min(copies, key=lambda c: _rank(c[1]), default=None)
    if best is None or _rank(best[1]) >= _rank(quote.article):
        return _sorted_others(quote)
    moved = _in_copy(quote, texts, attributions, *best)
    return _sorted_others(moved if moved is not None else quote)


def _sorted_others(quote: Quote) -> Quote:
    return replace(quote, also_in=tuple(sorted(quote.also_in)))


def _in_copy(
    quote: Quote, texts: ArticleTexts, attributions: Attributions, article: int, meta: ArticleMeta
) -> Quote | None:
    """The quote as it stands in article `article`, with as much context; None when that copy's
    sentences no longer hold it word for word (changed on disk, or split differently)."""
    index = texts.index
    arrays = index.stored.arrays
    try:
        body = texts.text(article)
    except AssistantError:
        return None
    wanted = " ".join(quote.text.split())
    lo, hi = int(index.sent_lo[article]), int(index.sent_hi[article])
    starts, ends = arrays["s_start"], arrays["s_end"]
    for number in range(lo, hi):
        start, end = int(starts[number]), int(ends[number])
        if " ".join(display_text(body, start, end).split()) != wanted:
            continue
        first = max(lo, number - len(quote.before))
        last = min(hi - 1, number + len(quote.after))
        found = attributions(article)
        local = number - lo
        speaker = found[local][0] if local < len(found) and found[local] else None
        shown = [display_text(body, int(starts[i]), int(ends[i])) for i in range(first, last + 1)]
        return replace(
            quote,
            start=start,
            end=end,
            paragraph=int(arrays["s_para"][number]),
            article=meta,
            speaker=speaker,
            before=tuple(shown[: number - first]),
            after=tuple(shown[number - first + 1 :]),
            also_in=tuple(i for i in (*quote.also_in, quote.article.id) if i != meta.id),
            tokens=int(arrays["s_tokens"][first : last + 1].sum()),
        )
    return None
