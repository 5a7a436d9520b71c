"""Phrase and window evidence: the question's words in order, and the answer beside them.

Coverage counts which of the question's terms a sentence holds, in any order and anywhere. An
answering sentence more often holds them as the question strings them ("the Super Bowl's halftime
show" for "Who played the halftime show of the Super Bowl?") and offers the kind of answer asked a
few words from them ("... show was headlined by Coldplay"), where a sentence that merely mentions
the same words scatters them and names its people or numbers far off. These features read the
sentence's terms with their positions (stop words left out, so "show of the Super" is adjacent).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import MENTIONED, AnswerType, mention_spans
from assistant.answer.query import Query
from assistant.index.tokens import term_spans, terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

PHRASE_FEATURES: tuple[str, ...] = (
    "bigram_exact",
    "bigram_near",
    "run_longest",
    "window_typed",
    "window_any",
    "mention_typed",
)
NEAR = 3
"""Two question terms count as a near pair when at most this many terms apart, either order."""
_ANY: tuple[AnswerType, ...] = ("number", "person")
"""What an answer to a question of no known kind most often is in a news sentence: a name or a number."""


@dataclass(frozen=True, slots=True)
class QuestionOrder:
    """The question's own terms in the order it says them, and what stands for each in a sentence."""

    sequence: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]
    """Adjacent pairs of `sequence` (its content bigrams)."""
    standing: dict[str, str]
    """Sentence term -> the question term it matches: itself, or a term it is a bridge of."""
    wanted: tuple[AnswerType, ...]
    """The kinds asked that sit at one place in a sentence (a date, a name); empty asks for any."""


def question_order(query: Query) -> QuestionOrder:
    """Read once a question: its term sequence, bigrams and bridges, for every candidate."""
    own = set(query.own)
    seq: list[str] = []
    for t in terms(query.question):
        if t in own and (not seq or seq[-1] != t):
            seq.append(t)
    standing: dict[str, str] = {}
    for t in sorted(own):
        for b in sorted(query.bridges.get(t, ())):
            standing.setdefault(b, t)
    for t in own:
        standing[t] = t
    wanted = tuple(k for k in query.wanted if k in MENTIONED)
    pairs = tuple((a, b) for a, b in itertools.pairwise(seq) if a != b)
    return QuestionOrder(tuple(seq), pairs, standing, wanted)


def phrase_row(order: QuestionOrder, question: str, sentence: str) -> npt.NDArray[np.float64]:
    """One row of PHRASE_FEATURES for a sentence (its display text).

    bigram_exact  share of the question's bigrams the sentence holds as adjacent terms, in order
    bigram_near   share it holds within NEAR terms of each other, either order, bridges counted
    run_longest   the longest run of question terms the sentence holds in the question's order, over
                  the question's length
    window_typed  1 / (1 + terms between a new mention of the kind asked and the nearest matched term)
    window_any    the same for any new name or number (for questions of no known kind as well)
    mention_typed the sentence holds a new mention of the kind asked (not among the question's words)
    """
    out = np.zeros(len(PHRASE_FEATURES), dtype=np.float64)
    spans = term_spans(sentence)
    if not spans or not order.sequence:
        return out
    toks = [t for t, _, _ in spans]
    exact = set(order.sequence)
    standing = order.standing
    where: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        q = standing.get(t)
        if q is not None:
            where.setdefault(q, []).append(i)
    if order.pairs:
        adjacent = {(a, b) for a, b in itertools.pairwise(toks) if a in exact and b in exact}
        out[0] = sum(p in adjacent for p in order.pairs) / len(order.pairs)
        out[1] = sum(_near(where.get(a), where.get(b)) for a, b in order.pairs) / len(order.pairs)
    out[2] = _longest_run(toks, order.sequence) / len(order.sequence)
    matched = sorted(i for positions in where.values() for i in positions)
    if not matched:
        return out
    starts = [s for _, s, _ in spans]
    typed = mention_spans(sentence, question, order.wanted) if order.wanted else []
    out[3] = _window(typed, starts, matched)
    out[4] = _window(typed or mention_spans(sentence, question, _ANY), starts, matched)
    out[5] = float(bool(typed))
    return out


def phrase_rows(query: Query, sentences: list[str]) -> npt.NDArray[np.float64]:
    """PHRASE_FEATURES of each candidate sentence."""
    out = np.zeros((len(sentences), len(PHRASE_FEATURES)), dtype=np.float64)
    if not sentences:
        return out
    order = question_order(query)
    for k, sentence in enumerate(sentences):
        out[k] = phrase_row(order, query.question, sentence)
    return out


def _near(a: list[int] | None, b: list[int] | None) -> bool:
    return bool(a and b) and any(abs(i - j) <= NEAR for i in a or () for j in b or ())


def _longest_run(toks: list[str], seq: tuple[str, ...]) -> int:
    """Longest stretch of `seq` (consecutive in it) found consecutive in `toks`."""
    best = 0
    prev = [0] * (len(seq) + 1)
    for t in toks:
        cur = [0] * (len(seq) + 1)
        for j, q in enumerate(seq):
            if t == q:
                cur[j + 1] = prev[j] + 1
                if cur[j + 1] > best:
                    best = cur[j + 1]
        prev = cur
    return best


def _window(mentions: list[tuple[int, int]], starts: list[int], matched: list[int]) -> float:
    """1 / (1 + the fewest terms between a mention and a matched term); 0 with no mention."""
    if not mentions:
        return 0.0
    best = None
    for start, end in mentions:
        # Terms lo..hi-1 are the mention's own; a question word inside it ("in Paris") is not counted.
        lo = bisect.bisect_left(starts, start)
        hi = max(bisect.bisect_left(starts, end), lo + 1)
        for i in matched:
            if lo <= i < hi:
                continue
            d = lo - i if i < lo else i - hi + 1
            if best is None or d < best:
                best = d
    return 0.0 if best is None else 1.0 / (1.0 + max(best, 0))
