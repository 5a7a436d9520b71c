"""A large segment's speaker counts read a key at a time: what the fold after a change needs.

After an `add` or a `remove`, the short names are folded again for the keys the change reaches
(speaker_names): that needs every key of the corpus (to find those ending in a changed last word),
the spelled-out acronyms, and the counts of a few keys. Parsing the large segment's whole
`speakers.json` for it cost ~0.02 s of every `add` at a million passages (712 KB, ~11k keys).
A segment of many keys also keeps its counts a key a line (`speakers-by-key.jsonl`, checksummed
in its manifest like every file): the keys, the spelled-out acronyms, then each key's counts on
its own line in the keys' order, parsed when first asked. The same counts as `speakers.json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, KeysView, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from assistant.index.checked_files import StaleIndex
from assistant.speakers import tally

BY_KEY_FILE = "speakers-by-key.jsonl"
BY_KEY_MIN = 2000
"""Keys from which a segment also keeps its counts by key (a one-article segment does not)."""


def write(path: Path, counts: tally.Tally) -> None:
    """The counts a key a line (ASCII JSON, as speakers.json); raises OSError."""
    people = counts["people"]
    lines = [
        json.dumps(list(people), ensure_ascii=True, separators=(",", ":")),
        json.dumps(counts["spelled"], ensure_ascii=True, separators=(",", ":")),
        *(json.dumps(entry, ensure_ascii=True, separators=(",", ":")) for entry in people.values()),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="ascii")


class KeyedCounts(Mapping[str, list[Any]]):
    """A stored tally's people by key, in the stored order, each key's counts parsed when asked."""

    def __init__(self, keys: list[str], lines: list[bytes]) -> None:
        self._keys = keys
        self._lines = lines
        self._at = {key: i for i, key in enumerate(keys)}
        self._parsed: dict[str, list[Any]] = {}

    def __getitem__(self, key: str) -> list[Any]:
        entry = self._parsed.get(key)
        if entry is None:
            i = self._at[key]  # KeyError: not a key of these counts
            entry = self._parsed[key] = _entry(self._lines[i + 2])
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def keys(self) -> KeysView[str]:
        """The keys as a set-like view made in C (the fold takes the union of two such views)."""
        return self._at.keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def position(self, key: str) -> int:
        """Where the key stands in the stored order."""
        return self._at[key]


def read(path: Path) -> tuple[KeyedCounts, dict[str, dict[str, int]]]:
    """The people (parsed a key at a time) and the spelled-out acronyms; StaleIndex when damaged."""
    try:
        lines = path.read_bytes().split(b"\n")
        keys = json.loads(lines[0])
        spelled = json.loads(lines[1])
    except (OSError, ValueError, IndexError) as exc:
        raise StaleIndex(f"the index speaker counts are damaged ({exc.__class__.__name__})") from exc
    ok = (
        isinstance(keys, list)
        and set(map(type, keys)) <= {str}
        and len(set(keys)) == len(keys)
        and len(lines) == len(keys) + 3  # keys, spelled, a line a key, the last line's end
        and not lines[-1]
        and tally.checked({"people": {}, "spelled": spelled}) is not None
    )
    if not ok:
        raise StaleIndex("the index speaker counts are damaged")
    return KeyedCounts(keys, lines), spelled


def _entry(line: bytes) -> list[Any]:
    """One key's counts, checked as `tally.checked` checks every key's."""
    try:
        entry = json.loads(line)
    except ValueError as exc:
        raise StaleIndex(f"the index speaker counts are damaged ({exc.__class__.__name__})") from exc
    if tally.checked({"people": {"": entry}, "spelled": {}}) is None:
        raise StaleIndex("the index speaker counts are damaged")
    return entry  # type: ignore[no-any-return]


class Overlaid(Mapping[str, list[Any]]):
    """Counts read by key with a few keys' counts summed anew: what `tally.combine` of the large
    part and some small ones gives, in the same order, without reading the large part's other keys."""

    def __init__(self, base: KeyedCounts, touched: frozenset[str], summed: dict[str, list[Any]]) -> None:
        self.base = base
        self.touched = touched
        """Keys a small part counts: their sums are `summed`'s (absent: none left)."""
        self._summed = summed
        self._added = [key for key in summed if key not in base]
        self._keys: AbstractSet[str] | None = None

    def __getitem__(self, key: str) -> list[Any]:
        return self._summed[key] if key in self.touched else self.base[key]

    def __contains__(self, key: object) -> bool:
        return key in self._summed if key in self.touched else key in self.base

    def __iter__(self) -> Iterator[str]:
        touched, summed = self.touched, self._summed
        yield from (key for key in self.base if key not in touched or key in summed)
        yield from self._added

    def __len__(self) -> int:
        return len(self.keys())

    def keys(self) -> AbstractSet[str]:  # type: ignore[override]
        """The keys as a set, made once with set operations (a view would iterate ~11k in Python)."""
        if self._keys is None:
            gone = {key for key in self.touched if key in self.base and key not in self._summed}
            self._keys = (self.base.keys() - gone) | set(self._added)
        return self._keys


def combined(
    base: KeyedCounts, spelled: dict[str, dict[str, int]], parts: list[tally.Tally], minus: list[tally.Tally]
) -> tuple[tally.Tally, frozenset[str]]:
    """`tally.combine([large, *parts], minus)` with the large part read by key, and the keys
    the other parts touch (the only ones whose counts can differ from the large part's)."""
    touched = frozenset(key for part in (*parts, *minus) for key in part["people"])
    held = sorted((key for key in touched if key in base), key=base.position)
    total = tally.Sum({"people": {key: base[key] for key in held}, "spelled": spelled})
    for part in parts:
        total.add(part)
    for part in minus:
        total.add(part, -1)
    summed = total.total()
    return {"people": Overlaid(base, touched, summed["people"]), "spelled": summed["spelled"]}, touched  # type: ignore[dict-item]
