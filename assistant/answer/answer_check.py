"""The answer check after ranking: does the sentence about to be shown hold the kind of answer asked?

A near miss names something the corpus knows and asks for a fact no article gives: "How much will
Steven Spielberg be paid for advising MCA?" finds "MCA said Steven Spielberg will serve as creative
consultant" - every name and most words matched, so the refusal model (which reads coverage) is
sure, yet the sentence states no amount at all. A question asking how many or how much is not
answered by a sentence that holds no number besides those the question states: the first quote is
what the reader sees as the answer, so a number in a neighbouring sentence does not count.

Only the amount is checked. Other kinds (places, reasons, durations, people) are read by surface
patterns that miss too many real answers ("Troutdale, Ore.", a reason without "because"), and the
question's focus words are missed as often by answerable questions in other words as by near
misses (bench/refusal_study.py measures both).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from assistant.answer.answer_types import ANSWER_TYPES, AnswerType
from assistant.answer.features import FEATURES
from assistant.answer.query import Query

_OFFERS: dict[AnswerType, int] = {t: FEATURES.index(f"offers_{t}") for t in ANSWER_TYPES}


def shows_an_amount(query: Query, row: npt.NDArray[np.float64]) -> bool:
    """Whether the sentence of feature `row` can answer the question's "how many / how much":
    it offers one of the amounts asked for (a number, money, a percentage) that the question does not
    already state. Always true for a question that asks no amount."""
    if "number" not in query.wanted:
        return True
    return any(row[_OFFERS[t]] > 0 for t in query.wanted)
