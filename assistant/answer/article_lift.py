"""Reorder inside one article: the sentence holding what is asked before the article's lead.

A reader's question names the event the way the story's lead does ("Krupp", "Kappa Networks", "own"),
and asks for one detail of it (his stake) that a later sentence gives in words of its own ("a 24.4 pct
stake"). The learned ranker, fitted on SQuAD where questions reuse the answer's words, puts the lead
first. Inside the article the question is about, a sentence that holds the kind of answer asked, and
covers a fair share of the question, is the better first quote than a sibling that cannot answer.
Which article answers stays the ranker's call: a lifted sentence lands just above its article's best
other sentence, too little to pass another article's sentence that stood above that one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import FEATURES
from assistant.answer.query import Query

LIFT = 1e-3
"""How far above its article's best other sentence a lifted sentence lands."""
SENTENCE_SHARE = 0.5
"""A lifted sentence must cover (with its article's title) this share of what its article's
best-covered candidate covers: a number about something else the story mentions is not the one asked."""
LIFTED_KINDS = ("duration", "percent", "money", "number", "date")
"""Kinds a sentence is found to hold reliably (digits, units, month names); places and people, read
from capital letters, are not lifted on so little."""

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


def lift_within_articles(
    probs: npt.NDArray[np.float64],
    articles: Sequence[int],
    lifted: Sequence[bool],
    hcov: npt.NDArray[np.float64],
    passed: Sequence[bool] | None = None,
) -> npt.NDArray[np.float64]:
    """Each `lifted` candidate covering SENTENCE_SHARE of its article's best moved up past the
    `passed` siblings of its article (by default: those not lifted) that stand right above it; a
    sibling neither passed nor below it stops it, and its order among lifted ones is kept."""
    out = probs.copy()
    passed = [not x for x in lifted] if passed is None else passed
    by_article: dict[int, list[int]] = {}
    for k, article in enumerate(articles):
        by_article.setdefault(article, []).append(k)
    for rows in by_article.values():
        best_cov = max(float(hcov[k]) for k in rows)
        order = sorted(rows, key=lambda k: (-float(probs[k]), k))
        for at, k in enumerate(order):
            if not lifted[k] or hcov[k] < SENTENCE_SHARE * best_cov:
                continue
            above = at
            while above > 0 and passed[order[above - 1]] and not lifted[order[above - 1]]:
                above -= 1
            if above == at:
                continue
            top = float(probs[order[above]])
            ceiling = float(probs[order[above - 1]]) if above > 0 else top + 2 * LIFT
            out[k] = max(float(out[k]), top + min(LIFT, (ceiling - top) / 2) * (0.5 + 0.5 * float(probs[k])))
    return out


def lift_kind_asked(
    query: Query, probs: npt.NDArray[np.float64], rows: npt.NDArray[np.float64], articles: Sequence[int]
) -> npt.NDArray[np.float64]:
    """For a question asking a number, amount, date or duration: each sentence offering the most
    specific kind asked lifted over its article's sentences that offer none of it; for a bare number
    ("how many", "how big"), which nearly every wire sentence holds, only over those offering no kind
    asked at all. A question that also reads as a statement ("How soon could ICN buy a drug
    company, according to Panic?", "What price did X propose paying?") is lifted too: its question
    word or noun asks the figure, and every sentence of X's around it is a statement."""
    if not query.wanted or query.wanted[0] not in LIFTED_KINDS or not rows.shape[0]:
        return probs
    offers = rows[:, FEATURES.index(f"offers_{query.wanted[0]}")] > 0
    # Only siblings offering no kind asked at all are passed: the kinds are read from the text's
    # surface, and "212 Swiss francs" or "80 basis points" may answer where no money is found.
    passed = rows[:, FEATURES.index("type_match")] == 0
    return lift_within_articles(probs, articles, list(offers), rows[:, FEATURES.index("hcov")], list(passed))


def lift_day_named(
    query: Query,
    probs: npt.NDArray[np.float64],
    rows: npt.NDArray[np.float64],
    articles: Sequence[int],
    held: Sequence[frozenset[str]],
) -> npt.NDArray[np.float64]:
    """For a question naming a day ("in the week to March 21"): each sentence holding that day moved
    up past siblings right above it that do not. A weekly report tells the same figure for several
    weeks; the day asked says which, and a later sentence holding it answers where the lead telling
    another week does not."""
    days = query.days
    if not days or query.info.asks_statement or not rows.shape[0]:
        return probs
    lifted = [all(d in h and all(t in h for t in month) for month, d in days) for h in held]
    passed = [not any(d in h for _, d in days) for h in held]
    return lift_within_articles(probs, articles, lifted, rows[:, FEATURES.index("hcov")], passed)
