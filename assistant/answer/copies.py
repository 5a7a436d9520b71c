"""Finishing an answer the same way for every front end: copies collapsed, tokens counted.

An archive often holds one story twice (a wire piece in two folders); the same sentence
then shows once, with "also in" naming the other copies, instead of twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import AssistantError
from assistant.index import Index
from assistant.index.tokens import count_tokens, inner_terms, terms
from assistant.models import Answer, Quote

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

_COPY_CANDIDATES = 8


def _key(quote: Quote) -> str:
    return " ".join(quote.text.split()).casefold()


def collapse_copies(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """Quotes with the same sentence text merged into the first (best) one, the others' ids in `also_in`."""
    kept: dict[str, Quote] = {}
    order: list[str] = []
    for quote in quotes:
        key = _key(quote) if quote.kind == "sentence" else f"{quote.kind}:{quote.article.id}:{quote.start}"
        first = kept.get(key)
        if first is None:
            kept[key] = quote
            order.append(key)
        elif quote.article.id != first.article.id and quote.article.id not in first.also_in:
            kept[key] = replace(first, also_in=(*first.also_in, quote.article.id))
    return tuple(kept[k] for k in order)


def find_copies(
    index: Index,
    load_text: Callable[[int], str],
    quote: Quote,
    allowed: npt.NDArray[np.bool_] | None = None,
) -> tuple[str, ...]:
    """Ids of other articles (within `allowed`) holding the quote's sentence word for word.

    The answer stage already drops a repeated sentence as "the same thing"; this finds where
    those copies were, by searching for the sentence itself and checking the text.
    """
    if quote.kind != "sentence" or not _elsewhere(index, quote, allowed):
        return ()
    return searched_copies(index, load_text, quote, allowed)


def searched_copies(
    index: Index,
    load_text: Callable[[int], str],
    quote: Quote,
    allowed: npt.NDArray[np.bool_] | None = None,
) -> tuple[str, ...]:
    """find_copies by the search alone: the sentence's best passages, their articles' text checked."""
    needle = " ".join(quote.text.split())
    p_article = index.stored.arrays["p_article"]
    found: list[str] = []
    for passage, _ in index.top_passages(terms(quote.text), _COPY_CANDIDATES, allowed=allowed):
        article = int(p_article[passage])
        article_id = index.articles.ids[article]
        if article_id == quote.article.id or article_id in found:
            continue
        try:
            text = load_text(article)
        except AssistantError:  # an article changed or gone since indexing holds no copy to show
            continue
        if needle in " ".join(text.split()):
            found.append(article_id)
    return tuple(found)


def _elsewhere(index: Index, quote: Quote, allowed: npt.NDArray[np.bool_] | None) -> bool:
    """False when no other article (within `allowed`) can hold the quote's sentence, so the search
    for copies is skipped (most quotes of an archive have none; the search cost ~7 ms each at 1M).

    Another article holding the sentence holds each word inside it (not the first or the last,
    which may run on into a neighbouring word) as the same term in one of its passages. So
    when the rarest of those terms is found in no passage but the quote's own article's, the
    search could only have returned nothing. (The article is told by its passages' rows, not
    looked up by id: that reads the id files, ~5 ms a quote before a map of them is made.)
    """
    found = [tid for tid in map(index.term_id, inner_terms(quote.text)) if tid is not None]
    if not found:
        return True
    idf = index.idf
    rarest = max(found, key=lambda tid: float(idf[tid]))
    ids, _ = index.postings(rarest)
    if allowed is not None:
        ids = ids[allowed[ids]]
    if not ids.shape[0]:
        return True  # not even in its own article's passages (scoped out): search, as before
    articles = np.asarray(index.stored.arrays["p_article"])[ids]
    first = int(articles[0])
    if not bool((articles == first).all()):
        return True
    return index.articles.ids[first] != quote.article.id


def answer_tokens(quotes: tuple[Quote, ...]) -> int:
    """tiktoken tokens of the text an answer shows: each quote and its context sentences."""
    return sum(
        q.tokens if q.tokens is not None else sum(count_tokens(t) for t in (*q.before, q.text, *q.after))
        for q in quotes
    )


def finish_answer(
    answer: Answer,
    limits: str | None,
    copies: Callable[[Quote], tuple[str, ...]] | None = None,
) -> Answer:
    """The answer with copies collapsed (others found by `copies`), its tokens and its scope in words."""
    quotes = collapse_copies(answer.quotes)
    if copies is not None:
        quotes = tuple(replace(q, also_in=tuple(dict.fromkeys((*q.also_in, *copies(q))))) for q in quotes)
    return replace(answer, quotes=quotes, tokens=answer_tokens(quotes), limits=limits)
