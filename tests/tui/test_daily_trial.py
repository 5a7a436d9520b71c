"""Rough edges found using the chat daily on a 2,000-article Reuters archive, each fixed and kept
fixed here through the real app and engine on a real folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from tui_helpers import ask, listed, submit, type_text, wait_for

from assistant.tui.app import AssistantApp, make_app
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.status import ScopeBar
from assistant.tui.widgets.transcript import QuestionCard, QuoteCard, WelcomeCard
from tests.archive import make_archive

SIZE = (110, 34)


def plain(widget: object) -> str:
    content = widget.content  # type: ignore[attr-defined]
    assert isinstance(content, Text)
    return content.plain


@pytest.fixture
def archive_app(tmp_path: Path) -> AssistantApp:
    return make_app(make_archive(tmp_path / "archive"), watch_seconds=0, cursor_blink=False)


async def test_the_question_card_states_a_folder_scope_once(archive_app: AssistantApp) -> None:
    # It read `in “in sport/”`: the scope's own words already begin with "in".
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await submit(pilot, "/in sport/")
        await ask(pilot, "What did the harbor master do?")
        await submit(pilot, "/since 2023")
        await ask(pilot, "What did the harbor master do?")
        first, second = (plain(card) for card in app.screen.query(QuestionCard))
        assert first.splitlines()[1] == "in sport/"
        assert second.splitlines()[1] == "in sport/; since 2023-01-01"


async def test_the_question_card_names_a_picked_article_by_its_title(archive_app: AssistantApp) -> None:
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f")
        await type_text(pilot, "cedar ridge")
        await pilot.press("enter", "enter")
        await submit(pilot, "/since 2020")
        await ask(pilot, "What did she say?")
        (card,) = app.screen.query(QuestionCard)
        title = app.chat._scope_title
        assert title and plain(card).splitlines()[1] == f"in “{title}”; since 2020-01-01"


async def test_a_quote_cards_paragraph_mark_never_ends_a_line_without_its_number(
    archive_app: AssistantApp,
) -> None:
    # At some widths the card wrapped as "… · ¶" / "4": the mark and its number belong together.
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "Where did the defense officials meet?")
        cards = list(app.screen.query(QuoteCard))
        assert cards
        for width in range(60, 111):
            await pilot.resize_terminal(width, 34)
            await pilot.pause()
            for card in cards:
                lines = [card.render_line(y).text.rstrip() for y in range(card.size.height)]
                assert f"¶{card.quote.paragraph}" in "".join(lines)
                assert not any(line.rstrip(" │").endswith("¶") for line in lines), (width, lines)


async def test_the_hints_name_a_key_that_works_with_the_article_panel_hidden(
    archive_app: AssistantApp,
) -> None:
    # With the panel hidden (Ctrl+B) the hints said "pick one on the left", where nothing was.
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+b")
        panel = app.screen.query_one("#article-panel")
        assert not panel.display
        hints = plain(app.screen.query_one(ScopeBar)) + plain(app.screen.query_one(WelcomeCard))
        assert "on the left" not in hints and "Ctrl+F" in hints
        await pilot.press("ctrl+f")
        await type_text(pilot, "cedar ridge")
        await pilot.press("enter", "enter")
        assert panel.display and app.chat.scope == "local/wildfire-evacuations.txt"


async def test_the_scope_line_is_whole_on_an_80_column_terminal(archive_app: AssistantApp) -> None:
    # At 80x24 the line was cut after "Ctrl+F: one article ·"; a long scope lost "Esc: all articles".
    app = archive_app
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        bar = app.screen.query_one(ScopeBar)

        def shown() -> str:
            return " ".join(bar.render_line(y).text.strip() for y in range(bar.size.height))

        assert "/in FOLDER: one folder" in shown()
        await submit(pilot, "/source Valley Herald")
        await submit(pilot, "/since 2023-05-01")
        await pilot.pause()
        assert "Esc: all articles" in shown() and "source valley herald" in shown().lower()


async def test_the_question_box_hint_fits_an_80_column_terminal(archive_app: AssistantApp) -> None:
    # It was cut to "(↑ earlier questions, /in FOLDE"; the scope line above already names /in.
    app = archive_app
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        box = app.screen.query_one("#question", QuestionInput)
        shown = box.render_line(box.size.height // 2).text
        assert box.placeholder.strip() in shown


async def test_an_empty_folder_says_how_to_add_an_article_until_one_is_added(tmp_path: Path) -> None:
    # An empty folder greeted the user with "Ask a question about the 0 articles".
    corpus = tmp_path / "empty"
    corpus.mkdir()
    page = tmp_path / "dredging.txt"
    page.write_text(
        "Port plans dredging\n\nDeepening the channel will cost 85 million dollars, officials said.\n",
        encoding="utf-8",
    )
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        welcome = app.screen.query_one(WelcomeCard)
        assert plain(welcome).startswith("No articles yet") and "Ctrl+N" in plain(welcome)
        assert "no articles yet" in plain(app.screen.query_one(ScopeBar))
        await submit(pilot, f"/add {page}")
        await wait_for(pilot, lambda: plain(welcome).startswith("Ask a question"))
        assert "about the 1 article in" in plain(welcome)
        assert "all 1 article" in plain(app.screen.query_one(ScopeBar))


async def test_slash_help_opens_the_help(archive_app: AssistantApp) -> None:
    # `/help` answered "no command /help" with a one-line list in a passing notice.
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await submit(pilot, "/help")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "/add [--into FOLDER] FILE-OR-URL" in plain(app.screen.query_one("#help-note"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))
        assert app.screen.query_one("#question", QuestionInput).value == ""
