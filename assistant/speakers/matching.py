"""Asking by any form of a name: whether a stored attribution is the speaker a user names.

Read at question time only (stored attributions are not made with it), so it is left out of the
rules version: a change here does not rebuild stored indexes.
"""

import re
from collections.abc import Iterable

from assistant.models import Attribution
from assistant.speakers.aliases import is_body, key_of_query, keys_match, spaced_initials
from assistant.speakers.lexicon import BODIES, COMPANY_SUFFIXES, HONORIFICS, TITLE_ABBREVIATIONS
from assistant.speakers.mentions import PRONOUNS, wordset

# Offices only a person holds, written before a name.
_PERSON_TITLES = wordset(
    """senator congressman congresswoman representative president minister governor mayor chancellor
    premier secretary ambassador judge justice king queen prince princess sheikh pope bishop general
    colonel captain professor chairman chairwoman"""
)

# What one of a trade does, written before the speakers it describes: "Banking sources" are the
# "bankers" asked about, "trading sources" the "traders" ("bankers" -> "bank" + "ing").
_AGENT = re.compile(r"^([a-z]{3,}?)e?rs?$")
_GROUP_AFTER = r"\s+(?:sources?|circles?|officials?|executives?)\b"


def names_nobody(name: str) -> bool:
    """True for a speaker asked by a pronoun ("--speaker he"): it would find only the statements whose
    speaker the rules could not name, which is nobody the user means."""
    return name.strip().lower() in PRONOUNS


def quoted_by_nobody(name: str, keys: Iterable[str]) -> bool:
    """True when `name` is a name (not a role: "the spokesman" could be anyone) that no stored
    speaker key answers to, by any form `speaker_matches` takes: a refusal of "--speaker Nobodyatall"
    then says nobody of that name is quoted, not that their statements miss the question."""
    asked = key_of_query(name)
    if not asked:
        return False
    head = asked.split()
    return not any(keys_match(asked, key) or key.split()[: len(head)] == head for key in keys)


def speaker_matches(attribution: Attribution, name: str) -> bool:
    """True when `name` names the speaker, so users can ask by any form.

    "Blair", "Mr Blair", "Tony Blair" and "president blair" find the person keyed "tony blair";
    a name finds only that person, never a body or phrase that merely holds it ("the Reagan
    administration"). A role alone ("the mayor") finds whoever the article gives that role.
    """
    words = name.split()
    if not words:
        return False
    if _titled(words) and is_body(attribution.name):
        return False  # "Senator Fleming" is a person, never Fleming Securities
    asked = key_of_query(name)
    if asked:
        if keys_match(asked, attribution.key) or _company_head(asked, attribution):
            return True
        person = _person_of(asked)
        if person and keys_match(person, attribution.key):
            return True  # "Danuta Zielonka of Wertheim Schroder" for the Danuta Zielonka quoted
        if attribution.key:
            return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    if attribution.role and re.search(pattern, attribution.role, re.IGNORECASE):
        return True
    # An unnamed speaker ("the lighthouse keeper") is found by the words it is written with,
    # its last word included: "keeper" finds it, "Reagan" does not find "the Reagan administration".
    ending = pattern + r"\W*$"
    forms = () if attribution.key else (attribution.name, attribution.as_written)
    if any(re.search(ending, form, re.IGNORECASE) for form in forms):
        return True
    written = re.sub(r"[’']s$", "", name.lower()).split()
    if forms and spaced_initials(attribution.name.lower().split(), written):
        return True  # "S and P", which has no key of its own, for "Standard and Poor's"
    trade = _AGENT.match(words[-1].lower()) if len(words) == 1 else None
    if trade is None:
        return False
    doing = rf"(?<!\w){trade.group(1)}e?ing{_GROUP_AFTER}"
    return any(re.search(doing, form, re.IGNORECASE) for form in forms)


def _company_head(asked: str, attribution: Attribution) -> bool:
    """ "Onyx" for "Onyx Petroleum Exploration Co Ltd", "Middle South" for "Middle South Utilities
    Inc", "Morgan Guaranty" for "Morgan Guaranty Trust Co of New York": a company by the first words
    of its name, as readers and later sentences shorten it. Only a name the article writes with a
    company's suffix (Inc, Corp, Co, Ltd), last or before "of" and a place, so "Reagan" never finds
    the Reagan administration nor "Texas" the state's officials."""
    if not _suffixed(attribution.name.lower().split()):
        return False
    head, key = asked.split(), attribution.key.split()
    return 0 < len(head) < len(key) and key[: len(head)] == head


def _suffixed(words: list[str]) -> bool:
    """A company's name as written: a suffix after its first word, last or followed by "of" (the
    place a bank or agency is of: "Trust Co of New York", "Assistance Corp of New York")."""
    for k, word in enumerate(words[1:], start=1):
        if word.rstrip(".") in COMPANY_SUFFIXES:
            rest = words[k + 1 :]  # "Co Ltd": suffixes to the end
            return rest[:1] == ["of"] or all(w.rstrip(".") in COMPANY_SUFFIXES for w in rest)
    return False


def _person_of(asked: str) -> str | None:
    """ "danuta zielonka" of "danuta zielonka of wertheim schroder": a person asked with their
    firm, two or three words before "of" that name no body ("bank of england" is no person)."""
    before, of, _ = asked.partition(" of ")
    words = before.split()
    if not of or not 2 <= len(words) <= 3 or any(w in BODIES for w in words):
        return None
    return before


def _titled(words: list[str]) -> bool:
    """A name asked with a person's title or honorific before it: "Senator Fleming", "Mr Grant"
    (not "National Semiconductor", whose first word is also a role's)."""
    first = words[0].lower()
    return len(words) > 1 and (first in HONORIFICS or first in TITLE_ABBREVIATIONS or first in _PERSON_TITLES)
