"""For "what did X say about Y" asked of what is to come: of X's statements in one story, the one
that looks ahead answers.

"What did the Goldman spokeswoman expect for Ahmanson's April-June profit per share?" is answered by
"Ahmanson's second quarter earnings should drop ...", not by her "Last year, when the company's net
income was 3.22 dlrs a share, ..." beside it, though both name the company and the profit; so too
"what will happen to Petronas's tender offerings" by "this practice is likely to dwindle", and "what
did Liberty Life predict" by "It also predicted the rand was likely to remain ...". A question asked
in the future, or of an expectation, wants a statement that says what will or may be; where X makes
both kinds in one story, the one that only reports what was or is comes after. Compared between X's
statements only: a story where every statement looks ahead, or none, is left as it is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import Scored
from assistant.answer.query import Query
from assistant.answer.said.speaker import statements_of

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

OUTLOOK_PENALTY = 3.0
"""Logit taken from X's statements that do not look ahead, in a story where X makes one that does,
when the question asks what will be."""

# A statement says what will or may be: modal verbs, expectations, likelihood, plans, times ahead.
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|should|shall|won't|wouldn't|may|might|could|going to|expects?|expected|"
    r"expecting|expectations?|predicts?|predicted|predicting|forecasts?|forecast(?:ed|ing)?|"
    r"foresees?|anticipates?|anticipated|likely|unlikely|plans?|planned|planning|intends?|intended|"
    r"outlook|prospects?|projected|hopes?|hoped|future|next|coming|ahead|remain)\b|'ll\b",
    re.IGNORECASE,
)


def looks_ahead(text: str) -> bool:
    """Whether a sentence says what will or may be, rather than only what was or is."""
    return _LOOKS_AHEAD.search(text) is not None


def outlook_prior(
    query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]
) -> npt.NDArray[np.float64]:
    """Logit taken (OUTLOOK_PENALTY) from X's statements that do not look ahead, in each story where
    another statement of X's does, when a statement question asks what will be; zeros otherwise."""
    prior = np.zeros(rows.shape[0])
    if not (query.info.asks_statement and query.names) or not scored or not query.asks_ahead:
        return prior
    theirs = statements_of(rows, scored) > 0
    ahead = [bool(t) and looks_ahead(s.text) for s, t in zip(scored, theirs, strict=True)]
    stories = {s.cand.article for s, a in zip(scored, ahead, strict=True) if a}
    for k, s in enumerate(scored):
        if theirs[k] and not ahead[k] and s.cand.article in stories:
            prior[k] -= OUTLOOK_PENALTY
    return prior
