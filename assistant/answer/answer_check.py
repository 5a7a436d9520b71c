"""The answer check after ranking: does the sentence about to be shown hold the kind of answer asked?

A near miss names something the corpus knows and asks for a fact no article gives: "How much will
Steven Spielberg be paid for advising MCA?" finds "MCA said Steven Spielberg will serve as creative
consultant" - every name and most words matched, so the refusal model (which reads coverage) is
sure, yet the sentence states no amount at all. A question asking how many or how much is not
answered by a sentence that states no quantity besides those the question states: the first quote
is what the reader sees as the answer, so a figure in a neighbouring sentence does not count.

A quantity is wider than a figure: besides the numbers, amounts and percentages the ranker's
features read, spelled-out numbers ("fourteen"), fractions ("5½") and words of quantity ("only a
few", "most", "a single") answer "how many" too.

Only the amount is checked. Other kinds (places, reasons, durations, people) are read by surface
patterns that miss too many real answers ("Troutdale, Ore.", a reason without "because"), and the
question's focus words are missed as often by answerable questions in other words as by near
misses (bench/refusal_study.py measures both).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from assistant.answer.answer_types import ANSWER_TYPES, AnswerType
from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.corpus import display_text
from assistant.index import Index

_OFFERS: dict[AnswerType, int] = {t: FEATURES.index(f"offers_{t}") for t in ANSWER_TYPES}

_QUANTITY = re.compile(
    r"\d|[½⅓⅔¼¾⅛]|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|score|half|halves"
    r"|quarter|third|single|sole|none|few|fewer|several|many|most|majority|minority|numerous|both"
    r"|couple|twice|double|triple)\b",
    re.I,
)
"""Words and signs that state how many or how much (matched in the sentence, not in the question)."""


def shows_an_amount(
    index: Index,
    load_text: Callable[[int], str],
    query: Query,
    rows: npt.NDArray[np.float64],
    ranked: list[Scored],
) -> bool:
    """Whether the sentence to be shown (`ranked[0]`, feature row `rows[0]`) can answer the
    question's "how many / how much": it offers one of the amounts asked for, or states a quantity
    the question does not. Always true for a question that asks no amount."""
    if not ranked or offers_the_amount(query, rows[0]):
        return True
    shown = ranked[0].cand
    a = index.stored.arrays
    start, end = int(a["s_start"][shown.sentence]), int(a["s_end"][shown.sentence])
    return states_a_quantity(query.question, display_text(load_text(shown.article), start, end))


def offers_the_amount(query: Query, row: npt.NDArray[np.float64]) -> bool:
    """Whether the question asks no amount, or the features of `row` say its sentence offers one
    it asks for (a number, money, a percentage the question does not state)."""
    return "number" not in query.wanted or any(row[_OFFERS[t]] > 0 for t in query.wanted)


def states_a_quantity(question: str, sentence: str) -> bool:
    """Whether `sentence` states a quantity (a figure, a spelled number, "a few", "most") that
    `question` does not."""
    asked = {m.group(0).lower() for m in _QUANTITY.finditer(question)}
    return any(m.group(0).lower() not in asked for m in _QUANTITY.finditer(sentence))
