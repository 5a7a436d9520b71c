"""The transcript: questions and answers as cards, one widget class per role.

An anchored `VerticalScroll` (as in Textual's mother.py) keeps the newest answer
in view until the user scrolls back. Quote cards are focusable: Enter or a click
opens the quote in its article.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Click
from textual.widgets import LoadingIndicator, Static

from assistant.answer import speaker_hint
from assistant.models import Answer, Quote
from assistant.safe_text import clean
from assistant.tui.messages import QuoteChosen, QuoteCopyRequested
from assistant.tui.render import locator_line, quote_text, source_line, speaker_line


class Transcript(VerticalScroll):
    """The scrolling conversation."""

    def on_mount(self) -> None:
        self.anchor()


class WelcomeCard(Static):
    """What to do first; replaced by the article count once the index is open."""


class QuestionCard(Static):
    """A question the user asked, as typed."""

    def __init__(self, question: str, article: str | None = None, limits: str | None = None) -> None:
        text = Text.assemble(("You  ", "bold"), clean(question))
        # The picked article by its title, in quotes; limits in their own words ("in sport/; since …"),
        # which already begin with what they are, so no "in" is put before them.
        where = [f"in “{clean(article)}”"] if article else []
        if limits:
            where.append(clean(limits))
        if where:
            text.append("\n" + "; ".join(where), style="dim italic")
        super().__init__(text)


class CorpusNote(Static):
    """What adding an article did, as a line of the conversation: a notice ("Article added") lay
    over the answer cards for seconds, where the user was reading."""


class FollowedNote(Static):
    """How the engine read a follow-up question (which article or speaker it stayed with)."""


class QuoteCard(Static, can_focus=True):
    """One verbatim quote with its attribution; Enter or a click opens its source."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "open_source", "Open source", tooltip="Read the quote in its article", id="open-source"
        ),
        Binding("c", "copy_quote", "Copy", tooltip="Copy the quote with its citation", id="copy-quote"),
    ]

    def __init__(self, quote: Quote, number: int) -> None:
        self.quote = quote
        """The quote shown, as the engine returned it."""
        text = quote_text(quote)
        who = speaker_line(quote)
        if who:
            text.append(f"\n{who}", style="bold")
        text.append(f"\n{source_line(quote)}", style="dim")
        text.append(f"\n{locator_line(quote)}", style="dim italic")
        super().__init__(text)
        self.border_title = str(number)

    def action_open_source(self) -> None:
        """Ask the screen to open this quote in its article."""
        self.post_message(QuoteChosen(self.quote))

    def action_copy_quote(self) -> None:
        """Ask the screen to copy this quote with its citation."""
        self.post_message(QuoteCopyRequested(self.quote))

    def on_focus(self) -> None:
        self.border_subtitle = "Enter: read in article · c: copy"

    def on_blur(self) -> None:
        self.border_subtitle = ""

    def on_click(self, event: Click) -> None:
        event.stop()
        self.focus()
        self.post_message(QuoteChosen(self.quote))


_NO_WORDS = "The question has no words to search for"
"""How the answer stage refuses a question of stop words alone (the chat answers it in the transcript)."""


class NoAnswerCard(Static):
    """The corpus holds no answer: said plainly, with close words it does hold."""

    def __init__(self, answer: Answer) -> None:
        if not answer.searched and (answer.message or "").startswith(_NO_WORDS):
            # "what is it": the question needs words, the corpus was never searched ("Not in the corpus").
            text = Text("Nothing to search for.", style="bold")
            text.append("\nThe question has only words like “what”, “is”, “the”: say what it is about.")
            super().__init__(text)
            return
        # Asked of one article or within limits, the rest of the corpus was not searched.
        where = "this article" if answer.scope else "the scope" if answer.limits else "the corpus"
        text = Text(f"Not in {where}.", style="bold")
        text.append(f"\n{clean(answer.message or 'No article answers this question.')}")
        if answer.suggestions:
            text.append("\nClose words in the corpus: ", style="dim")
            text.append(", ".join(clean(s) for s in answer.suggestions), style="italic")
        super().__init__(text)


class ErrorCard(Static):
    """A question that failed; the question went back into the input."""


class AnswerBlock(Vertical):
    """The reply to one question: a spinner, then quote cards or a no-answer card."""

    def __init__(self, ask_id: int) -> None:
        super().__init__(id=f"answer-{ask_id}")
        self.answer: Answer | None = None
        """The answer shown, once it arrived."""

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()

    async def show(self, answer: Answer) -> None:
        """Replace the spinner with the answer's cards."""
        self.answer = answer
        await self.remove_children()
        cards: list[Static] = []
        if answer.followed:
            cards.append(FollowedNote(Text(clean(answer.followed))))
        if answer.speaker_not_first:
            name = answer.speaker_not_first
            hint = speaker_hint(name, f"/speaker {clean(name, one_line=True)}")
            cards.append(FollowedNote(Text(hint)))
        if answer.answered and answer.quotes:
            cards += [QuoteCard(q, n) for n, q in enumerate(answer.quotes, start=1)]
        else:
            cards.append(NoAnswerCard(answer))
        await self.mount_all(cards)

    async def fail(self, message: str) -> None:
        """Replace the spinner with a short failure note."""
        await self.remove_children()
        await self.mount(ErrorCard(Text(clean(message))))
