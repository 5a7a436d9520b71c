""" "What did <full name> of <a body> think/say ...": the person asked is the named one, not the body.

A real corpus folder on disk and the real index; the first quote and its speaker are what a user sees.
"""

from __future__ import annotations

from pathlib import Path

from assistant.answer.question_class import analyse_question
from assistant.engine import Engine

HOMES = (
    "January Home Sales Fall, Builders Group Says\n\n"
    "WASHINGTON, March 10 - Sales of existing homes fell 9.2 pct in January to a seasonally adjusted "
    "annual rate of 3.68 mln units, the National Association of Builders said.\n\n"
    "But the December rate had been the highest since the record rate set in November 1978, the "
    "group said.\n\n"
    "\"The drop in January is no surprise, since much of December's strong pace came from owners "
    "hurrying to sell under the old tax rules,\" said the association's Jane Marlow.\n"
)
OTHERS = (
    ("Grain prices fall", "Wheat prices fell on Tuesday as rain eased fears for the harvest, traders said."),
    ("Airline adds routes", "The airline said it would add six routes to Asia next spring."),
    ("Steel output rises", "Steel output rose four pct in September, the industry association said."),
)


def test_the_full_name_before_of_is_the_person_asked(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "homes.txt").write_text(HOMES, encoding="utf-8")
    for k, (title, body) in enumerate(OTHERS):
        (folder / f"other{k}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    answer = Engine.open(folder).ask(
        "What did Jane Marlow of the builders' group think explained why fewer homes were sold in January?"
    )
    assert answer.answered
    first = answer.quotes[0]
    assert first.speaker is not None and first.speaker.name == "Jane Marlow"
    assert "no surprise" in first.text, [(q.text, q.speaker) for q in answer.quotes]


def test_the_question_asks_for_the_person_not_the_body_described() -> None:
    info = analyse_question(
        "What did Jane Marlow of the builders' group think explained why fewer homes were sold in January?"
    )
    assert info.asks_statement
    assert info.names == ("Jane Marlow",)
