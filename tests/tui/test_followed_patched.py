"""What another terminal's `add` and `remove` changed is patched into the chat's list (no notifier).

Without the notifier (watchfiles missing, no inotify watches left, a network share) a question that
took up another process's generation drew the list again from every article's row: ~24 s at 46k
articles with the question waiting behind it, and the list thrown back to its top, the row the
user was on lost. Now the index's file keys before and after name the rows to list or take off.
The real app and engine, the watching off, the real CLI in a separate process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_helpers import FERRY, ask, listed, wait_for

from assistant.engine import Engine
from assistant.tui.app import make_app


def _cli(corpus: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *args, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture
def harbours(tmp_path: Path) -> Path:
    corpus = tmp_path / "harbours"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"report-{i:03d}.txt").write_text(
            f"Harbour report number {i:03d}\nBy Dana Wells\n\n"
            f"The harbour board met on Monday to discuss berth {i}, a spokesman said.\n",
            encoding="utf-8",
        )
    return corpus


async def test_another_terminals_add_and_remove_are_patched_in_where_the_user_was(
    harbours: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    every_row: list[int] = []
    real = Engine.articles

    def articles(self: Engine) -> object:
        every_row.append(1)
        return real(self)

    monkeypatch.setattr(Engine, "articles", articles)
    app = make_app(harbours, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        listing = app.chat.query_one("#article-list", OptionList)
        listing.focus()
        listing.highlighted = 30  # well down the list, scrolled to it
        await pilot.pause()
        place = listing.scroll_y
        assert place > 0
        on = listing.highlighted_option.id  # type: ignore[union-attr]

        source = tmp_path / "ferry.txt"
        source.write_text(FERRY, encoding="utf-8")
        _cli(harbours, "add", str(source))
        _cli(harbours, "remove", "report-005.txt")
        edited = harbours / "report-010.txt"
        edited.write_text(edited.read_text(encoding="utf-8").replace("number 010", "ten, corrected"), "utf-8")
        _cli(harbours, "index")
        await ask(pilot, "How often will the island ferry sail?")
        assert app.chat.answers[-1].answered

        def ids() -> list[str | None]:
            return [listing.get_option_at_index(i).id for i in range(listing.option_count)]

        ferry = "island-ferry-gets-a-new-timetable.md"  # as `add` names what it stores
        await wait_for(pilot, lambda: ferry in ids())
        assert "report-005.txt" not in ids()
        row = listing.get_option("report-010.txt")
        assert "Harbour report ten, corrected" in str(row.prompt)
        assert len(ids()) == 40
        # The user is where they were: the same article highlighted (one row up: a row above it
        # went), the list not thrown back to its top.
        assert listing.highlighted_option is not None and listing.highlighted_option.id == on
        assert listing.scroll_y == place
        assert app.chat.query_one("#article-panel").border_title == "Articles (40)"
        assert not every_row  # no row but the changed ones read
