"""Reorder inside one article: the detail sentence holding the figure asked before the lead that
names the story's subject.

Shape served: a question about a number, amount, date or duration names the story's subject (the
company, the person: what says which article) and words saying which figure it wants ("at what price
... the new bearer shares", "how big, measured by assets", "how far above comparable Treasuries"). The
lead names the subject and gives another figure of the same kind; a later sentence repeats less of the
subject but holds the asked figure beside those other words. The names settle the article; inside it,
the words that are not names settle the sentence. A sentence offering the most specific kind asked
moves past the lead right above it when the lead holds less of the question's other words.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from assistant.answer.article_lift import LIFT, LIFTED_KINDS
from assistant.answer.features import FEATURES
from assistant.answer.query import Query

MIN_MARGIN = 0.5
"""How much more (in idf weight) of the question's other words the detail sentence must hold than
each sibling it passes: one common word more is no evidence."""


def other_words_held(query: Query, held: Sequence[frozenset[str]]) -> npt.NDArray[np.float64]:
    """Per candidate, the idf weight of the question's own terms it holds that are no name the
    question gives (a name says which article, not which of its sentences)."""
    named = set(query.named)
    # A number the question gives ("its 1,200 billion yen sale") names the thing as a name does.
    others = [t for t in query.own if t not in named and not any(c.isdigit() for c in t)]
    return np.array([sum(query.weights[t] for t in others if t in h) for h in held], dtype=np.float64)


def lift_detail_over_lead(
    query: Query,
    probs: npt.NDArray[np.float64],
    rows: npt.NDArray[np.float64],
    articles: Sequence[int],
    held: Sequence[frozenset[str]],
) -> npt.NDArray[np.float64]:
    """For a question asking a number, amount, date or duration that names something: each sentence
    offering the most specific kind asked moved up past its article's lead (first sentence) when the
    lead stands right above it and holds less (by MIN_MARGIN) of the question's words that are
    neither names nor numbers; it lands just above the lead, so another article's sentence standing
    higher stays higher. Only the lead is passed: elsewhere the learned order, which weighs those
    words already, stands (on SQuAD, where questions reuse the answer's words, passing any earlier
    sibling lost about 20 of 2,609 questions)."""
    if not query.named or not query.wanted or query.wanted[0] not in LIFTED_KINDS or not rows.shape[0]:
        return probs
    offers = rows[:, FEATURES.index(f"offers_{query.wanted[0]}")] > 0
    lead = rows[:, FEATURES.index("first")] > 0
    other = other_words_held(query, held)
    out = probs.copy()
    by_article: dict[int, list[int]] = {}
    for k, article in enumerate(articles):
        by_article.setdefault(article, []).append(k)
    for members in by_article.values():
        order = sorted(members, key=lambda k: (-float(probs[k]), k))
        for at, k in enumerate(order):
            if not offers[k]:
                continue
            above = at
            while above > 0 and lead[order[above - 1]] and other[order[above - 1]] + MIN_MARGIN <= other[k]:
                above -= 1
            if above == at:
                continue
            top = float(probs[order[above]])
            ceiling = float(probs[order[above - 1]]) if above > 0 else top + 2 * LIFT
            out[k] = max(float(out[k]), top + min(LIFT, (ceiling - top) / 2) * (0.5 + 0.5 * float(probs[k])))
    return out
