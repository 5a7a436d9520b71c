"""Snapshot tests: how the chat and the source view look, at a fixed terminal size.

Run `pytest tests/tui --snapshot-update` after an intended change to the looks.
The app runs on a relative corpus path so the picture does not depend on tmp_path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import ask, wait_for

from assistant.tui.app import AssistantApp, make_app
from assistant.tui.screens.source import SourceScreen
from assistant.tui.widgets.transcript import QuoteCard

SnapCompare = Callable[..., bool]


@pytest.fixture
def relative_app(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> AssistantApp:
    monkeypatch.chdir(corpus.parent)
    return make_app(Path(corpus.name), watch_seconds=0, cursor_blink=False)


class TestSnapshots:
    terminal_size = (110, 34)

    def test_chat_with_an_answer(self, snap_compare: SnapCompare, relative_app: AssistantApp) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await ask(pilot, "What did the mayor say about the wall?")
            await pilot.pause()

        assert snap_compare(relative_app, terminal_size=self.terminal_size, run_before=run_before)

    def test_source_view(self, snap_compare: SnapCompare, relative_app: AssistantApp) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await ask(pilot, "What did the mayor say about the wall?")
            pilot.app.screen.query(QuoteCard).first().focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, SourceScreen))
            await pilot.pause()

        assert snap_compare(relative_app, terminal_size=self.terminal_size, run_before=run_before)

    def test_no_answer(self, snap_compare: SnapCompare, relative_app: AssistantApp) -> None:
        async def run_before(pilot: Pilot[Any]) -> None:
            await ask(pilot, "What about quantum chromodynamics xylophones?")
            await pilot.pause()

        assert snap_compare(relative_app, terminal_size=self.terminal_size, run_before=run_before)
