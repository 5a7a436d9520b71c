"""For "what did X say about Y": the words describing X are not X's words on Y.

"Leo Melamed, CME special counsel, said directors will rule on the petition" holds "CME" only in
its description of the speaker, and "..., according to director X, now chairman of the independent
committee" holds "independent committee" only there; asked "What did Leo Melamed warn would happen
if the CME board decided ...", such words are no more X's statement on the topic than X's title.
The sentence that introduces X (with X's firm, title or committee) otherwise covers the topic best,
above X's later words on it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from assistant.answer.features import Scored
from assistant.answer.priors import COVERAGE_PRIOR
from assistant.answer.query import Query
from assistant.answer.topic import topic_terms
from assistant.index.tokens import terms

_APPOSITIVE_END = re.compile(r"[,.;:]")


def _frame(text: str, lo: int, hi: int, said: tuple[int, int] | None) -> tuple[int, int]:
    """The speaker's mention at text[lo:hi] with the description set off after it by a comma
    ("director X, former chief executive and now chairman of the independent committee"), where
    that is not what they are reported saying (`said`: "According to the Times, Texas Eastern
    admitted ...")."""
    if text[hi : hi + 1] == ",":
        found = _APPOSITIVE_END.search(text, hi + 1)
        end = found.start() if found is not None else len(text)
        if said is None or said[1] <= hi or said[0] >= end:
            hi = end
    return lo, hi


def described_terms(topic: set[str], s: Scored, start: int) -> set[str]:
    """The topic's terms a candidate's sentence holds only in its speaker's mention and the
    description after it ("Leo Melamed, CME special counsel"); none where the mention stands in
    another sentence. `start`: the sentence's offset in its article. When and where X spoke ("at a
    news conference") is no description: a question may ask about it."""
    who = s.speaker
    if who is None or not topic & s.terms:
        return set()
    lo, hi = who.start - start, who.end - start
    if not 0 <= lo < hi <= len(s.text):
        return set()  # the mention stands in another sentence
    said = None
    if who.content_start is not None and who.content_end is not None:
        said = (who.content_start - start, who.content_end - start)
    lo, hi = _frame(s.text, lo, hi, said)
    rest = set(terms(s.text[:lo] + " " + s.text[hi:]))
    return (topic & set(terms(s.text[lo:hi]))) - rest


def described_only(query: Query, scored: list[Scored], starts: Sequence[int]) -> npt.NDArray[np.float64]:
    """Per candidate, the share (of the question's weight) of the topic's terms its sentence holds
    only in its speaker's mention and the description after it (see `described_terms`)."""
    topic = set(topic_terms(query))
    total = math.fsum(query.weights[t] for t in query.own)
    out = np.zeros(len(scored))
    if not topic or total <= 0:
        return out
    for k, s in enumerate(scored):
        out[k] = math.fsum(query.weights[t] for t in described_terms(topic, s, starts[k])) / total
    return out


def description_prior(
    query: Query, rows: npt.NDArray[np.float64], scored: list[Scored], starts: Sequence[int]
) -> npt.NDArray[np.float64]:
    """Logit taken from reported sentences for topic words only their speaker's mention and its
    description hold: as much as priors.COVERAGE_PRIOR credited them with."""
    if not (query.info.asks_statement and query.names) or not scored:
        return np.zeros(rows.shape[0])
    return -COVERAGE_PRIOR * described_only(query, scored, starts)
