"""The add-article dialog: a file path or a URL, added to the corpus in a worker."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AddArticleScreen(ModalScreen[str | None]):
    """Ask for one source; dismiss with it, or with None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without adding", id="add-cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog"):
            yield Static(Text("Add an article", style="bold"), id="add-title")
            yield Static(Text("A file path or an http(s) URL. Enter adds it, Esc cancels.", style="dim"))
            yield Input(placeholder="path/to/article.txt or https://…", id="add-source")

    @on(Input.Submitted, "#add-source")
    def _submitted(self, event: Input.Submitted) -> None:
        source = event.value.strip()
        if source:
            self.dismiss(source)

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)
