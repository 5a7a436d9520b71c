"""For "what did X say": a statement written as "he said", "it added" or "the agency said" is X's
where the story named X last before it.

"Chase Manhattan's Nicol took a different view, however. He said he was unable to see what the U.S.
had achieved ...": the speaker rules keep "He" unnamed (no reporting cue names Nicol), so every rule
that weighs X's statements passes it by, and takes from it as someone else's words. Reading back from
the statement to the nearest sentence that names X, or whose speaker is a named person or body, says
whose it is. The same holds for a sentence no speaker is stored for that opens as a statement: "It
also predicted the rand was likely to remain a weak currency" after a company's statements.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.answer.said.short_form import by_short_form
from assistant.answer.statement_subject import is_statement_past
from assistant.index.tokens import terms
from assistant.models import Attribution
from assistant.speakers import is_body, is_person, speaker_matches

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

Story = Callable[[int], tuple[int, Sequence[frozenset[str]], Sequence[tuple[Attribution, ...]]]]
"""An article's number -> its first sentence's number, and per sentence its terms and speakers."""

LOOK_BACK = 3
"""Sentences read back from a statement for whose it is: a reference reaches no further in news."""
_OPENING_WORDS = 3
"""Words a statement with no stored speaker may open with before its verb: "It also predicted"."""


_PERSON_REFERENCES = frozenset({"he", "she"})
_BODY_REFERENCES = frozenset({"it"})


def _reference(s: Scored) -> str | None:
    """ "person" where a candidate's speaker is written "he" or "she", "body" where "it" or a
    singular description that names nobody ("the agency", "The company"); the same for a sentence
    with no speaker stored that opens as a statement by one ("It also predicted ..."); else None.
    "They" and plural descriptions ("the optimists") are other people as often as X."""
    who = s.speaker
    if who is not None:
        if who.key:
            return None
        words = who.as_written.split()
        if len(words) == 1:
            word = words[0].lower()
            return "person" if word in _PERSON_REFERENCES else "body" if word in _BODY_REFERENCES else None
        described = words[0].lower() == "the" and all(w[:1].islower() and w.isalpha() for w in words[1:])
        singular = not words[-1].endswith("s") or words[-1].endswith("ss")
        return "body" if described and singular else None
    words = s.text.split()[:_OPENING_WORDS]
    if len(words) < 2 or not any(is_statement_past(w) for w in words[1:]):
        return None
    first = words[0].lower()
    return "person" if first in _PERSON_REFERENCES else "body" if first in _BODY_REFERENCES else None


def _kind(name: str) -> str:
    """ "person" for a person's name ("Peter Nicol", "Mr Lusser"), else "body"."""
    return "person" if is_person(name) and not is_body(name) else "body"


def _naming(query: Query) -> list[tuple[frozenset[str], str | None]]:
    """Per name asked that is a name (not a role, "the spokesman"), the terms a sentence naming it
    holds, and whether it is a person's or a body's where the name says (a surname alone does not)."""
    out: list[tuple[frozenset[str], str | None]] = []
    for name in query.names:
        found = terms(name)
        if name[:1].isupper() and found:
            kind = _kind(name) if len(name.split()) > 1 or is_body(name) else None
            out.append((frozenset(found), kind))
    return out


def _whose(
    query: Query,
    reference: str,
    local: int,
    held: Sequence[frozenset[str]],
    said: Sequence[tuple[Attribution, ...]],
) -> bool:
    """Whether the sentences before `local` name X before anyone else speaks by name: the nearest
    one naming X (as a surname or the whole name), or spoken by a named speaker, decides; either
    must be what the reference can stand for (a person for "he", a body for "it")."""
    named = _naming(query)
    for j in range(local - 1, max(-1, local - 1 - LOOK_BACK), -1):
        if j >= len(held):
            continue
        if any(name <= held[j] and kind in (None, reference) for name, kind in named):
            return True
        keyed = [a for a in (said[j] if j < len(said) else ()) if a.key]
        if keyed:
            return any(
                _kind(a.name) == reference and speaker_matches(a, n) for a in keyed for n in query.names
            )
    return False


def by_antecedent(query: Query, scored: Sequence[Scored], story: Story) -> npt.NDArray[np.bool_]:
    """Per candidate, whether its speaker is a reference ("he", "the agency") the story resolves to
    X: the nearest sentence before it naming X or spoken by someone named is X's."""
    out = np.zeros(len(scored), dtype=bool)
    if not (query.info.asks_statement and query.names):
        return out
    for k, s in enumerate(scored):
        reference = _reference(s)
        if reference is not None:
            first, held, said = story(s.cand.article)
            out[k] = _whose(query, reference, s.cand.sentence - first, held, said)
    return out


def with_antecedents(
    query: Query, rows: npt.NDArray[np.float64], scored: Sequence[Scored], story: Story
) -> npt.NDArray[np.float64]:
    """The feature rows the rule priors read, with the statements resolved to X marked as X's
    (`speaker_named`) and as spoken (`speaker`): "he said" after X, and X under the longer or
    shorter name the story also gives X (`short_form`); the learned ranker keeps reading `rows`."""
    found = by_antecedent(query, scored, story) | by_short_form(query, scored, story)
    if not found.any():
        return rows
    marked = rows.copy()
    marked[found, FEATURES.index("speaker_named")] = 1.0
    marked[found, FEATURES.index("speaker")] = 1.0
    return marked
