"""Phrase and window evidence (issue 9): the question's words in its order, and the answer beside them.

Stories written for the test, a real corpus folder on disk, the real index and the engine's own
candidates and feature rows: the sentence that says the question's phrase in order, with the name
asked right beside it, reads higher on these features than one that scatters the same words and
names someone far off."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.features import FEATURES
from assistant.answer.phrase_window import PHRASE_FEATURES, phrase_row, question_order
from assistant.answer.query import parse_query
from assistant.answer.settings import Steer
from assistant.engine import Engine
from tests.stories import write_stories

GATE = (
    "Old Gate Restored\n"
    "Stone guards stood by the town gate for a century, and a lion was carved on the church door by "
    "Karl Moen.\n"
    "The gate was rebuilt twice after fires in the old quarter.\n"
    "The stone lion that guards the town gate was carved by Per Aune.\n"
    "Visitors can see the gate from the river path.\n"
)
BELL = (
    "Harbour Bell\n"
    "The harbour bell rang for the fishing fleet each dawn, and in 1902 a new harbour wall was cast in "
    "concrete.\n"
    "The bell that warns the fishing fleet of fog was cast in 1875.\n"
    "It hangs above the harbour office.\n"
)
QUESTION = "Who carved the stone lion that guards the town gate?"
IN_ORDER = "The stone lion that guards the town gate was carved by Per Aune."
SCATTERED = "Stone guards stood by the town gate for a century"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder: Path = tmp_path_factory.mktemp("phrase") / "corpus"
    write_stories(folder, {"gate.txt": GATE, "bell.txt": BELL})
    return Engine.open(folder)


def _rows_by_text(engine: Engine, question: str) -> dict[str, dict[str, float]]:
    query = parse_query(engine.index, question, Steer())
    rows, scored = engine._answerer.examine(query)
    columns = [FEATURES.index(f) for f in PHRASE_FEATURES]
    return {
        s.text: dict(zip(PHRASE_FEATURES, r[columns].tolist(), strict=True))
        for r, s in zip(rows, scored, strict=True)
    }


def _row(rows: dict[str, dict[str, float]], start: str) -> dict[str, float]:
    return next(v for k, v in rows.items() if k.startswith(start))


def test_the_phrase_in_order_reads_higher_than_the_same_words_scattered(engine: Engine) -> None:
    rows = _rows_by_text(engine, QUESTION)
    ordered, scattered = _row(rows, IN_ORDER), _row(rows, SCATTERED)
    assert ordered["bigram_exact"] > scattered["bigram_exact"]
    assert ordered["run_longest"] > scattered["run_longest"]
    # All five of the question's words in its order: stone lion guard town gate.
    assert ordered["run_longest"] == pytest.approx(5 / 6)


def test_the_name_beside_the_matched_words_is_the_nearer_answer(engine: Engine) -> None:
    rows = _rows_by_text(engine, QUESTION)
    ordered, scattered = _row(rows, IN_ORDER), _row(rows, SCATTERED)
    assert ordered["mention_typed"] == scattered["mention_typed"] == 1.0
    assert ordered["window_typed"] > scattered["window_typed"]


def test_a_date_the_question_states_itself_is_no_new_mention(engine: Engine) -> None:
    """The year in "cast in 1875" answers "when was the bell cast", not "what was cast in 1875"."""
    rows = _rows_by_text(engine, "What was cast in 1875 for the fishing fleet?")
    bell = _row(rows, "The bell that warns")
    assert bell["window_typed"] == 0.0 or bell["mention_typed"] == 0.0
    asked_when = _row(
        _rows_by_text(engine, "When was the bell that warns the fishing fleet cast?"), "The bell that"
    )
    assert asked_when["mention_typed"] == 1.0
    assert asked_when["window_typed"] > 0.0


def test_no_words_in_common_reads_zero(engine: Engine) -> None:
    query = parse_query(engine.index, QUESTION, Steer())
    row = phrase_row(question_order(query), QUESTION, "Visitors like the river path in May.")
    assert row.tolist() == [0.0] * len(PHRASE_FEATURES)


def test_the_best_phrase_sentence_is_quoted_first(engine: Engine) -> None:
    answer = engine.ask(QUESTION)
    assert answer.answered, answer.message
    assert answer.quotes[0].text == IN_ORDER, [q.text for q in answer.quotes]
