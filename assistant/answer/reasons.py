"""Why-questions: lift the sentence of the asked article that states a cause or purpose.

A reader asking "Why did the council raise fees?" is answered by "The rise is designed to help cover
repairs" or "Falling sales were largely responsible for the loss", which share few of the question's
words: the news lead restating the event ("The council raised fees by 10 pct") covers more of them
and the learned ranker, fitted on SQuAD's word-reusing questions, puts it first. Inside one article,
a sentence stating a cause says more than a few more of the question's words; which article answers
stays the ranker's call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import MONTHS as _MONTHS
from assistant.answer.article_lift import lift_within_articles
from assistant.answer.features import FEATURES
from assistant.answer.query import Query

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

REASON_CUE = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to|in\s+order\s+to|so\s+that"
    r"|(?:designed|intended|aimed|meant)\s+(?:to|at)|(?:in\s+an?\s+)?(?:effort|attempt|bid)\s+to"
    r"|(?:largely\s+|mainly\s+|partly\s+)?responsible\s+for|led\s+to|caused\s+by|prompted"
    r"|blam(?:e|ed|ing)\s+(?:on|for)?|attribut(?:e|ed|ing)\s+(?:it\s+|this\s+|the\s+\w+\s+)?to"
    r"|cit(?:ed|ing|es)|reflect(?:s|ed|ing)?|stem(?:s|med|ming)\s+from|resulted\s+from"
    r"|(?:in\s+)?(?:response|reaction)\s+to|amid|insufficient|inadequate"
    rf"|since(?!\s+(?:\d|then\b|last\b|early\b|late\b|mid\b|the\b|{_MONTHS}\b))"
    r"|to\s+(?:help|curb|offset|reduce|fund|finance|ward\s+off))\b",
    re.IGNORECASE,
)
"""Words that state why: a cause ("because of", "responsible for", "cited", "since it was unable to")
or a purpose ("designed to help curb", "aimed at", "to ward off"); "since March", "since the merger"
say since when."""


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
