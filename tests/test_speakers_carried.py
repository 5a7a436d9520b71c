"""Carried-over quotes: a paragraph that opens with a quotation and names no speaker, right after a
paragraph that ended in X's quoted words, goes on quoting X. Read through the real index of a
corpus folder on disk, as `assistant show` reads it."""

from __future__ import annotations

import pytest

from assistant.engine import Engine

TOWER = (
    "Report Ends Comeback Hopes, Analysts Say\n"
    "WASHINGTON, Feb 26 - The commission report just about ends the president's prospects of regaining "
    "political dominance in Washington, political analysts said.\n"
    '"This is certification of incompetence," private political analyst Stephen Hess told Reuters.\n'
    '"It\'s as if he went before a professional licensing board and was denied credentials."\n'
    "Board chairman John Tower told a press conference the president did not understand the operation.\n"
    '"We will appeal," a White House aide said.\n'
    "Markets were quiet.\n"
    '"Nobody expected this."\n'
    "Senator Robert Dole said the report was fair.\n"
    '"It is a sad day."\n'
)


@pytest.fixture(scope="module")
def speakers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("carried") / "corpus"
    folder.mkdir()
    (folder / "tower.txt").write_text(TOWER, encoding="utf-8")
    view = Engine.open(folder).article("tower.txt")
    return {
        view.text[s.start : s.end]: [a.name for a in found]
        for s, found in zip(view.sentences, view.attributions, strict=True)
    }


def _of(speakers: dict[str, list[str]], opening: str) -> list[str]:
    (found,) = [names for text, names in speakers.items() if text.startswith(opening)]
    return found


def test_a_quotation_paragraph_after_xs_quote_is_xs(speakers: dict[str, list[str]]) -> None:
    assert _of(speakers, "\"It's as if he went before") == ["Stephen Hess"]


def test_a_quotation_after_a_paragraph_of_reported_speech_or_narration_is_nobodys(
    speakers: dict[str, list[str]],
) -> None:
    # Dole's words before it are reported, not quoted; "Markets were quiet" quotes nobody.
    assert _of(speakers, '"It is a sad day."') == []
    assert _of(speakers, '"Nobody expected this."') == []


def test_a_quotation_with_its_own_speaker_keeps_it(speakers: dict[str, list[str]]) -> None:
    assert _of(speakers, '"We will appeal,"') == ["a White House aide"]
