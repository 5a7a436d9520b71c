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
from functools import lru_cache

from assistant.speakers.body_chain import chain_start, glued_person, names_a_body
from assistant.speakers.lexicon import (
    BODIES,
    COMMON_PEOPLE,
    COMPANY_SUFFIXES,
    FEMALE,
    FEMALE_FIRST,
    FIRST_NAMES,
    HONORIFICS,
    JOINERS,
    LEADING,
    MALE,
    MALE_FIRST,
    NOT_NAME,
    OF,
    OPENERS,
    PARTIES,
)
from assistant.speakers.mentions import (
    PRONOUNS,
    SPEAKER_NOUNS,
    capital,
    is_determiner,
    romance_name_start,
    wordset,
)
from assistant.speakers.roles import is_description, is_role

_DESCRIBED = ("-based", "-controlled", "-owned", "-run", "-led", "-backed")
_PLURAL_AGENT = re.compile(r"(?:ers|ors|ists|ians|ants|ents)$")
_NAME_WORD = re.compile(
    r"^(?:[A-Z]\.)+$|^[A-Z][\w’'\-]*\.?$|^['’][A-Z]$|^(?:de|da|van|von|der|den|del|di|bin|al|le|la)$"
)
_TRAILING_MARKS = " ,.;:"


def _is_name_word(word: str, *, org: bool = False) -> bool:
    lower = word.lower()
    if lower in PRONOUNS or is_determiner(word) or lower in HONORIFICS or lower.endswith(_DESCRIBED):
        return False  # "Ohio-based Gencorp", "French-controlled Schlumberger": a description
    if (
        org
    ):  # inside a body's name every capitalised word counts: "General Motors Corp", "Pay 'N Pak Stores Inc"
        return capital(word)
    if lower in NOT_NAME or word.endswith(("’s", "'s")):
        return False
    return bool(_NAME_WORD.match(word))


def _name_start(words: list[str], *, org: bool = False) -> int:
    """Where the trailing name begins, read back from the last word."""
    org = org or (bool(words) and words[-1].lower().rstrip(".") in BODIES)
    i = len(words)
    while i > 0:
        if i < len(words) and words[i - 1].lower() in PARTIES:
            break  # "Republican Donald Trump": the party is a role ("Labour said": the party speaks)
        if _is_name_word(words[i - 1], org=org):
            i -= 1
            continue
        opens = romance_name_start(words, i - 1) if i < len(words) else None
        if opens is not None:
            i, org = opens, True  # "Caisse de depot et placement du Quebec": one body's name
            continue
        joins = words[i - 1].lower() in JOINERS and 2 <= i < len(words) and words[i - 2][:1].isupper()
        if joins and (org or words[i - 2].lower().rstrip(".") in BODIES):
            # "Bank of England", "Standard and Poor's Corp": the body's name runs on.
            i -= 2
            org = True
            continue
        break
    while i < len(words) and (words[i].lower() in LEADING | OPENERS or words[i].islower()):
        i += 1  # "But Zoltan Boesze", "In February USAir": capitals of a sentence's start
    return i


