"""Candidates: the sentences of the best BM25 passages, with their passage's score and rank.

The passages come from the exact BM25 index (rank-bm25's BM25Okapi scores). Bridged terms widen the
search at a lower weight, so a question in other words than its article still reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.query import Query
from assistant.index import Index

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

BRIDGE_WEIGHT = 0.3
"""A passage found through bridged terms scores this share of what the exact terms would give."""
BRIDGES_PER_TERM = 4


@dataclass(slots=True)
class Candidate:
    """One sentence that may answer, and where it was found."""

    sentence: int
    article: int
    passage: int
    passage_score: float
    passage_rank: int


def gather(
    index: Index,
    query: Query,
    k: int,
    *,
    within: tuple[int, int] | None = None,
    allowed: npt.NDArray[np.bool_] | None = None,
    neighbours: bool = False,
) -> list[Candidate]:
    """Sentences of the k best passages (and bridged finds), best passages first.

    Asked of one article (`within`), the article's other passages follow in their order, up to k in
    all: an answer that shares no word with the question ("It is a ...") is still ranked.
    """
    hits = _top(index, query.searched, k, within, allowed)
    extra_terms = [
        b
        for t in query.own
        for b in sorted(query.bridges.get(t, ()))[:BRIDGES_PER_TERM]
        if b not in query.ids and index.term_id(b) is not None
    ]
    if extra_terms:
        found = {p: s for p, s in hits}
        for p, s in _top(index, list(query.searched) + extra_terms, k, within, allowed):
            if p not in found:
                found[p] = s * BRIDGE_WEIGHT
        hits = sorted(found.items(), key=lambda h: (-h[1], h[0]))[: k + k // 2]
    if neighbours:
        hits = _with_next(index, hits)
    if within is not None:
        hits = _with_rest(hits, within, k, allowed)
    elif hits and query.wanted and query.wanted[0] in FIGURES:
        hits = _with_top_article(index, hits, allowed)
    arrays = index.stored.arrays
    out: list[Candidate] = []
    for rank, (passage, score) in enumerate(hits):
        article = int(arrays["p_article"][passage])
        for sentence in range(int(arrays["p_sent_lo"][passage]), int(arrays["p_sent_hi"][passage])):
            out.append(Candidate(sentence, article, passage, score, rank))
    return out


def _top(
    index: Index,
    searched: list[str],
    k: int,
    within: tuple[int, int] | None,
    allowed: npt.NDArray[np.bool_] | None,
) -> list[tuple[int, float]]:
    return index.top_passages(searched, k, within=within, allowed=allowed)


def _with_rest(
    hits: list[tuple[int, float]], within: tuple[int, int], k: int, allowed: npt.NDArray[np.bool_] | None
) -> list[tuple[int, float]]:
    """The hits, then the scope's passages no term reached (score 0), in order, while fewer than k."""
    seen = {p for p, _ in hits}
    rest = [(p, 0.0) for p in range(*within) if p not in seen and (allowed is None or bool(allowed[p]))]
    return hits + rest[: max(0, k - len(hits))]


FIGURES = ("duration",)
"""The kind of answer a later passage of the best article gives in words of its own ("nonrefundable
for five years", "a term of 10 years"): a dated figure, an amount, repeat the question's words more often."""
TOP_ARTICLE_PASSAGES = 12
"""At most this many of the best article's passages are added (a wire story has a handful)."""


def _with_top_article(
    index: Index, hits: list[tuple[int, float]], allowed: npt.NDArray[np.bool_] | None
) -> list[tuple[int, float]]:
    """The hits, then the best hit's article's passages no term reached (score 0), in order.

    Shape served: "For how long can the company not refund the stock?" where the story says
    "nonrefundable for five years" in a passage sharing no word with the question but the
    story's: the article is found, and its figure is in a passage of its own."""
    article = int(index.stored.arrays["p_article"][hits[0][0]])
    lo, hi = int(index.pass_lo[article]), int(index.pass_hi[article])
    seen = {p for p, _ in hits}
    rest = [(p, 0.0) for p in range(lo, hi) if p not in seen and (allowed is None or bool(allowed[p]))]
    return hits + rest[:TOP_ARTICLE_PASSAGES]


def _with_next(index: Index, hits: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Add each hit's next passage: a quotation often runs on past its speaker's name."""
    seen = {p for p, _ in hits}
    p_article = index.stored.arrays["p_article"]
    extra = []
    for passage, score in hits:
        nxt = passage + 1
        if nxt < index.n_passages and nxt not in seen and p_article[nxt] == p_article[passage]:
            extra.append((nxt, score * 0.5))
            seen.add(nxt)
    return hits + extra
