"""One person named by what they do ("one buyer said", "the seismologist said") is shown as the speaker.

Real corpus folders on disk, the real index; the quote's speaker is what a user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine

QUAKE = (
    "Aftershocks shake Mexico City\n\n"
    "MEXICO CITY, Oct 3 - Aftershocks shook the capital again on Friday, damaging two buildings.\n\n"
    "The seismologist said the aftershocks would continue for one to several weeks, declining in "
    "frequency and magnitude.\n\n"
    "Rescue teams worked through the night.\n"
)
RUBBER = (
    "Rubber buying slows at auction\n\n"
    "KUALA LUMPUR, Oct 3 - Buying slowed at this week's rubber auction as stocks piled up.\n\n"
    '"We could not buy much at the auction until we disposed of the rubber we already had," '
    "one buyer said.\n\n"
    "Prices were unchanged.\n"
)
LATER = (
    "Council delays vote\n\n"
    "The council delayed its vote on the budget. Later said to be angry, the mayor left the meeting.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("doers") / "corpus"
    folder.mkdir()
    for name, text in (("quake.txt", QUAKE), ("rubber.txt", RUBBER), ("council.txt", LATER)):
        (folder / name).write_text(text, encoding="utf-8")
    return Engine.open(folder)


@pytest.mark.parametrize(
    ("question", "speaker", "words"),
    [
        ("How long will the aftershocks continue?", "The seismologist", "one to several weeks"),
        ("Why could buyers not buy much rubber at the auction?", "one buyer", "disposed of the rubber"),
    ],
)
def test_a_speaker_named_by_what_they_do_is_shown(
    engine: Engine, question: str, speaker: str, words: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered
    first = answer.quotes[0]
    assert words in first.text
    assert first.speaker is not None and first.speaker.name == speaker


def test_a_word_of_that_shape_that_names_nobody_is_no_speaker(engine: Engine) -> None:
    answer = engine.ask("Why did the mayor leave the council meeting?")
    assert answer.answered
    first = answer.quotes[0]
    assert "mayor left the meeting" in first.text
    assert first.speaker is None


TRADE = (
    "Minister warns on textile bill\n\n"
    "WASHINGTON, March 3 - Belgian Foreign Trade Minister Herman De Croo said if Congress passed "
    "legislation curbing textile imports the European Community could only retaliate.\n\n"
    "Officials in Washington declined to comment.\n\n"
    'De Croo, here for talks with Administration officials, said if a textile bill passed, "the only way '
    'we could react would be retaliation."\n\n'
    'He said if the bill was enacted, "we will impose taxes on a lot of American soybeans."\n'
)


def test_he_after_a_speaker_named_by_surname_is_that_speaker(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "trade.txt").write_text(TRADE, encoding="utf-8")
    (folder / "quake.txt").write_text(QUAKE, encoding="utf-8")
    answer = Engine.open(folder).ask("What taxes would be imposed on American soybeans?")
    assert answer.answered
    first = answer.quotes[0]
    assert "American soybeans" in first.text
    assert first.speaker is not None and first.speaker.name == "Herman De Croo"


OPEC = (
    "Analysts see OPEC output problem\n\n"
    '"OPEC\'s problem is not a price problem but a production issue," said Paul Mlotok, oil analyst '
    "with Salomon Brothers Inc.\n\n"
    '"OPEC has to learn that in a buyers market you cannot have fixed quotas," said the regional manager '
    'for one of the major oil companies. "The market is now trying to teach the cartel that lesson again," '
    "he added.\n"
)


def test_he_after_one_unnamed_person_named_by_what_they_do_is_that_person(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "opec.txt").write_text(OPEC, encoding="utf-8")
    (folder / "quake.txt").write_text(QUAKE, encoding="utf-8")
    answer = Engine.open(folder).ask("What lesson is the market trying to teach the cartel?")
    assert answer.answered
    first = answer.quotes[0]
    assert "teach the cartel" in first.text
    assert first.speaker is not None and first.speaker.name.startswith("the regional manager")
