"""A "who" question is answered by the sentence naming a person with a role ("finance director Nadia
Okonjo as chief executive", "Union president Ilse Marrow"), not by the lead that restates the topic and
names nobody (issue 9). Real corpus folders on disk, the real index, the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

# Each story opens with a lead that repeats the topic's words and names nobody; the person asked
# for is named later, with a role.
FERRY = (
    "Harbourline Ferries Reshapes Management\n"
    "Harbourline Ferries Ltd said it merged the senior management of Harbourline and the recently "
    "acquired Coastal Link ferry company into a single management structure.\n"
    "Harbourline said it appointed finance director Nadia Okonjo as chief executive, and Tomas Brevik "
    "as president of the combined company.\n"
    "Brevik was previously president of Coastal Link's freight business, Coastal Link Cargo Ltd.\n"
)
DOCK = (
    "Dock Union Warns of Strike\n"
    "Leaders of the country's organised dock workers signalled a major stoppage later this year if the "
    "port authority fails to meet their demands for job security.\n"
    "Dock and Harbour Workers Union president Ilse Marrow was loudly cheered by some 2,000 delegates "
    "at a special convention yesterday when she declared the union ready for a fight.\n"
    '"If it\'s a fight they want, the dock workers will be ready for it," the union chief said.\n'
)


def _corpus(folder: Path) -> Path:
    return write_stories(folder, {"ferry.txt": FERRY, "dock.txt": DOCK, **filler_stories()})


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("who") / "corpus"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who becomes president of the merged ferry company?", "Tomas Brevik as president"),
        ("Who is the leader of the union of dock workers?", "president Ilse Marrow"),
    ],
)
def test_the_person_named_with_a_role_comes_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_question_not_asking_who_keeps_the_lead_first(engine: Engine) -> None:
    answer = engine.ask("What did Harbourline Ferries merge into a single management structure?")
    assert answer.answered, answer.message
    assert "merged the senior management" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_command_line_prints_the_person_first(tmp_path: Path) -> None:
    question = "Who is the leader of the union of dock workers?"
    result = ask_cli(_corpus(tmp_path / "corpus"), "--top", "1", question)
    assert result.returncode == 0, result.stderr
    assert "Ilse Marrow" in result.stdout
