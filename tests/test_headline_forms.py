"""A capitals headline's words are counted in the body as a word scan counts them.

`headline._forms` finds the title's words in the body with `bytes.find` instead of listing every
word of the body (the build re-cases each wire headline). What it counts must be what a plain
scan of ASCII letter runs counts, forms and order alike: the order breaks ties between forms
("McDonald" against "Mcdonald"), which decides how a title is printed.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from assistant.corpus import headline
from assistant.corpus.headline import newsroom_title


def _scanned(body: str, title: str) -> dict[str, list[tuple[str, int]]]:
    """The word scan the build used before: every ASCII letter run of the body, lower-cased."""
    wanted = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", title)}
    if not wanted or headline._share_of_capitals(body[:2000]) >= 0.8:
        return {}
    found: dict[str, Counter[str]] = {}
    for word in re.findall(r"[A-Za-z]+", body[:20_000]):
        if word.lower() in wanted:
            found.setdefault(word.lower(), Counter())[word] += 1
    return {key: list(counts.items()) for key, counts in found.items()}


def _found(body: str, title: str) -> dict[str, list[tuple[str, int]]]:
    return {key: list(counts.items()) for key, counts in headline._forms(body, title).items()}


def test_odd_characters_neither_join_nor_split_words() -> None:
    title = "OPEC SAYS OIL OUTPUT RISES IN STRASSE, KELVIN TALKS"
    bodies = [
        "Opec said oil output rose. OPEC's soil samples (oil!) and OIL-rich fields; opec.",
        "The Straße and STRASSE; ſtrasse is not strasse. İoil and oilİ count as oil.",
        "A \u212aelvin sign is no Kelvin, and KELVIN talks with kelvin.\ud800oil\udfff output",
        "oil" + "x" * 19_990 + " oil oil",  # the 20,000-character cut falls inside a word
        "OutputOUTPUT output-OUTPUT output_output 3oil oil3 rises",
        "",
    ]
    for body in bodies:
        assert _found(body, title) == _scanned(body, title)


def test_random_bodies_count_alike() -> None:
    rng = random.Random(12)
    pieces = ["oil", "OIL", "Oil", "soil", "opec", "OPEC", " ", ".", "-", "é", "İ", "ß", "\u212a", "McDonald",
              "Mcdonald", "MCDONALD", "to", "TO", "\n", "'s", "’", "1987"]  # fmt: skip
    title = "MCDONALD TO BUY OIL UNIT FROM OPEC'S <OPC> PARTNER"
    for _ in range(2000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert _found(body, title) == _scanned(body, title), body


def test_a_wire_headline_is_titled_from_its_body() -> None:
    body = "McDonald's Corp said it would buy the oil unit. OPEC was not told, McDonald said."
    assert newsroom_title("MCDONALD'S <MCD> TO BUY OIL UNIT, OPEC SAYS", body) == (
        "McDonald's to Buy Oil Unit, OPEC Says"
    )


def test_share_of_capitals_alike_for_ascii_and_other_text() -> None:
    rng = random.Random(7)
    alphabet = "AbCz09_ -.,'\n\tXYZqÉé"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        letters = len(re.sub(r"[\W\d_]+", "", text))
        expected = len(re.sub(r"[^A-Z\u00c0-\u00d6\u00d8-\u00de]+", "", text)) / letters if letters else 0.0
        assert headline._share_of_capitals(text) == expected, text
