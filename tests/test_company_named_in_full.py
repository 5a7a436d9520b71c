"""A company asked ("From which company ...?") is answered by a name ending in a company's word
written out ("Wendham Finance Limited"), as by one ending in "Ltd" (issue 9): the which-noun lift
(named_noun) reads both, so a later sentence naming the buyer's renamed unit ("Harrow Metals
Trading Ltd") is not moved above the sentence naming the seller. Real corpus folder, real index."""

from __future__ import annotations

import pytest

from assistant.answer.question_class import which_noun
from assistant.engine import Engine
from tests.stories import write_stories

DEAL = (
    "Harrow Metals Buys Bristol Trading Arm\n"
    "Harrow Metals, a foreign currency and precious metals dealer, announced the purchase of the "
    "Bristol metals trading arm of Castel Bank from Wendham Finance Limited, a unit of Castel Bank.\n"
    "The purchase, valued at 9.5 mln dlrs, follows the sale of Castel Bank's London arm last month.\n"
    "The Bristol firm will be known as Harrow Metals Trading Ltd, it said.\n"
)
ORCHARD = (
    "Orchard Growers Expect Smaller Harvest\n"
    "Apple growers expect a smaller harvest this year because of late frost in April, their association "
    "said.\n"
    "Prices are due to rise in the autumn, traders said.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("company") / "corpus"
    return Engine.open(write_stories(folder, {"deal.txt": DEAL, "orchard.txt": ORCHARD}))


def test_a_company_name_written_out_answers_which_company(engine: Engine) -> None:
    answer = engine.ask("From which company did Harrow Metals buy Castel Bank's Bristol trading arm?")
    assert answer.answered, answer.message
    assert "Wendham Finance Limited" in answer.quotes[0].text, [q.text for q in answer.quotes]


def test_which_company_reads_the_endings_written_out() -> None:
    assert {"limit", "incorpor", "ltd", "inc"} <= which_noun("Which company bought the mill?")
