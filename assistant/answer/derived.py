"""Features derived from the others in one vectorised pass: per-class kinds, article-relative scores.

A linear ranker weighs "offers a date" the same for every question; crossed with the question's
class it learns what each class of question wants from a sentence ("when" likes a date, "who" a
name, "what" neither in particular), beyond the one `type_match` the hand-made classes give.
Article-relative scores say how a sentence stands against the best candidate of its own article:
once the article is found, the answer is its best-covered sentence more often than the corpus-wide
best is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import ANSWER_TYPES

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

CLASSES: tuple[str, ...] = ("who", "when", "where", "amount", "why", "acronym", "what", "other")
ARTICLE_RELATIVE: tuple[str, ...] = ("cov", "bm25_rel", "wcov")
CROSSED = False
"""Class x kind crosses: +0.005 hit@1 on the two-fold cross-validation, but they moved five Reuters
dev answers out of first place (and refused two more): left out of the shipped features."""
DERIVED_FEATURES: tuple[str, ...] = (
    *((f"{c}_offers_{t}" for c in CLASSES for t in ANSWER_TYPES) if CROSSED else ()),
    *(f"{name}_art_rel" for name in ARTICLE_RELATIVE),
)


def derived_rows(
    rows: npt.NDArray[np.float64], columns: dict[str, int], kind: str, articles: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """DERIVED_FEATURES of each candidate, from its feature row so far and its article.

    {class}_offers_{kind}  the question is of that class and the sentence offers that kind
    {name}_art_rel         the feature minus its largest value among candidates of the same article
    """
    n = rows.shape[0]
    out = np.zeros((n, len(DERIVED_FEATURES)), dtype=np.float64)
    if not n:
        return out
    base = 0
    if CROSSED:
        c = CLASSES.index(kind) if kind in CLASSES else CLASSES.index("other")
        width = len(ANSWER_TYPES)
        out[:, c * width : (c + 1) * width] = rows[:, [columns[f"offers_{t}"] for t in ANSWER_TYPES]]
        base = len(CLASSES) * width
    _, owner = np.unique(articles, return_inverse=True)
    for k, name in enumerate(ARTICLE_RELATIVE):
        values = rows[:, columns[name]]
        best = np.full(int(owner.max()) + 1, -np.inf)
        np.maximum.at(best, owner, values)
        out[:, base + k] = values - best[owner]
    return out
