""" "Which company does Brindle plan to acquire?" asks for a company's name, not for what Brindle said
(issue 9): "plan to" states an intention, and the noun asked ("which company") wants a name, as "how
many" wants a number. Read as a statement of Brindle's, the said rules took the lead (the sentence
naming the company bought) away as Brindle's summary of its later statements. Real corpus folder,
real index."""

from __future__ import annotations

import pytest

from assistant.answer.question_class import analyse_question
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

SWAP = (
    "Brindle Pictures to Buy Osprey Media\n"
    "Brindle Pictures Inc said it signed a letter of intent to exchange 2.2 mln of its shares for all "
    "Osprey Media Inc stock within the next 60 days.\n"
    "It said the Brindle shares used in the exchange are valued at 7.00 dlrs a share or a total value "
    "of 15.4 mln dlrs and will be adjusted based on the price of Brindle shares on the closing date.\n"
    "It said Osprey management will remain in place for at least three years.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("swap") / "corpus"
    return Engine.open(write_stories(folder, {"swap.txt": SWAP, **filler_stories()}))


def test_the_company_planned_to_be_bought_comes_first(engine: Engine) -> None:
    answer = engine.ask("Which company does Brindle Pictures plan to buy in a share exchange?")
    assert answer.answered, answer.message
    assert "Osprey Media Inc" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_a_statement_asked_by_which_noun_is_still_one() -> None:
    assert not analyse_question("Which company does Brindle plan to acquire?").asks_statement
    assert analyse_question("Which company did Smith say would buy the mill?").asks_statement
