"""Which of the question's names the article of the answer about to be shown names: refusal's
evidence of a near miss.

A near miss finds the company and the topic but not the asked fact: "When does Astra plan to begin
clinical trials of an AIDS treatment?" is shown another company's trial; "What did Pierre Languetin
say about the franc against the West German mark?" is shown Languetin on something else. A name of
the question that the shown sentence's whole article never uses (exactly, through a bridge, or by
initials: "LME" for the London Metal Exchange; "America" where it writes "U.S.") says "the corpus
does not say" more surely than a word missing from one sentence: a reader asking in other words
still names what the answering article names. A demonym ("American", "French") or a name the
dictionary makes of ordinary words ("Third World", "Wall Street") is a way of asking, not a name the
answer must repeat (lexicon.demonyms, lexicon.ordinary_phrases). Read from the index's postings
within each article's passages and from its head (title, dateline), so no article text is read.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.answer.lexicon import demonyms, ordinary_phrases
from assistant.answer.query import Query
from assistant.index import Index

HeadTerms = Callable[[int], frozenset[str]]


@dataclass(frozen=True, slots=True)
class ShownArticle:
    """How much of the question's names the article of the answer to be shown lacks (0: none)."""

    names_missing: float
    """Weighted share of the question's names (those the corpus holds) the article does not name,
    exactly, through a bridge, or by the initials of a name of several words."""


NOTHING_MISSING = ShownArticle(0.0)


def _held(index: Index, article: int, forms: list[str], head: frozenset[str]) -> bool:
    """Whether any of `forms` occurs in the article's passages or its head."""
    if head.intersection(forms):
        return True
    lo, hi = int(index.pass_lo[article]), int(index.pass_hi[article])
    for form in forms:
        tid = index.term_id(form)
        if tid is None:
            continue
        passages = index.postings(tid)[0]  # sorted by passage id
        k = int(np.searchsorted(passages, lo))
        if k < passages.shape[0] and int(passages[k]) < hi:
            return True
    return False


def _names(query: Query) -> list[str]:
    """The question's name terms the corpus holds: its capitalised words (query.named) but a demonym
    ("West German") and a name WordNet makes of ordinary words ("Third World", "Wall Street")
    written as one run of capitals."""
    plain = set(demonyms())
    phrases = ordinary_phrases()
    for run in query.name_runs:
        for start in range(len(run)):
            for end in range(start + 2, len(run) + 1):
                if tuple(run[start:end]) in phrases:
                    plain.update(run[start:end])
    return [t for t in query.named if t not in plain and t in query.reachable]


def _names_missing(index: Index, query: Query, article: int, head_terms: HeadTerms) -> float:
    names = _names(query)
    total = math.fsum(query.weights[t] for t in names)
    if not total:
        return 0.0
    head = head_terms(article)
    short = {
        t
        for acronym, named in query.initials.items()
        if _held(index, article, [acronym], head)
        for t in named
    }
    missing = [
        t
        for t in names
        if t not in short and not _held(index, article, [t, *sorted(query.bridges.get(t, ()))], head)
    ]
    return math.fsum(query.weights[t] for t in missing) / total


def shown_article(index: Index, query: Query, articles: list[int], head_terms: HeadTerms) -> ShownArticle:
    """The least that one of `articles` (those of the quotes the ranker cannot tell from the first:
    see refusal.close_articles) lacks of `query`'s names. Names the corpus does not hold at all
    are left to the refusal's own unreachable share: no article could hold them."""
    if not articles or not _names(query):
        return NOTHING_MISSING
    return ShownArticle(min(_names_missing(index, query, a, head_terms) for a in dict.fromkeys(articles)))
