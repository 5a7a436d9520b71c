"""Resolving a speaker mention to the fullest form the article gives.

"Austin" becomes "Defense Secretary Lloyd Austin" when that is the only
longer mention ending in "Austin"; when two people share the word ("Eric
Trump", "Donald Trump") the mention is kept as written, since guessing would
put words in the wrong mouth.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.speakers.aliases import drop_openers, gender_of, is_person, split_role
from assistant.speakers.lexicon import (
    BODIES,
    COMPANY_SUFFIXES,
    FIRST_NAMES,
    NEWS_AGENCIES,
    OFFICES,
    PARTIES,
)
from assistant.speakers.mentions import (
    PRONOUNS,
    ROLE_WORDS,
    capital,
    is_determiner,
    strip_honorific,
)
from assistant.speakers.reported import CLOSERS, OPENERS
from assistant.speakers.short_names import body_named_by_first_words

_INITIAL = re.compile(r"^[A-Z]\.?$")
_POSSESSIVE = re.compile(r"[’']s?$")
# Runs of capitalised words on one line (with inner "of", "de"…): "Secretary of State John Kerry".
# A word of a name ends in a period only as an initial or an abbreviated title, never at a
# sentence's end: "Houston. Yukos" is two sentences, not a name.
_NAME_WORD = r"(?:(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev)\.|[A-Z][\w’'\-]*)"
# The first word is `_NAME_WORD` with its capital taken first (the same forms, tried in the same
# order): a pattern that opens with a character class lets the search skip to the next capital
# instead of trying every position, ~3x faster over an article.
_FIRST_NAME_WORD = (
    r"[A-Z](?:\.(?:[A-Z]\.)*|(?<=M)(?:r|rs|s)\.|(?<=D)r\.|(?<=S)(?:en|t|r)\.|(?<=R)(?:ep|ev)\."
    r"|(?<=G)(?:ov|en)\.|(?<=L)t\.|(?<=C)ol\.|(?<=J)r\.|(?<=P)rof\.|[\w’'\-]*)"
)
_NAME_RUN = re.compile(
    _FIRST_NAME_WORD + r"(?:[ \u00a0]+(?:(?:of|de|van|von|der|bin|al)[ \u00a0]+)?" + _NAME_WORD + r")+",
)
# Titles that stand before a name in the text: "President", "Sen." — matched against "the president".
_ROLE_OF_DEFINITE = re.compile(r"^the\s+(?:[\w.]+\s+){0,2}?(\w+)$", re.IGNORECASE)


_OWNED_BY = re.compile(r"\w(?:['’]s|s['’])$")


def _owned_person(part: list[str]) -> bool:
    """Whether the words after an owner's "X's" are a person's name: a surname alone ("Maude"), or
    a known first name and a surname ("Henry Kaufman"), not the rest of a body's name ("Investors
    Service" of Moody's)."""
    return len(part) == 1 or (len(part) == 2 and part[-1].lower() in FIRST_NAMES)


_BODY_JOINERS = frozenset({"and", "&", "of"})


def _joins_body(before: str) -> bool:
    """A word a body's name runs on through "and" to: capitalised and no company's suffix ("Dixie
    Yarns Inc and TI-CARO Inc" is two companies)."""
    return capital(before) and before.rstrip(".,").lower() not in COMPANY_SUFFIXES


def _name_part(words: list[str]) -> list[str]:
    """The trailing capitalised words that are the person's own name, titles left out.

    A party word ends the name ("Republican Donald Trump") and a middle initial is left out,
    so that "Donald J. Trump" and "Donald Trump" are one name.
    """
    words = strip_honorific(words)
    part: list[str] = []
    body = bool(words) and words[-1].rstrip(".").lower() in BODIES  # "Northrup King Co": no king
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        bare = word.rstrip(".").lower()
        if body and part and bare in _BODY_JOINERS and i > 0 and _joins_body(words[i - 1]):
            part.append(word)  # "Coast Savings and Loan Association": one body's name
            continue
        if not capital(word) or (bare in ROLE_WORDS and not body) or is_determiner(word):
            break
        if part and (
            bare in PARTIES
            or (bare in OFFICES and not body)
            or (bare[-2:] in ("'s", "’s") and bare[:-2] in COMPANY_SUFFIXES)
            or (not body and _OWNED_BY.search(bare) is not None and _owned_person(part))
        ):
            # "Sandoz Corp's Northrup King Co": the owner's name ends at its "Corp's"; "Midland
            # Montagu's Maude", "Data Resources' Wyss": a person named by their firm is Maude, Wyss.
            break
        part.append(word)
    part.reverse()
    if len(part) > 2:
        part = [part[0], *(w for w in part[1:-1] if not _INITIAL.match(w)), part[-1]]
    return part


