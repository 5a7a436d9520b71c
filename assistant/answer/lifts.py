"""The reorderings inside one article that follow the learned score: each moves the sentence holding
what is asked (a cause, the kind of answer, the day named, a name holding the noun asked) past siblings
right above it that cannot answer. One way in for the answerer; each rule lives in its own module."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.article_lift import lift_day_named, lift_kind_asked
from assistant.answer.detail_lift import lift_detail_over_lead
from assistant.answer.features import Scored
from assistant.answer.named_noun import asked_noun, lift_named_noun
from assistant.answer.query import Query
from assistant.answer.reasons import asks_reason, lift_reasons

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


def lift_in_articles(
    query: Query,
    probs: npt.NDArray[np.float64],
    rows: npt.NDArray[np.float64],
    scored: list[Scored],
) -> npt.NDArray[np.float64]:
    """`probs` (the learned score with the rules' priors) after every reordering that applies."""
    articles = [s.cand.article for s in scored]
    if asks_reason(query):
        probs = lift_reasons(query, probs, rows, articles, [s.text for s in scored])
    if asked_noun(query):
        probs = lift_named_noun(query, probs, rows, articles, [s.text for s in scored])
    probs = lift_kind_asked(query, probs, rows, articles)
    held = [s.terms for s in scored]
    probs = lift_detail_over_lead(query, probs, rows, articles, held)
    return lift_day_named(query, probs, rows, articles, held)
