"""Why-questions: lift the sentence of the asked article that states a cause or purpose.

A reader asking "Why did the council raise fees?" is answered by "The rise is designed to help cover
repairs" or "Falling sales were largely responsible for the loss", which share few of the question's
words: the news lead restating the event ("The council raised fees by 10 pct") covers more of them
and the learned ranker, fitted on SQuAD's word-reusing questions, puts it first. Inside one article,
a sentence stating a cause says more than a few more of the question's words; which article answers
stays the ranker's call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import DUE_ON_SCHEDULE, PURPOSE_CLAUSE
from assistant.answer.answer_types import MONTHS as _MONTHS
from assistant.answer.article_lift import lift_within_articles
from assistant.answer.features import FEATURES
from assistant.answer.query import Query

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

_ADVERB = (
    r"(?:(?:mainly|largely|partly|mostly|primarily|chiefly|principally|partially|in\s+part|solely|entirely"
    r"|directly)\s+)?"
)
"""An adverb between a connective's words: "due mainly to", "owing largely to"."""
_OBJECT = r"(?:[^\s.;]+\s+){0,8}?"
"""What a causal verb takes between itself and its preposition: "attributed the weak performance in the
March trade balance to", "blamed the loss on"."""

REASON_CUE_TEXT = (
    rf"\b(?:because|due\s+{_ADVERB}to{DUE_ON_SCHEDULE}|owing\s+{_ADVERB}to|thanks\s+{_ADVERB}to"
    r"|as\s+a\s+(?:direct\s+)?result\s+of|(?:is|was|are|were|be)\s+(?:the|a)\s+(?:direct\s+)?result\s+of"
    r"|in\s+order\s+(?:to|that)|so\s+(?:that|as\s+to)|for\s+fear\s+(?:of|that)"
    r"|(?:designed|intended|aimed|meant)\s+(?:to|at)|(?:in\s+an?\s+)?(?:effort|attempt|bid)\s+to"
    r"|with\s+the\s+(?:aim|goal|intention|object)\s+of|the\s+reasons?\s+(?:for|why|was|is|being)"
    r"|for\s+(?:[a-z]+\s+){0,2}reasons?"
    r"|(?:largely\s+|mainly\s+|partly\s+)?responsible\s+for|led\s+to|caused\s+by|prompted"
    r"|(?:led|forced|caused|drove|spurred|encouraged|persuaded|compelled)\s+"
    rf"{_OBJECT}to\s+(?!the\b|a\b|an\b|\d)"
    rf"|blam(?:e|ed|es|ing)\b|attribut(?:e|ed|es|ing|able)\s+{_OBJECT}to"
    r"|stem(?:s|med|ming)\s+from|result(?:ed|s|ing)?\s+from|on\s+the\s+grounds?\s+(?:that|of)"
    r"|(?:in\s+)?(?:response|reaction|protest|retaliation)\s+(?:to|against|at|over)"
    r"|(?:died|dies)\s+(?:of|from)|insufficient|inadequate"
    r"|(?:boosted|hurt|hit|helped|depressed|driven|fuel+ed|spurred|triggered|sparked|hampered|dampened|affected"
    r"|weakened|undermined)\s+by|amid|cit(?:ed|ing|es)|reflect(?:s|ed|ing)?"
    rf"|since(?!\s+(?:\d|then\b|last\b|early\b|late\b|mid\b|the\b|{_MONTHS}\b))"
    r"|since\s+the\s+(?:[^\s.;,]+\s+){1,3}(?:will|would|can|could|may|might|must|should|is|are|does|do|has"
    r"|have|remains?|lacks?|needs?)\b"
    r"|to\s+(?:help|curb|offset|reduce|fund|finance|ward\s+off)|prompt(?:s|ing)"
    rf"|{PURPOSE_CLAUSE})\b"
)
"""Words that state why: a cause ("because of", "due mainly to", "responsible for", "attributed the fall
to", "died of", "hurt by", "since it was unable to", "since the charge-offs will deplete") or a purpose
("designed to help curb", "in a bid to", "in protest at", ", to maintain its position"); "since
March", "since the merger" say since when, and "since the merger was completed" (past tense) does too."""


