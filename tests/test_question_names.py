"""The names a question gives choose the article: "KLM's seats" is answered from KLM's article even
where another airline's sentence matches the rest of the question better. Real corpus folders and
the real index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.named import question_names
from assistant.engine import Engine

AIRLINES = {
    "braniff.txt": (
        "Braniff February load factor\n\n"
        "Braniff Inc said its load factor, or percentage of seats filled, was 50.5 pct in February, "
        "up slightly from a year ago.\n\n"
        "The carrier flew 310 million revenue passenger miles in the month.\n"
    ),
    "klm.txt": (
        "Dutch carrier reports traffic\n\n"
        "AMSTERDAM, March 9 - KLM Royal Dutch Airlines said its load factor rose to 66.5 pct in "
        "February from 64.2 pct a year earlier.\n\n"
        "Passenger traffic grew eight pct while freight was flat.\n"
    ),
    "harbor.txt": (
        "Harbor bridge vote\n\n"
        "The council approved the bridge repair on Tuesday.\n\n"
        "Work will start in June and take a year.\n"
    ),
    "coffee.txt": (
        "London coffee closes firmer\n\n"
        "LONDON, April 7 - Robusta futures closed firmer after a quiet session.\n\n"
        "Roaster interest was thin.\n"
    ),
    "ico.txt": (
        "Coffee market report\n\n"
        "Robusta coffee futures closed firmer in a quiet session, dealers said.\n\n"
        "Roaster interest was thin.\n"
    ),
    "council.txt": ("Council budget\n\nThe London council approved its budget on Tuesday.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("names") / "corpus"
    folder.mkdir()
    for name, text in AIRLINES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Engine.open(folder)


def test_the_article_that_names_the_company_asked_about_answers_first(engine: Engine) -> None:
    answer = engine.ask("What proportion of its seats did KLM fill in February?")
    assert answer.answered
    assert answer.quotes[0].article.id == "klm.txt"
    assert "66.5 pct" in answer.quotes[0].text


def test_a_place_named_only_in_the_dateline_still_names_the_article(engine: Engine) -> None:
    answer = engine.ask("How did robusta coffee futures close in London?")
    assert answer.answered
    assert answer.quotes[0].article.id == "coffee.txt"


def test_without_names_the_best_matching_sentence_still_wins(engine: Engine) -> None:
    answer = engine.ask("What percentage of seats were filled in February?")
    assert answer.answered
    assert answer.quotes[0].article.id == "braniff.txt"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What proportion of its seats did KLM fill in February?", ("klm",)),
        ("Where is loss-making Diplomat Electronics moving its head office?", ("diplomat", "electron")),
        ("Why did U.S. purchases of Canadian timber fall?", ("us", "canadian")),
        ("How did Salomon's Sherman Chao think the market treated Scott Paper?", None),
        ("What did the mayor say on Monday?", ()),
    ],
)
def test_question_names_are_its_capitalised_words_not_its_frame(
    question: str, names: tuple[str, ...] | None
) -> None:
    found = question_names(question)
    if names is None:
        assert {"salomon", "sherman", "chao", "scott", "paper"} <= set(found)
    else:
        assert found == names


QUOTED = {
    "lumber.txt": (
        "Harbor Lumber expects better year\n\n"
        "Harbor Lumber Co, which earlier reported a profitable fourth quarter after a loss a year ago, "
        "said it expects to do better in fiscal 1988.\n\n"
        'The company said orders had improved, adding "Our strong balance sheet and the better '
        'building market should enable us to do well next year."\n\n'
        "The company said the mill in Astoria would reopen in May.\n"
    ),
    "bridge.txt": (
        "Council approves bridge repair\n\n"
        "The council approved the bridge repair on Tuesday after a long debate.\n\n"
        "Work will start in June and take a year.\n"
    ),
    "ferry.txt": ("Ferry fares rise\n\nThe ferry company said fares would rise by ten pct next year.\n"),
}


def test_what_someone_said_is_answered_by_their_quoted_words(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in QUOTED.items():
        (folder / name).write_text(text, encoding="utf-8")
    answer = Engine.open(folder).ask("What did Harbor Lumber say would help it do better in the coming year?")
    assert answer.answered
    assert "Our strong balance sheet" in answer.quotes[0].text
