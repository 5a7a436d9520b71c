"""The source view: the whole article, paragraphs numbered, the chosen sentence highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from assistant.corpus import one_line_text
from assistant.models import ArticleView, Quote
from assistant.safe_text import clean
from assistant.tui.render import article_line, citation, mark_spans, styled

MARK = "reverse"
STRONG = "reverse bold underline"


class ParagraphBlock(Horizontal):
    """One numbered paragraph (or the lines before the body: title, byline, date)."""

    def __init__(self, number: Text, body: Text, *, id: str, chosen: bool) -> None:
        super().__init__(id=id, classes="-chosen" if chosen else "")
        self._number = number
        self._body = body

    def compose(self) -> ComposeResult:
        yield Static(self._number, classes="paragraph-number")
        yield Static(self._body, classes="paragraph-text")


class SourceScreen(Screen[None]):
    """Read a quote where it stands; Esc returns to the chat as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back to chat", tooltip="Return to the conversation", id="source-back"),
        Binding(
            "ctrl+y", "copy_quote", "Copy quote", tooltip="Copy the quote with its citation", id="source-copy"
        ),
        Binding("home", "top", "Top", tooltip="Scroll to the start of the article", id="source-top"),
    ]

    def __init__(self, view: ArticleView, quote: Quote) -> None:
        super().__init__()
        self.view = view
        """The article shown."""
        self.quote = quote
        """The quote that was chosen; its sentence is highlighted."""

    def compose(self) -> ComposeResult:
        meta = self.view.meta
        heading = Text(clean(meta.title) or clean(meta.id), style="bold")
        heading.append(f"\n{article_line(meta)}", style="dim")
        if meta.url:
            heading.append(f"\n{clean(meta.url)}", style="dim italic")
        yield Static(heading, id="source-heading")
        with VerticalScroll(id="source-body"):
            yield from self._blocks()
        yield Footer()

    def _blocks(self) -> list[ParagraphBlock]:
        # Line breaks as spaces (same offsets): a hard-wrapped paragraph reflows to the screen.
        text, quote = one_line_text(self.view.text), self.quote
        spans = mark_spans(quote.start, quote.end, quote.highlights, MARK, STRONG)
        if quote.speaker is not None and not (quote.start <= quote.speaker.start < quote.end):
            spans.append((quote.speaker.start, quote.speaker.end, "underline"))
        blocks = []
        for number, start, end in self._ranges():
            if end <= start:
                continue
            local = [
                (max(s, start) - start, min(e, end) - start, st)
                for s, e, st in spans
                if s < end and e > start
            ]
            label = Text(str(number) if number else "", style="dim")
            body = styled(text[start:end].rstrip(), local, base="" if number else "dim")
            chosen = quote.start < end and quote.end > start
            block = ParagraphBlock(label, body, id=f"paragraph-{number}", chosen=chosen)
            blocks.append(block)
        return blocks

    def on_mount(self) -> None:
        self.call_after_refresh(self._scroll_to_quote)

    def _scroll_to_quote(self) -> None:
        chosen = self.query(".-chosen")
        if not chosen:
            return
        block = chosen.first(ParagraphBlock)
        body = self.query_one("#source-body", VerticalScroll)
        region = block.virtual_region
        # In a paragraph taller than the screen, aim at the sentence's share of the way down.
        start, end = next(((s, e) for _, s, e in self._ranges() if s <= self.quote.start < e), (0, 1))
        share = (self.quote.start - start) / max(end - start, 1)
        target = region.y + int(share * region.height) - body.size.height // 3
        if region.height <= body.size.height:
            target = region.y - max(0, (body.size.height - region.height) // 3)
        body.scroll_to(y=max(0, target), animate=False)
        body.focus()

    def _ranges(self) -> list[tuple[int, int, int]]:
        """(number, start, end) of each block: the body paragraphs, and the header (title, byline,
        front matter) only when the quote comes from it."""
        body = [(n, s, e) for n, (s, e) in enumerate(self.view.paragraphs, start=1)]
        if self.quote.kind != "metadata":
            return body
        first = self.view.paragraphs[0][0] if self.view.paragraphs else len(self.view.text)
        return [(0, 0, first), *body]

    def action_back(self) -> None:
        """Return to the chat."""
        self.dismiss()

    def action_copy_quote(self) -> None:
        """Copy the quote with its citation."""
        self.app.copy_to_clipboard(citation(self.quote))
        self.notify("Quote and citation copied.", title="Copied", markup=False)

    def action_top(self) -> None:
        """Scroll to the start of the article."""
        self.query_one("#source-body", VerticalScroll).scroll_home(animate=False)
