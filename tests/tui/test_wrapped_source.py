"""A hard-wrapped article in the app: the quote card and the source view show it as one flowing text."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import HARBOUR
from test_chat import SIZE, plain
from tui_helpers import ask, wait_for

from assistant.tui.app import make_app
from assistant.tui.screens.source import ParagraphBlock, SourceScreen
from assistant.tui.widgets.transcript import QuoteCard


def _wrapped(story: str, width: int) -> str:
    """The story with each paragraph wrapped at `width` columns, first lines indented like wire copy."""
    head, *body = [p for p in story.split("\n\n") if p.strip()]
    wrapped = [textwrap.fill(" ".join(p.split()), width, initial_indent="    ") for p in body]
    return head + "\n" + "\n".join(wrapped) + "\n"


async def test_a_wrapped_article_reads_as_whole_paragraphs_in_card_and_source(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "harbour.txt").write_text(_wrapped(HARBOUR, 50), encoding="utf-8")
    app = make_app(folder, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        card = app.screen.query(QuoteCard).first()
        assert "\n" not in card.quote.text
        assert card.quote.text in " ".join(plain(card).split())
        card.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen))
        blocks = list(app.screen.query(ParagraphBlock))
        assert len(blocks) == 4  # the four paragraphs of the story, not one a line
        chosen = app.screen.query_one(".-chosen", ParagraphBlock)
        assert chosen.id == f"paragraph-{card.quote.paragraph}"
        shown = [plain(child) for child in chosen.children if hasattr(child, "content")]
        assert any(card.quote.text in text and "\n" not in text for text in shown)
