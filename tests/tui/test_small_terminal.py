"""At a small terminal the question box and the answer stay usable (a user trial at 40x12 saw the
article panel take 26 of 40 columns and leave the transcript a 14-column strip)."""

from __future__ import annotations

from textual.geometry import Region
from tui_helpers import ask, listed, type_text, wait_for

from assistant.tui.app import AssistantApp
from assistant.tui.widgets.article_panel import ArticlePanel
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.transcript import QuestionCard, QuoteCard, Transcript

SMALL = (40, 12)


def _on_screen(app: AssistantApp, region: Region) -> bool:
    return Region(0, 0, *app.size).contains_region(region) and region.area > 0


async def test_at_40_by_12_the_question_and_the_answer_get_the_screen(app: AssistantApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await wait_for(pilot, lambda: listed(app))
        assert not app.chat.query_one(ArticlePanel).display
        box = app.chat.query_one("#question", QuestionInput)
        assert box.has_focus and _on_screen(app, box.region)
        assert box.region.width == SMALL[0]
        await ask(pilot, "What did the council vote for?")
        transcript = app.chat.query_one(Transcript)
        assert transcript.region.width == SMALL[0] and transcript.region.height >= 5
        await pilot.pause()
        cards = list(app.chat.query(QuoteCard))
        assert "flood wall" in cards[0].quote.text
        # The answer is taller than the view: it shows from its question down (it showed the last
        # quote's file name and offsets), the first quote at the transcript's width less margins.
        asked = app.chat.query_one(QuestionCard)
        assert transcript.region.contains_region(asked.region) and asked.region.area
        assert transcript.region.overlaps(cards[0].region) and cards[0].region.width >= SMALL[0] - 6
        await ask(pilot, "What did Mayor Helen Okafor say?")  # the next question follows the end again
        await pilot.pause()
        assert transcript.region.overlaps(app.chat.query(QuestionCard).last().region)
        assert _on_screen(app, box.region) and box.has_focus


async def test_at_40_by_12_the_panel_opens_on_demand_and_closes_once_an_article_is_chosen(
    app: AssistantApp,
) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f")
        await type_text(pilot, "harbou")
        panel = app.chat.query_one(ArticlePanel)
        assert panel.display and _on_screen(app, panel.region)
        await pilot.press("r", "enter")  # one article fits: Enter picks it
        assert app.chat.scope == "harbour.txt"
        assert not panel.display
        box = app.chat.query_one("#question", QuestionInput)
        assert box.has_focus and box.region.width == SMALL[0]
        await ask(pilot, "What did the council vote for?")
        assert app.chat.answers[-1].scope == "harbour.txt"


async def test_a_wide_terminal_keeps_the_article_panel(app: AssistantApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.pause()
        panel = app.chat.query_one(ArticlePanel)
        assert panel.display and panel.region.width > 0
        await pilot.press("enter")  # nothing typed: the panel stays, the chat is not narrowed
        assert panel.display
