"""Whether words beside a name are a title or role worth showing ("Prime Minister"), or junk.

A role is a short title or office phrase next to the name; never a clause fragment ("gap
between what"), another person's name, a possessive or a group of people.
"""

from __future__ import annotations

import itertools
import re

from assistant.speakers.lexicon import (
    FIRST_NAMES,
    JOINERS,
    MORE_ROLES,
    NOT_NAME,
    OF,
    PARTIES,
    TITLE_ABBREVIATIONS,
)
from assistant.speakers.mentions import ROLE_WORDS, is_determiner, wordset

# Last words a role may end in beyond the title lists: a singular noun for someone who does something.
_ROLE_END = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman|elect|head|chief)$")
_NOT_IN_ROLE = wordset(
    """what which who whom whose that this these those between but if when while because than
    to was were is are be been has have had not no it its they their them he she his her we our"""
)
_MAX_ROLE_WORDS = 10
_MAX_HEAD_WORDS = 6
_GROUPS = wordset("people public men women police folks staff family")


def is_role(words: list[str]) -> bool:
    """A short title or role written beside a name ("Prime Minister", "Pacific Telesis Group chairman").

    Never a clause fragment ("gap between what"), another person's name ("Prime Minister Bob
    Hawke and Treasurer"), a possessive ("UAW's") or a group ("American people").
    """
    if not words or len(words) > _MAX_ROLE_WORDS:
        return False
    lowered = [w.lower().strip(",.;:()") for w in words]
    if any(w in _NOT_IN_ROLE for w in lowered) or words[-1].endswith(("’s", "'s", "s’", "s'")):
        return False
    if lowered[-1] in OF | JOINERS or is_determiner(lowered[-1]):
        return False  # "Governor of the": cut short
    for first, second in itertools.pairwise(words):
        if (
            first.lower() in FIRST_NAMES
            and second[:1].isupper()
            and second.lower().rstrip(".") not in NOT_NAME
        ):
            return False  # another person's name inside the phrase ("Charlotte Mayor" is a place's office)
    if _role_head(lowered[-1]):
        return True
    cut = next((i for i, w in enumerate(lowered) if w in OF), 0)
    return 0 < cut <= _MAX_HEAD_WORDS and _role_head(lowered[cut - 1])  # "President of the …"


def _role_head(last: str) -> bool:
    """A last word a title or role can end in: one person's office or trade, not a group."""
    if last in _GROUPS or (last.endswith("s") and last not in ROLE_WORDS | MORE_ROLES):
        return False
    if last in NOT_NAME or last in PARTIES or last.rstrip(".") + "." in TITLE_ABBREVIATIONS:
        return True
    return bool(_ROLE_END.search(last))


def is_description(words: list[str]) -> bool:
    """ "a professor at Yale": a description after a comma, judged by the words before its preposition."""
    head: list[str] = []
    for word in words:
        if word.lower() in OF | {"in", "with", "from", "on"}:
            break
        head.append(word)
    return is_role(head)
