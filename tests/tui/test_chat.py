"""Pilot tests: the real app, the real engine, a real corpus folder in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.widgets import Label, OptionList
from tui_helpers import ask, listed, submit, wait_for

from assistant.tui.app import AssistantApp, make_app
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.screens.source import ParagraphBlock, SourceScreen
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.status import ScopeBar
from assistant.tui.widgets.transcript import ErrorCard, FollowedNote, NoAnswerCard, QuoteCard

SIZE = (100, 32)


def plain(widget: object) -> str:
    """The text a Static shows (all of ours are built from rich Text)."""
    content = widget.content  # type: ignore[attr-defined]
    assert isinstance(content, Text), "article text must be shown as rich Text, never markup"
    return content.plain


async def test_question_gets_quote_cards_with_attribution(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        cards = list(app.screen.query(QuoteCard))
        assert cards
        first = plain(cards[0])
        assert "Helen Okafor" in first
        assert "Harbour council approves flood wall after two-year dispute" in first
        assert "Priya Raman" in first
        assert f"¶{cards[0].quote.paragraph}" in first
        assert first.startswith(("“", '"')) and cards[0].quote.text in first
        # The question's words are highlighted inside the quote.
        assert cards[0].quote.highlights
        content = cards[0].content
        assert isinstance(content, Text) and any(span.style for span in content.spans)


async def test_follow_up_uses_the_conversation(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        await ask(pilot, "What did he say about cost?")
        assert len(app.conversation.turns) == 2
        notes = list(app.screen.query(FollowedNote))
        assert notes and "Follow-up" in plain(notes[-1])
        assert app.chat.answers[-1].followed


async def test_scope_to_an_article_and_clear_it(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f")
        await submit(pilot, "harbour")  # one article fits: Enter picks it
        listing = app.screen.query_one("#article-list", OptionList)
        assert listing.option_count == 1
        assert app.chat.scope == "harbour.txt"
        assert app.chat.query_one("#question", QuestionInput).has_focus
        assert "Harbour council" in plain(app.screen.query_one(ScopeBar))
        await ask(pilot, "What did the council vote for?")
        assert app.chat.answers[-1].scope == "harbour.txt"
        assert all(q.article.id == "harbour.txt" for q in app.chat.answers[-1].quotes)
        await pilot.press("escape")
        assert app.chat.scope is None
        assert "all 3 articles" in plain(app.screen.query_one(ScopeBar))


async def test_source_view_opens_at_the_sentence_and_escape_returns(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        card = app.screen.query(QuoteCard).first()
        card.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen))
        chosen = app.screen.query_one(".-chosen", ParagraphBlock)
        assert chosen.id == f"paragraph-{card.quote.paragraph}"
        assert len(app.screen.query(ParagraphBlock)) > 3
        await pilot.press("escape")
        assert isinstance(app.screen, ChatScreen)
        assert app.screen.focused is card


async def test_clicking_a_quote_card_opens_the_source(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        card = app.screen.query(QuoteCard).last()
        await pilot.click(card)
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen))


async def test_export_writes_markdown_with_quotes_and_attribution(app: AssistantApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: list((tmp_path / "exports").glob("*.md")))
        (path,) = (tmp_path / "exports").glob("*.md")
        text = path.read_text(encoding="utf-8")
        quote = app.chat.answers[0].quotes[0]
        assert "What did the mayor say about the wall?" in text
        assert quote.text.split()[0] in text and "Helen Okafor" in text
        assert "Harbour council approves flood wall after two-year dispute" in text
        assert "by Priya Raman" in text and f"paragraph {quote.paragraph}" in text
        await wait_for(pilot, lambda: any(str(path) in n.message for n in app._notifications))


async def test_markup_is_literal_and_escapes_are_stripped(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the keeper say about the lamp?")
        assert app.is_running  # [@click=app.quit] did nothing
        card = app.screen.query(QuoteCard).first()
        shown = plain(card)
        assert "[bold]never[/]" in shown and "Morag [/]Dunn" in shown
        assert "\x1b" not in shown and "\x07" not in shown and "pwned" not in shown
        options = app.screen.query_one("#article-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Lighthouse keeper [bold]retires[/] after forty years" in p for p in prompts)
        card.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen))
        body = "\n".join(plain(w) for w in app.screen.query(".paragraph-text"))
        assert "[@click=app.quit]tower[/]" in body and "[@click=app.quit]Evil[/]" in body
        assert "\x1b" not in body and "pwned" not in body
        await pilot.press("escape")
        assert app.is_running


async def test_no_answer_card_says_so_plainly(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What about quantum chromodynamics xylophones?")
        (card,) = app.screen.query(NoAnswerCard)
        assert "Not in the corpus" in plain(card)
        assert not app.screen.query(QuoteCard)


async def test_bad_question_notifies_and_puts_the_question_back(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        question = "why " * 300
        box = app.screen.query_one("#question", QuestionInput)
        box.value = question
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.query(ErrorCard))
        assert box.value == question.strip()
        assert any(n.severity == "error" for n in app._notifications)


async def test_up_and_down_recall_earlier_questions(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say?")
        await ask(pilot, "Who opposed the wall?")
        box = app.screen.query_one("#question", QuestionInput)
        await pilot.press("up")
        assert box.value == "Who opposed the wall?"
        await pilot.press("up")
        assert box.value == "What did the mayor say?"
        await pilot.press("down", "down")
        assert box.value == ""


async def test_copy_puts_quote_and_citation_on_the_clipboard(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        await pilot.press("ctrl+y")
        quote = app.chat.answers[0].quotes[0]
        assert quote.text in app.clipboard
        assert "Harbour council approves flood wall" in app.clipboard and "Priya Raman" in app.clipboard


async def test_new_file_in_the_corpus_is_picked_up(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=0.2, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        (corpus / "ferry.txt").write_text(
            "Island ferry gets a new timetable\nBy Sam Ortiz\n\n"
            "The island ferry will sail every hour from May, the operator said on Monday.\n",
            encoding="utf-8",
        )
        panel = app.screen.query_one("#article-list", OptionList)
        await wait_for(
            pilot,
            lambda: any(
                "ferry" in str(panel.get_option_at_index(i).prompt).lower() for i in range(panel.option_count)
            ),
        )
        assert any("Island ferry" in n.message for n in app._notifications)
        await ask(pilot, "How often will the ferry sail?")
        assert app.chat.answers[-1].quotes[0].article.id == "ferry.txt"


async def test_every_binding_is_in_the_command_palette_and_help(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Export", "Copy", "Source", "New chat", "Articles", "Add article", "Help"} <= titles
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ChatScreen)


async def test_new_chat_clears_transcript_and_conversation(app: AssistantApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not app.screen.query(QuoteCard)
        assert app.conversation.turns == [] and app.chat.answers == []


async def test_app_is_usable_while_the_index_opens(corpus: Path) -> None:
    import threading

    from assistant.engine import Engine
    from assistant.tui.widgets.status import IndexStatus

    go = threading.Event()

    def slow_open(corpus_dir: Path, *, progress: Callable[[str, int, int], None] | None = None) -> Engine:
        assert progress is not None
        progress("reading", 1, 4)
        go.wait(10)
        return Engine.open(corpus_dir, progress=progress)

    app = make_app(corpus, open_engine=slow_open, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        status = app.screen.query_one(IndexStatus)
        stage = status.query_one("#index-stage", Label)
        await wait_for(pilot, lambda: status.display and "1/4" in str(stage.content))
        await submit(pilot, "What did the mayor say about the wall?")  # typed while indexing
        assert app.engine is None and not app.chat.answers
        go.set()
        await wait_for(pilot, lambda: app.chat.answers)
        assert app.screen.query(QuoteCard)
        assert not status.display


async def test_escape_from_the_article_filter_goes_back_to_the_question(app: AssistantApp) -> None:
    # Words typed after Ctrl+F go into the filter; Esc must lead back to the question box without
    # choosing an article (before, only choosing one did, and a question typed went into the filter).
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listed(app))
        await pilot.press("ctrl+f", "z", "z", "escape")
        box = app.chat.query_one("#question", QuestionInput)
        assert box.has_focus
        await pilot.press("ctrl+f", "down", "escape")  # from the list as well
        assert box.has_focus and app.chat.scope is None
        await ask(pilot, "What did the mayor say about the wall?")
        assert app.screen.query(QuoteCard)
