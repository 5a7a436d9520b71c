"""Status lines: indexing progress and the current question scope."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar, Static

from assistant.safe_text import clean
from assistant.wording import counted


class IndexStatus(Horizontal):
    """What the index is doing, with a progress bar; hidden when idle."""

    def compose(self) -> ComposeResult:
        yield Label("Opening the corpus…", id="index-stage")
        yield ProgressBar(total=None, show_eta=False, id="index-progress")

    def progress(self, stage: str, done: int, total: int) -> None:
        """Show `done` of `total` for `stage`."""
        self.display = True
        self.query_one("#index-stage", Label).update(Text(f"{clean(stage).capitalize()} {done}/{total}"))
        self.query_one("#index-progress", ProgressBar).update(total=max(total, 1), progress=done)

    def busy(self, what: str) -> None:
        """Show work with no count to give (an article being added), the bar running."""
        self.display = True
        self.query_one("#index-stage", Label).update(Text(clean(what, one_line=True)))
        self.query_one("#index-progress", ProgressBar).update(total=None)

    def idle(self) -> None:
        """Hide the status line."""
        self.display = False


class ScopeBar(Static):
    """Which articles the next question searches; always visible above the input."""

    def show_scope(self, title: str | None, count: int | None, limits: str | None = None) -> None:
        """Describe the scope: one article and any limits (Esc clears), or the whole corpus."""
        if title is not None or limits is not None:
            text = Text("Scope: ", style="bold")
            if title is not None:
                text.append(f"“{clean(title)}”", style="italic")
            if limits is not None:
                text.append(("; " if title is not None else "") + clean(limits))
            text.append("  Esc: all articles", style="dim")
        elif count is None:
            text = Text.assemble(("Scope: ", "bold"), "all articles (indexing…)")
        elif count == 0:
            text = Text.assemble(("Scope: ", "bold"), "no articles yet", ("  · Ctrl+N: add one", "dim"))
        else:
            text = Text.assemble(
                ("Scope: ", "bold"),
                "all " + counted(count, "article"),
                ("  · Ctrl+F: one article · /in FOLDER: one folder", "dim"),
            )
        self.update(text)
