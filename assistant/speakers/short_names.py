"""A company called by the first words of its name: "Elders" for Elders IXL Ltd, "Dome" for Dome
Petroleum Ltd's, "Mark" for Mark Resources Inc when the article names no person Mark.

Kept apart from the name table (names.py), which asks it when a short name ends no fuller one.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from functools import lru_cache

from assistant.speakers.aliases import canonical_key, gender_of, is_body, split_role
from assistant.speakers.lexicon import COMMON_PEOPLE, FIRST_NAMES, OFFICES
from assistant.speakers.mentions import SPEAKER_NOUNS, capital

_INITIAL = re.compile(r"^[A-Z]\.?$")
_POSSESSIVE = re.compile(r"[’']s?$")
_OWNER = re.compile(r"(?<=\w)[’']s\s+(?=[A-Z])")
_CompanyReading = tuple[str, tuple[str, ...], tuple[str, ...], bool, bool]


@lru_cache(maxsize=32768)
def _company_readings(mention: str) -> tuple[_CompanyReading, ...]:
    """Each name a mention holds as `body_named_by_first_words` reads it: the name, its words,
    the words before an "of", whether it is a body's, whether it is a plain capitalised name with
    no role or gender. A pure function of the text: worked out once per distinct mention."""
    readings = []
    # "Unocal Corp's Union Oil Co" holds two companies' names: "Union" is the second's.
    for piece in _OWNER.split(mention):
        bare = _POSSESSIVE.sub("", piece)
        name, role = split_role(bare)
        name = name or bare  # "Harris Associates L.P." reads as no person's name
        parts = tuple(name.split())
        head = parts[: parts.index("of")] if "of" in parts else parts  # "Japan" is no Bank of Japan
        plain = role is None and gender_of(name) is None and all(capital(w) for w in parts)
        readings.append((name, parts, head, is_body(name), plain))
    return tuple(readings)


_COMMON = OFFICES | SPEAKER_NOUNS | COMMON_PEOPLE


def _keep_longest(found: dict[str, str], name: str) -> None:
    """Keep `name` as its key's form when it is the longest met."""
    key = canonical_key(name)
    if len(name.split()) > len(found.get(key, "").split()):
        found[key] = name


def _one_company(names: Iterable[str]) -> str | None:
    """The longest of these names where each of the others opens it: "Continental" is Continental
    Bank of Canada, also written "Continental Bank"; None for two companies ("Dixie Yarns Inc and
    TI-CARO Inc" is two, whatever "Dixie Yarns Inc" alone is)."""
    split = [name.split() for name in names]
    longest = max(split, key=len)
    if any(w in ("and", "&") or w.endswith(",") for w in longest[:-1]) and len(split) > 1:
        return None
    return " ".join(longest) if all(longest[: len(words)] == words for words in split) else None


def body_named_by_first_words(
    words: list[str], mentions: Iterable[str], speakers: Container[str]
) -> str | None:
    """ "Elders" for "Elders IXL Ltd", "Dome" for "Dome Petroleum Ltd's", "Enskilda" for "Brokers
    Enskilda Fondkommission": a company is called by the first words of its name; only when the
    article names one such company (its forms with and without "Ltd" are one). A company named
    with its suffix comes first ("Kodak" is Eastman Kodak Co, not "the Kodak KIMS system"), and
    may be called by inner words too. A name given with a role or a known first name is a
    person's ("Tony" is no short form of Tony Blair), unless the article names no person by it
    and one company ("Mark" for Mark Resources Inc). `mentions`: the article's names; `speakers`:
    those found speaking."""
    if not words or not all(capital(w) for w in words):
        return None
    if _INITIAL.match(words[0]):  # "E", the end of "LL and E": no company is called by a letter
        return None
    first_name = words[0].lower() in FIRST_NAMES
    n = len(words)
    # Inner words that name a company only as its own ("Kodak", not "Dealers" or "Bank").
    distinct = not is_body(" ".join(words)) and not any(w.lower() in _COMMON for w in words)
    suffixed: dict[str, str] = {}
    inner: dict[str, str] = {}
    plain: dict[str, str] = {}
    wanted = tuple(words)
    for mention in mentions:
        for name, parts, head, body, plain_name in _company_readings(mention):
            if len(parts) <= n:
                continue
            opens = parts[:n] == wanted
            if body and (
                opens or (distinct and any(head[k : k + n] == wanted for k in range(len(head) - n)))
            ):
                _keep_longest(suffixed if opens else inner, name)
            elif opens and first_name and (not plain_name or mention in speakers):
                # "Mark Hammer" (a sex or a role known), or found speaking: a person may be
                # meant; "Ford Taurus" is neither, and the Ford Motor Co named stays.
                return None
            elif opens and plain_name:
                _keep_longest(plain, name)
    for found in (suffixed, inner) if first_name else (suffixed, inner, plain):
        if found:
            return _one_company(found.values())
    return None
