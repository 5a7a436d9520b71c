"""For "what did X say about Y": a statement that goes on from the sentence before it is about
that sentence's topic, though it repeats none of its words.

News names a topic once and then says what it means in the next sentence, which refers back to it:
"Petronas has been offering two to three spot cargoes each month for sale through tender, the
sources said. However, this practice is likely to dwindle ..., they said." Asked what will happen to
Petronas's tenders, the second sentence is the answer, though only the first holds "tender". The
same holds for "They go for about 20 to 30 pct less ..." after the sentence saying what "they" are,
and "But that cost will be more than offset ..." after the cost. A sentence that opens by pointing
back (a demonstrative, "they", a contrast) is credited with part of the topic the one before holds.
"""

from __future__ import annotations

import re

from assistant.answer.statement_subject import is_statement_past
from assistant.speakers.verbs import CLAUSE_CUES, CUES

CARRIED_SHARE = 0.5
"""The part of the topic the sentence before holds, beyond its own, that a sentence going on from
it is credited with: half, as a bridged word counts half of an exact one."""

_LEAD = re.compile(r"^[\s\"'“‘(]*")
_CONTRAST = frozenset("however but yet still instead nevertheless nonetheless otherwise".split())
_DEMONSTRATIVES = frozenset("this these that those such".split())
_REFERENCES = frozenset("they it".split())
_WORDS = re.compile(r"[A-Za-z’']+")


def goes_on(text: str) -> bool:
    """Whether a sentence opens by pointing back at the one before: a contrast ("However,", "But"),
    a demonstrative ("this practice", "That"), or "they"/"it" as the subject of what it says ("They
    go for ..."), not of a reporting verb ("It said", "They added": a speaker, not a topic)."""
    words = [w.lower() for w in _WORDS.findall(_LEAD.sub("", text)[:80])]
    if not words:
        return False
    first = words[0]
    if first in _CONTRAST or first in _DEMONSTRATIVES:
        return True
    if first in _REFERENCES:
        verb = [w for w in words[1:3] if w != "also"][:1]
        return bool(verb) and not (is_statement_past(verb[0]) or verb[0] in CUES or verb[0] in CLAUSE_CUES)
    return False
