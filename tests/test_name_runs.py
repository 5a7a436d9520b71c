"""The speaker rules' runs of capitalised words are found by a pattern spelled for speed: it must
find exactly what the plain spelling (each word's three forms in turn) finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

from assistant.speakers import names

ROOT = Path(__file__).resolve().parents[1]
PLAIN = re.compile(
    names._NAME_WORD + r"(?:[ \u00a0]+(?:(?:of|de|van|von|der|bin|al)[ \u00a0]+)?" + names._NAME_WORD + r")+"
)
"""The runs as first written: every word, the first included, as `_NAME_WORD`."""


def _runs(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_name_runs_are_the_plain_patterns_on_news_text() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:40]]
    texts.append(
        "Mr. Smith, Mrs. Jones, Ms. Lee, Dr. No, Sen. John Kerry, Rep. Al Green, Gov. Jerry Brown, "
        "Gen. Mark Milley, Lt. Col. Ann Smith, St. Louis Fed, Jr. Partners, Sr. Analyst, Prof. Ann "
        "Lee, Rev. Al Sharpton, U.S. Trade Representative, J.P. Morgan Chase, Bank of England, "
        "Osama bin Laden, Ludwig van Beethoven, Mrs.Jones, M. Mr Mrs Ms, A.B.C. Corp"
    )
    assert any(_runs(PLAIN, t) for t in texts)
    for text in texts:
        assert _runs(names._NAME_RUN, text) == _runs(PLAIN, text)


def test_name_runs_are_the_plain_patterns_on_random_strings() -> None:
    """Strings pieced from titles, initials, joiners and the marks around them, in any order."""
    rng = random.Random(3)
    pieces = [
        *"Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col St Jr Sr Prof Rev of de van bin al".split(),
        *"A B Z M S x y 7 . . . ’ ' - _ \n".split(" "),
        " ",
        "  ",
        "\u00a0",
        "Smith",
        "O'Neil",
        "J.",
        "R.",
        "U.S.",
    ]
    for _ in range(40_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _runs(names._NAME_RUN, text) == _runs(PLAIN, text), repr(text)
