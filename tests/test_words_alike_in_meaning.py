"""A reader asks in a word the story never writes and WordNet does not link to the one it does:
"carriers" for "airlines". The ranker's learned similarity (WordLlama's embedding, shipped in its
wheel) puts the sentence about the airlines first, asked of a real corpus folder through the index."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.lexicon import bridges_of
from assistant.engine import Engine
from assistant.index.tokens import terms

STORY = (
    "Fuel costs push up travel prices\n\n"
    "NEW YORK, March 3 - Travel will cost more this spring as fuel costs climb, an industry group "
    "said on Tuesday.\n\n"
    "Hotels will raise prices by three pct from April, the group said.\n\n"
    "Airlines will raise prices by eight pct from April, the group said.\n\n"
    "The group said bookings for the summer were still strong.\n"
)
OTHER = (
    "Coffee exports slow\n\n"
    "RIO DE JANEIRO, March 4 - Brazil's coffee exports fell in February as growers held back "
    "supplies ahead of a new support price, trade sources said.\n"
)


def test_carriers_asked_finds_the_airlines_sentence(tmp_path: Path) -> None:
    (carrier,), (airline,) = terms("carriers"), terms("airlines")
    assert airline not in bridges_of(carrier) and carrier not in bridges_of(airline)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "fuel.txt").write_text(STORY, encoding="utf-8")
    (folder / "coffee.txt").write_text(OTHER, encoding="utf-8")
    answer = Engine.open(folder).ask("By how much will carriers raise prices?")
    assert answer.quotes, "refused"
    assert "Airlines will raise prices by eight pct" in answer.quotes[0].text
