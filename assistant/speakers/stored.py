"""Attributions as the index stores them, and the corpus-wide list of speakers made from them.

They are computed once, when an article is analysed for the index, and kept as
plain JSON rows in the article table; reading them back costs no parsing, so
`assistant speakers` and the answer path never read an article again for them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from assistant.models import Attribution, SpeakerEntry
from assistant.speakers import tally
from assistant.speakers.aliases import canonical_key, is_person
from assistant.speakers.bodies import initials, is_acronym
from assistant.speakers.lexicon import FIRST_NAMES, JOINERS, OF

Row = list[Any]
"""[sentence, name, as_written, cue, kind, direct, start, end, content_start, content_end, key, role]."""

_OFFICE_WORDS = frozenset(
    """president secretary minister chancellor premier governor senator mayor justice judge chairman
    chairwoman chief director ambassador treasurer commissioner king queen prince general""".split()
)
"""Offices that tell two people of one name apart across the corpus."""


def rows_of(per_sentence: Sequence[tuple[Attribution, ...]]) -> list[Row]:
    """One row per attribution, with the number of its sentence within the article."""
    rows: list[Row] = []
    for number, found in enumerate(per_sentence):
        for a in found:
            rows.append(
                [number, a.name, a.as_written, a.cue, a.kind, int(a.direct), a.start, a.end,
                 a.content_start, a.content_end, a.key, a.role]
            )  # fmt: skip
    return rows


def stored_attributions(rows: Iterable[Row] | None, sentences: int) -> tuple[tuple[Attribution, ...], ...]:
    """Per sentence (`sentences` of them), the stored attributions; rows that do not fit are dropped."""
    found: list[list[Attribution]] = [[] for _ in range(sentences)]
    for row in rows or ():
        try:
            number, name, written, cue, kind, direct, start, end, c_start, c_end, key, role = row
            if not 0 <= int(number) < sentences:
                continue
            found[int(number)].append(
                Attribution(
                    name=str(name), as_written=str(written), cue=str(cue), direct=bool(direct),
                    start=int(start), end=int(end),
                    content_start=None if c_start is None else int(c_start),
                    content_end=None if c_end is None else int(c_end),
                    key=str(key), role=None if role is None else str(role), kind=str(kind),
                )
            )  # fmt: skip
        except (TypeError, ValueError):
            continue  # a damaged row loses one attribution, never the article
    return tuple(tuple(items) for items in found)


class _Person:
    """What the corpus says of one key, while counting."""

    __slots__ = ("aliases", "articles", "keys", "names", "roles", "statements")

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.statements = 0
        self.articles = 0
        self.names: Counter[str] = Counter()
        self.roles: Counter[str] = Counter()
        self.aliases: set[str] = set()

    def absorb(self, other: _Person) -> None:
        self.statements += other.statements
        self.articles += other.articles
        self.names.update(other.names)
        self.roles.update(other.roles)
        self.aliases |= other.aliases | set(other.names)
        self.keys |= other.keys


def census(articles: Iterable[Iterable[Row] | None]) -> list[SpeakerEntry]:
    """One entry per named person across the corpus, most quoted first.

    A sentence counts once, for its first attribution. Short keys ("blair") join the one longer
    key that ends in them ("tony blair"), or the dominant one when several do.
    """
    return census_of(tally.count(articles))


def census_of(counts: tally.Tally) -> list[SpeakerEntry]:
    """`census` from raw counts already summed (the index keeps them per segment)."""
    entries = []
    for key, person in _people(counts).items():
        shown = _display_name(person)
        entries.append(
            SpeakerEntry(
                name=shown,
                key=key,
                statements=person.statements,
                articles=person.articles,
                roles=tuple(r for r, _ in person.roles.most_common(3)),
                aliases=tuple(sorted(person.aliases - {shown})),
            )
        )
    return sorted(entries, key=lambda e: (-e.statements, e.name))


def corpus_names(articles: Iterable[Iterable[Row] | None]) -> dict[str, tuple[str, str]]:
    """Each short key → (the person's key across the corpus, their name): "blair" → ("tony blair", …).

    So that a quote from an article that only ever says "Blair" is shown, and found, as the
    person the rest of the corpus names in full.
    """
    return names_of(tally.count(articles))


def names_of(counts: tally.Tally) -> dict[str, tuple[str, str]]:
    """`corpus_names` from raw counts already summed: no article row is read."""
    names: dict[str, tuple[str, str]] = {}
    for key, person in _people(counts).items():
        if len(person.keys) < 2:
            continue  # nobody folded into this one: no short name to give
        shown = _display_name(person)
        for alias in sorted(person.keys - {key}):
            names[alias] = (key, shown)
    return names


def _people(counts: tally.Tally) -> dict[str, _Person]:
    """Everyone named as a speaker, by key, short keys merged."""
    people: dict[str, _Person] = {}
    for key, (statements, articles, names, roles) in counts["people"].items():
        person = people[key] = _Person()
        person.keys.add(key)
        person.statements = statements
        person.articles = articles
        dict.update(person.names, names)  # plain counts: Counter.update's checks cost more here
        dict.update(person.roles, roles)
    spelled = {acronym: set(keys) for acronym, keys in counts["spelled"].items()}
    _merge_short_keys(people)
    _merge_acronyms(people, spelled)
    return people


def _merge_short_keys(people: dict[str, _Person]) -> None:
    """Fold "blair" into "tony blair" across the corpus, when the corpus has that one full name for it.

    Keys an article left open between people ("bill clinton|hillary clinton") are never folded,
    and a short key whose offices conflict with the full name's ("Chief Justice" and "Mayor")
    is someone else. Where several full names end in the short key, the one that shares its
    office takes it ("President Obama" is Barack Obama, not Michelle Obama).
    """
    ending_in: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in people:
        words = key.split()
        if "|" in key:
            continue
        for n in range(1, len(words)):
            ending_in[tuple(words[-n:])].append(key)
    for key in sorted(people, key=lambda k: (len(k.split()), k)):
        if "|" in key:
            continue
        longer = [other for other in ending_in.get(tuple(key.split()), ()) if other in people]
        if len(longer) > 1 and (mine := _offices(people[key])):
            # "President Obama" where the corpus names Barack and Michelle Obama: the one who
            # holds that office.
            longer = [other for other in longer if mine & _offices(people[other])]
        if len(longer) != 1 or _offices_conflict(people[key], people[longer[0]]):
            continue
        people[longer[0]].absorb(people.pop(key))


def _offices(person: _Person) -> set[str]:
    return {w for role in person.roles for w in role.lower().split() if w in _OFFICE_WORDS}


def _offices_conflict(short: _Person, full: _Person) -> bool:
    """The short name's offices and the full name's share none: two people."""
    mine, theirs = _offices(short), _offices(full)
    return bool(mine and theirs and not mine & theirs)


def _merge_acronyms(people: dict[str, _Person], spelled: dict[str, set[str]]) -> None:
    """Fold "GM" into "General Motors Corp" when it is the one body of the corpus with those initials.

    Initials are read from every form of the body's name, its company suffix counted or not and a
    dotted abbreviation giving its letters: "AMC" is "American Motors Corp", "USDA" is "U.S.
    Department of Agriculture". An article that spells its acronym out ("AMC" where it names
    American Motors Corp) settles it for the whole corpus (`spelled`: acronym key → body keys).
    """
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key, person in people.items():
        if "|" in key or key.endswith(" convention"):
            continue  # "DNC" is the Democratic National Committee, whose convention speaks by mistake
        for form in {key, *person.names}:
            for letters in initials(form):
                by_initials[letters].add(key)
    for key in sorted(people):  # sorted, not by first mention: the same result however it was counted
        if " " in key or key not in people or not is_acronym(_display_name(people[key])):
            continue
        named = {k for k in spelled.get(key, set()) if k in people}
        matches = named if len(named) == 1 else by_initials.get(key, set()) - {key}
        if len(matches) == 1:
            (target,) = matches
            if target in people:
                people[target].absorb(people.pop(key))


def _display_name(person: _Person) -> str:
    """The longest form of the name (a middle initial not counted), the most frequent among equals;
    but a person's name written more often without the word or two an article glued before it
    (a title misspelt, so read as part of the name: one "U.S. Trade Represenative Clayton Yeutter"
    named Yeutter on all his 116 statements) is shown as it is written most."""
    longest, count = max(
        person.names.items(), key=lambda kv: (len(canonical_key(kv[0]).split()), kv[1], kv[0])
    )
    words = longest.split()
    for form, times in sorted(person.names.items(), key=lambda kv: (-kv[1], kv[0])):
        if times <= count:
            break
        extra = words[: len(words) - len(form.split())]
        if _glued_before(extra, form) and words[len(extra) :] == form.split() and is_person(longest):
            return form
    return longest


def _glued_before(extra: list[str], form: str) -> bool:
    """ "Represenative", "Bundesbank Vice-President", "Salomon Brothers'" before a full name: a word or
    two that are neither its first name nor an initial, nor a phrase ("of New York")."""
    return (
        1 <= len(extra) <= 2
        and len(form.split()) >= 2
        and len(extra[0].rstrip(".")) > 1
        and extra[0].lower() not in FIRST_NAMES
        and not any(w.lower() in JOINERS | OF for w in extra)
    )
