"""The knobs of answering: how many quotes, how sure, how parts of a score weigh; and what a
follow-up carries over. Plain records, shared by the engine, the CLI and the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RankWeights:
    """How much each part of a sentence's score counts (each part is on a 0–1 scale)."""

    coverage: float = 0.6
    """Share of the question's weight the sentence itself matches."""
    window: float = 0.4
    """Share matched by the sentence with its neighbours: the context names what the sentence only implies."""
    bm25: float = 0.0
    """The sentence's own BM25; coverage already says most of it (0 scored best on the tuning split)."""
    passage: float = 0.1
    kind: float = 0.2
    """Holds the kind of thing asked for; weighed above the window so "how much" gets the number."""
    novelty: float = 0.04


@dataclass(frozen=True, slots=True)
class AnswerSettings:
    """How many quotes, how long, and how sure an answer must be."""

    top: int = 3
    candidates: int = 40
    """Passages whose sentences are ranked."""
    budget_tokens: int = 400
    """Tokens all quotes of one answer may take together (the first quote always shows)."""
    max_question_tokens: int = 200
    min_coverage: float = 0.45
    """Share of the question's weight some sentence (with its neighbours) must match, or no answer."""
    short_coverage: float = 0.65
    """The same for a question of one or two terms: matching one of two words is no answer."""
    weights: RankWeights = field(default_factory=RankWeights)


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
