"""A daily user's trial of the chat on a 2,000-article archive (session 14), the real app through its
pilot on real corpus folders:
- a question recalled from the history (Ctrl+R) is asked again within the scope it was asked in: it
  was asked in whatever scope the chat had, so "What did he say?" asked with `--speaker` or a
  folder came back as another question;
- the chat scopes to a speaker as `ask --speaker` does (`/speaker NAME`), and its help says so;
- a sentence that ends with its own closing quotation mark is not shown with a second one;
- "What did he say…?" within `/speaker NAME` is about that speaker, not a follow-up to the last answer;
- an answer to "What did Volcker say…?" that leads with others' words about him says so.
"""

from __future__ import annotations

from pathlib import Path

from archive import make_archive
from stories import write_stories
from test_cli_quotes_scope_and_ids import LACY, VOLCKER
from tui_helpers import ask, listed, submit, type_text, wait_for

from assistant.tui.app import make_app
from assistant.tui.render import quote_text
from assistant.tui.screens.history import HistoryScreen
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.status import ScopeBar
from assistant.tui.widgets.transcript import FollowedNote, QuoteCard

SIZE = (100, 32)


async def _recall(pilot, app, needle: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
    await type_text(pilot, needle)
    await pilot.press("enter", "enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, HistoryScreen))


async def test_a_question_recalled_from_the_history_is_asked_within_its_scope(tmp_path: Path) -> None:
    corpus = make_archive(tmp_path / "archive")
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        app.chat.query_one("#question").focus()
        await submit(pilot, "/in sport/")
        await submit(pilot, "/since 2023")
        await ask(pilot, "What did the harbor master do?")
        assert app.chat.answers[-1].limits == "in sport/; since 2023-01-01"
        await submit(pilot, "/all")
        await ask(pilot, "Where did the defense officials meet?")
        await _recall(pilot, app, "harbor master")
        box = app.chat.query_one("#question", QuestionInput)
        assert box.value == "What did the harbor master do?"
        assert app.chat.limits.folders == ("sport/",) and str(app.chat.limits.since) == "2023-01-01"
        assert "in sport/; since 2023-01-01" in str(app.chat.query_one(ScopeBar).render())
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(app.chat.answers) == 3)
        assert app.chat.answers[-1].limits == "in sport/; since 2023-01-01"
        # One asked of the whole corpus is asked of it again, not of the scope the chat has now.
        await _recall(pilot, app, "defense officials")
        assert app.chat.limits.is_empty() and app.chat.scope is None


async def test_the_chat_scopes_to_a_speaker_as_ask_speaker_does(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: listed(app))
        app.chat.query_one("#question").focus()
        await submit(pilot, "/speaker Okafor")
        assert app.chat.limits.speaker == "Okafor"
        assert "speaker Okafor" in str(app.chat.query_one(ScopeBar).render())
        await ask(pilot, "What did she say about the wall?")
        answer = app.chat.answers[-1]
        assert answer.answered and answer.limits == "speaker Okafor"
        assert {q.speaker.name for q in answer.quotes if q.speaker} == {"Helen Okafor"}
        assert all(q.speaker is not None for q in answer.quotes)
        # Recalled after the limit is cleared, it is asked of her again.
        await submit(pilot, "/speaker")
        assert app.chat.limits.speaker is None
        await _recall(pilot, app, "wall")
        assert app.chat.limits.speaker == "Okafor"
        await pilot.press("ctrl+a", "ctrl+k")
        await submit(pilot, "/bogus")
        assert any("/speaker NAME" in n.message for n in app._notifications)


async def test_a_sentence_ending_with_its_own_closing_mark_gets_no_second_one(tmp_path: Path) -> None:
    corpus = write_stories(tmp_path / "corpus", {"bonds.txt": LACY})
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did Lacy say about the number of players?")
        quote = app.chat.query(QuoteCard).first().quote
        assert quote.text.endswith('trading day."')
        shown = quote_text(quote).plain
        assert shown == quote.text  # it was “In a telephone interview, … expanded."”


async def test_he_within_a_speaker_scope_is_that_speaker_not_a_follow_up(corpus: Path) -> None:
    # "What did he say about the wall?" asked within `/speaker Okafor` after another question was
    # read as a follow-up to that question's article ("… has nothing more on this"), as if "he"
    # were someone in the last answer.
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "Where did the defense officials meet?")
        await submit(pilot, "/speaker Okafor")
        await ask(pilot, "What did she say about the wall?")
        answer = app.chat.answers[-1]
        assert answer.followed is None, answer.followed
        assert answer.answered and answer.quotes[0].speaker is not None
        assert answer.quotes[0].speaker.name == "Helen Okafor"


async def test_the_chat_says_when_the_first_quote_is_not_by_the_person_asked(tmp_path: Path) -> None:
    corpus = write_stories(tmp_path / "corpus", VOLCKER)
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did Volcker say about third world debt?")
        (note,) = app.chat.query(FollowedNote)
        assert str(note.render()) == (
            "The first quote is not by Volcker; /speaker Volcker asks for statements by Volcker only."
        )
        await submit(pilot, "/speaker Volcker")
        await ask(pilot, "What did he say about third world debt?")
        assert len(app.chat.query(FollowedNote)) == 1  # within the scope, no note
