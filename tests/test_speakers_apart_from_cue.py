"""A speaker written apart from the reporting word (issue 9): "Lindqvist did not give a date, but said:
"..."" (the cue shares the sentence's subject) and "Okafor, replying to questions from council members,
said "..."" (a surname opening the sentence, then an -ing aside). The quotation is theirs, so "what did
X say about Y" finds the sentence of the quote that holds Y first. Real corpus folders on disk, the real
index and the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

FERRY = (
    "Ferry Operator Plans New Routes\n"
    "The chief executive of Nordic Sound Ferries, Ingrid Lindqvist, said the company would expand its "
    "network this year.\n"
    'Lindqvist did not give a date, but said: "We expect to open two routes to the islands. '
    'Both will use the new electric boats, which halve our fuel bill."\n'
    "The company carried 1.2 million passengers last year.\n"
)
BUDGET = (
    "Mayor Defends Road Budget\n"
    "Mayor Daniel Okafor defended the city's road repair budget on Monday.\n"
    "Okafor, replying to questions from council members about the cost of the work, said "
    '"Every pothole we fill now saves us three times as much next winter."\n'
    "Council members will vote on the budget next week.\n"
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "budget.txt").write_text(BUDGET, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("apart") / "corpus"))


def _speakers(engine: Engine, article: str) -> dict[str, list[str]]:
    view = engine.article(article)
    return {
        view.text[s.start : s.end]: [a.name for a in found]
        for s, found in zip(view.sentences, view.attributions, strict=True)
    }


def test_a_cue_sharing_the_sentences_subject_names_the_speaker(engine: Engine) -> None:
    said = _speakers(engine, "ferry.txt")
    (opening,) = [names for text, names in said.items() if text.startswith("Lindqvist did not")]
    (following,) = [names for text, names in said.items() if text.startswith("Both will use")]
    assert opening == ["Ingrid Lindqvist"]
    assert following == ["Ingrid Lindqvist"]


def test_a_surname_before_an_aside_names_the_speaker(engine: Engine) -> None:
    said = _speakers(engine, "budget.txt")
    (found,) = [names for text, names in said.items() if text.startswith("Okafor, replying")]
    assert found == ["Daniel Okafor"]


def test_what_she_said_about_the_boats_is_the_quotes_own_sentence(engine: Engine) -> None:
    answer = engine.ask("What did Ingrid Lindqvist say about the electric boats?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("Both will use the new electric boats"), [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.name == "Ingrid Lindqvist"


def test_the_command_line_cites_the_mayor_for_his_words(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "--corpus",
            str(folder),
            "--top",
            "1",
            "What did the mayor say about filling potholes?",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Every pothole we fill" in result.stdout
    assert "Daniel Okafor" in result.stdout
