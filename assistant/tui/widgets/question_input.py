"""The question box, with Up/Down recalling earlier questions like a shell."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

HISTORY = Binding.Group("Recall", compact=True)


class QuestionInput(Input):
    """An `Input` that remembers what was asked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up",
            "history_previous",
            "Earlier question",
            tooltip="Recall the previous question",
            id="history-previous",
            group=HISTORY,
        ),
        Binding(
            "down",
            "history_next",
            "Later question",
            tooltip="Recall the next question",
            id="history-next",
            group=HISTORY,
        ),
    ]

    def __init__(self, *, placeholder: str, id: str, cursor_blink: bool = True) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.cursor_blink = cursor_blink
        self.history: list[str] = []
        """Questions asked, oldest first."""
        self._position = 0
        self._draft = ""

    def load_earlier(self, questions: list[str]) -> None:
        """Put questions from earlier sessions (oldest first) before this session's, for Up to reach."""
        session = [q for q in self.history if q not in questions]
        self.history = [*questions, *session]
        self._position = len(self.history)

    def remember(self, question: str) -> None:
        """Add `question` to the history (not twice in a row) and reset the recall position."""
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._position = len(self.history)
        self._draft = ""

    def restore(self, question: str) -> None:
        """Put a question back (after a failure), cursor at its end."""
        self.value = question
        self.cursor_position = len(question)

    def action_history_previous(self) -> None:
        """Show the question before the one shown."""
        if self._position == 0:
            return
        if self._position == len(self.history):
            self._draft = self.value
        self._position -= 1
        self.restore(self.history[self._position])

    def action_history_next(self) -> None:
        """Show the question after the one shown, then the draft being typed."""
        if self._position >= len(self.history):
            return
        self._position += 1
        text = self.history[self._position] if self._position < len(self.history) else self._draft
        self.restore(text)
