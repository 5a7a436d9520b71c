"""A daily user's trial of the chat, the real app through its pilot on real corpus folders:
- a question asked within limits that finds nothing there says "Not in the scope", not "Not in the
  corpus" (the rest was never searched), and Esc then finds the answer;
- "What else did he say?" never brings back a sentence already shown, from the other copy of a story
  filed twice (it was shown once, "also in" the copy);
- Ctrl+F, a filter that fits one article, Enter: the article is picked and the question typed next
  goes in the question box (Enter only moved into the list, and the question typed was lost);
- letters typed while the article list has focus go on in the filter box (they were lost)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Input
from tui_helpers import ask, listed, submit, type_text, wait_for

from assistant.tui.app import make_app
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.transcript import AnswerBlock, NoAnswerCard, QuoteCard

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
        await wait_for(pilot, lambda: listed(app))
        app.chat.query_one("#question").focus()
        await submit(pilot, "/since 2024")
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


OUTPUT_STORY = """Opec within output ceiling, Subroto says

Opec remains within its agreed output ceiling of 15.8 mln barrels a day, Indonesian Energy \
Minister Subroto said.

He denied that Opec was exceeding its agreed production ceiling.

Asked what Opec's output level was now, he replied: "Below 15.8 (mln barrels per day)."

He said the market is in a period of transition while the December agreement is worked through.
"""
PRICES_STORY = """OPEC sticking firm on prices

OPEC countries are all sticking firmly to official crude oil prices, Indonesian Minister of Mines and \
Energy Subroto told Reuters.

Subroto said that as he was not a member of the committee he did not know why the meeting had been postponed.
"""


async def test_what_else_never_repeats_a_quote_from_the_other_copy_of_a_story(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "00873.txt").write_text(OUTPUT_STORY, encoding="utf-8")
    (folder / "00952.txt").write_text(OUTPUT_STORY, encoding="utf-8")  # the same story filed twice
    (folder / "01909.txt").write_text(PRICES_STORY, encoding="utf-8")
    app = make_app(folder, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        seen: set[str] = set()
        for question in ("What did Subroto say about OPEC production?", "What else did he say?") + (
            "What else did he say?",
        ) * 2:
            await ask(pilot, question)
            cards = app.screen.query(AnswerBlock).last().query(QuoteCard)
            texts = [card.quote.text for card in cards]
            assert not seen & set(texts), f"{question!r} showed again: {sorted(seen & set(texts))}"
            seen.update(texts)
        # Every sentence Subroto says in the three files was shown once, none twice.
        assert any("not a member of the committee" in t for t in seen)


async def test_a_filter_that_fits_one_article_picks_it_on_enter_and_the_question_is_kept(
    corpus: Path,
) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f")
        await submit(pilot, "harbour council")
        assert app.chat.scope == "harbour.txt"
        await ask(pilot, "What did the mayor say?")
        answer = app.chat.answers[-1]
        assert answer.question == "What did the mayor say?" and answer.scope == "harbour.txt"
        assert app.chat.query_one("#question", QuestionInput).value == ""


async def test_down_from_the_filter_goes_into_the_list_and_enter_picks_there(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f", "down", "down", "enter")
        assert app.chat.scope == "lighthouse.txt"  # the second row by title: Harbour, Lighthouse, Zelensky
        assert app.chat.query_one("#question", QuestionInput).has_focus


async def test_letters_typed_in_the_article_list_go_on_in_the_filter(corpus: Path) -> None:
    # They were lost: the list had focus, and a list takes no text.
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f")
        await type_text(pilot, "h")
        await pilot.press("down", "a")  # the first letter typed in the list moves the focus to the filter
        await type_text(pilot, "rbour council")
        field = app.query_one("#article-filter", Input)
        assert field.has_focus and field.value == "harbour council"
        await pilot.press("enter")
        assert app.chat.scope == "harbour.txt"


async def test_letters_typed_fast_in_the_article_list_all_reach_the_filter(corpus: Path) -> None:
    # Typed (or pasted) faster than the focus moved to the filter, every letter after the first was
    # lost: it reached the list after the list had lost its focus.
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f")
        await type_text(pilot, "h")
        await pilot.press("down")
        await type_text(pilot, "arbour council")  # one burst while the list has the focus
        field = app.query_one("#article-filter", Input)
        assert field.has_focus and field.value == "harbour council"
