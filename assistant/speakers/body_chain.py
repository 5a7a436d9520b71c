"""A body's name written with its joining words, and a person's name glued after a body's.

Reading a name back from its last word stops at the first word no name holds, so "the
Organisation for Economic Cooperation and Development" was "Development", "the General Agreement
on Tariffs and Trade" "Agreement" (a person, to whom a later "he" went), and "the Democratic
National Convention" "Convention". And a mention that runs a body's name into a person's ("The
director of the Office of Management and Budget James Miller", "Securities and Exchange
Commission Bilzerian") is the person, with the body in their role. Both are read here, before
the name rules see the words.
"""

from __future__ import annotations

import itertools

from assistant.speakers.lexicon import (
    BODIES,
    COMPANY_SUFFIXES,
    FIRST_NAMES,
    HONORIFICS,
    LEADING,
    NOT_NAME,
    PARTIES,
    TITLE_ABBREVIATIONS,
)
from assistant.speakers.mentions import ROLE_WORDS, is_determiner, wordset

# Words a body's name may end in besides BODIES' (the head of "the Democratic National Convention").
HEADS = BODIES | wordset("convention conference organisation organization agreement treaty programme program")
# Words after which a body's name goes on: "Organisation for …", "Agreement on …", "Bank of …".
_OPENS_REST = frozenset({"of", "for", "on"})
_JOINS = _OPENS_REST | {"and", "&"}
# Bodies of government and public life, after whose name a person's surname is glued ("Commission
# Bilzerian"); a company's suffix is not one: "Service Corp International" is one company.
_PUBLIC = wordset(
    """commission committee department ministry agency board council bureau office authority court
    federation association institute convention conference"""
)
_MAX_GLUED = 3
# Words that make a body's name a complement of what stands before it ("a spokesman for the …"), or
# the second of two ("The State Department and the Department of Homeland Security").
_COMPLEMENT = frozenset({"of", "for", "at", "from", "with", "by", "and", "or"})
_TITLES = ROLE_WORDS | TITLE_ABBREVIATIONS | HONORIFICS
_NO_TAIL = HEADS | PARTIES | NOT_NAME | LEADING


def _capital(word: str) -> bool:
    return word[:1].isupper() and not word.endswith(("’s", "'s"))


def chain_start(words: list[str]) -> int | None:
    """Where a body's name that ends `words` begins, when it is written with joining words and a
    head noun ("Organisation for Economic Cooperation and Development") or is a body of a party
    ("Republican National Committee"); None when the words end in no such name."""
    i = len(words)
    head = None
    while i > 0:
        word = words[i - 1]
        lower = word.lower()
        if _capital(word) and lower in _TITLES and head is None:
            break  # "Bank of America Chairman Samuel Armacost": the person after the title
        if _capital(word) and lower not in HONORIFICS:
            i -= 1
        elif lower in _JOINS and 2 <= i < len(words) and _capital(words[i - 2]):
            if lower in _OPENS_REST and words[i - 2].lower().rstrip(".") in HEADS:
                head = i - 2
            i -= 1
        else:
            break
    while i < len(words) - 1 and (is_determiner(words[i]) or words[i].lower() in LEADING):
        i += 1  # "The Democratic National Convention", "But the Organisation for …"
    last = words[-1].lower().rstrip(".") if words else ""
    if head is None and not (last in HEADS and i < len(words) - 1 and words[i].lower() in PARTIES):
        return None
    before = _without_owner([w for w in words[:i] if not is_determiner(w)])
    if before and before[-1].lower() in _COMPLEMENT:
        return None  # "Marcio Stefani of the Brazilian Association of …", "the State Department and the …"
    return i


def _without_owner(before: list[str]) -> list[str]:
    """The words before a body's name without the name of its owner ("a former chairman of
    President Reagan's Council of Economic Advisers"): the owner belongs to the complement, and
    the chairman, not the council, is who spoke."""
    if not before or not before[-1].endswith(("’s", "'s")):
        return before
    j = len(before) - 1
    while j > 0 and before[j - 1][:1].isupper():
        j -= 1
    return before[:j]


def glued_person(words: list[str]) -> int | None:
    """Where a person's name run on after a public body's begins ("Securities and Exchange
    Commission Bilzerian" → 3; "Office of Management and Budget James Miller" → the "James"), or None.

    The body's name holds two capitalised words at least, and what follows it is one to three
    words of a name: no body's word, no capitals throughout, a known first name where the body's
    own name ends in a word that is no body's (as "Budget" does)."""
    for k in range(len(words) - 1, 0, -1):
        tail = words[k:]
        if len(tail) > _MAX_GLUED or not all(
            _capital(w) and w.replace("-", "").isalpha() and not w.isupper() for w in tail
        ):
            return None
        if any(w.lower() in _NO_TAIL for w in tail):
            return None
        before = words[k - 1].lower().rstrip(".")
        if before in _PUBLIC and before not in COMPANY_SUFFIXES and k >= 2 and _capital(words[k - 2]):
            return k
        if tail[0].lower() in FIRST_NAMES and len(tail) > 1 and _joined_body(words[:k]):
            return k
    return None


def _joined_body(words: list[str]) -> bool:
    """ "the Office of Management and Budget": a public body's name run through "of" to its end."""
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() in _OPENS_REST:
            return words[i - 1].lower() in _PUBLIC and all(
                _capital(w) or w.lower() in _JOINS for w in words[i + 1 :]
            )
    return False


def names_a_body(words: list[str]) -> bool:
    """A name that is a body's: it ends in a body's word, or runs on from one through "of", "for"
    or "on" ("Bank of England", "General Agreement on Tariffs and Trade")."""
    if not words:
        return False
    if words[-1].lower().rstrip(".") in HEADS:
        return True
    return any(
        a.lower().rstrip(".") in HEADS and b.lower() in _OPENS_REST for a, b in itertools.pairwise(words)
    )


def head_word(name: str) -> str:
    """The word that says what a body is: "department" of "Florida Department of State", "corp" of
    "Exxon Corp" (the last word where no "of", "for" or "on" runs the name on)."""
    words = name.lower().replace(".", "").split()
    for a, b in itertools.pairwise(words):
        if b in _OPENS_REST and a in HEADS:
            return a
    return words[-1] if words else ""
