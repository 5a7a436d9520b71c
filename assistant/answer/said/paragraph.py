"""For "what did X say about Y": X's quotation answers the topic its paragraph's reporter sets.

News writes the topic in the reporter's words and then quotes the speaker on it, in one paragraph:
"Benetton is now holding talks about a quotation of its shares on the New York Stock Exchange.
"There's absolutely no timetable," the spokeswoman said." Asked when the shares might be quoted,
the quotation is the answer, though only the reporter's sentence repeats the question's words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from assistant.answer.features import FEATURES, Scored
from assistant.answer.priors import COVERAGE_PRIOR
from assistant.answer.query import Query
from assistant.answer.topic import topic_terms

PREMISE_SHARE = 0.5
"""The part of the topic its paragraph's reporter sentence holds that X's quotation after it is
credited with, beyond its own: half, as a bridged word counts half of an exact one."""


def _topic_weights(query: Query, scored: list[Scored]) -> npt.NDArray[np.float64]:
    """Per candidate, the topic's weight its sentence holds, as a share of the question's."""
    topic = topic_terms(query)
    total = math.fsum(query.weights[t] for t in query.own)
    if not topic or total <= 0:
        return np.zeros(len(scored))
    return np.array([math.fsum(query.weights[t] for t in topic if t in s.terms) / total for s in scored])


def premise_prior(
    query: Query, rows: npt.NDArray[np.float64], scored: list[Scored], paragraphs: Sequence[int]
) -> npt.NDArray[np.float64]:
    """Logit added to X's quoted words for the topic a reporter's sentence before them in the same
    paragraph holds and they do not (`paragraphs`: each candidate's paragraph number)."""
    prior = np.zeros(rows.shape[0])
    if not (query.info.asks_statement and query.names) or not scored:
        return prior
    held = _topic_weights(query, scored)
    quoted = [s.speaker is not None and s.speaker.kind in ("direct", "mixed") for s in scored]
    named = rows[:, FEATURES.index("speaker_named")] > 0
    premise: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for k, s in enumerate(scored):
        if s.speaker is None and held[k] > 0:
            premise.setdefault((s.cand.article, paragraphs[k]), []).append((s.cand.sentence, float(held[k])))
    for k, s in enumerate(scored):
        if not (quoted[k] and named[k]):
            continue
        before = [
            h
            for sentence, h in premise.get((s.cand.article, paragraphs[k]), ())
            if sentence < s.cand.sentence
        ]
        if before:
            prior[k] = COVERAGE_PRIOR * PREMISE_SHARE * max(0.0, max(before) - float(held[k]))
    return prior