def _titles(words: list[str], name: Sequence[str]) -> frozenset[str]:
    """The office words written before a name ("chief", "justice"); parties and honorifics left out."""
    before = words[: max(len(words) - len(name), 0)]
    return frozenset(w.lower().rstrip(".") for w in before if w.lower().rstrip(".") in OFFICES)


_OPENING_MARKS = (*OPENERS, "‘")
"""The marks a quoted phrase opens with: the speaker rules' own, and a single one (`‘House of Cards’`),
which next to a capitalised run is no apostrophe."""
_CLOSING_MARKS = tuple(comma + mark for mark in (*CLOSERS, "’") for comma in ("", ","))


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """A run that is all a quotation holds: a phrase or title quoted ("“House of Cards”"), not a name."""
    return text[max(start - 2, 0) : start].endswith(_OPENING_MARKS) and text.startswith(_CLOSING_MARKS, end)


def person_runs(text: str, start: int, end: int) -> list[str]:
    """Runs of capitalised words in text[start:end], in text order, with a title just before kept."""
    found = []
    for match in _NAME_RUN.finditer(text, start, end):
        found.append(match.group().strip(".,"))
    return found


@lru_cache(maxsize=65536)
def _mention_facts(mention: str) -> tuple[str, tuple[str, ...], frozenset[str], str | None]:
    """A mention as the table keeps it, its own name words, offices and gender.

    Worked out once per distinct string (the same names recur through an archive): a pure
    function of the text, so indexing pays for it once, not in every article.
    """
    mention = drop_openers(" ".join(mention.split()))  # "Everything Trump" opens a sentence
    words = mention.split()
    name = tuple(_name_part(words))
    return mention, name, _titles(words, name), gender_of(mention)


@lru_cache(maxsize=65536)
def _person_in(mention: str) -> str | None:
    """The person of "Sherman Chao of Salomon Brothers" (a person of a body), else None."""
    if " of " not in mention:
        return None
    person, _ = split_role(mention)
    return person if person and " of " not in person else None


