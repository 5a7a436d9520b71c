"""What a sentence holds that a question asks for: a number, a date, a place, a name, a reason.

Surface cues only; they nudge ranking toward sentences that state an answer rather than ones that
merely repeat the question's words.
"""

from __future__ import annotations

import re

from assistant.answer.question_class import QuestionInfo

_NUMBER = re.compile(r"[$€£]\s?\d|\d[\d,.]*\s?(?:%|percent|million|billion|trillion|thousand)|\b\d[\d,.]*\b")
_DATE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|yesterday|today|tomorrow|last\s+(?:week|year|month)"
    r"|this\s+(?:week|year|month)|(?:19|20)\d\d)\b",
    re.I,
)
_PLACE = re.compile(r"\b(?:at|in|near|from|to)\s+(?:the\s+)?[A-Z][\w’'-]+")
_NAME_PAIR = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+")
_REASON = re.compile(
    r"\b(?:because|since|so\s+that|in\s+order\s+to|due\s+to|as\s+a\s+result|which\s+would"
    r"|could\s+allow|to\s+(?:help|allow|enable|strike|provide))\b",
    re.I,
)


def acronym_pattern(question: str) -> re.Pattern[str] | None:
    """For "what does ATACMS stand for": a pattern for its expansion (`Words …, or ATACMS` / `ATACMS (…)`)."""
    match = re.search(r"\b([A-Z][A-Z0-9]{1,9}s?)\b", question)
    if not match:
        return None
    acronym = re.escape(match.group(1))
    words = r"(?:[A-Z][\w-]+[\s,]*){1,8}"
    return re.compile(rf"{words}(?:\(|\bor\s+){acronym}\b|\b{acronym}\s+\({words}")


def kind_bonus(info: QuestionInfo, text: str, question: str, acronym: re.Pattern[str] | None) -> float:
    """1.0 when the sentence holds the kind of thing the question asks for."""
    if info.kind == "acronym":
        # The sentence that spells an acronym out is the answer, however often others repeat it.
        return 3.0 if acronym is not None and acronym.search(text) else 0.0
    if info.kind == "amount":
        found = [m.group(0) for m in _NUMBER.finditer(text)]
        return 1.0 if any(n not in question for n in found) else 0.0
    if info.kind == "when":
        return 1.0 if _DATE.search(text) else 0.0
    if info.kind == "where":
        return 1.0 if any(m.group(0).split()[-1] not in question for m in _PLACE.finditer(text)) else 0.0
    if info.kind == "who":
        return 1.0 if any(m.group(0) not in question for m in _NAME_PAIR.finditer(text)) else 0.0
    if info.kind == "why":
        return 1.0 if _REASON.search(text) else 0.0
    return 0.0
