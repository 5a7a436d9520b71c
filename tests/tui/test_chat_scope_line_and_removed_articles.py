"""A daily user's trial of the chat (trial 12), the real app through its pilot on real corpus folders:
- a scope set by a slash command (or cleared by Esc) is said by the scope line, not by a toast that
  covered the answer cards of the next question for five seconds;
- Ctrl+O on a quote whose article another terminal removed says so in the chat's terms (it sent the
  user to `assistant list`, a command of the CLI), and the article panel drops the article;
- a history filter that matches nothing says so (the list was just empty), and it looks in the quotes
  shown as `assistant history --filter` does;
- a question of stop words alone ("what is it") is "Nothing to search for", not "Not in the corpus".
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input, OptionList
from textual.widgets._toast import Toast
from tui_helpers import ask, listed, submit, type_text, wait_for

from assistant.tui.app import make_app
from assistant.tui.screens.history import HistoryScreen
from assistant.tui.widgets.status import ScopeBar
from assistant.tui.widgets.transcript import NoAnswerCard, QuoteCard

SIZE = (100, 32)


def messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_scope_change_is_said_by_the_scope_line_and_no_toast_covers_the_answer(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # a toast stays 5 s
        await wait_for(pilot, lambda: listed(app))
        app.chat.query_one("#question").focus()
        await submit(pilot, "/author priya")
        await pilot.pause()
        bar = app.chat.query_one(ScopeBar)
        assert "author priya" in str(bar.render()).casefold()
        await ask(pilot, "What did the mayor say about the wall?")
        await pilot.pause(0.2)
        cards = list(app.screen.query(QuoteCard))
        assert cards and "sandbagging" in cards[0].quote.text + " ".join(c.quote.text for c in cards)
        toasts = list(app.screen.query(Toast))
        covered = [c.quote.text[:30] for c in cards for t in toasts if t.region.overlaps(c.region)]
        assert not covered, f"toasts {messages(app)} cover the cards {covered}"
        await pilot.press("escape")
        await pilot.pause()
        assert "all 3 articles" in str(bar.render())
        assert not list(app.screen.query(Toast)), messages(app)


def remove_from_another_terminal(corpus: Path, article_id: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "remove", article_id, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


async def test_ctrl_o_on_a_quote_whose_article_was_removed_elsewhere_says_so_in_the_chat(
    corpus: Path,
) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        assert app.chat.answers[-1].quotes[0].article.id == "harbour.txt"
        remove_from_another_terminal(corpus, "harbour.txt")
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: any("removed" in m for m in messages(app)))
        said = next(m for m in messages(app) if "removed" in m)
        assert said.startswith("“Harbour council approves flood wall after two-year dispute” was removed")
        assert "Ask again" in said
        assert not any("assistant list" in m or "assistant " in m for m in messages(app))
        assert app.screen is app.chat  # no source view of an article that is gone
        panel = app.chat.query_one("#article-list", OptionList)
        await wait_for(pilot, lambda: panel.option_count == 2)


async def test_a_history_filter_that_matches_nothing_says_so(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await type_text(pilot, "zzz")
        listing = app.screen.query_one("#history-list", OptionList)
        assert listing.option_count == 1
        shown = str(listing.get_option_at_index(0).prompt)
        assert shown.startswith("No earlier question matches “zzz” (1 question kept)")
        await pilot.press("enter")  # Enter on the note recalls nothing and leaves the filter as it was
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#history-filter", Input).value == "zzz"
        await pilot.press("backspace", "backspace", "backspace")
        assert "What did the mayor say" in str(listing.get_option_at_index(0).prompt)
        # The filter looks in the quotes shown too, as `assistant history --filter` does.
        await type_text(pilot, "sandbagging")
        assert listing.option_count == 1
        assert "What did the mayor say" in str(listing.get_option_at_index(0).prompt)


async def test_a_question_of_stop_words_alone_is_not_said_to_be_missing_from_the_corpus(corpus: Path) -> None:
    # "what is it" got "Not in the corpus.": nothing had been searched for.
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "what is it")
        (card,) = app.screen.query(NoAnswerCard)
        shown = str(card.render())
        assert shown.startswith("Nothing to search for.\nThe question has only words like “what”")
        assert "Not in the corpus" not in shown
        await ask(pilot, "What did the mayor say about the wall?")  # the chat goes on as before
        assert app.chat.answers[-1].answered
