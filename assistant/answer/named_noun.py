""" "Which church group ...?", "Which minister ...?", "Which company ...?": the answer is a name that holds
the noun asked ("the American Baptist Churches", "Minister Clelio Darida", "Daelim Industrial Co Ltd").

Such a question repeats the story's lead ("a group of U.S. investors ... seeking a special meeting")
and asks who in it; the sentence naming that one often shares fewer of its words. Inside one article,
a sentence holding a capitalised name that carries the asked noun (or its usual abbreviation), a name
the question does not give itself, is moved past siblings right above it that hold none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.article_lift import lift_within_articles
from assistant.answer.features import FEATURES
from assistant.answer.query import Query
from assistant.index.tokens import terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

_NAME = re.compile(r"(?:[A-Z][\w&'.-]*)(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w&'.-]*)*")


def asked_noun(query: Query) -> frozenset[str]:
    """Terms a name answering "which NOUN" holds: the one or two words after which/what, as index
    terms, widened by their abbreviations; empty for other questions."""
    # Only where the answer is a name: not a number, a date, a cause or someone's words.
    if query.info.asks_statement or not set(query.wanted) <= {"person", "place"}:
        return frozenset()
    return query.which_noun


def names_holding(sentence: str, nouns: frozenset[str], low: str) -> bool:
    """Whether a capitalised name in the sentence holds one of `nouns`, and the question (`low`,
    lower-cased) does not write that name itself."""
    for m in _NAME.finditer(sentence):
        name = m.group(0).strip(".")
        held = terms(name)
        if len(held) < 2 and name.lower() not in low:
            # A lone capitalised word ("Churches" opening nothing) is no name; "Minister X" is.
            continue
        if nouns & set(held) and name.lower() not in low:
            return True
    return False


def lift_named_noun(
    query: Query,
    probs: npt.NDArray[np.float64],
    rows: npt.NDArray[np.float64],
    articles: Sequence[int],
    sentences: Sequence[str],
) -> npt.NDArray[np.float64]:
    """For "which NOUN": each sentence holding a name with that noun moved past siblings right above
    it holding none (rows, articles and sentences in candidate order)."""
    nouns = asked_noun(query)
    if not nouns or not rows.shape[0]:
        return probs
    lifted = [names_holding(s, nouns, query.stated.low) for s in sentences]
    return lift_within_articles(probs, articles, lifted, rows[:, FEATURES.index("hcov")])
