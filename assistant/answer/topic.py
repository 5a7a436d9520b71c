"""What a statement question asks about, apart from who: "What did Seidman say about deregulation"
asks about deregulation, and a sentence by Seidman that only repeats his title does not answer it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import Scored
from assistant.answer.lexicon import bridged
from assistant.answer.query import Query
from assistant.index.tokens import terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


def topic_terms(query: Query) -> tuple[str, ...]:
    """The question's own terms other than those naming or describing who is asked."""
    who = {t for n in query.names for t in terms(n)}
    if query.info.subject:
        who |= set(terms(query.info.subject))
    return tuple(t for t in query.own if t not in who)


def topic_coverage(
    query: Query, scored: Sequence[Scored], held: Sequence[frozenset[str]] | None = None
) -> npt.NDArray[np.float64]:
    """Per candidate, the weighted share of the topic its sentence holds (a bridged word counts half);
    zeros when the question asks about nothing but who ("What did Sullivan say?"). `held`: the terms
    to look in per candidate, where not the whole sentence's (the words in its quotation marks)."""
    topic = topic_terms(query)
    total = math.fsum(query.weights[t] for t in topic)
    out = np.zeros(len(scored))
    if not topic or total <= 0:
        return out
    bridges = {t: query.bridges.get(t, frozenset()) for t in topic}
    for k, s in enumerate(scored):
        found_in = s.terms if held is None else held[k]
        exact = {t for t in topic if t in found_in}
        near = bridged(bridges, found_in) - exact
        found = math.fsum(query.weights[t] for t in exact) + 0.5 * math.fsum(query.weights[t] for t in near)
        out[k] = found / total
    return out


def who_missing(query: Query, scored: Sequence[Scored]) -> npt.NDArray[np.float64]:
    """Per candidate, the share of the question's weight in words describing who is asked ("FDIC
    chairman" of "FDIC chairman William Seidman"; the name itself features.py credits) that its
    sentence does not hold: what a statement by that person lacks only because the reporter
    described them once, in another sentence."""
    named = {t for n in query.names for t in terms(n)}  # features.py credits these already
    topic = set(topic_terms(query))
    who = [t for t in query.own if t not in topic and t not in named]
    total = math.fsum(query.weights[t] for t in query.own)
    out = np.zeros(len(scored))
    if not who or total <= 0:
        return out
    for k, s in enumerate(scored):
        out[k] = math.fsum(query.weights[t] for t in who if t not in s.terms) / total
    return out
