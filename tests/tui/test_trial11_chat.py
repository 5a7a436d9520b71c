"""A daily user's trial of the chat: a question asked within limits that finds nothing there says
"Not in the scope", not "Not in the corpus" (the rest was never searched), and Esc then finds the answer.
The real app through its pilot, on a real corpus folder with one dated article."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from tui_helpers import ask, wait_for

from assistant.tui.app import make_app
from assistant.tui.widgets.transcript import NoAnswerCard, QuoteCard

SIZE = (100, 32)
DATED = (
    "---\ntitle: Bakery wins prize\nauthor: Sam Frost\ndate: 2024-06-01\n---\n\n"
    "The corner bakery won the county prize for its rye bread on Saturday.\n"
)


def plain(widget: object) -> str:
    content = widget.content  # type: ignore[attr-defined]
    assert isinstance(content, Text)
    return content.plain


async def test_a_scoped_miss_is_not_in_the_scope_and_esc_finds_the_answer(corpus: Path) -> None:
    (corpus / "bakery.md").write_text(DATED, encoding="utf-8")
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.engine is not None)
        app.chat.query_one("#question").focus()
        await pilot.press(*"/since 2024", "enter")
        await ask(pilot, "Why did the harbour council vote for a flood wall?")
        (card,) = app.screen.query(NoAnswerCard)
        shown = plain(card)
        assert shown.startswith("Not in the scope.")
        assert "Not in the corpus" not in shown
        assert "The scope (since 2024-01-01: 1 of 4 articles) holds no answer" in shown
        assert not app.screen.query(QuoteCard)
        await pilot.press("escape")
        await ask(pilot, "Why did the harbour council vote for a flood wall?")
        assert "flood wall" in plain(app.screen.query(QuoteCard).first())
