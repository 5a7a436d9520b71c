"""For "what did X say about Y": of X's statements in one story, the one that holds Y's words as Y
joins them comes first.

A reader asks about one thing X said in a clause of their own ("what America must do if it wants to
sell its products", "how carriers answered its letters"), and X's statements in the story share its
words one by one: "the American farm program" with "America", "a greater choice of carriers" with
"carriers". The statement that answers holds two of the clause's words together, in the clause's
order and a few words apart, as a phrase ("to sell our products", "responded positively to these
letters"): the words are about one another there, not met in passing. Each pair of the topic's
words next to each other in the question counts, found exactly or through a bridge, weighed by the
rarer of its two words in the story (said_topic.story_weights), so a name every sentence of the
story writes ("Securities and Exchange Commission" in a story on the SEC) joins nothing.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.answer.said_speaker import statements_of
from assistant.answer.said_topic import ATTRIBUTION, HeadOf, ShareOf, story_weights
from assistant.answer.topic import topic_terms
from assistant.index.tokens import terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

PHRASE_PRIOR = 1.0
"""Logit taken from X's statement per pair of the topic's words it holds fewer of than X's best
statement on them in the same story (a pair counted by its weight beside the topic's average pair:
a pair of words the whole story writes counts for little). Not fitted: half of DIRECT_PRIOR, a
quotation's credit; one pair of words read together is less sure than quotation marks."""
PAIRS_COUNTED = 2.0
"""Pairs held beyond two tell no more: a long statement restating the whole question is no better
an answer than one holding the two words the answer is about."""

PHRASE_GAP = 3
"""How many of a sentence's terms (stop words already out) the second word of a pair may stand
after the first: "sell our products" (1), "responded positively to these letters" (2)."""


def pairs_held(
    pairs: Sequence[tuple[str, str]], bridges: Mapping[str, frozenset[str]], sentence: Sequence[str]
) -> set[tuple[str, str]]:
    """The pairs of question words a sentence's terms (in order) hold in that order, the second at
    most PHRASE_GAP terms after the first, each word as written or as one of its bridges."""

    def at(word: str) -> list[int]:
        near = bridges.get(word, frozenset())
        return [i for i, t in enumerate(sentence) if t == word or (t in near and t not in ATTRIBUTION)]

    found: set[tuple[str, str]] = set()
    for a, b in pairs:
        second = at(b)
        if second and any(0 < j - i <= PHRASE_GAP for i in at(a) for j in second):
            found.add((a, b))
    return found


def phrase_gap_prior(
    query: Query,
    rows: npt.NDArray[np.float64],
    scored: list[Scored],
    share_of: ShareOf,
    head_of: HeadOf,
) -> npt.NDArray[np.float64]:
    """Logit taken from each of X's statements (not its story's lead: priors.LEAD_PRIOR weighs that)
    per pair of the topic's words it holds fewer of than X's best statement on them in the same
    story; zeros when the topic has fewer than two words or X is not asked."""
    prior = np.zeros(rows.shape[0])
    # A kind asked besides the statement ("How much crude ..., according to the API?") is found by
    # the sentence offering it (lifts.py), whatever words stand beside the figure.
    if not (query.info.asks_statement and query.names) or query.wanted != ("quote",) or not scored:
        return prior
    topic = topic_terms(query)
    pairs = list(itertools.pairwise(topic))
    if not pairs:
        return prior
    theirs = statements_of(rows, scored) * (1.0 - rows[:, FEATURES.index("first")])
    if not theirs.any():
        return prior
    bridges = {t: query.bridges.get(t, frozenset()) for t in topic}
    held = np.zeros(rows.shape[0])
    weights: dict[int, dict[str, float]] = {}
    for k, s in enumerate(scored):
        if theirs[k] <= 0:
            continue
        w = weights.get(s.cand.article)
        if w is None:
            w = weights[s.cand.article] = story_weights(query, topic, s.cand.article, share_of, head_of)
        mean = math.fsum(min(w[a], w[b]) for a, b in pairs) / len(pairs)
        if mean > 0:
            found = pairs_held(pairs, bridges, terms(s.text))
            held[k] = min(PAIRS_COUNTED, math.fsum(min(w[a], w[b]) for a, b in found) / mean)
    best: dict[int, float] = {}
    for k, s in enumerate(scored):
        if theirs[k] > 0:
            best[s.cand.article] = max(best.get(s.cand.article, 0.0), float(held[k]))
    for k, s in enumerate(scored):
        if theirs[k] > 0:
            prior[k] -= PHRASE_PRIOR * (best[s.cand.article] - float(held[k]))
    return prior
