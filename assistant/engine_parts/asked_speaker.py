"""Whether an answer to "What did Volcker say about X?" leads with someone else's words.

The ranker may rightly lead with a sentence that names the person asked about ("Paul Volcker's
resignation creates a vacuum, bankers said"): it is correctly attributed, but a reader asked for
Volcker's own words. The answer then names the person, so every front end can say so and offer
the speaker scope that keeps to their statements. A display note only: nothing is re-ranked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.models import Answer
from assistant.speakers import speaker_matches

if TYPE_CHECKING:
    from assistant.answer.question_class import QuestionInfo


def asked_speaker_not_first(
    info: QuestionInfo, answer: Answer, quoted_by_nobody: Callable[[str], bool]
) -> str | None:
    """The name a "What did NAME say…?" question asks for when the first quote is someone else's
    words that mention NAME, and the corpus does quote NAME somewhere (so the speaker scope can
    answer); else None.

    Kept narrow, since a wrong note would cast doubt on a right answer: on the development sets a
    note for any first quote not matched to the name fired on 13 questions, 7 of them where the
    first quote was the right one, said by "the department", "USDA" read as "U.S. Agriculture
    Department", or a sentence with no speaker found.
    """
    if not answer.answered or not answer.quotes or not info.asks_statement:
        return None
    name = info.subject
    if name is None or name not in info.names or info.speaker_words != name:  # "What did NAME say"
        return None
    first = answer.quotes[0]
    speaker = first.speaker
    if first.kind != "sentence" or speaker is None or speaker_matches(speaker, name):
        return None
    mention = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    if not mention.search(first.text) or mention.search(f"{speaker.name} {speaker.as_written}"):
        return None  # the quote is not about them, or its speaker is written with their name
    return None if quoted_by_nobody(name) else name