class NameTable:
    """Every fuller mention in one article, to resolve short mentions against."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        """`spans`: the body paragraphs (a headline's capitals name nobody)."""
        self._mentions: list[str] = []
        self._parts: dict[str, tuple[str, ...]] = {}
        """Each mention's own name words, worked out once."""
        self._offices: dict[tuple[str, ...], set[str]] = {}
        """The offices written before each name anywhere in the article."""
        self._genders: dict[tuple[str, ...], set[str]] = {}
        self._speakers: set[str] = set()
        """Mentions the cue rules found speaking (not mere runs of capitals)."""
        for start, end in spans:
            for match in _NAME_RUN.finditer(text, start, end):
                if _quoted_whole(text, match.start(), match.end()):
                    continue  # ''Wilayat Twitter,'': a phrase quoted, no fuller name of Twitter
                run = match.group().strip(".,")
                first, _, rest = run.partition(" ")
                if first.lower() in NEWS_AGENCIES and " " in rest:
                    run = rest  # "told Reuters Finance Secretary Jaime Ongpin": Reuters was told
                self.add(run)

    def add(self, mention: str, *, speaker: bool = False) -> None:
        """Remember a mention (a speaker found by the cue rules, or a run of capitalised words).

        "Sherman Chao of Salomon Brothers" is remembered as Sherman Chao too, so "Chao" finds him.
        """
        person = _person_in(mention)
        forms = ([] if person is None else [self._add(person)]) + [self._add(mention)]
        if speaker:
            self._speakers.update(forms)

    def _add(self, mention: str) -> str:
        """Remember one form; returns it as the table keeps it."""
        mention, name, titles, gender = _mention_facts(mention)
        if mention not in self._parts:
            self._parts[mention] = name
            self._mentions.append(mention)
            self._offices.setdefault(name, set()).update(titles)
            if gender is not None:
                self._genders.setdefault(name, set()).add(gender)
        return mention

    def resolve(self, mention: str) -> str:
        """The fullest unambiguous mention of the same person or body, else `mention` itself."""
        definite = _ROLE_OF_DEFINITE.match(mention)
        if definite:
            return self._resolve_role(definite.group(1), mention)
        words = mention.split()
        name = tuple(_name_part(words))
        if not name or (len(words) == 1 and words[0].lower() in PRONOUNS):
            return mention  # "I" is the writer, not the end of "Suddenly I" in a sentence before
        parts = self._parts
        offices = _titles(words, name)
        gender = gender_of(mention)
        candidates = [
            m for m in self._mentions
            if parts[m][-len(name) :] == name and self._compatible(parts[m], offices, gender)
        ]  # fmt: skip
        names = {parts[m] for m in candidates}
        # Nobody fuller ends in these words: a company's short name, unless an honorific makes
        # the mention a person's ("Mr Grant" is no short form of Grant Thornton). An office does
        # not: "a spokesman at Anacomp" speaks for Anacomp Inc.
        # "Martin Bachem of Morgan Guaranty" is a person, whatever body Morgan Guaranty's name opens.
        if names <= {name} and strip_honorific(words) == words and _person_in(mention) is None:
            body = body_named_by_first_words(list(name), self._mentions, self._speakers)
            if body is not None:
                return body
            inner = self._person_by_inner_surname(name)
            if inner is not None:
                return inner
        if self._conflicting(names):
            return mention  # "Roberts" with a Chief Justice Roberts and a Mayor Jennifer Roberts
        longest = max(names, key=len, default=name)
        if any(longest[-len(n) :] != n for n in names):
            return mention  # two different people end in the same words
        fullest = [m for m in candidates if parts[m] == longest]
        best = max(fullest, key=lambda m: len(m.split()), default=mention)
        return best if len(best) >= len(mention) else mention

    def _person_by_inner_surname(self, name: tuple[str, ...]) -> str | None:
        """ "Marin" for "Justo Marin Ludena", "Salinas" for "Carlos Salinas de Gortari": a Spanish or
        Portuguese name is shortened to its first surname, the word after the given name. Only
        when the article names one such person, found speaking ("Missing EgyptAir Flight" in a
        headline is no one's name)."""
        if len(name) != 1:
            return None
        found = {
            self._parts[m]: m for m in self._speakers
            if len(self._parts[m]) >= 3 and self._parts[m][1] == name[0] and is_person(m)
        }  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

    @property
    def mentions(self) -> list[str]:
        """Every fuller mention the article holds, in the order first met."""
        return self._mentions

    def rivals(self, mention: str) -> list[str]:
        """The fuller names the article gives a short mention when it cannot tell which is meant.

        "Clinton" in an article naming Bill Clinton and Hillary Clinton: both. Empty when the
        mention is resolved, or when the article names nobody fuller (the corpus may then say).
        """
        words = mention.split()
        name = tuple(_name_part(words))
        if not name or _titles(words, name):
            return []  # "Chief Justice Roberts" says who is meant
        longer = {p for p in self._parts.values() if len(p) > len(name) and p[-len(name) :] == name}
        if not longer or self.resolve(mention) != mention:
            return []
        if len(longer) == 1 and not self._conflicting(longer | {name}):
            return []
        same = longer | ({name} if self._offices.get(name) else set())
        return sorted(" ".join(p) for p in same)

    def _conflicting(self, names: set[tuple[str, ...]]) -> bool:
        """Two of these names carry offices that no one person holds at once."""
        known = [self._offices[n] for n in names if self._offices.get(n)]
        return any(not a & b for i, a in enumerate(known) for b in known[i + 1 :])

    def _compatible(self, name: tuple[str, ...], offices: frozenset[str], gender: str | None) -> bool:
        """False when an office or a sex written with the mention says it is someone else."""
        known = self._offices.get(name, set())
        if offices and known and not offices & known:
            return False  # "Chief Justice Roberts" is not "Charlotte Mayor Jennifer Roberts"
        genders = self._genders.get(name, set())
        return gender is None or not genders or gender in genders

    def _resolve_role(self, role: str, mention: str) -> str:
        """ "the president" → the one "President Joe Biden" of the article, if there is just one."""
        role = role.lower()
        if role not in ROLE_WORDS:
            return mention
        found: dict[tuple[str, ...], str] = {}
        for candidate in self._mentions:
            words = candidate.split()
            name = list(self._parts[candidate])
            titles = [w.lower() for w in words[: len(words) - len(name)]]
            if name and titles and titles[-1] == role and words[len(words) - len(name) - 1][0].isupper():
                key = tuple(name)
                if len(candidate) > len(found.get(key, "")):
                    found[key] = candidate
        keys = list(found)
        if not keys:
            return mention
        longest = max(keys, key=len)
        if any(longest[-len(k) :] != k for k in keys):
            return mention
        return self.resolve(found[longest])
