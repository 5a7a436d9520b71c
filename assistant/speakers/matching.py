"""Asking by any form of a name: whether a stored attribution is the speaker a user names.

Read at question time only (stored attributions are not made with it), so it is left out of the
rules version: a change here does not rebuild stored indexes.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from assistant.models import Attribution
from assistant.speakers.aliases import canonical_key, is_body, split_role
from assistant.speakers.lexicon import (
    BODIES,
    COMPANY_SUFFIXES,
    HONORIFICS,
    JOINERS,
    NOT_NAME,
    TITLE_ABBREVIATIONS,
)
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
    return not any(
        keys_match(asked, key) or form.split()[: len(head)] == head
        for key in keys
        for form in (key, owned_key(key))
    )


def speaker_matches(attribution: Attribution, name: str) -> bool:
    """True when `name` names the speaker, so users can ask by any form.

    "Blair", "Mr Blair", "Tony Blair" and "president blair" find the person keyed "tony blair";
    a name finds only that person, never a body or phrase that merely holds it ("the Reagan
    administration"). A role alone ("the mayor") finds whoever the article gives that role.
    """
    words = name.split()
    if not words:
        return False
    asked = key_of_query(name)
    if _titled(words) and is_body(attribution.name):
        if not _title_named(words, attribution.key):
            return False  # "Senator Fleming" is a person, never Fleming Securities
        asked = canonical_key(name)  # "General Motors": the title word is the body's own name
    if asked:
        if keys_match(asked, attribution.key) or _company_head(asked, attribution.name, attribution.key):
            return True
        if _owned_matches(asked, attribution) or _as_written(asked, attribution):
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


def _company_head(asked: str, name: str, key: str) -> bool:
    """ "Onyx" for "Onyx Petroleum Exploration Co Ltd", "Middle South" for "Middle South Utilities
    Inc", "Morgan Guaranty" for "Morgan Guaranty Trust Co of New York": a company by the first words
    of its name, as readers and later sentences shorten it. Only a name the article writes with a
    company's suffix (Inc, Corp, Co, Ltd), last or before "of" and a place, so "Reagan" never finds
    the Reagan administration nor "Texas" the state's officials."""
    if not _suffixed(name.lower().split()):
        return False
    head, words = asked.split(), key.split()
    return 0 < len(head) < len(words) and words[: len(head)] == head


def _title_named(words: list[str], key: str) -> bool:
    """Whether a body's name opens with the title word asked: "General Motors", "Premier Group",
    "Chancellor Capital" are the companies so named, though "general", "premier" and "chancellor"
    are a person's titles before a surname ("Senator Fleming" is never Fleming Securities)."""
    return key.split()[:1] == [words[0].lower()]


def _owned_matches(asked: str, attribution: Attribution) -> bool:
    """ "Nissan" for "Japan's Nissan Motor Co Ltd", "Holiday Inn" for "Holiday Corp's Holiday Inn
    Hotel Group": the wire opens a lead with the owner or the country in the possessive, and the
    name read from it keeps the owner; a reader asks by the name after it."""
    owned = owned_key(attribution.key)
    return bool(owned) and (
        keys_match(asked, owned) or _company_head(asked, owned_key(attribution.name.lower()), owned)
    )


def owned_key(name: str) -> str:
    """The words of a key (or a name) after an owner in the possessive ("nissan motor" of "japan's
    nissan motor"); empty where it has none."""
    words = name.replace("’", "'").split()
    owner = next((k for k in range(len(words) - 2, -1, -1) if words[k].endswith("'s")), None)
    return "" if owner is None else " ".join(words[owner + 1 :])


def _as_written(asked: str, attribution: Attribution) -> bool:
    """ "Loh" for "Loh Hoon Sun" where the sentence writes him "Loh": the surname that comes first
    (Chinese, Korean, Hungarian names), or any short form, is the one the article uses for that
    person, whatever the key's order. A pronoun or a description ("he", "the company") keys nothing."""
    written = attribution.as_written
    return asked in written.lower() and key_of_query(written) == asked  # the test first: it is cheap


def _body_extended(asked: list[str], words: list[str]) -> bool:
    """ "IDC Services" for "IDC", "Salomon Brothers" for "Salomon": a body asked by its name and a
    body word ("Services", "Brothers", "Group") the article leaves off."""
    rest = asked[len(words) :]
    return 0 < len(words) < len(asked) and asked[: len(words)] == words and all(w in BODIES for w in rest)


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


@lru_cache(maxsize=4096)
def key_of_query(name: str) -> str:
    """The key a user's "Mr Blair", "the chancellor's", "Tony Blair" asks for (titles and roles left out).

    Empty when the words name nobody ("the mayor", "national security adviser"). Kept per distinct
    string: every candidate's speaker is matched against the same name asked, and the forms written.
    """
    cleaned = re.sub(r"[’']s$", "", " ".join(name.split()))
    if cleaned.islower() or cleaned.isupper():
        # "president reagan", "JAKE SULLIVAN": typed in one case, read as a name would be written.
        cleaned = " ".join(w if w in JOINERS else w[:1].upper() + w[1:].lower() for w in cleaned.split())
    person, _ = split_role(cleaned)
    return canonical_key(person)


def keys_match(asked: str, key: str) -> bool:
    """True when the asked key names the same person or body as a stored key.

    "blair" asks for "tony blair"; "sherman chao" for a "chao" the article never named in full;
    "moody" for "moody's investors service" (a body by the first words of its name); "porla" for
    "palm oil registration and licensing authority" and back (a body by its initials).
    """
    if not asked or not key:
        return False
    if "|" in key:  # a surname the article left open between people: only the surname finds it
        return asked.split() == key.split("|")[0].split()[-1:]
    asked_words, words = _bare(asked.split()), _bare(key.split())
    if words[-len(asked_words) :] == asked_words:
        return True
    if asked_words[-len(words) :] == words and (len(words) > 1 or _surname(words[0])):
        return True  # asked in full, stored by the surname alone (or a shorter full name)
    if _body_head(asked_words, words) or _body_extended(asked_words, words):
        return True
    if _initials_of(asked_words, words) or _initials_of(words, asked_words):
        return True
    return spaced_initials(asked_words, words) or spaced_initials(words, asked_words)


def spaced_initials(short: list[str], long: list[str]) -> bool:
    """ "s and p" for "standard and poor's": a body the wire shortens to its initials written
    apart, joined as its name is ("S and P", "AT and T")."""
    letters = [w for w in short if w not in JOINERS]
    if len(letters) < 2 or len(letters) == len(short):
        return False  # no joining word: "s p" is no name written apart
    if not all(len(w) <= 2 and w.isalpha() for w in letters):
        return False
    content = [w for w in long if w not in JOINERS and w != "the" and w not in BODIES]
    return len(content) >= 2 and "".join(letters) == "".join(w[0] for w in content)


def _bare(words: list[str]) -> list[str]:
    """Words without a possessive: "moody's" is "moody"."""
    return [w[:-2] if w.endswith("'s") and len(w) > 2 else w for w in words]


def _surname(word: str) -> bool:
    """A one-word stored key that can be a person's surname (not "Treasury", not an acronym's body)."""
    return word.isalpha() and word not in BODIES and word not in NOT_NAME


def _body_head(asked: list[str], words: list[str]) -> bool:
    """ "Moody's" for "Moody's Investors Service": a body's name by its own first words."""
    if len(asked) >= len(words) or words[-1] not in BODIES or words[: len(asked)] != asked:
        return False
    return asked[0] not in BODIES and asked[-1] not in JOINERS and words[len(asked)] not in JOINERS


def _initials_of(short: list[str], long: list[str]) -> bool:
    """ "porla" for "palm oil registration and licensing authority": a body's acronym, with or
    without its joining words' letters ("of", "and"). Three words and three letters at least, so a
    short word is not read as initials by chance."""
    if len(short) != 1 or len(long) < 3 or len(short[0]) < 3 or not short[0].isalpha():
        return False
    content = "".join(w[0] for w in long if w not in JOINERS and w != "the")
    every = "".join(w[0] for w in long)  # "of" and "and" lettered too, for a body's name only
    return short[0] == content or (long[-1] in BODIES and short[0] == every)
