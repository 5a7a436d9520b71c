"""For "what did X say": a story in which X says nothing holds no statement of X's.

"What did the Intervention Board say about how much sugar French traders got?" matched best the
lead of another story ("The French sugar market intervention board, FIRS, raised its estimate
..."), which nobody in it attributes to the Board, above "Out of this, traders in the U.K.
Received 37,800 tonnes, in France 34,500 ..., it added", the U.K. Intervention Board's own words.
Where some candidate's story holds a statement by X (by name), the sentences of stories where no
sentence is X's lose: their words may name X or the topic, but none is what X said.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import Scored
from assistant.answer.query import Query
from assistant.speakers import speaker_matches

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

    from assistant.answer.said.antecedent import Story

ABSENT_PENALTY = 2.0
"""Logit taken from every candidate of a story where X makes no statement, when another candidate's
story holds one: as much as priors.NONE_NAMED_PRIOR takes from a story naming none of the names."""


def absent_prior(
    query: Query, rows: npt.NDArray[np.float64], scored: Sequence[Scored], story: Story
) -> npt.NDArray[np.float64]:
    """ABSENT_PENALTY from the candidates of stories with no statement by X (asked by a name, not a
    role: any story may hold "an analyst" unnamed), where some candidate's story has one."""
    prior = np.zeros(rows.shape[0])
    names = [n for n in query.names if n[:1].isupper()]
    if not (query.info.asks_statement and names) or not scored:
        return prior
    speaks: dict[int, bool] = {}
    for s in scored:
        if s.cand.article not in speaks:
            _, _, said = story(s.cand.article)
            speaks[s.cand.article] = any(
                speaker_matches(a, n) for found in said for a in found for n in names
            )
    if not any(speaks.values()):
        return prior
    for k, s in enumerate(scored):
        if not speaks[s.cand.article]:
            prior[k] -= ABSENT_PENALTY
    return prior
