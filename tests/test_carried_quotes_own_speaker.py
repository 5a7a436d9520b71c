"""A quotation that opens a paragraph goes on quoting the previous paragraph's speaker only when
nothing after it names a speaker of its own ("...," a buyer said)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import parse_article
from assistant.speakers import attribute


def _speakers(tmp_path: Path, body: str, opening: str) -> list[str]:
    path = tmp_path / "story.txt"
    path.write_text("A headline for the test\n" + body, encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    parsed = parse_article(path.name, text)
    found = attribute(text, parsed.sentences)
    return [
        f.name
        for s, fs in zip(parsed.sentences, found, strict=True)
        if text[s.start : s.end].startswith(opening)
        for f in fs
    ]


FIRST = '"If the rains are delayed, we would have further shortages," one official said.\n'


@pytest.mark.parametrize(
    "second",
    [
        '"But this again could benefit prices," a buyer said.\n',
        '"Prices have to find their own level at this point," said another trader at the port.\n',
        '"We expect them to move back to around 120 cents," the roaster added.\n',
    ],
)
def test_a_quotation_with_its_own_speaker_is_not_the_previous_speakers(tmp_path: Path, second: str) -> None:
    assert "one official" not in _speakers(tmp_path, FIRST + second, second[:12])


def test_a_bare_quotation_after_a_quoted_paragraph_still_carries_its_speaker(tmp_path: Path) -> None:
    body = (
        '"He was turned down by his peers," private political analyst Stephen Hess said.\n'
        '"It is as if he went before a licensing board and was denied credentials."\n'
    )
    assert _speakers(tmp_path, body, '"It is as if') == ["Stephen Hess"]
