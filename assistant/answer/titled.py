"""A person the news names with a role: the shape in which a story gives the answer to "who".

News introduces people by their role, before or after the name ("White House spokesman Marlin
Fitzwater denied", "Murray Sigler as president", "Owen Bieber, president of the union"). A "who"
question asked in other words than the story shares few words with that sentence, and the story's lead
restating the topic without naming anyone outranks it; the loose "offers a person" kind (any run of
capitalised words) cannot tell the two apart, as company names are capitalised too. Read only where
the question itself names a role ("president", "leader", "executive"): that is what the role beside
the name answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from assistant.answer.features import Scored
from assistant.answer.query import Query
from assistant.speakers.mentions import ROLE_WORDS

TITLED_PRIOR = 3.0
"""Added, for a question asking who holds a role ("Who becomes president of ...", "Which ...
executive"), to a sentence naming with a role a person the question does not name. Questions wanting a
person on the dev sets (dev25, dev25b, reuters-paraphrased), first answers at 0 / 2 / 3 / 4: even
halves 6 / 7 / 8 / 8 of 9, odd halves 6 / 7 / 7 / 7 of 11; the SQuAD sample's 534 such questions 366
at each. Ungated (any question wanting a person) 3 cost 10 of those SQuAD questions: a titled
stranger in a long Wikipedia article ("mayor Ed Lee" for "Who did the Broncos prevent from going to
the Super Bowl?")."""

_ROLES = ROLE_WORDS | frozenset({"executive", "officer", "partner", "economist", "strategist", "owner"})
_NAME_WORD = r"(?:[A-Z][a-z]*[A-Z]?[a-z]+|[A-Z]\.)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
_ROLE_THEN_NAME = re.compile(rf"\b([A-Za-z]+)\s+({_NAME})")
"""A role word, then a name of two to four capitalised words ("spokesman Marlin Fitzwater")."""
_NAME_THEN_ROLE = re.compile(rf"({_NAME})(?:,\s+(?:the\s+|a\s+|its\s+|his\s+|her\s+)?|\s+as\s+)([a-z]+)\b")
"""A name, then its role after a comma or "as" ("Owen Bieber, president of", "Murray Sigler as president")."""


@lru_cache(maxsize=8192)
def titled_names(sentence: str) -> tuple[str, ...]:
    """The names a sentence gives with a role, each by its last word lower-cased (the surname)."""
    found = [m.group(2) for m in _ROLE_THEN_NAME.finditer(sentence) if m.group(1).lower() in _ROLES]
    found += [m.group(1) for m in _NAME_THEN_ROLE.finditer(sentence) if m.group(2) in _ROLES]
    return tuple(name.split()[-1].rstrip(".").lower() for name in found)


def names_new_titled(sentence: str, asked_words: frozenset[str]) -> bool:
    """Whether the sentence names with a role someone the question does not name by surname."""
    return any(surname not in asked_words for surname in titled_names(sentence))


def asks_role_holder(query: Query) -> bool:
    """Whether the question asks for a person (first among the kinds it wants) and names a role."""
    return query.wanted[:1] == ("person",) and not query.stated.words.isdisjoint(_ROLES)


def titled_prior(query: Query, scored: Sequence[Scored]) -> npt.NDArray[np.float64]:
    """TITLED_PRIOR per candidate naming with a role a person the question does not name, where the
    question asks who holds a role; zeros elsewhere."""
    if not scored or not asks_role_holder(query):
        return np.zeros(len(scored))
    asked = query.stated.words
    return TITLED_PRIOR * np.array([names_new_titled(s.text, asked) for s in scored], dtype=np.float64)
