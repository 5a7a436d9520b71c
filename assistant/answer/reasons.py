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
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.corpus import display_text
from assistant.index import Index

SENTENCE_SHARE = 0.5
"""A cue sentence must cover (with its article's title) this share of what its article's best-covered
candidate covers: the cause of something else the story mentions in passing is not the one asked."""
LIFT = 1e-3
"""How far above its article's best other sentence a lifted cue sentence lands: enough to come before
it, too little to pass another article's sentence that stood above that one."""

REASON_CUE = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|thanks\s+to|in\s+order\s+to|so\s+that"
    r"|(?:designed|intended|aimed|meant)\s+(?:to|at)|(?:in\s+an?\s+)?(?:effort|attempt|bid)\s+to"
    r"|(?:largely\s+|mainly\s+|partly\s+)?responsible\s+for|led\s+to|caused\s+by|prompted"
    r"|blam(?:e|ed|ing)\s+(?:on|for)?|attribut(?:e|ed|ing)\s+(?:it\s+|this\s+|the\s+\w+\s+)?to"
    r"|cit(?:ed|ing|es)|reflect(?:s|ed|ing)?|stem(?:s|med|ming)\s+from|resulted\s+from"
    r"|(?:in\s+)?(?:response|reaction)\s+to|amid|insufficient|inadequate"
    r"|to\s+(?:help|curb|offset|reduce|fund|finance|ward\s+off))\b",
    re.IGNORECASE,
)
"""Words that state why: a cause ("because of", "responsible for", "cited") or a purpose ("designed to
help curb", "aimed at", "to ward off")."""

TextLoader = Callable[[int], str]


def asks_reason(query: Query) -> bool:
    """Whether the question asks for a cause or purpose."""
    return query.wanted[:1] == ("reason",)


def states_reason(sentence: str) -> bool:
    """Whether a sentence states a cause or purpose."""
    return REASON_CUE.search(sentence) is not None


def sentence_texts(index: Index, load_text: TextLoader, scored: Sequence[Scored]) -> list[str]:
    """Each candidate's sentence as shown (its article's file read once)."""
    a = index.stored.arrays
    files: dict[int, str] = {}
    out = []
    for s in scored:
        text = files.get(s.cand.article)
        if text is None:
            text = files[s.cand.article] = load_text(s.cand.article)
        i = s.cand.sentence
        out.append(display_text(text, int(a["s_start"][i]), int(a["s_end"][i])))
    return out


def lift_reasons(
    query: Query,
    probs: npt.NDArray[np.float64],
    rows: npt.NDArray[np.float64],
    articles: Sequence[int],
    sentences: Sequence[str],
) -> npt.NDArray[np.float64]:
    """For a why-question, each candidate stating a cause or purpose placed just above the best of its
    article's other candidates (rows, articles and sentences in candidate order; its own order among
    such sentences kept). Which article answers stays the ranker's call: the lift reorders inside one."""
    out = probs.copy()
    if not asks_reason(query) or not rows.shape[0]:
        return out
    hcov = rows[:, FEATURES.index("hcov")]
    cue = [states_reason(s) for s in sentences]
    best_cov: dict[int, float] = {}
    best_other: dict[int, float] = {}
    for k, article in enumerate(articles):
        best_cov[article] = max(best_cov.get(article, 0.0), float(hcov[k]))
        if not cue[k]:
            best_other[article] = max(best_other.get(article, 0.0), float(probs[k]))
    for k, article in enumerate(articles):
        if cue[k] and hcov[k] >= SENTENCE_SHARE * best_cov[article] and article in best_other:
            out[k] = max(float(probs[k]), best_other[article] + LIFT * (1.0 + float(probs[k])))
    return out
