"""Refusal reads the asked fact, not only the asked words (issue 9, refuse14).

A reader asks of a company or a country a figure no story gives: "How many McDonald's restaurants
were operating in Japan?" of wire stories that mention McDonalds and Japan only in a grant for
promoting a sandwich. The names match, the kind (a number) is there, but no quote to be shown binds
a number to restaurants and no story of the names uses the word: the corpus does not say
(assistant/answer/refusal.asked_unshown, shown_article's topic_missing). Asked what the stories do
give, in a reader's words, the same names are answered.
"""

from __future__ import annotations

import pytest

from assistant.engine import Engine

PLAIN = "The corpus holds no answer to this question."

WIRE = {
    "meat.txt": (
        "Meat exporters win promotion grants\n\n"
        "WASHINGTON, March 9 - The Meat Export Federation was awarded 50,000 dlrs to increase the market "
        "for chilled U.S. pork in Japan and Singapore, the Agriculture Department said.\n\n"
        "A total of 5,000 dlrs for work in encouraging McDonalds to expand its McRib sandwich to Japan "
        "and Singapore was also awarded.\n"
    ),
    "uk.txt": (
        "UK factory output rises\n\n"
        "LONDON, March 11 - British factory output rose 1.2 pct in January from December, official "
        "figures showed.\n\n"
        "Economists said the rise was stronger than expected.\n"
    ),
    "dividend.txt": (
        "Bayly sees funds for preferred dividend\n\n"
        "DENVER, March 10 - Bayly Corp said sufficient funds should be available to pay the full amount "
        "of the March 31, 1987 dividend to exchangeable preferred shareholders, with payment expected "
        "in early April.\n"
    ),
    "steel.txt": (
        "Allegheny steel output rises\n\n"
        "PITTSBURGH, March 5 - Allegheny Steel Corp said raw steel output rose 4.1 pct last week to "
        "1.8 mln tons, the highest level since November.\n\n"
        "The company said its mills ran at 78 pct of capacity and employed 5,200 workers.\n"
    ),
    "coffee.txt": (
        "Brazil coffee exports slow\n\n"
        "RIO DE JANEIRO, March 4 - Brazil's coffee exports fell in February as growers held back "
        "supplies ahead of a new support price, trade sources said.\n\n"
        "Registrations for export totalled 1.1 mln bags, down from 1.6 mln a year earlier.\n"
    ),
    "bank.txt": (
        "Bundesbank leaves rates unchanged\n\n"
        "FRANKFURT, March 5 - The Bundesbank left its discount rate unchanged at 3.0 pct after its "
        "council meeting, a spokesman said.\n\n"
        "Dealers said the decision had been widely expected.\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("wire")
    for name, text in WIRE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Engine.open(folder)


@pytest.mark.parametrize(
    "question",
    [
        "How many McDonald's restaurants were operating in Japan in 1987?",
        "What was the average weekly pay of a British factory worker in early 1987?",
    ],
)
def test_a_figure_no_story_gives_is_refused(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered, [q.text for q in answer.quotes]
    assert answer.message == PLAIN


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How much was the Meat Export Federation awarded?", "50,000 dlrs"),
        pytest.param(
            "How much money did the Meat Export Federation receive?",
            "50,000 dlrs",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the cost of the asked-fact facts: 'money' is read as what is counted and no "
                "number is bound to the word, 'receive' is not the story's 'awarded': refused",
            ),
        ),
        ("By how much did British factory output rise in January?", "1.2 pct"),
        ("How many workers do Allegheny Steel's mills employ?", "5,200 workers"),
        ("When will Bayly pay its preferred dividend?", "early April"),
    ],
)
def test_what_the_stories_give_is_answered_in_other_words(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question)
    assert answer.answered, question
    assert expected in answer.quotes[0].text