@cache
def reason_cue() -> re.Pattern[str]:
    """REASON_CUE_TEXT compiled on the first why-question: only they read it, and at ~4 ms it is the
    costliest pattern a one-shot `ask` of another kind compiled at import (docs/scale.md, "Adding in
    a blink")."""
    return re.compile(REASON_CUE_TEXT, re.IGNORECASE)


def asks_reason(query: Query) -> bool:
    """Whether the question asks for a cause or purpose."""
    return query.wanted[:1] == ("reason",)


def states_reason(sentence: str) -> bool:
    """Whether a sentence states a cause or purpose."""
    return reason_cue().search(sentence) is not None


CAUSAL_LINK_TEXT = (
    r"\b(?:after|amid|as(?!\s+(?:well|part|of|for|much|many|long|soon|far|high|low|little|a|an|the|it"
    r"|expected|usual)\b))\s+\w"
)
"""A clause of time that news copy writes as its cause ("Cocoa prices rose after heavy rains damaged
the crop", "Buying slowed as stocks piled up"): the why-lift's cues leave it out, as it says when as
often as why, but a story writing one may hold the reason asked."""

FEELING_TEXT = (
    r"\b(?:angry|angered|upset|furious|frustrated|worried|concerned|afraid|fear(?:ed|s|ing)?|in\s+protest)\b"
)
"""A feeling stated of the doer ("Later said to be angry, the mayor left the meeting"): a reason too."""


NEWS_CAUSE_TEXT = (
    r"\b(?:over\s+(?!\d|(?:the\s+|a\s+)?(?:past|next|last|coming|weekend|year|month|week|decade|period)\b)[a-z]"
    r"|on\s+(?:[\w-]+\s+){0,3}?(?:concerns?|worries|fears?|hopes?|news|reports?|rumou?rs?|expectations?"
    r"|speculation|demand|supply|cuts?|data|optimism|pessimism|signs?|weakness|strength|profit[- ]taking"
    r"|buying|selling|pressure)\b"
    r"|for\s+(?:[\w-]+\s+){0,2}?(?:repairs?|maintenance|renovation|safety|security|health|violations?"
    r"|breach(?:es)?|misconduct|fraud|failing|failures?)\b"
    r"|following\s+(?!\d|(?:the\s+|a\s+)?(?:day|week|month|year|weekend)\b)[a-z]"
    r"|with\s+(?:[\w'-]+\s+){1,4}[a-z]{2,}ing\b|saying\b)"
)
"""How news copy states a cause without a word of causing: "called a strike over pay", "shares fell on
concerns about demand", "closed for repairs", "following complaints", "with fog covering the airport",
"resigned, saying he needed to care for his wife". Each answered a why-question until reason_missing
refused it for want of a cue."""


@cache
def loose_reason() -> re.Pattern[str]:
    """CAUSAL_LINK_TEXT, FEELING_TEXT and NEWS_CAUSE_TEXT as one pattern, compiled on the first
    why-question that asks whether a story may hold a reason (nothing else reads them)."""
    return re.compile(
        "|".join(f"(?:{p})" for p in (CAUSAL_LINK_TEXT, FEELING_TEXT, NEWS_CAUSE_TEXT)), re.IGNORECASE
    )


def may_state_reason(sentence: str) -> bool:
    """Whether a sentence states, or may state, a cause or purpose: the why-lift's cue
    (`states_reason`), or a looser shape news copy writes a cause in. Refusal reads this (a story
    with none holds no reason); the lift keeps to the cue, as "after" says when as often as why."""
    return states_reason(sentence) or loose_reason().search(sentence) is not None


def lift_reasons(
    query: Query,
    probs: npt.NDArray[np.float64],
    rows: npt.NDArray[np.float64],
    articles: Sequence[int],
    sentences: Sequence[str],
) -> npt.NDArray[np.float64]:
    """For a why-question, each candidate stating a cause or purpose placed just above the best of its
    article's other candidates (rows, articles and sentences in candidate order)."""
    if not asks_reason(query) or not rows.shape[0]:
        return probs
    cue = [states_reason(s) for s in sentences]
    return lift_within_articles(probs, articles, cue, rows[:, FEATURES.index("hcov")])
