"""The chat shows hostile names and text escaped: quote cards, notifications, the clipboard, exports."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fault_helpers import HOSTILE, RAW_BAD, make_corpus
from rich.text import Text
from textual.pilot import Pilot

from assistant.tui.app import AssistantApp, make_app
from assistant.tui.widgets.transcript import QuoteCard

NAME = "evil\x1b[31m\u202e\x9bname.txt"


async def _until(pilot: Pilot[None], ready: Callable[[], object]) -> None:
    deadline = time.monotonic() + 30  # a bound on the loop, not a measurement
    while not ready():
        assert time.monotonic() < deadline, "the app did not get there"
        await pilot.pause(0.05)
    await pilot.pause()


def _safe(text: str) -> bool:
    return not any(bad in text for bad in RAW_BAD)


async def test_hostile_names_and_text_reach_no_widget_raw(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / NAME).write_text(
        f"Lighthouse {HOSTILE} keeper retires\n"
        f"The lighthouse keeper {HOSTILE} retired on Friday after forty years at the lamp.\n"
        + "The town band played on the quay while boats sounded their horns in the harbour.\n"
        * 60,
        encoding="utf-8",
    )
    (corpus / "binary\x1b]0;owned\x07.txt").write_bytes(b"\x00\x01" * 100)  # a skip notification
    app = make_app(corpus)
    assert isinstance(app, AssistantApp)
    async with app.run_test(size=(100, 32)) as pilot:
        await _until(pilot, lambda: app.engine is not None)
        app.chat.query_one("#question").focus()
        await pilot.press(*"Who retired from the lighthouse?", "enter")
        await _until(pilot, lambda: app.chat.answers)
        cards = list(app.screen.query(QuoteCard))
        assert cards and "forty years" in cards[0].quote.text
        for card in cards:
            content = card.content
            assert isinstance(content, Text) and _safe(content.plain)
        await pilot.press("ctrl+y")
        await _until(pilot, lambda: app.clipboard)
        assert "forty years" in app.clipboard and _safe(app.clipboard)
        notes = [str(n.message) + str(n.title) for n in app._notifications]
        assert notes and all(_safe(n) for n in notes)
