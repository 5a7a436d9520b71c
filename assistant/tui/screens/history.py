"""The history screen: questions asked of this corpus before (in this session or earlier), newest first.

Choosing one puts it back in the question box, to ask again or edit, and limits questions as it
was limited (its folders, sources, dates, speaker or article).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from assistant.history import HistoryEntry
from assistant.safe_text import clean
from assistant.wording import counted


def _row(entry: HistoryEntry) -> Text:
    row = Text(f"{entry.asked_at[:16].replace('T', ' ')}  ", style="dim", no_wrap=True, overflow="ellipsis")
    row.append(clean(entry.question), style="bold")
    if entry.followed:
        row.append(f" ({clean(entry.followed)})", style="dim")
    if entry.scope:
        row.append(f"  [{clean(entry.scope)}]", style="italic")
    row.append(f"  {counted(len(entry.quotes), 'quote')}" if entry.answered else "  no answer", style="dim")
    return row


def _searched(entry: HistoryEntry) -> str:
    """What the filter looks in, as `assistant history --filter` does: the question, how it was read,
    its scope, and the quotes shown with their citations (it looked in the question and scope only)."""
    quotes = " ".join(f"{q.get('text', '')} {q.get('citation', '')}" for q in entry.quotes)
    return f"{entry.question} {entry.followed or ''} {entry.scope or ''} {quotes}".casefold()


class HistoryScreen(ModalScreen[HistoryEntry | None]):
    """Earlier questions with a filter box; Enter recalls one (with the scope it was asked in), Esc
    closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close the history", id="history-close"),
    ]

    def __init__(self, entries: list[HistoryEntry]) -> None:
        super().__init__()
        self.entries = entries
        """Every entry shown, newest first."""

    def compose(self) -> ComposeResult:
        with Vertical(id="history-body"):
            yield Static(Text("Questions asked before", style="bold"), id="history-title")
            yield Input(placeholder="Filter questions…", id="history-filter")
            yield OptionList(id="history-list")

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#history-filter", Input).focus()

    def _show(self, needle: str) -> None:
        folded = needle.strip().casefold()
        listing = self.query_one("#history-list", OptionList)
        listing.clear_options()
        listing.add_options(
            [
                Option(_row(e), id=str(n))
                for n, e in enumerate(self.entries)
                if not folded or folded in _searched(e)
            ]
        )
        if not self.entries:
            listing.add_option(Option(Text("No questions kept yet.", style="dim"), disabled=True))
        elif not listing.option_count:  # an empty box read as a broken screen
            said = (
                f"No earlier question matches “{clean(needle.strip(), one_line=True)}” "
                f"({counted(len(self.entries), 'question')} kept); shorten the filter to see more."
            )
            listing.add_option(Option(Text(said, style="dim"), disabled=True))

    @on(Input.Changed, "#history-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#history-filter")
    def _filter_submitted(self) -> None:
        listing = self.query_one("#history-list", OptionList)
        if listing.option_count and not listing.get_option_at_index(0).disabled:
            listing.highlighted = 0
            listing.focus()

    @on(OptionList.OptionSelected, "#history-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.entries[int(event.option.id)])

    def action_close(self) -> None:
        """Back to the chat without recalling anything."""
        self.dismiss(None)
