"""Calibrated refusal: does the corpus answer this question at all?

Judged per question from its best candidates: the ranker's probability for the best sentence, how
much of the question the best-covered sentence and its neighbours match (exactly and bridged), and
the question's length and the share of its weight the corpus holds neither
exactly nor through a bridge. A small logistic model turns these into a probability that the corpus
answers; its threshold refuses a fixed share (REFUSAL_BUDGET) of answerable training questions asked
in other words than their article's, whatever the ranker's sharpness.

Then near misses: the corpus has the company and the topic but not the asked fact ("When does Astra
plan to begin clinical trials?" shown another company's trial). A second logistic model reads the
same facts and the share of the question's names that the first quote's article never names
(shown_article.py; or, when the ranker cannot tell the first quotes apart, the least any of their
articles lacks). Only names count: the same country written otherwise ("America", "U.S.") is
present through the lexicon's bridges, and a demonym or an ordinary word in capitals ("Third World")
is no name. It judges only a question whose answer's article lacks one of its names; it was
trained against questions with one name swapped for another article's, and its threshold lets it
refuse at most NEAR_MISS_BUDGET of the paraphrased answerable training questions (asked in other
words than the article's) the first model keeps (when fewer lack a name, the threshold is 1: every
such question is refused). With `AnswerSettings.near_misses` on (off by default: it refused answerable
questions written apart), a question is answered only when both models say so.

Before the models, a rule that answers. `statement_found`: a question asking what a named speaker
said ("What did Bretz say about...", "How did Cooke describe...") whose first quote is that
speaker's statement touching its topic is answered. The models were trained on SQuAD, which asks
almost nothing of the kind: a reader's paraphrase of a statement leaves the ranker's own probability
near 0.01 although the speaker asked was found saying it (it refused 10 of reuters-said-dev's 88).

The rules that refuse before the models, when the first quote's story never writes what is asked
(a count, a year, a day, who holds a role at a name), are story_gaps.py's.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.answer.shown_article import NOTHING_MISSING, ShownArticle
from assistant.answer.topic import topic_coverage, topic_terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

GAP_CAP = 6.0
"""The most the best candidate's logit may lead the second's by, as the model reads it: about the 99th
percentile of squad-dev-train's answerable questions. A lone candidate (all others filtered out, as
`--speaker` does) has no second and a gap of ~16, far past anything trained on, where the linear
weight only extrapolates (it refused "ratings" asked of Moody's own statement)."""

REFUSAL_FEATURES: tuple[str, ...] = (
    "best_logit",
    "best_window",
    "best_cov",
    "best_allcov",
    "n_terms",
    "unreachable_share",
    "least_unmatched_rare",
    "logit_gap",
)
NEAR_MISS_FEATURES: tuple[str, ...] = (*REFUSAL_FEATURES, "names_missing")
"""The near-miss model's facts: the refusal model's, then what the first quote's article lacks."""

CLOSE_SHARE = 0.5
"""A quote after the first whose probability is at least this share of the first one's is as likely
the answer: its article's names count as the answer's."""

REFUSAL_BUDGET = 0.25
"""The share of paraphrased answerable training questions (squad-dev-train asked with words swapped
for WordNet bridges the article does not use) the refusal model may refuse: its threshold is chosen
by this count. It was chosen as the threshold minimising refused answerable plus answered off-topic
on SQuAD's own wording, where off-topic questions are easy to tell: that cost is flat near its
minimum, so the threshold jumped with every change of the ranker's sharpness (0.39 to 0.53 with
rank12's phrase features), and the questions readers ask in their own words paid. 0.25 is what the
cost-minimising threshold refused with the ranker of b80a747 (25.7%, threshold 0.40)."""

NEAR_MISS_BUDGET = 0.01
"""The share of paraphrased answerable training questions (of those the refusal model keeps) the
near-miss model may refuse: what it costs to say "the corpus does not say" of a right topic with
the fact absent."""


STATEMENT_TOPIC = 0.2
"""The least share (idf-weighted) of a statement question's topic (topic.topic_terms: its own terms
other than those naming or describing who is asked) that the asked speaker's first quote and its
neighbouring sentences must hold, exactly or through a bridge (at half its weight), for the rule
to answer: without it "What did Biden say about climate change?" would be answered by whatever
Biden said. A topic term the corpus never uses, nor any bridge of it ("oil" asked of Sullivan in a
corpus without oil), leaves the question to the models."""


def statement_found(
    query: Query, first: Scored, row: npt.NDArray[np.float64], around: frozenset[str]
) -> bool:
    """Whether a question about what a named speaker said is answered by its first quote (`row` its
    feature row, `around` the terms of it and its neighbouring sentences): the speaker asked is the
    one speaking there, and the quote's surroundings hold STATEMENT_TOPIC of the topic asked about
    (topic.topic_coverage, a bridge at half)."""
    if not query.info.asks_statement or row[FEATURES.index("statement_match")] < 1.0:
        return False
    if any(t not in query.reachable for t in topic_terms(query)):
        return False  # a topic the corpus never writes of, even through a bridge: never said
    return float(topic_coverage(query, [first], [around])[0]) >= STATEMENT_TOPIC


def close_articles(probs: list[float], articles: list[int], top: int) -> list[int]:
    """The articles of the first `top` candidates (best first) the ranker finds about as likely as
    the first (CLOSE_SHARE of its probability): the one the answer is taken from."""
    return [a for p, a in zip(probs[:top], articles[:top], strict=False) if p >= probs[0] * CLOSE_SHARE]


def refusal_row(
    query: Query, rows: npt.NDArray[np.float64], scored: list[Scored], shown: ShownArticle = NOTHING_MISSING
) -> npt.NDArray[np.float64]:
    """The question-level facts of NEAR_MISS_FEATURES (the refusal model reads the first
    len(REFUSAL_FEATURES)); `shown` is what the first quote's article lacks of the question."""
    probs = sorted((min(max(s.learned, 1e-6), 1 - 1e-6) for s in scored), reverse=True) or [1e-6]
    best = probs[0]
    second = probs[1] if len(probs) > 1 else 1e-6
    rare = rows[:, FEATURES.index("unmatched_rare")] if rows.shape[0] else np.ones(1)
    cov = rows[:, FEATURES.index("cov")] if rows.shape[0] else np.zeros(1)
    bcov = rows[:, FEATURES.index("bcov")] if rows.shape[0] else np.zeros(1)
    total = sum(query.weights[t] for t in query.own) or 1.0
    unknown = sum(query.weights[t] for t in query.own if t not in query.reachable) / total
    return np.array(
        [
            math.log(best / (1 - best)),
            max((s.window for s in scored), default=0.0),
            max((s.coverage + s.lacking for s in scored), default=0.0),
            float((cov + bcov).max()),
            math.log1p(len(query.own)),
            unknown,
            float(rare.min()),
            min(GAP_CAP, math.log(best / (1 - best)) - math.log(second / (1 - second))),
            shown.names_missing,
        ]
    )
