"""Helpers for driving the app in pilot and snapshot tests."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

from assistant.tui.app import AssistantApp


async def wait_for(pilot: Pilot[None], ready: Callable[[], object], timeout: float = 20.0) -> None:
    """Let the app run until `ready()` is true (workers are threads; give them time)."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)
    await pilot.pause()


async def ask(pilot: Pilot[None], question: str) -> None:
    """Type `question` into the question box, press Enter and wait for its answer."""
    app = pilot.app
    assert isinstance(app, AssistantApp)
    await wait_for(pilot, lambda: app.engine is not None)
    before = len(app.chat.answers)
    app.chat.query_one("#question").focus()
    await pilot.press(*question, "enter")
    await wait_for(pilot, lambda: len(app.chat.answers) > before)
