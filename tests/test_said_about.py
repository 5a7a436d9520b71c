""" "What did X say": X's own statement comes before a sentence someone else says about X.

Real corpus folders on disk and the real index; the first quote and its speaker are what a user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.question_class import analyse_question
from assistant.engine import Engine

INTERVIEW = (
    "Minister says share sale going ahead\n\n"
    "LONDON, Oct 20 - Finance Minister Nigel Hawkins said the government was going ahead with "
    "this month's sale of Northern Power shares despite the collapse of world stock markets.\n\n"
    '"We are going ahead because the whole issue has been underwritten," Hawkins said in a radio '
    "interview.\n\n"
    "Hawkins said the economy is fundamentally sound.\n\n"
    '"My advice to small investors is to remain calm. There is no reason to panic," Hawkins said.\n'
)
COMMENT = (
    "Dealers see steady rates\n\n"
    "LONDON, Oct 22 - Interest rates are likely to stay steady this week, a senior dealer at a "
    "merchant bank said.\n\n"
    "He noted that Finance Minister Nigel Hawkins stressed this message after the Paris meeting.\n\n"
    "Dealers expect sterling to hold its ground.\n"
)
OTHERS = (
    ("Grain prices fall", "Wheat prices fell on Tuesday as rain eased fears for the harvest, traders said."),
    ("Airline adds routes", "The airline said it would add six routes to Asia next spring."),
    ("Steel output rises", "Steel output rose four pct in September, the industry association said."),
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("about") / "corpus"
    folder.mkdir()
    (folder / "interview.txt").write_text(INTERVIEW, encoding="utf-8")
    (folder / "comment.txt").write_text(COMMENT, encoding="utf-8")
    for k, (title, body) in enumerate(OTHERS):
        (folder / f"other{k}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return Engine.open(folder)


def test_x_s_own_words_come_before_someone_else_s_sentence_naming_x(engine: Engine) -> None:
    answer = engine.ask(
        "What was Finance Minister Nigel Hawkins's message to small shareholders after the global "
        "stock market crash?"
    )
    assert answer.answered
    first = answer.quotes[0]
    assert first.speaker is not None and first.speaker.name == "Nigel Hawkins"
    assert "remain calm" in first.text


DIVIDEND = (
    "Harlow Mills keeps its dividend\n\n"
    "NEW YORK, May 4 - Harlow Mills Inc chairman John Brandt said the company would keep its quarterly "
    "dividend at 20 cts a share despite lower earnings.\n\n"
    "Vice chairman Alan Pryce said dividends would be cut next year if cotton prices stay high.\n\n"
    '"We have the cash to pay our shareholders," Brandt said.\n\n'
    "The company's shares rose 50 cts to 31 dlrs.\n"
)


def test_a_name_set_off_by_commas_after_a_role_is_the_one_asked_about(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "mills.txt").write_text(DIVIDEND, encoding="utf-8")
    for k, (title, body) in enumerate(OTHERS):
        (folder / f"other{k}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    engine = Engine.open(folder)
    answer = engine.ask("What did the company's vice chairman, Alan Pryce, say about dividends?")
    assert answer.answered
    assert {q.speaker.name for q in answer.quotes if q.speaker} == {"Alan Pryce"}
    assert "cut next year" in answer.quotes[0].text


@pytest.mark.parametrize(
    ("question", "names", "role"),
    [
        ("What did the company's chief financial officer say about dividends?", (), "officer"),
        ("What did the chief financial officer, Alan Pryce, say about dividends?", ("Alan Pryce",), None),
        ("What did the chief economist of Chase, Jane Doe, predict?", ("Jane Doe",), None),
        ("What did the judge say about the merger?", (), "judge"),
        ("What did Abdoulaye Fadiga, governor of the central bank, blame?", ("Abdoulaye Fadiga",), None),
    ],
)
def test_who_a_statement_question_asks_about(question: str, names: tuple[str, ...], role: str | None) -> None:
    info = analyse_question(question)
    assert info.asks_statement
    assert info.names == names
    assert info.speaker_words == role
