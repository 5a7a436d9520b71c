"""Whether an answer to "What did Volcker say about X?" leads with someone else's words.

The ranker may rightly lead with a sentence that names the person asked about ("Paul Volcker's
resignation creates a vacuum, bankers said"): it is correctly attributed, but a reader asked for
Volcker's own words. The answer then names the person, so every front end can say so and offer
the speaker scope that keeps to their statements. A display note only: nothing is re-ranked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.models import Answer
from assistant.speakers import speaker_matches

if TYPE_CHECKING:
    from assistant.answer.question_class import QuestionInfo


def asked_speaker_not_first(
    info: QuestionInfo, answer: Answer, quoted_by_nobody: Callable[[str], bool]
) -> str | None:
    """The name the question asks for ("Volcker") when the first quote is not theirs and the corpus
    does quote them somewhere (so the speaker scope can answer); else None."""
    if not answer.answered or not answer.quotes or not info.asks_statement:
        return None
    name = info.subject
    if name is None or name not in info.names:  # a role ("the mayor") or no one named
        return None
    first = answer.quotes[0]
    if first.kind != "sentence" or (first.speaker is not None and speaker_matches(first.speaker, name)):
        return None
    return None if quoted_by_nobody(name) else name
