"""Counts in the chat agree in number (a user trial read "1 quotes"): the history row, the welcome
line, the scope bar and the token line, driven through the real app on a one-article corpus."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import OptionList, Static
from tui_helpers import ask, wait_for

from assistant.tui.app import make_app
from assistant.tui.screens.history import HistoryScreen
from assistant.tui.widgets.article_panel import ArticlePanel
from assistant.tui.widgets.status import ScopeBar
from assistant.tui.widgets.transcript import WelcomeCard

SIZE = (110, 34)


def plain(widget: object) -> str:
    content = widget.content  # type: ignore[attr-defined]
    assert isinstance(content, Text)
    return content.plain


async def test_one_article_and_one_quote_are_singular(tmp_path: Path) -> None:
    corpus = tmp_path / "one"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry news\n\nThe ferry left the harbor late.\n", encoding="utf-8")
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "Did the ferry leave the harbor late?")
        assert len(app.chat.answers[-1].quotes) == 1
        assert "about the 1 article in" in plain(app.screen.query_one("#welcome", WelcomeCard))
        assert "Scope: all 1 article  " in plain(app.screen.query_one(ScopeBar))
        tokens = app.chat.answers[-1].tokens
        assert f"Last answer: {tokens} tokens" in plain(app.screen.query_one("#answer-tokens", Static))
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        listing = app.screen.query_one("#history-list", OptionList)
        row = listing.get_option_at_index(0).prompt
        assert isinstance(row, Text)
        assert row.plain.endswith("  1 quote")


async def test_a_refusal_shows_no_token_line_and_large_counts_are_grouped(tmp_path: Path) -> None:
    """ "Last answer: 0 tokens" after a refusal said nothing; "2004 articles" read as a year."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(1_001):
        (corpus / f"{n:04d}.txt").write_text(
            f"Ferry {n} news\n\nFerry number {n} left the harbor late.\n", "utf-8"
        )
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.engine is not None, timeout=120)
        assert "about the 1,001 articles in" in plain(app.screen.query_one("#welcome", WelcomeCard))
        assert app.screen.query_one(ArticlePanel).border_title == "Articles (1,001)"
        await ask(pilot, "Did ferry number 7 leave the harbor late?")
        assert app.chat.answers[-1].answered
        assert app.screen.query_one("#answer-tokens", Static).display
        await ask(pilot, "What did the volcano in Iceland erupt?")
        assert not app.chat.answers[-1].answered
        assert not app.screen.query_one("#answer-tokens", Static).display
