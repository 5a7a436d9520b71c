"""Daily use in the chat (issue 13), driven through the real app and engine on real folders:
citations with ids, one-row article panel, scope by slash command, follow-ups that keep the scope,
the stored history (Up arrow and the history screen), and the answer's token count."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Input, OptionList, Static
from tui_helpers import ask, listed, submit, type_text, wait_for

from assistant.index.tokens import count_tokens
from assistant.tui.app import AssistantApp, make_app
from assistant.tui.screens.history import HistoryScreen
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.status import ScopeBar
from assistant.tui.widgets.transcript import QuoteCard
from tests.archive import SEED, make_archive

SIZE = (110, 34)


def plain(widget: object) -> str:
    content = widget.content  # type: ignore[attr-defined]
    assert isinstance(content, Text)
    return content.plain


@pytest.fixture
def archive_app(tmp_path: Path) -> AssistantApp:
    return make_app(make_archive(tmp_path / "archive"), watch_seconds=0, cursor_blink=False)


async def test_quote_card_clipboard_and_export_carry_id_offsets_and_copies(
    archive_app: AssistantApp, tmp_path: Path
) -> None:
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "Where did the defense officials meet?")
        cards = list(app.screen.query(QuoteCard))
        texts = [card.quote.text for card in cards]
        assert len(texts) == len(set(texts))  # the wire copy's sentences are not shown twice
        first = cards[0].quote
        shown = plain(cards[0])
        assert f"{first.article.id} · characters {first.start}–{first.end}" in shown
        copies = {"world/" + SEED.name, "wire/zelensky-trip.txt"} - {first.article.id}
        assert "also in " + copies.pop() in shown
        cards[0].focus()
        await pilot.press("c")
        assert f"article {first.article.id}" in app.clipboard and "also in" in app.clipboard
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: list((tmp_path / "exports").glob("*.md")))
        (path,) = (tmp_path / "exports").glob("*.md")
        assert f"`{first.article.id}`, characters {first.start}–{first.end}" in path.read_text(
            encoding="utf-8"
        )


async def test_article_panel_is_one_row_per_article_with_a_filter(archive_app: AssistantApp) -> None:
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        listing = app.screen.query_one("#article-list", OptionList)
        assert listing.option_count == 7
        await pilot.pause()
        # The list is as many lines tall as it has articles: one row each, however long the title,
        # and the story filed twice (world/, wire/) a second line each for its id (trial 13).
        assert listing.virtual_size.height == 7 + 2
        await pilot.press("ctrl+f")
        await type_text(pilot, "valley")  # matches the source
        assert listing.option_count == 2
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "wire/")  # and the id
        assert listing.option_count == 1


async def test_slash_in_scopes_questions_and_follow_ups_until_cleared(archive_app: AssistantApp) -> None:
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await submit(pilot, "/in world/")
        assert app.chat.limits.folders == ("world/",)
        assert "in world/" in plain(app.screen.query_one(ScopeBar))
        await ask(pilot, "What did Sullivan say?")
        await ask(pilot, "And Austin?")
        for answer in app.chat.answers:
            assert answer.answered and answer.limits == "in world/"
            assert {q.article.id for q in answer.quotes} == {"world/" + SEED.name}
        assert app.chat.answers[-1].followed  # read as a follow-up, and still within world/
        await submit(pilot, "/since 2024-01-01")
        await ask(pilot, "Where did the defense officials meet?")
        assert not app.chat.answers[-1].answered  # the seed article has no date
        await pilot.press("escape")
        assert app.chat.limits.is_empty()
        await ask(pilot, "Who was pulled from the water near the harbor mouth?")
        assert {q.article.id for q in app.chat.answers[-1].quotes} == {"sport/regatta-2024.md"}


async def test_follow_up_keeps_the_picked_article(archive_app: AssistantApp) -> None:
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did Austin say about air defense?")
        await pilot.press("ctrl+f")
        await type_text(pilot, "cedar ridge")
        await pilot.press("enter", "enter")
        assert app.chat.scope == "local/wildfire-evacuations.txt"
        await ask(pilot, "What did she say?")
        await ask(pilot, "What else?")
        for answer in app.chat.answers[1:]:
            assert answer.scope == "local/wildfire-evacuations.txt"
            assert all(q.article.id == "local/wildfire-evacuations.txt" for q in answer.quotes)


async def test_footer_shows_the_answer_tokens(archive_app: AssistantApp) -> None:
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the harbor master do?")
        answer = app.chat.answers[-1]
        expected = sum(count_tokens(t) for q in answer.quotes for t in (*q.before, q.text, *q.after))
        assert answer.tokens == expected > 0
        assert f"Last answer: {expected} tokens" in plain(app.screen.query_one("#answer-tokens", Static))


async def test_history_reaches_earlier_sessions_by_up_arrow_and_screen(tmp_path: Path) -> None:
    corpus = make_archive(tmp_path / "archive")
    first = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with first.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the harbor master do?")
        await ask(pilot, "Where did the defense officials meet?")
    second = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with second.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(second))
        box = second.screen.query_one("#question", QuestionInput)
        await pilot.press("up")
        assert box.value == "Where did the defense officials meet?"
        await pilot.press("up")
        assert box.value == "What did the harbor master do?"
        await pilot.press("ctrl+a", "ctrl+k", "ctrl+r")
        await wait_for(pilot, lambda: isinstance(second.screen, HistoryScreen))
        listing = second.screen.query_one("#history-list", OptionList)
        assert listing.option_count == 2
        await type_text(pilot, "harbor")
        assert listing.option_count == 1
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: not isinstance(second.screen, HistoryScreen))
        assert box.value == "What did the harbor master do?"
        await pilot.press("ctrl+a", "ctrl+k")
        await submit(pilot, "/bogus")
        assert any("/in FOLDER" in n.message for n in second._notifications)
        assert second.screen.query_one("#question", Input).value == ""


async def test_history_turned_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_HISTORY", "0")
    corpus = make_archive(tmp_path / "archive")
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the harbor master do?")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)
    assert not (corpus / ".assistant" / "history.sqlite3").exists()


async def test_slash_add_puts_a_file_in_the_corpus_and_answers_from_it(
    archive_app: AssistantApp, tmp_path: Path
) -> None:
    app = archive_app
    page = tmp_path / "dredging.txt"
    page.write_text(
        "Port plans dredging\n\n"
        "Deepening the shipping channel will cost 85 million dollars, officials said.\n",
        encoding="utf-8",
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        before = len(app.engine.articles())  # type: ignore[union-attr]
        await submit(pilot, f"/add {page}")
        await wait_for(pilot, lambda: len(app.engine.articles()) == before + 1)  # type: ignore[union-attr]
        await ask(pilot, "How much will deepening the channel cost?")
        answer = app.chat.answers[-1]
        assert answer.answered and "85 million dollars" in answer.quotes[0].text
        await submit(pilot, "/add")  # no source: said, nothing added
        assert any("/add needs" in n.message for n in app._notifications)
        assert len(app.engine.articles()) == before + 1  # type: ignore[union-attr]
