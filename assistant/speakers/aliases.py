"""A speaker mention split into a person's name and their role, and a key that is one per person.

"Prime Minister Tony Blair", "Mr Blair" and "Blair" are one person: the name is
the trailing capitalised words that are not titles or roles ("Tony Blair"), the
role is what stands before it ("Prime Minister"), and the canonical key is the
name folded to plain lower case ("tony blair"). Mentions with no name of their
own ("he", "the spokesman", "officials", "The") get an empty key: they are
never listed as a person.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.speakers.mentions import PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, is_determiner, wordset

# Titles written before a name that say nothing about a role of their own.
HONORIFICS = wordset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady mme mme. m. herr")
# Abbreviated titles that are roles ("Sen. Jane Doe" is a senator).
_TITLE_ABBREVIATIONS = wordset(
    "sen. sens. rep. reps. gov. gen. lt. col. sgt. capt. maj. adm. cmdr. prof. rev. atty. pres. amb. supt."
)
# Role words in titles that the mention reader does not need but a name never holds.
_MORE_ROLES = wordset(
    """chancellor premier prime king queen prince princess emperor pope cardinal bishop archbishop sheikh
    treasurer comptroller commissioner inspector superintendent sergeant captain major colonel lieutenant
    admiral marshal detective constable judge justice magistrate vice deputy assistant acting former
    interim shadow junior foreign home finance defence defense trade economy economics energy health
    justice interior labour labor agriculture commerce transport transportation education environment
    state treasury exchequer national security white house chairman's executive managing senior general
    chief ceo cfo coo md ambassador envoy governor senator congressman congresswoman mp mep lawmaker
    striker midfielder defender goalkeeper manager coach captain boss skipper"""
)
# Words that end a name when met going back from its last word: these belong to the role before it.
_NOT_NAME = ROLE_WORDS | _MORE_ROLES | _TITLE_ABBREVIATIONS | SPEAKER_NOUNS
# Words that open a role complement ("Secretary of State John Kerry", "a spokesman for Exxon").
_OF = frozenset({"of", "for", "at"})
_NAME_WORD = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][\w’'\-]*\.?$|^(?:de|da|van|von|der|den|del|di|bin|al|le|la)$")
_TRAILING_MARKS = " ,.;:"


def _is_name_word(word: str) -> bool:
    lower = word.lower()
    if lower in _NOT_NAME or lower in PRONOUNS or is_determiner(word) or lower in HONORIFICS:
        return False
    return bool(_NAME_WORD.match(word))


def split_role(mention: str) -> tuple[str, str | None]:
    """("Tony Blair", "Prime Minister") from "Prime Minister Tony Blair"; ("", role) when no name."""
    text = " ".join(mention.split()).strip(_TRAILING_MARKS)
    head, _, description = text.partition(",")  # "Dante Scala, a professor at…"
    words = head.split()
    # A label after the name ("(D-Conn.)") is not part of it.
    while words and words[-1].startswith("("):
        words.pop()
    name: list[str] = []
    for word in reversed(words):
        if not _is_name_word(word):
            break
        name.append(word)
    name.reverse()
    while name and name[0].islower():  # a particle cannot open a name
        name.pop(0)
    rest = words[: len(words) - len(name)]
    if name and rest and rest[-1].lower() in _OF and len(name) > 2:
        # "Secretary of State John Kerry": the office's own words stand before the person's.
        rest, name = rest + name[:-2], name[-2:]
    role_words = [w for w in rest if w.lower() not in HONORIFICS]
    while role_words and (is_determiner(role_words[0]) or role_words[0].lower() in _OF):
        role_words.pop(0)
    while role_words and role_words[-1].lower() in _OF:
        role_words.pop()
    role = " ".join(role_words) or None
    if description.strip():
        extra = description.strip().split()
        while extra and is_determiner(extra[0]):
            extra.pop(0)
        described = " ".join(extra).strip(_TRAILING_MARKS)
        role = described if role is None else f"{role}, {described}"
    if name and _only_org_suffix(name):
        name = []
    return " ".join(name), role


def _only_org_suffix(name: list[str]) -> bool:
    """A "name" that is no name: a lone initial, a lone abbreviation."""
    return len(name) == 1 and (len(name[0].rstrip(".")) <= 1)


def canonical_key(name: str) -> str:
    """The form one person's names share: lower case, accents and honorifics gone ("tony blair")."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")
    words = [w.strip(".,").lower() for w in folded.split()]
    return " ".join(w for w in words if w and w + "." not in HONORIFICS and w not in HONORIFICS)


def key_of_query(name: str) -> str:
    """The key a user's "Mr Blair", "the chancellor's", "Tony Blair" asks for (titles and roles left out)."""
    cleaned = re.sub(r"[’']s$", "", name.strip())
    person, _ = split_role(cleaned)
    return canonical_key(person or cleaned)


def keys_match(asked: str, key: str) -> bool:
    """True when the asked key names the same person as a stored key: "blair" asks for "tony blair"."""
    if not asked or not key:
        return False
    asked_words, words = asked.split(), key.split()
    return words[-len(asked_words) :] == asked_words or (asked_words[-len(words) :] == words and len(words) > 1)
