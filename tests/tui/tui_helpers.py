"""Helpers for driving the app in pilot and snapshot tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from assistant.tui.app import AssistantApp
from assistant.tui.widgets.article_panel import ArticlePanel


async def wait_for(pilot: Pilot[None], ready: Callable[[], object], timeout: float = 20.0) -> None:
    """Let the app run until `ready()` is true (workers are threads; give them time)."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str, *, enter: bool = False, timeout: float = 20.0) -> None:
    """Type `text` into the focused widget one key event a character, as `pilot.press(*text)` does.

    The same `Key` events reach the same widget by the same route (app -> focused widget), but all at
    once, then this waits until the widget has handled the last: `pilot.press` waits for the whole
    process to go idle (40 ms or more, up to 2 s while a worker computes) after every key, which made
    typing a `/add` path most of a test's time. Keys that move the focus (Ctrl+F, Enter) still go
    through `pilot.press`, which waits for the focus to land. `enter=True` presses Enter after the text
    in the same way, for a caller that then waits for what Enter started (an answer).
    """
    app = pilot.app
    for character in text:
        key = character if character.isalnum() else _character_to_key(character)
        app.post_message(events.Key(key, character))
    if enter:
        app.post_message(events.Key("enter", "\r"))
    handled = asyncio.Event()
    # Queued behind the keys in the app's queue: by the time it runs, every key has been forwarded to
    # the focused widget, and the marker it leaves there runs after that widget handled them all.
    app.call_later(lambda: (app.focused or app.screen).call_later(handled.set))
    await asyncio.wait_for(handled.wait(), timeout)
    await pilot.pause()


def listed(app: AssistantApp) -> bool:
    """The engine is open and its article list shown (the list is read after the engine opens)."""
    return app.engine is not None and app.chat.query_one(ArticlePanel).complete


async def submit(pilot: Pilot[None], text: str) -> None:
    """Type `text` into the focused box and press Enter (a question or a slash command)."""
    await type_text(pilot, text)
    await pilot.press("enter")


async def ask(pilot: Pilot[None], question: str, *, listing: bool = True) -> None:
    """Type `question` into the question box, press Enter and wait for its answer (once the article
    list is shown too, as when it came with the engine: snapshots and list checks see it whole;
    `listing=False` asks while it may still be read)."""
    app = pilot.app
    assert isinstance(app, AssistantApp)
    await wait_for(pilot, lambda: app.engine is not None)
    if listing:
        await wait_for(pilot, lambda: app.chat.query_one(ArticlePanel).complete)
    before = len(app.chat.answers)
    app.chat.query_one("#question").focus()
    await type_text(pilot, question, enter=True)
    await wait_for(pilot, lambda: len(app.chat.answers) > before)


FERRY = (
    "Island ferry gets a new timetable\nBy Sam Ortiz\n\n"
    "The island ferry will sail every hour from May, the operator said on Monday.\n"
)
"""A one-story article the watching tests drop into a corpus folder while the chat is open."""


def notes(app: AssistantApp) -> list[str]:
    """The notices the chat has shown, as "title: message"."""
    return [f"{n.title}: {n.message}" for n in app._notifications]
