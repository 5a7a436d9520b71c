"""The chat answers while its article list is still being read, and the list, drawn as it is shown,
keeps what users rely on: every article, the last one reached by scrolling, the filter, a file
written while the chat is open, titles shown as typed (never as Rich markup).

On a 46k-file archive the chat spent ~30 s opening before a question could be typed: every row
parsed under the engine's lock, then drawn and measured on the UI thread. The real app, engine and
index on real files; the list's read is held back (by a gate) where a test needs it slow.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList
from tui_helpers import FERRY, ask, submit, wait_for

from assistant.engine import Engine
from assistant.models import ArticleInfo
from assistant.tui.app import AssistantApp, make_app
from assistant.tui.widgets.article_panel import ArticlePanel
from assistant.tui.widgets.transcript import CorpusNote

SIZE = (100, 32)
PORTS = ("Aberdeen", "Bristol", "Cardiff", "Dover", "Exeter", "Falmouth", "Grimsby", "Hull", "Ipswich")


def _story(i: int) -> str:
    port = PORTS[i % len(PORTS)]
    return (
        f"{port} harbour report number {i:03d}\nBy Dana Wells\n\n"
        f"The {port} harbour board met on Monday to discuss berth {i}, a spokesman said.\n"
    )


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """A folder of 60 short articles (more than the list shows at once), the ferry story and a title
    written in Rich markup."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(60):
        (corpus / f"report-{i:03d}.txt").write_text(_story(i), encoding="utf-8")
    (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (corpus / "zz-lamp.txt").write_text(
        "Zebra crossing [bold]repainted[/] near the lamp\nBy Ann Writer\n\n"
        "The zebra crossing near the lamp was repainted on Friday, the council said.\n",
        encoding="utf-8",
    )
    return corpus


def _shown(listing: OptionList) -> list[str]:
    """The lines of the list as drawn on screen."""
    return [listing.render_line(y).text for y in range(listing.size.height)]


def _gated(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold the list's read (after its rows are taken, before they are parsed) until the gate opens."""
    gate = threading.Event()
    real = Engine.article_listing

    def held(self: Engine) -> Callable[[Callable[[], None] | None], list[ArticleInfo]]:
        parse = real(self)

        def later(between: Callable[[], None] | None = None) -> list[ArticleInfo]:
            gate.wait(60)
            return parse(between)

        return later

    monkeypatch.setattr(Engine, "article_listing", held)
    return gate


async def test_every_article_is_listed_scrolled_to_the_last_filtered_and_shown_literally(many: Path) -> None:
    app = make_app(many, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(ArticlePanel)
        listing = app.screen.query_one("#article-list", OptionList)
        await wait_for(pilot, lambda: panel.complete and listing.option_count == 62)
        assert str(panel.border_title) == "Articles (62)"
        # The last row is reached by End and drawn: the title as typed, its markup not interpreted.
        listing.focus()
        await pilot.press("end")
        await wait_for(pilot, lambda: listing.highlighted == 61)
        assert any("Zebra crossing [bold]rep" in line for line in _shown(listing)), _shown(listing)
        await pilot.press("home")
        await wait_for(pilot, lambda: listing.highlighted == 0 and listing.scroll_y == 0)
        assert any("Aberdeen harbour report" in line for line in _shown(listing)), _shown(listing)
        # The filter keeps the matching rows; cleared, the whole list is back in its order.
        await submit(pilot, "grimsby")
        filter_box = app.screen.query_one("#article-filter", Input)
        assert filter_box.value == "grimsby"
        await wait_for(pilot, lambda: listing.option_count == 6)
        assert all("Grimsby" in line for line in _shown(listing)[:6])
        filter_box.value = ""
        await wait_for(pilot, lambda: listing.option_count == 62)
        first = str(listing.get_option_at_index(0).prompt)
        assert first.startswith("Aberdeen harbour report number 000")


async def test_a_question_is_answered_while_the_list_is_read_and_an_article_added_meanwhile_is_listed(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _gated(monkeypatch)
    page = tmp_path / "dredging.txt"
    page.write_text(
        "Port plans dredging\n\nDeepening the channel will cost 85 million dollars, officials said.\n",
        encoding="utf-8",
    )
    app = make_app(many, watch_seconds=0, cursor_blink=False)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await ask(pilot, "How often will the ferry sail?", listing=False)
            assert app.chat.answers[-1].quotes[0].article.id == "ferry.txt"
            panel = app.screen.query_one(ArticlePanel)
            assert not panel.complete and "listing" in str(panel.border_title)
            assert "62 articles" in str(app.chat.query_one("#welcome").render())
            # Added while the list is read: shown once the list is, which predates it.
            app.chat.query_one("#question").focus()
            await submit(pilot, f"/add {page}")
            await wait_for(pilot, lambda: app.chat.query(CorpusNote))
            gate.set()
            listing = app.screen.query_one("#article-list", OptionList)
            await wait_for(pilot, lambda: panel.complete and listing.option_count == 63)
            rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
            assert sum("Port plans dredging" in row for row in rows) == 1
            assert str(panel.border_title) == "Articles (63)"
    finally:
        gate.set()


async def test_a_file_written_while_the_chat_is_open_is_listed(many: Path) -> None:
    app: AssistantApp = make_app(many, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(ArticlePanel)
        await wait_for(pilot, lambda: panel.complete and app.corpus_watch is not None)
        await wait_for(pilot, lambda: app.corpus_checks >= 1 and not app._busy())
        (many / "aa-tugboat.txt").write_text(
            "Aardvark tugboat joins the fleet\nBy Sam Ortiz\n\nThe harbour has a new tugboat, it said.\n",
            encoding="utf-8",
        )
        listing = app.screen.query_one("#article-list", OptionList)
        await wait_for(pilot, lambda: listing.option_count == 63)
        assert str(listing.get_option_at_index(0).prompt).startswith("Aardvark tugboat joins the fleet")
        assert any("Aardvark tugboat" in line for line in _shown(listing))


def test_the_listing_read_in_two_steps_is_every_article_as_articles_gives_it(many: Path) -> None:
    engine = Engine.open(many, keep_history=False)
    engine.add([str(many / "report-001.txt")])  # a duplicate: nothing stored
    (many / "report-002.txt").unlink()
    (many / "new.txt").write_text(FERRY.replace("Island", "Harbour"), encoding="utf-8")
    engine.refresh()  # a second segment, and a removed article
    calls: list[int] = []
    assert engine.article_listing()(lambda: calls.append(1)) == engine.articles()
    assert len(engine.articles()) == 62 and calls


async def test_a_filter_typed_while_the_list_is_read_keeps_saying_it_is_read(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing in the filter the moment the chat opens drew the empty list being filled: the panel
    said "Articles 0/0" (then "Articles (0)" when cleared) over a 62-article index until the list
    came. It says the list is being read; once read, the filter applies to it."""
    gate = _gated(monkeypatch)
    app = make_app(many, watch_seconds=0, cursor_blink=False)
    try:
        async with app.run_test(size=SIZE) as pilot:
            panel = app.screen.query_one(ArticlePanel)
            await wait_for(pilot, lambda: app.engine is not None and "listing" in str(panel.border_title))
            filter_box = app.screen.query_one("#article-filter", Input)
            filter_box.value = "grimsby"
            await pilot.pause(0.1)
            assert str(panel.border_title) == "Articles (62, listing…)"
            filter_box.value = ""
            await pilot.pause(0.1)
            assert str(panel.border_title) == "Articles (62, listing…)"
            filter_box.value = "grimsby"
            gate.set()
            listing = app.screen.query_one("#article-list", OptionList)
            await wait_for(pilot, lambda: panel.complete and listing.option_count == 6)
            assert str(panel.border_title) == "Articles 6/62"
    finally:
        gate.set()
