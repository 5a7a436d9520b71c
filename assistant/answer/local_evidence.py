"""Local evidence: which of the question's words single out one sentence inside its own article.

Corpus idf says which words find the article; once there, a word the article's title names or most of
its sentences repeat ("tram", "line" in a story on a tram line) says nothing about which sentence
answers, while a word only one sentence holds ("cost", "construction") says much. These features read
the article's own statistics over its candidate sentences (tokenised already for the question) and
its title, whose words every sentence of the article is about without repeating them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import AnswerType

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

LOCAL_FEATURES: tuple[str, ...] = (
    "hcov",
    "hcov_rel",
    "lcov",
    "lcov_rel",
    "unique",
    "type_primary",
    "type_edge",
    "type_edge_titled",
)


@dataclass(frozen=True, slots=True)
class Sibling:
    """What local evidence needs of one candidate sentence."""

    article: int
    sentence: int
    terms: frozenset[str]
    """The terms credited to the sentence (its own, and a named speaker's)."""
    offered: frozenset[AnswerType]
    counts_asked: bool = False
    """A number in it counts the noun asked about ("312 votes" for "how many votes")."""


def local_rows(
    own: Sequence[str],
    weights: dict[str, float],
    wanted: Sequence[AnswerType],
    siblings: Sequence[Sibling],
    titles: dict[int, frozenset[str]],
    counting: bool = False,
) -> npt.NDArray[np.float64]:
    """One row of LOCAL_FEATURES per candidate, in the order given.

    hcov   weighted coverage of the question's terms by the sentence with its article's title
    lcov   coverage under weights scaled by how few of the article's sentences hold each term (a
           title word counts as held by all of them)
    unique weight of the question's terms the sentence alone holds in its article (title aside)
    type_primary  the sentence offers the most specific kind asked (money for "how much ... cost"; with
                  `counting`, a number of the noun asked: "312 votes" for "how many votes")
    type_edge     it is the article's best-covered sentence that does (title counted in, then by its
                  own words), and a sibling covering more of the question does not
    type_edge_titled  so, and with its article's title it covers as much as that sibling does
    *_rel  the same relative to the best candidate of the same article
    """
    out = np.zeros((len(siblings), len(LOCAL_FEATURES)), dtype=np.float64)
    if not siblings:
        return out
    total = math.fsum(weights[t] for t in own) or 1.0
    by_article: dict[int, list[int]] = {}
    for k, s in enumerate(siblings):
        by_article.setdefault(s.article, []).append(k)
    primary = wanted[0] if wanted else None
    for article, rows in by_article.items():
        title = titles.get(article, frozenset())
        distinct = {siblings[k].sentence: siblings[k].terms for k in rows}
        n = len(distinct)
        df = {t: sum(t in held for held in distinct.values()) for t in own}
        local = {t: weights[t] * (1.0 - (n if t in title else df[t]) / (n + 1.0)) for t in own}
        for k in rows:
            held = siblings[k].terms
            out[k, 0] = math.fsum(weights[t] for t in own if t in held or t in title) / total
            out[k, 2] = math.fsum(local[t] for t in own if t in held) / total
            alone = (t for t in own if t in held and df[t] == 1 and t not in title)
            out[k, 4] = math.fsum(weights[t] for t in alone) / total
            out[k, 5] = float(
                primary is not None
                and primary in siblings[k].offered
                and (siblings[k].counts_asked or not counting)
            )
        idx = np.asarray(rows)
        out[idx, 1] = out[idx, 0] - out[idx, 0].max()
        out[idx, 3] = out[idx, 2] - out[idx, 2].max()
        if primary is not None:
            _edge(out, rows, siblings, [weights[t] for t in own], own)
    return out


def _edge(
    out: npt.NDArray[np.float64],
    rows: list[int],
    siblings: Sequence[Sibling],
    w: list[float],
    own: Sequence[str],
) -> None:
    """type_edge and type_edge_titled of one article's candidates (type_primary already set)."""
    exact = {k: math.fsum(x for x, t in zip(w, own, strict=True) if t in siblings[k].terms) for k in rows}
    offering = [k for k in rows if out[k, 5]]
    others = [k for k in rows if not out[k, 5]]
    if not offering or not others:
        return
    # The best-covered with its article's title counted in (what all its sentences are about), then
    # by its own words: of "Mayor Ruiz ... after the vote" and "Tom Baker, who voted against", both
    # under the title "... tram line", the one holding "against" of "Who voted against the tram line?".
    best = max((out[k, 0], exact[k]) for k in offering)
    if max(exact[k] for k in others) <= best[1]:
        return
    titled = best[0] >= max(out[k, 0] for k in others)
    for k in offering:
        if (out[k, 0], exact[k]) == best:
            out[k, 6] = 1.0
            out[k, 7] = float(titled)
