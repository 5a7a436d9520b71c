"""The article panel fits the window: made small after the panel was opened, the answers get the
width again; on a wide terminal the titles get room.

Under 80 columns the panel starts hidden (tests/tui/test_small_terminal.py); but once shown with
Ctrl+F (or Ctrl+B) on a wide terminal it stayed when the window was made small: at 60x16 it took
26 columns, and the answers, the scope line and the question box were left a 33-column strip.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList
from tui_helpers import listed, wait_for

from assistant.tui.app import AssistantApp, make_app
from assistant.tui.widgets.article_panel import ArticlePanel
from assistant.tui.widgets.transcript import Transcript


async def test_the_panel_follows_the_window_across_80_columns(app: AssistantApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        panel = app.chat.query_one(ArticlePanel)
        await pilot.press("ctrl+f")  # looked at the list, then back to the question
        await pilot.press("escape")
        assert panel.display and not panel.has_focus_within

        await pilot.resize_terminal(60, 16)
        transcript = app.chat.query_one(Transcript)
        await wait_for(pilot, lambda: not panel.display and transcript.region.width == 60)
        await pilot.press("ctrl+f")  # still there on demand
        assert panel.display

        await pilot.press("escape")
        await pilot.resize_terminal(120, 40)  # wide again: the panel is back, as it starts there
        await wait_for(pilot, lambda: panel.display)
        await pilot.press("ctrl+b")  # and hidden by hand, it stays hidden while the width stays wide
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert not panel.display


async def test_a_window_made_small_while_in_the_list_keeps_the_list(app: AssistantApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        panel = app.chat.query_one(ArticlePanel)
        await pilot.press("ctrl+f")
        await pilot.resize_terminal(60, 16)
        await pilot.pause()
        await pilot.pause()
        assert panel.display and panel.has_focus_within


async def test_a_wide_terminal_shows_whole_headlines_in_the_list(tmp_path: Path) -> None:
    # At 160 columns the panel kept 34: two stories were "Saudi Arabia Reiterates Commi…" alike.
    corpus = tmp_path / "news"
    corpus.mkdir()
    titles = ("Saudi Arabia Reiterates Commitment to OPEC", "Saudi Arabia Reiterates Commitment to Pact")
    for name, title in zip(("a.txt", "b.txt"), titles, strict=True):
        body = "The minister said on Monday that the kingdom would hold to it."
        (corpus / name).write_text(f"{title}\n\n{body}\n", "utf-8")
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        listing = app.chat.query_one("#article-list", OptionList)
        lines = [listing.render_line(y).text for y in range(2)]
        assert "Saudi Arabia Reiterates Commitment to OPEC" in lines[0]
        assert "Saudi Arabia Reiterates Commitment to Pact" in lines[1]
        assert app.chat.query_one(Transcript).region.width >= 100  # the quotes keep most of the width
