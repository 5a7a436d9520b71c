"""The knobs of answering: how many quotes, how sure; and what a
follow-up carries over. Plain records, shared by the engine, the CLI and the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class AnswerSettings:
    """How many quotes, how long, and how sure an answer must be."""

    top: int = 3
    candidates: int = 40
    """Passages whose sentences are ranked."""
    budget_tokens: int = 400
    """Tokens all quotes of one answer may take together (the first quote always shows)."""
    max_question_tokens: int = 200
    refusal: bool = True
    """Say "the corpus holds no answer" when the calibrated refusal model judges so (off: always rank)."""
    near_misses: bool = False
    """Also refuse when the shown quote's article lacks a name the question gives (the near-miss model,
    answer/shown_article.py). Off: on a question set written apart (other articles, other words) it
    refused 2 of 88 answerable questions and none of 12 unanswerable more than without it; on for study."""
    keep_share: float = 0.02
    """Quotes after the first are shown only with at least this share of the first one's probability:
    one the ranker finds fifty times less likely pads the answer, never helps it."""
    min_window: float = 0.3
    """Quotes after the first must match this share of the question with their neighbours (exactly or
    bridged): a weak match is no second answer."""


@dataclass(frozen=True, slots=True)
class Steer:
    """What a follow-up carries over from the previous turn."""

    extra_terms: tuple[str, ...] = ()
    prefer_article: int | None = None
    near_sentence: int | None = None
    speaker: str | None = None
    shown: frozenset[int] = field(default_factory=frozenset)
    """Sentence ids already shown."""
    exclude_shown: bool = False
    """True for a follow-up with no words of its own ("Why?"): show something new."""
