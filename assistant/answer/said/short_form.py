"""For "what did X say": a body's statements under the longer or shorter name the same story gives it.

"The Caisse said foreign equity investments represented 3.6 pct" is keyed "caisse", and "the agency
said" after the lead's "Caisse de depot et placement du Quebec, the government agency ..." is keyed
by that full name: asked what the Caisse said, only the first is X's by name, and the agency's
verdict on its U.S. paper ("have been efficient") is taken down as someone else's. Within one story,
a speaker whose key opens with the key of a speaker X matches (or is how that key opens) is the same
body or person written in full or short, as the story itself writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import Scored
from assistant.answer.query import Query
from assistant.models import Attribution
from assistant.speakers import speaker_matches

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

    from assistant.answer.said.antecedent import Story


def _one_opens_the_other(a: str, b: str) -> bool:
    """Whether one key's words are the first words of the other's ("caisse" and "caisse de depot
    et placement du quebec"), the shorter one word at least."""
    x, y = a.split(), b.split()
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return 0 < len(short) < len(long) and long[: len(short)] == short


def by_short_form(query: Query, scored: Sequence[Scored], story: Story) -> npt.NDArray[np.bool_]:
    """Per candidate, whether its speaker is keyed by a longer or shorter form of the key of a
    speaker in the same story that X's name matches (and is not itself matched)."""
    out = np.zeros(len(scored), dtype=bool)
    if not (query.info.asks_statement and query.names):
        return out

    def theirs(who: Attribution) -> bool:
        return any(speaker_matches(who, n) for n in query.names)

    keys: dict[int, set[str]] = {}
    for k, s in enumerate(scored):
        who = s.speaker
        if who is None or not who.key or theirs(who):
            continue
        article = s.cand.article
        if article not in keys:
            _, _, said = story(article)
            keys[article] = {a.key for found in said for a in found if a.key and theirs(a)}
        out[k] = any(_one_opens_the_other(who.key, key) for key in keys[article])
    return out
