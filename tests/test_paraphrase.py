"""Questions in a reader's words: other spellings, other verbs of saying, a person described at length.

Each test asks a real corpus folder through the engine and checks the quote a user would see first.
"""

from __future__ import annotations

import pytest

from assistant.engine import Engine

ARTICLES = {
    "port.txt": (
        "Port Approves Dredging Plan\n"
        "The port authority approved a plan on Tuesday to let larger container ships reach the city's "
        "docks.\n"
        "Dredging the harbor will cost about 40 million dollars, the authority's director, Maria Lopez, "
        "said.\n"
        "Work is due to start in the spring and last two years.\n"
    ),
    "council.txt": (
        "Council Reviews Sea Wall\n"
        "The mayor of Port Elland, Helen Okafor, opened the town council's budget debate on Monday with a "
        "review of the town's flood defences.\n"
        "Okafor said most of the damage to the sea wall came from two winter storms and years of missed "
        "repairs.\n"
        "The council will vote on the repair budget next week.\n"
    ),
    "ferry.txt": (
        "Ferry Fares Rise\n"
        "The ferry company said on Friday that fares to the islands will rise by ten percent.\n"
        "The company said fuel prices had doubled since last year.\n"
    ),
    "bakery.txt": (
        "Bakery Opens\n"
        "A new bakery opened on Main Street on Saturday, selling bread and cakes.\n"
        "Its owner said the almond croissant had already become the town's favourite pastry.\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("paraphrase") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Engine.open(folder)


def test_a_british_spelling_finds_the_american_one_and_marks_it(engine: Engine) -> None:
    answer = engine.ask("How much will deepening the harbour cost?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("Dredging the harbor will cost about 40 million dollars")
    marked = {first.text[a:b].lower() for a, b in first.highlights}
    assert "harbor" in marked


def test_an_american_spelling_finds_the_british_one(engine: Engine) -> None:
    answer = engine.ask("Which pastry has become the town's favorite?")
    assert answer.answered, answer.message
    assert "the almond croissant had already become the town's favourite pastry" in answer.quotes[0].text


def test_what_someone_blamed_is_their_statement_not_the_lead_that_describes_them(engine: Engine) -> None:
    # The lead restates who she is; the answer is what she is reported saying ("blame" is no "say").
    question = "What did Port Elland mayor Helen Okafor blame for the damage to the town's sea wall?"
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert answer.quotes[0].text.startswith("Okafor said most of the damage to the sea wall came from")


def test_a_question_about_an_unquoted_person_is_still_refused(engine: Engine) -> None:
    answer = engine.ask("What did the finance minister predict for inflation next year?")
    assert not answer.answered
