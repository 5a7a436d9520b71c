"""A company is called by the first words of its name; a person with a title never is that company."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import parse_article
from assistant.speakers import attribute


def _speaker_of(tmp_path: Path, body: str, opening: str) -> str:
    """The speaker name of the one sentence of an article on disk that starts with `opening`."""
    path = tmp_path / "story.txt"
    path.write_text("A headline for the test\n" + body, encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    parsed = parse_article(path.name, text)
    found = attribute(text, parsed.sentences)
    names = [
        f.name
        for s, fs in zip(parsed.sentences, found, strict=True)
        if text[s.start : s.end].startswith(opening)
        for f in fs
    ]
    assert len(names) == 1, names
    return names[0]


@pytest.mark.parametrize(
    ("company", "person"),
    [("Grant Thornton", "Mr Grant"), ("Warner Music", "Ms Warner"), ("Marcus Evans", "Mr Marcus")],
)
def test_a_person_by_honorific_keeps_their_name_beside_a_company_of_that_word(
    tmp_path: Path, company: str, person: str
) -> None:
    body = f"{company} said sales rose by a tenth last year.\n{person} said the figures were disappointing.\n"
    assert _speaker_of(tmp_path, body, company) == company
    assert _speaker_of(tmp_path, body, person) != company


def test_a_bare_short_name_is_still_the_company(tmp_path: Path) -> None:
    body = "Elders IXL Ltd said it would keep its stake.\nElders said the stake would not affect its plans.\n"
    assert _speaker_of(tmp_path, body, "Elders said") == "Elders IXL Ltd"


def test_a_spokesman_at_a_company_speaks_for_it_under_its_full_name(tmp_path: Path) -> None:
    body = (
        "Anacomp Inc said it agreed to buy Datagraphix for 128 mln dlrs.\n"
        "A spokesman at Anacomp said the company expects to complete the deal in April.\n"
    )
    assert _speaker_of(tmp_path, body, "A spokesman at Anacomp") == "Anacomp Inc"


def test_a_lone_initial_is_no_short_name_of_a_company_it_starts(tmp_path: Path) -> None:
    # "LL and E" names the trust by its initials; its last letter alone is no short form.
    body = (
        "LL and E Royalty Trust said Louisiana Land and Exploration Co may escrow the revenues.\n"
        "LL and E said Louisiana Land has not yet escrowed any amounts.\n"
    )
    assert _speaker_of(tmp_path, body, "LL and E said") != "E Royalty Trust"
