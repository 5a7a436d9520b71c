"""Phrase evidence (answer/phrase_order.py): a sentence that strings the question's words as the
question does is told apart from one that holds the same words scattered, on a real index."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.features import FEATURES
from assistant.answer.query import parse_query
from assistant.answer.settings import Steer
from assistant.engine import Engine

STORY = (
    "Halftime Show\n"
    "Coldplay headlined the Super Bowl halftime show in Santa Clara on Sunday night.\n"
    "The show drew a record crowd, and at halftime the Super Bowl sponsors counted the tickets sold.\n"
    "Prices for the game rose again this year.\n"
)


def _rows(tmp_path: Path, question: str) -> dict[str, list[float]]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "show.txt").write_text(STORY, encoding="utf-8")
    engine = Engine.open(folder)
    query = parse_query(engine.index, question, Steer())
    rows, scored = engine._answerer.examine(query)
    names = ("bigram_exact", "bigram_near", "run_longest")
    return {s.text[:20]: [float(r[FEATURES.index(n)]) for n in names] for r, s in zip(rows, scored, strict=True)}


def test_the_question_words_in_order_outweigh_the_same_words_scattered(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "Who headlined the Super Bowl halftime show?")
    in_order, scattered = rows["Coldplay headlined t"], rows["The show drew a reco"]
    # "headlined super bowl halftime show": every bigram adjacent, one run of all five terms.
    assert in_order == [1.0, 1.0, 1.0]
    # The scattered sentence holds "super bowl" in order and "halftime ... super" near, no more.
    assert scattered[0] < in_order[0] and scattered[1] < in_order[1] and scattered[2] < in_order[2]
    assert scattered[0] > 0.0  # "super bowl" is one of its adjacent bigrams


def test_a_sentence_holding_one_question_word_holds_no_pair(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "Who headlined the Super Bowl halftime show in the game?")
    # "game" alone: no pair, a run of one of the question's six terms.
    assert rows["Prices for the game "] == [0.0, 0.0, 1 / 6]
    assert rows["Coldplay headlined t"][0] > 0.0
