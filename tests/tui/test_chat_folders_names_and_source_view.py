"""A daily user's trial of the chat: `/in` with a folder typed wrong is answered at once with
the folders there are, not after the next question; a folder that exists draws no warning.
The real app and engine on a real archive folder, through `App.run_test()`."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import ask, submit, wait_for

from assistant.index import Index
from assistant.tui.app import AssistantApp, make_app
from assistant.tui.screens.source import WINDOW_PARAGRAPHS, ParagraphBlock, SourceScreen
from assistant.tui.widgets.transcript import QuoteCard
from tests.archive import make_archive

SIZE = (110, 34)


@pytest.fixture
def archive_app(tmp_path: Path) -> AssistantApp:
    return make_app(make_archive(tmp_path / "archive"), watch_seconds=0, cursor_blink=False)


async def test_slash_in_with_a_mistyped_folder_warns_at_once(archive_app: AssistantApp) -> None:
    app = archive_app
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.chat.engine is not None)
        await submit(pilot, "/in sport/")
        await pilot.pause()
        assert not [n for n in app._notifications if n.severity == "warning"]
        await submit(pilot, "/in sprot/")
        await wait_for(pilot, lambda: any(n.severity == "warning" for n in app._notifications))
        (warning,) = [n for n in app._notifications if n.severity == "warning"]
        assert warning.message == "No article is in sprot/. Its folders: local/, sport/, wire/, world/."


async def test_a_newline_in_a_file_name_stays_on_the_cards_id_line(tmp_path: Path) -> None:
    # The card's id line broke after "name": "with newline.txt · characters …" stood alone.
    corpus = make_archive(tmp_path / "archive")
    (corpus / "local" / "name\nwith newline.txt").write_text(
        "Lighthouse keeper retires\n\n"
        "The lighthouse keeper retired after forty years on the rock, the council said.\n",
        encoding="utf-8",
    )
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await ask(pilot, "Who retired after forty years on the rock?")
        card = app.screen.query(QuoteCard).first()
        lines = [card.render_line(y).text.strip(" │") for y in range(card.size.height)]
        assert any(line.startswith("local/name with newline.txt · characters") for line in lines), lines
        assert not any(line.startswith("with newline.txt") for line in lines), lines


async def test_slash_in_warns_without_reading_the_article_table(tmp_path: Path) -> None:
    """`/in FOLDER` checks the folder against the stored folders (issue 12): at 1M passages the id
    column it read was every row of the article table, parsed the first time the scope was set."""
    corpus = make_archive(tmp_path / "archive")
    Index.open(corpus)  # built and stored before the chat opens it, as a large corpus's index is
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.chat.engine is not None)
        engine = app.chat.engine
        assert engine is not None and engine.index.articles.stored_rows is not None  # a stored index
        await submit(pilot, "/in world/nowhere/")
        await wait_for(pilot, lambda: any(n.severity == "warning" for n in app._notifications))
        (warning,) = [n for n in app._notifications if n.severity == "warning"]
        assert warning.message.startswith("No article is in world/nowhere/. ")
        assert engine.index.articles.stored_rows is not None  # no row of the table parsed


async def test_the_source_view_of_a_long_article_shows_the_paragraphs_around_the_quote(
    tmp_path: Path,
) -> None:
    # A 10 MB article of 30,000 paragraphs froze the chat for minutes (one widget a paragraph) and
    # took more than a gigabyte; the view now shows a window around the quote and says what it left out.
    corpus = make_archive(tmp_path / "archive")
    filler = "The tide tables for the northern channel were printed in the almanac as usual."
    paragraphs = [f"{filler} Entry {n}." for n in range(1, 1201)]
    paragraphs[799] = "The lighthouse keeper retired after forty years on the rock, the council said."
    (corpus / "local" / "almanac.txt").write_text(
        "Almanac\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(110, 34)) as pilot:
        await ask(pilot, "Who retired after forty years on the rock?")
        card = app.screen.query(QuoteCard).first()
        assert card.quote.paragraph == 800
        card.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen))
        blocks = list(app.screen.query(ParagraphBlock))
        assert len(blocks) == WINDOW_PARAGRAPHS
        assert app.screen.query_one(".-chosen", ParagraphBlock).id == "paragraph-800"
        numbers = [int(str(b.id).split("-")[1]) for b in blocks]
        assert (
            numbers == list(range(numbers[0], numbers[0] + WINDOW_PARAGRAPHS))
            and numbers[0] < 800 < numbers[-1]
        )
        notes = [str(s.render()) for s in app.screen.query(".source-left-out")]
        assert notes == [
            f"⋯ {numbers[0] - 1} paragraphs before this not shown "
            "(`assistant show local/almanac.txt` prints the whole article)",
            f"⋯ {1200 - numbers[-1]} paragraphs after this not shown "
            "(`assistant show local/almanac.txt` prints the whole article)",
        ]
