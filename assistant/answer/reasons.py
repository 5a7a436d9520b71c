"""Why-questions: lift the sentence of the asked article that states a cause or purpose.

A reader asking "Why did the council raise fees?" is answered by "The rise is designed to help cover
repairs" or "Falling sales were largely responsible for the loss", which share few of the question's
words: the news lead restating the event ("The council raised fees by 10 pct") covers more of them
and the learned ranker, fitted on SQuAD's word-reusing questions, puts it first. Inside one article,
a sentence stating a cause says more than a few more of the question's words; which article answers
stays the ranker's call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import REASON_CUE
from assistant.answer.article_lift import lift_within_articles
from assistant.answer.features import FEATURES
from assistant.answer.query import Query

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


def asks_reason(query: Query) -> bool:
    """Whether the question asks for a cause or purpose."""
    return query.wanted[:1] == ("reason",)


def states_reason(sentence: str) -> bool:
    """Whether a sentence states a cause or purpose."""
    return REASON_CUE.search(sentence) is not None


def lift_reasons(
    query: Query,
    probs: npt.NDArray[np.float64],
    rows: npt.NDArray[np.float64],
    articles: Sequence[int],
    sentences: Sequence[str],
) -> npt.NDArray[np.float64]:
    """For a why-question, each candidate stating a cause or purpose placed just above the best of its
    article's other candidates (rows, articles and sentences in candidate order)."""
    if not asks_reason(query) or not rows.shape[0]:
        return probs
    cue = [states_reason(s) for s in sentences]
    return lift_within_articles(probs, articles, cue, rows[:, FEATURES.index("hcov")])
