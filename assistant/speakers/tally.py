"""Speaker counts that add up by article: the corpus's people, made from per-segment parts.

Working out the corpus-wide short names ("Blair" -> "Tony Blair") used to read every article's
attributions on every change. These raw counts (before any name is folded into another) add
up article by article, so each index segment keeps its own, counted once when it is written,
and the corpus's are the segments' summed less those of removed articles: a change costs what
it changes. Plain JSON types throughout, so a tally is stored as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from assistant.speakers.bodies import is_acronym

Tally = dict[str, dict[str, Any]]
"""{"people": {key: [statements, articles, {name: n}, {role: n}]}, "spelled": {acronym: {key: n}}}."""


def empty() -> Tally:
    """A tally of no article."""
    return {"people": {}, "spelled": {}}


def count(articles: Iterable[Iterable[Any] | None]) -> Tally:
    """The raw counts of these articles' stored attribution rows (one iterable of rows each).

    A sentence counts once, for its first attribution; an article once per key. `spelled`
    records an acronym an article resolved to a body ("AMC" -> "american motors").
    """
    people: dict[str, list[Any]] = {}
    spelled: dict[str, dict[str, int]] = {}
    for rows in articles:
        seen_sentences: set[Any] = set()
        seen_keys: set[str] = set()
        for row in rows or ():
            if not isinstance(row, list) or len(row) != 12:
                continue
            number, name, key, role = row[0], row[1], row[10], row[11]
            written = str(row[2]).strip()
            if key and isinstance(key, str) and is_acronym(written) and key != written.lower():
                by_key = spelled.setdefault(written.lower(), {})
                by_key[key] = by_key.get(key, 0) + 1
            if number in seen_sentences:
                continue
            seen_sentences.add(number)
            if not key or not isinstance(key, str):
                continue
            entry = people.get(key)
            if entry is None:
                entry = people[key] = [0, 0, {}, {}]
            entry[0] += 1
            shown = str(name)
            entry[2][shown] = entry[2].get(shown, 0) + 1
            if role:
                entry[3][str(role)] = entry[3].get(str(role), 0) + 1
            if key not in seen_keys:
                seen_keys.add(key)
                entry[1] += 1
    return {"people": people, "spelled": spelled}


def combine(parts: Iterable[Tally], minus: Iterable[Tally] = ()) -> Tally:
    """The parts summed, less `minus` (removed articles' counts); nothing left at zero is kept.

    The largest part is the one `Sum` starts from, so it is shared rather than copied.
    """
    parts = list(parts)
    if not parts:
        return empty()
    first = max(range(len(parts)), key=lambda k: len(parts[k]["people"]))
    total = Sum(parts[first])
    for k, part in enumerate(parts):
        if k != first:
            total.add(part)
    for part in minus:
        total.add(part, -1)
    return total.total()


class Sum:
    """Tallies added (or taken away) one after another: the one way counts are summed.

    Keys keep the order they are first met in, so a build that adds its batches' counts in
    batch order stores the same `speakers.json`, to the byte, as one count over every row.
    The tally it starts from is shared, not copied: only the entries a later part touches are
    copied before they change, so adding a small segment's counts to a large one costs the small one.
    """

    def __init__(self, start: Tally | None = None) -> None:
        self._people: dict[str, list[Any]] = dict(start["people"]) if start else {}
        self._spelled: dict[str, dict[str, int]] = dict(start["spelled"]) if start else {}
        self._copied: set[str] = set()
        self._copied_spelled: set[str] = set()

    def add(self, part: Tally, sign: int = 1) -> None:
        """Add `part`'s counts (`sign` -1: take them away)."""
        people, spelled = self._people, self._spelled
        for key, (statements, articles, names, roles) in part["people"].items():
            entry = people.get(key)
            if entry is None or key not in self._copied:
                entry = [0, 0, {}, {}] if entry is None else [*entry[:2], dict(entry[2]), dict(entry[3])]
                people[key] = entry
                self._copied.add(key)
            entry[0] += sign * statements
            entry[1] += sign * articles
            _add(entry[2], names, sign)
            _add(entry[3], roles, sign)
        for acronym, keys in part["spelled"].items():
            if acronym not in self._copied_spelled:
                spelled[acronym] = dict(spelled.get(acronym, {}))
                self._copied_spelled.add(acronym)
            _add(spelled[acronym], keys, sign)

    def total(self) -> Tally:
        """The sum so far, with nothing left at zero."""
        people, spelled = self._people, self._spelled
        for key in [k for k in self._copied if k in people and people[k][0] <= 0]:
            del people[key]
        for acronym in [a for a in self._copied_spelled if a in spelled and not spelled[a]]:
            del spelled[acronym]
        return {"people": people, "spelled": spelled}


def _add(into: dict[str, int], counts: dict[str, int], sign: int) -> None:
    for name, n in counts.items():
        total = into.get(name, 0) + sign * n
        if total > 0:
            into[name] = total
        else:
            into.pop(name, None)


def checked(value: Any) -> Tally | None:
    """`value` if it has a tally's shape (a stored file read back), else None.

    Every count is gathered and their types looked at once: a test per count cost ~0.2 s of a
    profiled `add` on the ~10k keys of a 1M-passage corpus.
    """
    if not isinstance(value, dict) or set(value) != {"people", "spelled"}:
        return None
    people, spelled = value["people"], value["spelled"]
    if not isinstance(people, dict) or not isinstance(spelled, dict):
        return None
    numbers: list[Any] = []
    for entry in people.values():
        if not (isinstance(entry, list) and len(entry) == 4):
            return None
        statements, articles, names, roles = entry
        if not (isinstance(names, dict) and isinstance(roles, dict)):
            return None
        numbers += (statements, articles)
        numbers += names.values()
        numbers += roles.values()
    for keys in spelled.values():
        if not isinstance(keys, dict):
            return None
        numbers += keys.values()
    if not set(map(type, numbers)) <= _INTEGERS:
        return None
    return value


_INTEGERS = {int, bool}
"""The types a count read back from JSON may have (isinstance(n, int) holds for exactly these)."""