@lru_cache(maxsize=8192)
def split_role(mention: str, *, sentence_start: bool = False) -> tuple[str, str | None]:
    """("Tony Blair", "Prime Minister") from "Prime Minister Tony Blair"; ("", role) when no name.

    `sentence_start`: the mention opens its sentence, so a capital says nothing ("Traders said").
    """
    text = " ".join(mention.split()).strip(_TRAILING_MARKS)
    head, _, description = text.partition(",")  # "Dante Scala, a professor at…"
    words = head.split()
    while words and words[-1].startswith("("):
        words.pop()  # a label after the name ("(D-Conn.)") is not part of it
    start = glued_person(words)
    if start is None:
        start = chain_start(words)
    if start is None:
        start = _name_start(words)
    name, rest = words[start:], words[:start]
    if name and len(rest) > 1 and rest[-1].lower() == "in":
        # "Brookehill Group in New York", "a USDA analyst in Washington": the place is not the speaker.
        return split_role(" ".join(rest[:-1]), sentence_start=sentence_start)
    if name and len(rest) > 1 and rest[-1].lower() == "of" and _body_before_of(rest[:-1]):
        # "The Writers Guild of America": the body's name runs on through "of".
        body = _name_start(rest[:-1], org=True)
        rest, name = rest[:body], rest[body:] + name
    if name and rest and rest[-1].lower() in OF and len(name) > 2 and name[-1].lower() not in BODIES:
        # "Secretary of State John Kerry": the office's own words stand before the person's.
        rest, name = rest + name[:-2], name[-2:]
    elif len(name) >= 2 and rest[-1:] == ["and"] and any(w.lower() in OF for w in rest[-4:-1]):
        # "Minister of Energy and Mines Subroto", "Secretary of Health and Human Services Otis Bowen":
        # the office's second field, then the person (from a known first name on, else the last two
        # words, or the last one of two).
        cut = next((p for p, w in enumerate(name) if w.lower() in FIRST_NAMES), max(len(name) - 2, 1))
        rest, name = rest + name[:cut], name[cut:]
    person = _person_of_body(name, titled=is_role([w for w in rest if w.lower() not in HONORIFICS]))
    if person is not None:  # "James Fry of GM": the person speaks, for the body
        name, employer = person
        rest = [*rest, "of", *employer]
    if len(name) > 1 and name[0].lower() in COMMON_PEOPLE:
        rest, name = rest + name[:1], name[1:]  # "Investor Sumner Redstone"
    if sentence_start and len(name) == 1 and not rest and _common_plural(name[0]):
        rest, name = name, []
    role_words = [w for w in rest if w.lower() not in HONORIFICS]
    while role_words and (is_determiner(role_words[0]) or role_words[0].lower() in OF | LEADING):
        role_words.pop(0)
    while role_words and (role_words[-1].lower() in OF | JOINERS or _article_after_of(role_words)):
        role_words.pop()  # "An official at the U.S. Embassy": the official
    role = " ".join(role_words) if is_role(role_words) else None
    if description.strip():
        extra = description.strip().split()
        while extra and is_determiner(extra[0]):
            extra.pop(0)
        described = " ".join(extra).strip(_TRAILING_MARKS)
        if is_description(extra):
            role = described if role is None else f"{role}, {described}"
    if name and (_no_name(name) or _dateline(name)):
        name = []
    return " ".join(name), role


def _article_after_of(words: list[str]) -> bool:
    """ "the" or "a" ending a role after "at", "of", "for": "An official at the" (U.S. Embassy)."""
    return len(words) > 1 and is_determiner(words[-1]) and words[-2].lower() in OF


def _person_of_body(name: list[str], *, titled: bool = False) -> tuple[list[str], list[str]] | None:
    """(["James", "Fry"], ["GM"]) from "James Fry of GM"; None for a body's own "of" ("Bank of England").

    `titled`: a role stands before the name ("analyst Sherman Chao of Salomon Brothers"), so the
    words before "of" are a person's, whatever follows."""
    if "of" not in name:
        return None
    cut = name.index("of")
    before, after = name[:cut], name[cut + 1 :]
    if not 2 <= len(before) <= 3 or not after or any(w.lower().rstrip(".") in BODIES for w in before):
        return None
    body = after[-1].lower().rstrip(".") in BODIES or (len(after) == 1 and after[0].isupper())
    return (before, after) if body or titled or before[0].lower() in FIRST_NAMES else None


# Words a Title Case headline capitalises that no name holds: "The National Review Crowd Does Not
# Like Donald Trump" (a live blog's entry title, run into its first line) is no fuller form of
# "Trump". ("Will", "A", "Of", "And" stay out: Will Smith, Thomas A Edison, Bank Of England.)
_HEADLINE_WORDS = wordset(
    """than does do did not like likes wants want is are was were can could has have had says with
    for from to into over after before about against as at by on in up out but or nor if how why
    what when who it its this that these those an his her their our your my"""
)


