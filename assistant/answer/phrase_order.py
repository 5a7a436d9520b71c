"""Phrase evidence: the question's words in the order it says them.

Coverage counts which of the question's terms a sentence holds, in any order and anywhere. An
answering sentence more often holds them as the question strings them ("the Super Bowl's halftime
show" for "Who played the halftime show of the Super Bowl?"), where a sentence that merely mentions
the same words scatters them. Read from the terms the featurizer already has (stop words left out, so
"show of the Super" is adjacent), for all candidates at once: one flat array of term codes, no
per-candidate loop (rank12's first version walked each sentence in Python for +8 ms per question).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.query import Query

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

PHRASE_FEATURES: tuple[str, ...] = ("bigram_exact", "bigram_near", "run_longest")
NEAR = 3
"""Two question terms count as a near pair when at most this many terms apart, either order."""


def phrase_rows(query: Query, sentences: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
    """One row of PHRASE_FEATURES per candidate, from each sentence's terms in order.

    bigram_exact  share of the question's bigrams (its own terms in order, stop words out) the
                  sentence holds as adjacent terms in the same order
    bigram_near   share it holds within NEAR terms of each other, either order, bridges counted
    run_longest   the longest run of question terms the sentence holds in the question's order,
                  over the question's length
    """
    n = len(sentences)
    out = np.zeros((n, len(PHRASE_FEATURES)), dtype=np.float64)
    seq = query.own  # the question's own terms in the order it says them, each once
    if not n or not seq:
        return out
    code = {t: k for k, t in enumerate(seq)}
    # One lookup per term: 2 * code + 1 for the question's own term, 2 * code for a bridge of it.
    looked = {t: 2 * k + 1 for t, k in code.items()}
    for t in sorted(code):
        for b in sorted(query.bridges.get(t, ())):
            looked.setdefault(b, 2 * code[t])
    size = len(code)
    lengths = [len(toks) for toks in sentences]
    flat = itertools.chain.from_iterable(sentences)
    total = sum(lengths)
    if not total:
        return out
    found = np.fromiter(map(looked.get, flat, itertools.repeat(-2)), dtype=np.int64, count=total)
    near = found // 2
    exact = np.where(found % 2 == 1, near, -1)
    owner = np.repeat(np.arange(n), lengths)
    order = np.arange(len(seq))
    pairs = {(int(a), int(b)) for a, b in itertools.pairwise(order) if a != b}
    if pairs:
        keys = np.zeros(size * size, dtype=bool)  # pair a, b at a * size + b (never 0: a != b)
        keys[[a * size + b for a, b in pairs]] = True
        out[:, 0] = _pairs_held(exact[:-1], exact[1:], owner, 1, keys, size, n) / len(pairs)
        unordered = np.zeros(size * size, dtype=bool)
        unordered[[min(a, b) * size + max(a, b) for a, b in pairs]] = True
        out[:, 1] = _near_pairs(near, owner, unordered, size, n) / int(unordered.sum())
    out[:, 2] = _longest_run(exact, owner, order, n) / len(seq)
    return out


def _pairs_held(
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    owner: npt.NDArray[np.int64],
    gap: int,
    keys: npt.NDArray[np.bool_],
    size: int,
    n: int,
) -> npt.NDArray[np.float64]:
    """Per candidate, how many distinct pairs marked in `keys` (at a * size + b) its terms `gap`
    apart hold."""
    same = (owner[:-gap] == owner[gap:]) & (left >= 0) & (right >= 0)
    key = np.where(same, left * size + right, 0)
    hit = keys[key]
    held = np.unique(owner[:-gap][hit] * size * size + key[hit])
    return np.bincount(held // (size * size), minlength=n).astype(np.float64)


def _near_pairs(
    near: npt.NDArray[np.int64], owner: npt.NDArray[np.int64], keys: npt.NDArray[np.bool_], size: int, n: int
) -> npt.NDArray[np.float64]:
    """Per candidate, how many distinct unordered question pairs stand within NEAR terms."""
    found: list[npt.NDArray[np.int64]] = []
    for gap in range(1, NEAR + 1):
        if gap >= len(near):
            break
        a, b = near[:-gap], near[gap:]
        same = (owner[:-gap] == owner[gap:]) & (a >= 0) & (b >= 0)
        key = np.where(same, np.minimum(a, b) * size + np.maximum(a, b), 0)
        hit = keys[key]
        found.append(owner[:-gap][hit] * size * size + key[hit])
    if not found:
        return np.zeros(n)
    held = np.unique(np.concatenate(found))
    return np.bincount(held // (size * size), minlength=n).astype(np.float64)


def _longest_run(
    exact: npt.NDArray[np.int64], owner: npt.NDArray[np.int64], order: npt.NDArray[np.int64], n: int
) -> npt.NDArray[np.float64]:
    """Per candidate, the longest stretch of terms each the question's next after the one before."""
    following = np.full(len(order) + 1, -2, dtype=np.int64)  # code -> the code the question says next
    following[order[:-1]] = order[1:]
    matched = exact >= 0
    goes_on = np.zeros(len(exact), dtype=bool)
    goes_on[1:] = (
        matched[1:] & matched[:-1] & (owner[1:] == owner[:-1]) & (following[exact[:-1]] == exact[1:])
    )
    starts = matched & ~goes_on
    run = np.cumsum(starts)
    lengths = np.bincount(run[matched], minlength=int(run[-1]) + 1)
    first_of_run = np.flatnonzero(starts)
    best = np.zeros(n)
    if len(first_of_run):
        np.maximum.at(best, owner[first_of_run], lengths[1 : len(first_of_run) + 1])
    return best
