"""For "what did X say about Y": the words that describe X are no part of what X said.

"Leo Melamed, CME special counsel, said directors will rule on the petition" holds "CME" only in
its description of the speaker; asked "What did Leo Melamed warn would happen if the CME board
decided ...", that word is no more X's statement about the CME board than his title is. The
sentence that first introduces X (with X's firm, title or committee) otherwise covers the topic
best, above X's later words on it.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from assistant.answer.features import Scored
from assistant.answer.priors import COVERAGE_PRIOR
from assistant.answer.query import Query
from assistant.answer.topic import topic_terms
from assistant.index.tokens import terms


def described_only(query: Query, scored: list[Scored]) -> npt.NDArray[np.float64]:
    """Per candidate, the share (of the question's weight) of the topic's terms its sentence holds
    only inside its speaker's mention ("Leo Melamed, CME special counsel"), not in the words
    reported; 0 where the mention stands in another sentence."""
    topic = set(topic_terms(query))
    total = math.fsum(query.weights[t] for t in query.own)
    out = np.zeros(len(scored))
    if not topic or total <= 0:
        return out
    for k, s in enumerate(scored):
        who = s.speaker
        if who is None or not who.as_written or who.as_written not in s.text:
            continue
        inside = topic & s.terms & set(terms(who.as_written))
        if not inside:
            continue
        rest = set(terms(s.text.replace(who.as_written, " ", 1)))
        out[k] = math.fsum(query.weights[t] for t in inside - rest) / total
    return out


def description_prior(
    query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]
) -> npt.NDArray[np.float64]:
    """Logit taken from reported sentences for topic words only their speaker's description holds:
    as much as priors.COVERAGE_PRIOR credited them with."""
    if not (query.info.asks_statement and query.names) or not scored:
        return np.zeros(rows.shape[0])
    return -COVERAGE_PRIOR * described_only(query, scored)
