"""For "what did X say about Y": of X's statements in one article, the one on Y comes first.

A speaker who is quoted several times in a story speaks on several topics, and the question's topic
decides which statement answers. Two things hide it from coverage of the whole question:
- the words every sentence of the story repeats ("Allied-Lyons" in a story about Allied-Lyons, the
  target of a bid) match X's statements on every topic alike, so the statement that also holds a
  word of Y only found there must count more than the one that names the company twice;
- X's name, title and firm match the sentence that introduces X, whatever X says in it.
So each of X's statements is weighed by the topic words it holds (bridged ones at half), each word
by how few of its story's sentences hold it, against X's best statement on Y in the same story; the
names the question gives that the story's headline holds weigh nothing (what the story is about).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import FEATURES, Scored
from assistant.answer.lexicon import bridged
from assistant.answer.query import Query
from assistant.answer.said.description import described_terms
from assistant.answer.said.speaker import statements_of
from assistant.answer.topic import topic_terms
from assistant.index.tokens import terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

ShareOf = Callable[[int], Mapping[str, float]]
"""An article's number -> per term, the share of its sentences that hold it."""
HeadOf = Callable[[int], frozenset[str]]
"""An article's number -> the terms of its headline and dateline: what the story is about."""

ATTRIBUTION = frozenset(terms("said says told tells added adds according statement"))
"""The reporter's words that give a statement as X's ("..., the Commission said", "she told
reporters", "it added"): none of them is X's, so none bridges to the topic. WordNet bridges "said"
to "answer", "state", "order", "give", "talk", "explain", "note", so "the United States" asked
(its term "state") was held at half by every statement of X's that a "said" closes, and by none
of X's quoted sentences that go on without one. Written in the question, such a word still counts
where a statement holds it as written."""

TOPIC_GAP_PRIOR = 4.0
"""Logit taken from X's statement per share of the topic (story-weighted) it lacks beside X's
best statement on the topic in the same story."""


def story_topic(
    query: Query,
    scored: Sequence[Scored],
    share_of: ShareOf,
    which: Sequence[bool],
    starts: Sequence[int],
    head_of: HeadOf,
) -> npt.NDArray[np.float64]:
    """Per candidate (those `which` marks; 0 for the rest), the share of the topic its sentence
    holds outside its speaker's description ("Harriet Colby, Dunmore Exchange special counsel"),
    each topic word weighed by the question's weight times the share of its story's sentences that
    lack it (a bridged word counts half); zeros when the question asks about nothing but who.
    `starts`: each candidate's offset in its article; `head_of`: each article's headline terms."""
    topic = topic_terms(query)
    out = np.zeros(len(scored))
    if not topic:
        return out
    bridges = {t: query.bridges.get(t, frozenset()) for t in topic}
    weights: dict[int, dict[str, float]] = {}
    for k, s in enumerate(scored):
        if not which[k]:
            continue
        w = weights.get(s.cand.article)
        if w is None:
            w = weights[s.cand.article] = _story_weights(query, topic, s.cand.article, share_of, head_of)
        total = math.fsum(w.values())
        if total <= 0:
            continue
        held = s.terms - described_terms(set(topic), s, starts[k])
        exact = {t for t in topic if t in held}
        near = bridged(bridges, held - ATTRIBUTION) - exact
        out[k] = (math.fsum(w[t] for t in exact) + 0.5 * math.fsum(w[t] for t in near)) / total
    return out


def _story_weights(
    query: Query, topic: Sequence[str], article: int, share_of: ShareOf, head_of: HeadOf
) -> dict[str, float]:
    """Per topic word, how much it tells one sentence of a story from another: its weight times
    the share of the story's sentences that lack it; nothing for a name the question gives that the
    story's headline holds ("Pay 'N Pak", "Allied-Lyons" of a story headlined with them): every
    statement of X in that story is about it, whether it names it or says "the company"."""
    shares = share_of(article)
    about = set(query.named) & head_of(article)
    return {t: 0.0 if t in about else query.weights[t] * (1.0 - shares.get(t, 0.0)) for t in topic}


def topic_gap_prior(
    query: Query,
    rows: npt.NDArray[np.float64],
    scored: list[Scored],
    share_of: ShareOf,
    starts: Sequence[int],
    head_of: HeadOf,
) -> npt.NDArray[np.float64]:
    """Logit taken from each of X's statements in proportion to how much less of the topic it holds
    than X's best statement on it in the same story (0 for that best one and for anyone else's)."""
    prior = np.zeros(rows.shape[0])
    if not (query.info.asks_statement and query.names) or not scored:
        return prior
    theirs = statements_of(rows, scored)
    if not theirs.any():
        return prior
    # The story's lead is the reporter's summary of what X goes on to say, and restates the most of
    # the question's premise: priors.LEAD_PRIOR weighs it; here it neither sets nor loses the mark.
    theirs = theirs * (1.0 - rows[:, FEATURES.index("first")])
    held = story_topic(query, scored, share_of, (theirs > 0).tolist(), starts, head_of)
    best: dict[int, float] = {}
    for k, s in enumerate(scored):
        if theirs[k] > 0:
            best[s.cand.article] = max(best.get(s.cand.article, 0.0), float(held[k]))
    for k, s in enumerate(scored):
        if theirs[k] > 0:
            prior[k] -= TOPIC_GAP_PRIOR * (best[s.cand.article] - float(held[k]))
    return prior
