"""The corpus-wide short speaker names after a change, folding again only what the change can reach.

"Blair" -> "Tony Blair" is settled among the keys that end in the same word (the short-key
fold of `speakers.names_of`), "GM" -> "General Motors Corp" among the bodies whose initials
are an acronym key or that an article spelled out. A change (an added or removed article)
alters the counts of a few keys. When none of them, and no key sharing their last word, is an
acronym key, is named by a spelled-out acronym, or has an acronym key's initials, every other
decision stands: those last words' groups are folded again and the rest of the previous names
are kept. Anything else folds every key, as before (~0.1 s for the ~10k keys of a 1M-passage
corpus). Both ways give `names_of(new counts)` exactly; tests compare them on random changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from typing import Any

from assistant.speakers import names_of
from assistant.speakers.bodies import initials, is_acronym
from assistant.speakers.tally import Tally

Names = dict[str, tuple[str, str]]


def names_after(
    old_counts: Tally, old_names: Any, new_counts: Tally, touched: Set[str] | None = None
) -> Names:
    """`names_of(new_counts)`, reusing `old_names` (the names of `old_counts`) where nothing changed.

    `touched`: the only keys whose counts may differ between the two (speaker_keys.combined);
    without it every key is compared."""
    previous = stored_names(old_names)
    if previous is None or old_counts["spelled"] != new_counts["spelled"]:
        return names_of(new_counts)
    old_people, new_people = old_counts["people"], new_counts["people"]
    everyone = old_people.keys() | new_people.keys()
    # Entries not touched by the change are the same objects in both (tally.combine shares them).
    changed = [
        key
        for key in (everyone if touched is None else touched)
        if (a := old_people.get(key)) is not (b := new_people.get(key)) and a != b
    ]
    acronyms = _AcronymKeys(old_people, new_people, everyone)
    spelled = {body for bodies in new_counts["spelled"].values() for body in bodies}
    if any(key in acronyms or key in spelled for key in changed):
        return names_of(new_counts)
    last_words = {key.split()[-1] for key in changed if "|" not in key}
    reached = _ending_in(everyone, last_words)
    for key in reached:
        if key in acronyms or key in spelled:
            return names_of(new_counts)
        for form in (key, *_names(old_people, key), *_names(new_people, key)):
            if any(letters in acronyms for letters in initials(form)):
                return names_of(new_counts)
    names = {
        alias: person
        for alias, person in previous.items()
        if alias not in reached and person[0] not in reached
    }
    part: Tally = {"people": {key: new_people[key] for key in reached if key in new_people}, "spelled": {}}
    names.update(names_of(part))
    return names


def _ending_in(keys: Set[str], last_words: Set[str]) -> set[str]:
    """The keys (without "|") whose last word is one of `last_words`.

    Found by searching the keys joined into one text for each word (the search in C), then
    testing only the keys around each hit: a change names a few words, so the ~10k keys of a
    1M-passage corpus are not each tested in Python (~60% of the fold's time before). The same
    set as testing every key: a key ending in a word contains it, and every hit's key is tested.
    """
    if not last_words:
        return set()
    ends = tuple(last_words)

    def reaches(key: str) -> bool:
        return key.rstrip().endswith(ends) and "|" not in key and key.split()[-1] in last_words

    joined = "\n".join(keys)
    if joined.count("\n") != len(keys) - 1:  # a key holding a line break: test each key
        return {key for key in keys if reaches(key)}
    found: set[str] = set()
    for word in filter(None, last_words):
        at = joined.find(word)
        while at >= 0:
            start = joined.rfind("\n", 0, at) + 1
            end = joined.find("\n", at)
            end = len(joined) if end < 0 else end
            key = joined[start:end]
            if reaches(key):
                found.add(key)
            at = joined.find(word, end)
    return found


def _names(people: Mapping[str, Any], key: str) -> Iterable[str]:
    entry = people.get(key)
    return entry[2].keys() if entry is not None else ()


class _AcronymKeys:
    """The keys that may be taken for an acronym, asked key by key: a change reaches a few keys,
    so the ~10k keys of a 1M-passage corpus are not all examined (as a set of them was) to settle it."""

    def __init__(
        self, old_people: Mapping[str, Any], new_people: Mapping[str, Any], everyone: Set[str]
    ) -> None:
        self._old, self._new, self._everyone = old_people, new_people, everyone

    def __contains__(self, key: object) -> bool:
        return (
            isinstance(key, str)
            and " " not in key
            and key in self._everyone
            and _any_acronym(self._old, self._new, key)
        )


def _any_acronym(old_people: Mapping[str, Any], new_people: Mapping[str, Any], key: str) -> bool:
    """The key may be taken for an acronym (a name of it, before or after, is one): a superset."""
    return any(is_acronym(name) for name in (*_names(old_people, key), *_names(new_people, key)))


def stored_names(stored: Any) -> Names | None:
    """The names stored with a generation (JSON: lists for tuples), or None when not of that shape.

    The one reader of the stored names: the update that folds them again and the engine that
    shows them both parse them here, so both treat a damaged entry the same way (recompute).
    """
    if not isinstance(stored, dict):
        return None
    out: Names = {}
    for alias, person in stored.items():
        if not (isinstance(person, (list, tuple)) and len(person) == 2):
            return None
        out[str(alias)] = (str(person[0]), str(person[1]))
    return out
