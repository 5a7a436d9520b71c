"""Ranking inside one article, as a reader asking of it sees it: every sentence is ranked when the
limits are lifted, words that look like cues are read in context, and the sentences that say
something beyond the article's title come before those that only repeat it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import AnswerSettings
from assistant.answer.question_class import analyse_question
from assistant.engine import Engine

LIFTED = AnswerSettings(
    top=1000, candidates=1000, budget_tokens=10**6, refusal=False, min_window=0.0, keep_share=0.0
)

PUMP = """Diaphragm pump

A diaphragm pump is a positive displacement pump that uses a flexing membrane and valves.
It is also called a membrane pump.
The pump moves liquid when the membrane is pushed back and forth by a rod or by compressed air.
Such pumps are common in chemical plants, where they carry corrosive fluids.
Sales grew strongly during the 1990s.
"""

NOVEL = """A Tree Grows in Brooklyn (novel)

A Tree Grows in Brooklyn is a 1943 semi-autobiographical novel written by Betty Smith.
The story follows a girl growing up in Williamsburg, Brooklyn, in the first decades of the century.
"""

STATES = """Milwaukee

Milwaukee is the largest city in the state of Wisconsin and the fifth-largest in the Midwest.
The city's port handles grain, coal and machinery on Lake Michigan.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "pump.txt").write_text(PUMP, encoding="utf-8")
    (folder / "novel.txt").write_text(NOVEL, encoding="utf-8")
    (folder / "milwaukee.txt").write_text(STATES, encoding="utf-8")
    return folder


def test_asked_of_one_article_with_limits_lifted_every_sentence_is_ranked(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_PASSAGE_TOKENS", "20")  # a passage a sentence: most share no word
    engine = Engine.open(corpus, settings=LIFTED)
    answer = engine.ask("How does a diaphragm pump work?", article="pump.txt")
    assert answer.answered
    shown = [q.text for q in answer.quotes]
    # "Sales ... grew strongly during the 1990s" shares no word with the question; it is ranked still.
    assert len(shown) == 5
    assert any("1990s" in text for text in shown)


def test_a_question_of_words_no_article_holds_still_ranks_its_article_when_limits_are_lifted(
    corpus: Path,
) -> None:
    engine = Engine.open(corpus, settings=LIFTED)
    answer = engine.ask("what is an N.M?", article="pump.txt")
    assert answer.answered
    assert len(answer.quotes) == 5


def test_with_the_usual_limits_a_question_of_unknown_words_is_still_refused(corpus: Path) -> None:
    answer = Engine.open(corpus).ask("what is an N.M?", article="pump.txt")
    assert not answer.answered


def test_the_author_of_a_book_is_asked_of_the_text_not_of_the_byline(corpus: Path) -> None:
    answer = Engine.open(corpus).ask("Who is the author of A Tree Grows in Brooklyn?")
    assert answer.answered, answer.message
    assert "Betty Smith" in answer.quotes[0].text
    assert answer.quotes[0].kind == "sentence"


def test_the_author_of_the_article_is_still_its_byline() -> None:
    assert analyse_question("Who is the author of the article about ATACMS?").meta_field == "author"
    assert analyse_question("Who is the author?").meta_field == "author"


def test_which_state_is_not_a_question_about_what_someone_stated(corpus: Path) -> None:
    assert not analyse_question("What state is Milwaukee in?").asks_statement
    assert analyse_question("What did the governor state about taxes?").asks_statement
    answer = Engine.open(corpus).ask("What state is Milwaukee in?")
    assert answer.answered, answer.message
    assert "Wisconsin" in answer.quotes[0].text


THEATRE = """Theatre season opens

The city theatre opens its season on Friday with Hamlet, the tragedy written by William Shakespeare.
Tickets sold out within a day, the box office said.
"""


def test_who_wrote_a_work_the_byline_does_not_name_is_answered_from_the_text(corpus: Path) -> None:
    (corpus / "theatre.txt").write_text(THEATRE, encoding="utf-8")  # no byline, no author field
    engine = Engine.open(corpus)
    answer = engine.ask("Who wrote Hamlet?")
    assert answer.answered, answer.message
    assert "William Shakespeare" in answer.quotes[0].text
    # Asked of the article itself, the missing byline is said plainly, not replaced by the text.
    about = engine.ask("Who wrote the article about the theatre season?")
    assert not about.answered
    assert "does not state its author" in (about.message or "")
