"""Pilot test: a bare "Why?" in the chat stays with the article just answered, and the history screen
shows what it was read as, not a context-free "Why?"."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from tui_helpers import ask, wait_for

from assistant.tui.app import AssistantApp
from assistant.tui.screens.history import HistoryScreen

SIZE = (140, 34)


async def test_why_stays_with_the_article_and_history_shows_the_reading(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        first = app.chat.answers[-1]
        assert first.answered
        await ask(pilot, "Why?")
        why = app.chat.answers[-1]
        assert why.followed and f"stayed with “{first.quotes[0].article.title}”" in why.followed
        assert why.answered and why.quotes[0].article.id == first.quotes[0].article.id
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        listing = app.screen.query_one("#history-list", OptionList)
        row = listing.get_option_at_index(0).prompt
        assert isinstance(row, Text)
        assert "Why? (Follow-up to “What did the mayor say about the wall?”" in row.plain
