"""Short speaker names after a change, folded again only where the change reaches, are the full fold's.

`add` and `remove` no longer fold every speaker of the corpus ("Blair" -> "Tony Blair", "GM" ->
"General Motors Corp"); these random changes (people sharing last names, offices that tell
them apart, acronyms, spelled-out bodies) check the shortcut against folding everything.
"""

from __future__ import annotations

import random
from typing import Any

from assistant.index.speaker_names import names_after
from assistant.speakers import names_of
from assistant.speakers.tally import Tally, combine

FIRST = ["Tony", "Cherie", "Jake", "Ana", "Bill", "Hillary", "Ola", "Maria", "John", "Li"]
LAST = ["Blair", "Sullivan", "Ruiz", "Clinton", "Nordmann", "Lopez", "Smith", "Wei", "Baker"]
ROLES = [None, "Prime Minister", "Mayor", "Chief Justice", "spokesman", "Secretary of State"]
BODIES = [
    ("General Motors Corp", "GM"),
    ("American Motors Corp", "AMC"),
    ("U.S. Department of Agriculture", "USDA"),
    ("Bank of Japan", "BOJ"),
]


def _person(rng: random.Random) -> tuple[str, str]:
    """(key, name as shown) for one mention."""
    kind = rng.random()
    if kind < 0.12:
        body, acronym = rng.choice(BODIES)
        name = acronym if rng.random() < 0.5 else body
    elif kind < 0.4:
        name = rng.choice(LAST)
    elif kind < 0.45:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}|{rng.choice(FIRST)} {rng.choice(LAST)}"
    else:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if rng.random() < 0.1:
            name = f"{rng.choice(FIRST)} {name}"
    return name.lower(), name.split("|")[0]


def _article(rng: random.Random) -> Tally:
    """The raw counts of one article: a few people, sometimes an acronym spelled out."""
    people: dict[str, list[Any]] = {}
    for _ in range(rng.randint(1, 4)):
        key, name = _person(rng)
        entry = people.setdefault(key, [0, 1, {}, {}])
        entry[0] += 1
        entry[2][name] = entry[2].get(name, 0) + 1
        role = rng.choice(ROLES)
        if role:
            entry[3][role] = entry[3].get(role, 0) + 1
    spelled: dict[str, dict[str, int]] = {}
    if rng.random() < 0.08:
        body, acronym = rng.choice(BODIES)
        spelled[acronym.lower()] = {body.lower(): 1}
    return {"people": people, "spelled": spelled}


def test_names_after_a_change_equal_a_fold_of_every_key() -> None:
    rng = random.Random(7)
    for _ in range(300):
        articles = [_article(rng) for _ in range(rng.randint(5, 60))]
        big = combine(articles)  # one large segment's counts, shared as the index shares them
        old = combine([big])
        change = [_article(rng) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.5:
            new = combine([big, *change])
        else:
            old = combine([big, *change])
            new = combine([big, *change], change[:1])  # the first changed article removed again
        expected = names_of(new)
        got = names_after(old, names_of(old), new)
        assert got == expected


def test_names_after_stored_names_of_the_wrong_shape_fold_everything() -> None:
    rng = random.Random(3)
    old = combine([_article(rng) for _ in range(20)])
    new = combine([old, _article(rng)])
    for stored in (None, [], {"blair": "tony blair"}, {"blair": ["tony blair"]}):
        assert names_after(old, stored, new) == names_of(new)


def test_the_keys_a_change_reaches_are_found_without_testing_every_key() -> None:
    """`_ending_in` searches the joined keys for each last word: the same keys as testing each one,
    whatever the keys hold (the word inside another word, trailing spaces, "|", line breaks)."""
    import random

    from assistant.index.speaker_names import _ending_in

    def each(keys: set[str], words: set[str]) -> set[str]:
        ends = tuple(words)
        return {k for k in keys if k.rstrip().endswith(ends) and "|" not in k and k.split()[-1] in words}

    pieces = ["blair", "tony", "clair", "air", "ruiz", "gm", "a|b", " ", "  ", "\t", "st.", "o'neil"]
    rng = random.Random(12)
    for trial in range(300):
        keys = {
            " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 40))
        }
        keys = {k for k in keys if k.split()}
        if trial % 50 == 0:
            keys.add("line\nblair")
        words = {rng.choice(pieces).strip() or "air" for _ in range(rng.randint(0, 3))}
        words = {w for w in words if w and not w.isspace() and " " not in w}
        assert _ending_in(keys, words) == each(keys, words), (keys, words)
