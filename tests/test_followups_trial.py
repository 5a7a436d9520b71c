"""Follow-ups from a user trial on raw Reuters stories: "What else?" and "Why?" stay with the article
just answered while it has more on the topic, say so truthfully, and the history keeps what a bare
follow-up was read as. Real wire copy written to a folder, the real index and engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import Conversation
from assistant.cli.history import entry_lines
from assistant.engine import Engine
from tests.test_corpus_reuters import REUTERS, _write_raw

pytestmark = pytest.mark.skipif(REUTERS is None, reason="Reuters-21578 not found under ../shared/eval")


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("reuters") / "corpus"
    folder.mkdir()
    _write_raw(folder)
    return Engine.open(folder)


def test_what_else_shows_more_of_the_article_just_answered(wire: Engine) -> None:
    chat = Conversation()
    first = wire.ask("Who bought Gulfex?", conversation=chat)
    assert first.answered and "Gulfex" in first.quotes[0].text
    article = first.quotes[0].article
    more = wire.ask("What else?", conversation=chat)
    assert more.answered, more.message
    assert all(q.article.id == article.id for q in more.quotes)
    assert not {q.text for q in more.quotes} & {q.text for q in first.quotes}
    assert more.followed is not None and f"stayed with “{article.title}”" in more.followed


def test_why_stays_with_the_article_of_the_first_quote_and_says_which(wire: Engine) -> None:
    chat = Conversation()
    first = wire.ask("What did Funaro say about the debt moratorium?", conversation=chat)
    assert first.answered
    article = first.quotes[0].article
    why = wire.ask("Why?", conversation=chat)
    assert why.answered, why.message
    assert why.quotes[0].article.id == article.id
    assert why.followed is not None and f"stayed with “{article.title}”" in why.followed
    assert why.quotes[0].text not in {q.text for q in first.quotes}


def test_history_keeps_what_a_bare_follow_up_was_read_as(wire: Engine) -> None:
    wire = Engine.open(wire.corpus_dir, keep_history=True)
    assert wire.history is not None
    chat = Conversation()
    wire.ask("What did Funaro say about the debt moratorium?", conversation=chat)
    wire.ask("Why?", conversation=chat)
    latest = wire.history.entries(limit=1)[0]
    assert latest.question == "Why?"
    assert latest.followed and "What did Funaro say about the debt moratorium?" in latest.followed
    head = entry_lines(latest)[0]
    assert "Why? (Follow-up to “What did Funaro say about the debt moratorium?”" in head


def test_a_follow_up_leaves_the_article_only_when_it_has_nothing_more(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ferry.txt").write_text(
        "Ferry strike\n\nThe ferry strike began on Monday, the union said.\n", encoding="utf-8"
    )
    (folder / "talks.txt").write_text(
        "Strike talks\n\nThe ferry strike began after pay talks failed, the union said.\n\n"
        "The ferry strike has cost the island its tourist trade.\n",
        encoding="utf-8",
    )
    engine = Engine.open(folder)
    chat = Conversation()
    first = engine.ask("When did the ferry strike begin?", conversation=chat, top=1)
    assert first.quotes[0].article.id == "ferry.txt"
    more = engine.ask("What else?", conversation=chat)
    # The one-sentence article is used up: whatever is shown comes from elsewhere, and the note says so
    # (whether the rest of the corpus answers is the refusal model's call).
    assert all(q.article.id == "talks.txt" for q in more.quotes)
    assert more.followed is not None and "“Ferry strike” has nothing more on this" in more.followed
