"""The source view: the article, paragraphs numbered, the chosen sentence highlighted.

An article may be 20 MB: one widget a paragraph for 30,000 paragraphs froze the chat for
minutes and took gigabytes. The view shows the paragraphs around the quote, up to a bound in
paragraphs and characters, and says what it left out (`assistant show ID` prints it whole).
"""

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
from assistant.wording import counted

MARK = "reverse"
STRONG = "reverse bold underline"
WINDOW_PARAGRAPHS = 200
"""At most this many paragraphs are shown around the quote."""
WINDOW_CHARS = 200_000
"""…and at most about this many characters; a longer paragraph is cut around the quote."""


def shown_window(ranges: list[tuple[int, int, int]], start: int, end: int) -> list[tuple[int, int, int]]:
    """The blocks around the quote at [start, end) within WINDOW_PARAGRAPHS and WINDOW_CHARS.

    The paragraph holding the quote always shows (cut to WINDOW_CHARS around the quote when
    longer); then paragraphs are taken one after, one before, while the bounds allow.
    """
    if len(ranges) <= WINDOW_PARAGRAPHS and sum(e - s for _, s, e in ranges) <= WINDOW_CHARS:
        return ranges
    at = next((i for i, (_, s, e) in enumerate(ranges) if s <= start < e), None)
    if at is None:
        at = next((i for i, (_, s, _) in enumerate(ranges) if s >= start), len(ranges) - 1)
    number, p_start, p_end = ranges[at]
    if p_end - p_start > WINDOW_CHARS:
        half = max(0, (WINDOW_CHARS - (end - start)) // 2)
        # Cut around the quote, it is the window: a neighbour beside a cut would hide the gap.
        return [(number, max(p_start, start - half), min(p_end, end + half))]
    low, high = at, at
    chars = p_end - p_start
    while high - low + 1 < WINDOW_PARAGRAPHS:
        grown = False
        for step in (high + 1, low - 1):
            if 0 <= step < len(ranges) and high - low + 1 < WINDOW_PARAGRAPHS:
                size = ranges[step][2] - ranges[step][1]
                if chars + size <= WINDOW_CHARS:
                    chars += size
                    low, high = min(low, step), max(high, step)
                    grown = True
        if not grown:
            break
    return [*ranges[low:at], (number, p_start, p_end), *ranges[at + 1 : high + 1]]


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
        self._all = self._ranges()
        self._shown = shown_window(self._all, quote.start, quote.end)
        """(number, start, end) of the blocks shown: the whole article, or a window around the quote."""

    def compose(self) -> ComposeResult:
        meta = self.view.meta
        heading = Text(clean(meta.title) or clean(meta.id), style="bold")
        heading.append(f"\n{article_line(meta)}", style="dim")
        if meta.url:
            heading.append(f"\n{clean(meta.url)}", style="dim italic")
        yield Static(heading, id="source-heading")
        with VerticalScroll(id="source-body"):
            before, after = self._left_out()
            if before:
                yield Static(before, classes="source-left-out")
            yield from self._blocks()
            if after:
                yield Static(after, classes="source-left-out")
        yield Footer()

    def _left_out(self) -> tuple[str, str]:
        """Lines saying which paragraphs (or characters) the window leaves out, before and after."""
        if self._shown == self._all:
            return "", ""
        whole = f"`assistant show {clean(self.view.meta.id, one_line=True)}` prints the whole article"
        first, last = self._shown[0], self._shown[-1]
        numbers = [n for n, _, _ in self._all]
        hidden_before = numbers.index(first[0])
        hidden_after = len(numbers) - 1 - numbers.index(last[0])
        whole_first = next(r for r in self._all if r[0] == first[0])
        whole_last = next(r for r in self._all if r[0] == last[0])
        before = after = ""
        if hidden_before or first[1] > whole_first[1]:
            before = f"⋯ {counted(hidden_before, 'paragraph')} before this not shown"
            if first[1] > whole_first[1]:
                before += f", nor the start of paragraph {first[0]}"
            before += f" ({whole})"
        if hidden_after or last[2] < whole_last[2]:
            after = f"⋯ {counted(hidden_after, 'paragraph')} after this not shown"
            if last[2] < whole_last[2]:
                after += f", nor the end of paragraph {last[0]}"
            after += f" ({whole})"
        return before, after

    def _blocks(self) -> list[ParagraphBlock]:
        # Line breaks as spaces (same offsets): a hard-wrapped paragraph reflows to the screen.
        text, quote = one_line_text(self.view.text), self.quote
        spans = mark_spans(quote.start, quote.end, quote.highlights, MARK, STRONG)
        if quote.speaker is not None and not (quote.start <= quote.speaker.start < quote.end):
            spans.append((quote.speaker.start, quote.speaker.end, "underline"))
        blocks = []
        for number, start, end in self._shown:
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
        start, end = next(((s, e) for _, s, e in self._shown if s <= self.quote.start < e), (0, 1))
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
