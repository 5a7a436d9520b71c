"""A question asking a cause with "what" and a verb or noun of causing ("What lay behind the rise?",
"What drove prices higher?", "What was responsible for the loss?", "What factors ...") is a
why-question (issue 9): the sentence stating the cause comes before the lead restating the event.
A verb of causing after a noun ("What dealer led the buying?") still asks that noun, and one
followed by "by" asks an effect. Real corpus folders on disk, the real index, the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, first_quote, write_stories

# Each story opens with a lead holding most words of its question; the cause comes later.
PRICES = (
    "Harlow Consumer Prices Rise 1.2 Pct\n"
    "Harlow consumer prices rose 1.2 pct in the year to May, the same rise as in April, the statistics "
    "office said.\n"
    "In May alone, prices rose 0.2 pct after a 0.1 pct rise in April.\n"
    "The statistics office said the May increase reflected higher costs of food, rents and household "
    "energy.\n"
    "The index, base 2020, stood at 112.4.\n"
)
ZINC = (
    "Zinc Firms On Northgate Exchange\n"
    "Zinc prices on the Northgate Metal Exchange rose 40 dlrs a tonne to a four-month high on Tuesday, "
    "dealers said.\n"
    "Dealers said the rise was due mainly to a burst of buying by cable makers before the holiday.\n"
    "Copper and lead were little changed.\n"
)
LOSS = (
    "Dunmore Mills Posts Quarterly Loss\n"
    "Dunmore Mills Ltd posted a net loss of 3.1 mln dlrs in the first quarter against a profit of 1.2 "
    "mln dlrs a year earlier.\n"
    "The company said the loss stemmed from a strike that shut its two paper mills for six weeks.\n"
    "Sales fell 9 pct to 44 mln dlrs.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("cause-asked") / "corpus"
    stories = {"prices.txt": PRICES, "zinc.txt": ZINC, "loss.txt": LOSS}
    return Engine.open(write_stories(folder, stories | filler_stories()))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What lay behind the increase in Harlow's consumer prices in May?", "reflected higher costs"),
        ("What is behind the rise in Harlow consumer prices?", "reflected higher costs"),
        ("What drove zinc prices higher on the Northgate Metal Exchange?", "due mainly to a burst"),
        ("What pushed up zinc prices on the Northgate Metal Exchange?", "due mainly to a burst"),
        ("What was responsible for Dunmore Mills' first quarter net loss?", "stemmed from a strike"),
        ("What factors led to the quarterly loss at Dunmore Mills?", "stemmed from a strike"),
    ],
)
def test_a_cause_asked_with_what_is_answered_by_the_sentence_stating_it(
    engine: Engine, question: str, expected: str
) -> None:
    assert expected in first_quote(engine, question)


def test_a_figure_asked_keeps_the_lead_first(engine: Engine) -> None:
    assert "1.2 pct in the year to May" in first_quote(
        engine, "How much did Harlow consumer prices rise in the year to May?"
    )


def test_a_verb_of_causing_after_a_noun_or_before_by_asks_no_cause() -> None:
    from assistant.answer.answer_types import stated, wanted_types
    from assistant.answer.question_class import analyse_question

    for question in ("What Denver player caused two fumbles?", "What was caused by the flood in May?"):
        assert "reason" not in wanted_types(analyse_question(question), stated(question)), question
