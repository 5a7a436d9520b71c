"""From ranked candidates to quotes: different things said, within the token budget, verbatim."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.answer.answer_types import offered_types
from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.corpus import display_text
from assistant.index import Index
from assistant.index.tokens import term_spans
from assistant.models import ArticleMeta, Attribution, Quote
from assistant.speakers import speaker_matches

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


def choose(
    index: Index, ranked: list[Scored], top: int, budget: int, names: Sequence[str] = ()
) -> list[Scored]:
    """The best sentences that say different things, within the token budget.

    When the question asks what someone said and the best quote is theirs, the others must be too:
    "What did the mayor say?" is not answered by what the fishermen argued.
    """
    chosen: list[Scored] = []
    best = ranked[0] if ranked else None
    only_theirs = bool(names) and best is not None and best.speaker is not None and named(best.speaker, names)
    s_tokens = index.stored.arrays["s_tokens"]
    for cand in ranked:
        if len(chosen) >= top:
            break
        if only_theirs and (cand.speaker is None or not named(cand.speaker, names)):
            continue
        if any(c.cand.sentence == cand.cand.sentence or _same_thing(c.terms, cand.terms) for c in chosen):
            continue
        cost = int(s_tokens[cand.cand.sentence])
        if chosen and cost > budget:
            continue
        budget -= cost
        chosen.append(cand)
    return chosen


def make_quote(
    index: Index, item: Scored, text: str, q_set: set[str], context: int, shown: frozenset[int] = frozenset()
) -> Quote:
    """The sentence verbatim (exact offsets), with highlights, context and attribution.

    Context stops short of a sentence in `shown` (another quote of the same answer), so no sentence
    appears twice on the screen.
    """
    arrays = index.stored.arrays
    cand = item.cand
    start, end = int(arrays["s_start"][cand.sentence]), int(arrays["s_end"][cand.sentence])
    sentence = display_text(text, start, end)  # wrapped lines shown as one; start/end stay exact
    highlights = tuple((a, b) for t, a, b in term_spans(sentence) if t in q_set)
    lo, hi = int(index.sent_lo[cand.article]), int(index.sent_hi[cand.article])
    first = cand.sentence
    while first > max(lo, cand.sentence - context) and first - 1 not in shown:
        first -= 1
    last = cand.sentence
    while last + 1 < min(hi, cand.sentence + 1 + context) and last + 1 not in shown:
        last += 1
    before = tuple(
        display_text(text, int(arrays["s_start"][i]), int(arrays["s_end"][i]))
        for i in range(first, cand.sentence)
    )
    after = tuple(
        display_text(text, int(arrays["s_start"][i]), int(arrays["s_end"][i]))
        for i in range(cand.sentence + 1, last + 1)
    )
    return Quote(
        text=sentence,
        start=start,
        end=end,
        paragraph=int(arrays["s_para"][cand.sentence]),
        score=round(item.prob, 4),
        article=meta_of(index, cand.article),
        speaker=item.speaker,
        highlights=highlights,
        before=before,
        after=after,
        tokens=int(arrays["s_tokens"][first : last + 1].sum()),
    )


HEADLINE_KINDS = frozenset({"duration", "percent", "money", "number", "date"})
"""Kinds a headline can be read for: in "Museum Extension Wins Approval" every word is capitalised, so
it seems to name a person or place it does not; a quantity or date reads the same in any case."""


def headline_quote(
    index: Index,
    query: Query,
    ranked: list[Scored],
    rows: npt.NDArray[np.float64],
    load_text: Callable[[int], str],
) -> Quote | None:
    """The best quote's article's headline, verbatim, when it holds the kind of answer asked and none of
    the article's candidate sentences does: "Bridge repairs to close river crossing for two months"
    answers "How long will the bridge be closed?" where the story's sentences give only dates.

    `rows` are the feature rows of `ranked` (same order); the best article's file is read only for a
    question asking a kind a headline can hold.
    """
    wanted = query.wanted[0] if query.wanted else None
    if wanted not in HEADLINE_KINDS or not ranked:
        return None
    best = ranked[0]
    record = index.articles[best.cand.article]
    span = record.get("meta_spans", {}).get("title")
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    start, end = int(span[0]), int(span[1])
    title = load_text(best.cand.article)[start:end]
    if not title.strip() or wanted not in offered_types(title, query.stated, query.wanted):
        return None
    offers = FEATURES.index(f"offers_{wanted}")
    siblings = zip(ranked, rows, strict=True)
    if any(s.cand.article == best.cand.article and row[offers] > 0 for s, row in siblings):
        return None  # the story's own sentences hold that kind: one of them answers, not its headline
    return Quote(
        text=title,
        start=start,
        end=end,
        paragraph=0,
        score=round(best.prob, 4),
        article=meta_of(index, best.cand.article),
        kind="metadata",
        field="headline",
    )


def named(attribution: Attribution, names: Sequence[str]) -> bool:
    """Whether the attribution is one of the people named."""
    return any(speaker_matches(attribution, n) for n in names)


def _same_thing(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences that share most of their terms say the same thing."""
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= 0.6


def meta_of(index: Index, article: int) -> ArticleMeta:
    """The metadata record of an article in the index."""
    return meta_of_row(index.articles[article])


def meta_of_row(r: Mapping[str, Any]) -> ArticleMeta:
    """The metadata record of an article's stored row (the chat's list parses rows in bulk)."""
    return ArticleMeta(
        id=r["id"], title=r["title"], author=r["author"], source=r["source"], date=r["date"], url=r["url"]
    )
