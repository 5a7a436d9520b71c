"""Follow-up questions: "What did he say about it?", "Why?", "And Austin?".

A question too thin to stand alone borrows from the previous turn: its terms,
its article, its speaker. A question with its own subject starts fresh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer.question_class import analyse_question
from assistant.answer.settings import Steer
from assistant.index.tokens import terms
from assistant.models import Answer

_PERSON_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.I)
_THING_PRONOUN = re.compile(r"\b(?:it|its|that|this|they|them|their|there|those|these)\b", re.I)
_CONTINUATION = re.compile(r"^\s*(?:and|but|so|also|what\s+about|how\s+about|why|how|when|where|who)\b", re.I)
# Words that carry no topic in a follow-up ("what did he say about it").
_GENERIC = frozenset(
    terms(
        "say said says tell told think mean more else why how when where who what about happen "
        "explain detail details really"
    )
)


@dataclass(frozen=True, slots=True)
class Turn:
    """One question and its answer, with what the follow-up logic needs of it."""

    question: str
    answer: Answer
    topic_terms: tuple[str, ...]
    name_terms: tuple[str, ...]
    article: int | None
    sentence: int | None
    speaker: str | None
    shown: frozenset[int]
    thread: str
    """The question that started this line of follow-ups."""
    asked_statement: bool
    """True when the question asked what someone said."""


@dataclass(slots=True)
class Conversation:
    """The turns so far; pass the same one to each `Engine.ask` for follow-ups."""

    turns: list[Turn] = field(default_factory=list)

    def clear(self) -> None:
        """Forget the conversation: the next question starts fresh."""
        self.turns.clear()

    @property
    def last_answered(self) -> Turn | None:
        """The latest turn that found an answer: what a follow-up refers to."""
        return next((t for t in reversed(self.turns) if t.answer.answered), None)

    def steer(self, question: str) -> tuple[Steer | None, str | None]:
        """How to read `question` given the last answered turn, and a note saying so (None: fresh)."""
        last = self.last_answered
        if last is None:
            return None, None
        own = [t for t in terms(question) if t not in _GENERIC]
        info = analyse_question(question)
        person = bool(_PERSON_PRONOUN.search(question))
        thing = bool(_THING_PRONOUN.search(question))
        continuation = bool(_CONTINUATION.match(question))
        thin = not own or ((person or thing) and len(own) <= 2) or (continuation and len(own) <= 1)
        if not thin:
            return None, None
        new_names = {t for n in info.names for t in terms(n)}
        carried = [t for t in last.topic_terms if t not in last.name_terms or not new_names]
        if person and last.speaker is None:
            carried += list(last.name_terms)
        speaker = None
        if person and not new_names:
            speaker = last.speaker
        elif new_names and last.asked_statement and len(info.names) == 1:
            speaker = info.names[0]  # "What did Sullivan say?" then "And Austin?"
        note = f"Follow-up to “{last.thread}”"
        if speaker:
            note += f", speaker {speaker}"
        steer = Steer(
            extra_terms=tuple(carried),
            prefer_article=last.article,
            near_sentence=last.sentence,
            speaker=speaker,
            shown=last.shown,
            exclude_shown=not own,
        )
        return steer, note

    def record(
        self, question: str, answer: Answer, article: int | None, sentence: int | None, shown: frozenset[int]
    ) -> None:
        """Remember a turn for the next question."""
        info = analyse_question(question)
        name_terms = tuple(t for n in info.names for t in terms(n))
        topic = tuple(dict.fromkeys(t for t in answer.searched.split() if t not in _GENERIC))
        speaker = None
        if answer.quotes and answer.quotes[0].speaker is not None:
            speaker = answer.quotes[0].speaker.name
        last = self.last_answered
        if answer.followed is not None and last is not None:
            thread, shown = last.thread, shown | last.shown
        else:
            thread = question
        self.turns.append(
            Turn(
                question,
                answer,
                topic,
                name_terms,
                article,
                sentence,
                speaker,
                shown,
                thread,
                info.asks_statement,
            )
        )


def where_note(note: str, title: str, quoted: list[str], stayed: str) -> str:
    """`note` plus where the follow-up's quotes came from, said truthfully: the article it stayed
    with (`stayed`, titled `title`), or other articles because that one had nothing more."""
    inside = sum(1 for q in quoted if q == stayed)
    if quoted and inside == len(quoted):
        return f"{note}: stayed with “{title}”"
    if inside:
        return f"{note}: stayed with “{title}”, then other articles"
    if not quoted:
        return f"{note}: “{title}” has nothing more on this"
    return f"{note}: “{title}” has nothing more on this, so from other articles"
