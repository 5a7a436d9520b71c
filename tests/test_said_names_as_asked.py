"""Who "what did X say" asks for, as a reader writes X and as the wire writes the speaker (issue 9):
a company whose name opens with a title word ("General Motors", not General Motors the person), a
company the lead gives with its country in the possessive ("Japan's Kessho Motor Co Ltd" asked as
"Kessho"), a surname written first ("Loh" of Loh Hoon Sun), a body asked with a body word the story
leaves off ("Tarrant Services" for "Tarrant"), a body the story calls by its full name and by its
first word ("the Caisse"), and an analyst whose surname ends in -ly ("Dan Kelly"), no adverb.
Stories written for these tests; a real corpus folder on disk, the real index, the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, first_quote, write_stories

MOTORS = (
    "General Motors Cuts Output\n"
    "DETROIT, March 3 - General Motors Corp said it will idle two assembly plants for a week in "
    "April to trim dealer stocks of its compact cars.\n"
    "Dealers said showroom traffic for the compact cars was the weakest in five years.\n"
)
KESSHO = (
    "Kessho, Lindqvist in Forklift Pact\n"
    "TOKYO, April 2 - Japan's Kessho Motor Co Ltd said it and Lindqvist Truck AB of Sweden have "
    "agreed to build forklift trucks together.\n"
    "Kessho Motor Co Ltd said its forklift exports rose 12 pct to 4,100 units in 1986.\n"
)
SINGAPORE = (
    "Singapore Bank Sees Lower Rates\n"
    "SINGAPORE, May 4 - Loh Hoon Sun, managing director of Straits Commerce Bank, said deposit "
    "demand was steady this quarter.\n"
    "Loh said prime lending rates should ease by half a point before the year ends.\n"
)
TARRANT = (
    "Tarrant Services Holder Limits Stake\n"
    "PERTH, June 9 - Tarrant said its largest shareholder, Coolgardie Mining, had agreed to keep "
    "its stake at 48 pct.\n"
    "Tarrant said Coolgardie had promised not to buy any more of its shares for two years.\n"
)
CAISSE = (
    "Quebec Caisse Earns Three Billion Dlrs\n"
    "MONTREAL, March 5 - Caisse de depot et placement du Quebec, the agency which manages the "
    "province's pension funds, said its portfolio earned almost three billion dlrs in 1986.\n"
    "The Caisse said foreign shares made up 3.6 pct of its assets at the end of the year.\n"
    "Its American notes returned 20.7 pct, more than the rest of the portfolio, bond analysts said.\n"
    '"These notes, held for the protection of the bond portfolio, have been efficient," the agency '
    "said of its U.S. government notes.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = {
        "motors.txt": MOTORS,
        "kessho.txt": KESSHO,
        "singapore.txt": SINGAPORE,
        "tarrant.txt": TARRANT,
        "caisse.txt": CAISSE,
        **filler_stories(),
    }
    return write_stories(tmp_path_factory.mktemp("names") / "corpus", stories)


@pytest.fixture(scope="module")
def engine(folder: Path) -> Engine:
    return Engine.open(folder)


def test_a_company_named_with_a_title_word_is_found_on_the_command_line(folder: Path) -> None:
    result = ask_cli(folder, "--speaker", "General Motors", "What did they say about the plants?")
    assert result.returncode == 0, result.stderr
    assert "idle two assembly plants" in result.stdout, result.stdout


def test_a_company_the_lead_gives_with_its_country_is_asked_by_its_name(engine: Engine) -> None:
    answer = engine.ask("What did Kessho say about forklift exports?", speaker="Kessho")
    assert answer.answered, answer.message
    assert "exports rose 12 pct" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_surname_written_first_finds_its_person(engine: Engine) -> None:
    answer = engine.ask("What does Loh expect for lending rates?", speaker="Loh")
    assert answer.answered, answer.message
    assert "should ease by half a point" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_body_asked_with_a_body_word_the_story_leaves_off(engine: Engine) -> None:
    answer = engine.ask(
        "What did Tarrant Services say Coolgardie promised about buying its shares?",
        speaker="Tarrant Services",
    )
    assert answer.answered, answer.message
    assert "not to buy any more of its shares" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_the_body_called_by_its_first_word_answers_under_its_full_name(engine: Engine) -> None:
    quote = first_quote(engine, "What did the Caisse say about how its American notes performed?")
    assert "have been efficient" in quote, quote


BUYBACK = (
    "Analyst Sees Asset Sales for Buyback\n"
    "NEW YORK, April 7 - Harwell Motors Corp shares rose two dlrs on talk of a buyback.\n"
    "Drexel Burnham Lambert Inc said Harwell would need five billion dlrs of bank loans to fund a "
    "large buyback of its shares.\n"
    "Harwell will have to sell its finance arm to pay for it, said Drexel analyst Dan Kelly.\n"
)


def test_an_analyst_whose_surname_ends_in_ly_is_the_one_asked(tmp_path: Path) -> None:
    folder = write_stories(tmp_path / "corpus", {"buyback.txt": BUYBACK, **filler_stories()})
    quote = first_quote(
        Engine.open(folder),
        "What did Drexel analyst Dan Kelly say Harwell would need to fund a large buyback?",
    )
    assert "sell its finance arm" in quote, quote