def drop_openers(mention: str) -> str:
    """ "Everything Trump" → "Trump": a sentence's first word that is no part of the name after it;
    and a headline run into the name ("... A Quarantine Over Zika Virus Chris Christie" → "Zika
    Virus Chris Christie", "... Lot Worse Than Waterboarding' Donald Trump" → "Donald Trump"): what
    follows the last capitalised word no name holds, or the last word that closes a quotation."""
    words = mention.split()
    while len(words) > 1 and words[0].lower() in OPENERS | LEADING:
        words.pop(0)
    cut = 0
    for i, word in enumerate(words[:-1]):
        lower = word.lower()
        closes = lower[-1] in "'’" and lower[-2:-1] != "s" and len(lower) > 2  # not the N' of Pay N' Pak
        if (word[:1].isupper() and lower in _HEADLINE_WORDS) or closes:
            cut = i + 1
    words = words[cut:]
    if len(words) > 2 and _epithet(words[0]) and words[1].lower() in MALE_FIRST | FEMALE_FIRST:
        # "Rival Hillary Clinton", "Crooked Hillary Clinton": a word about her, not her name. Only
        # before a common first name: "Hanns Christian Schroeder-Hohenwarth" has two given names.
        words.pop(0)
    return " ".join(words)


def _epithet(word: str) -> bool:
    """A capitalised word before a first name that is neither a name, a title nor a party."""
    lower = word.lower()
    return not (lower in FIRST_NAMES or lower in NOT_NAME or lower in HONORIFICS or lower in PARTIES) and (
        word[:1].isupper() and word.isalpha()
    )


def _body_before_of(words: list[str]) -> bool:
    """ "The Writers Guild" before "of America": capitalised words that are no title of a person."""
    if not words or not words[-1][:1].isupper():
        return False
    last = words[-1].lower().rstrip(".")
    return last not in NOT_NAME and last not in HONORIFICS and not words[-1].endswith(("’s", "'s"))


def _common_plural(word: str) -> bool:
    """ "Traders", "Bankers": a plural noun for people, not a surname, when it opens a sentence."""
    lower = word.lower()
    if lower in SPEAKER_NOUNS or (lower.endswith("s") and lower[:-1] in COMMON_PEOPLE):
        return True
    return bool(_PLURAL_AGENT.search(lower))


def _dateline(name: list[str]) -> bool:
    """ "NEW YORK": a wire dateline in capitals, not a speaker."""
    return len(name) > 1 and all(w.isupper() and len(w) > 2 for w in name)


def _no_name(name: list[str]) -> bool:
    """A "name" that is no name: a lone initial, a lone company suffix ("Inc")."""
    lone = name[0].rstrip(".")
    return len(name) == 1 and (len(lone) <= 1 or lone.lower() in BODIES)


def is_person(mention: str) -> bool:
    """True for a mention that names a person: a name of its own, not a company or a body."""
    name, role = split_role(mention)
    if not name or names_a_body(name.split()):
        return False
    words = mention.split()
    titled = role is not None or any(w.lower() in HONORIFICS for w in words)
    return titled or len(name.split()) > 1


def plainly_a_person(name: str, role: str | None) -> bool:
    """A speaker's name that is a person's beyond doubt: a role given with it ("Danforth aide") or a
    known first name, besides the shape of a person's name ("U.S. Shoe" has the shape alone)."""
    return is_person(name) and (role is not None or gender_of(name) is not None)


def is_body(mention: str) -> bool:
    """True for a company's or body's name: "Exxon Corp", "Bank of England", "GM"."""
    name, _ = split_role(mention)
    words = name.split()
    if not words:
        return False
    return names_a_body(words) or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)


@lru_cache(maxsize=32768)
def gender_of(mention: str) -> str | None:
    """ "m" or "f" when a title or role says so ("Mr", "Mrs", "spokeswoman"), else None.

    Kept per distinct string, as `split_role` is: the name rules ask it of the same mentions
    many times an article, and names recur through an archive."""
    words = [w.lower().strip(",.") for w in mention.split()]
    found = set(words)
    if found & FEMALE:
        return "f"
    if found & MALE:
        return "m"
    name, _ = split_role(mention)
    first = name.split()[0].lower() if len(name.split()) > 1 else ""
    if first in FEMALE_FIRST:
        return "f"
    if first in MALE_FIRST:
        return "m"
    return None


@lru_cache(maxsize=8192)
def canonical_key(name: str) -> str:
    """The form one person's names share: lower case, accents and honorifics gone ("tony blair")."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")
    words = [w.strip(".,").lower() for w in folded.split()]
    words = [w for w in words if w and w + "." not in HONORIFICS and w not in HONORIFICS]
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()  # "Exxon Corp" and "Exxon" are one company
    if len(words) > 2 and words[-1] not in BODIES:
        # "Donald J. Trump" is "Donald Trump": a middle initial folds.
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1 or not w.isalpha()), words[-1]]
    return " ".join(words)
