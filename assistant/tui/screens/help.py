"""The help screen: every key binding, grouped by where it works."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from assistant.tui.slash_commands import HELP as SLASH_HELP

Section = tuple[str, Sequence[BindingType]]


class HelpScreen(ModalScreen[None]):
    """Lists the bindings of each area; Esc or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close help", tooltip="Close the help screen", id="help-close"),
    ]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = sections
        """(area name, that area's BINDINGS) pairs, in the order shown."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            for number, (area, bindings) in enumerate(self.sections):
                yield Static(Text(area, style="bold underline"), classes="help-area")
                yield Static(self._table(bindings), id=f"help-table-{number}", classes="help-table")
            yield Static(
                Text(
                    "Ask in plain words; answers are sentences copied from the articles. "
                    "Ctrl+P opens the command palette with every action.\n"
                    f"Commands in the question box: {SLASH_HELP}.",
                    style="dim",
                ),
                id="help-note",
            )

    def _table(self, bindings: Sequence[BindingType]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=8)
        table.add_column(no_wrap=True, min_width=16)
        table.add_column(style="dim")
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = " / ".join(self.app.get_key_display(Binding(k, "")) for k in binding.key.split(","))
            table.add_row(keys, binding.description, binding.tooltip)
        return table

    def action_close(self) -> None:
        """Close the help screen."""
        self.dismiss()
