"""What the chat does with the answers it shows: read a quote in its article, copy it with its
citation, export the conversation. (Recalling a question from the history restores its scope too,
so it is in `chat_scope.py`.)

A base class of `ChatScreen` (through `ScopeActions`), so the screen's module keeps to asking.
Slow work (loading an article, writing an export) runs in thread workers that post messages back.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from assistant.errors import ArticleNotFound, AssistantError
from assistant.models import Answer, Quote
from assistant.safe_text import clean
from assistant.tui.export import write_export
from assistant.tui.followed import follow_listed
from assistant.tui.messages import (
    CorpusRefreshed,
    ExportWritten,
    QuoteChosen,
    QuoteCopyRequested,
    SourceLoaded,
)
from assistant.tui.render import citation
from assistant.tui.screens.source import SourceScreen
from assistant.tui.widgets.transcript import QuoteCard

if TYPE_CHECKING:
    from assistant.engine import Engine


_REMOVED = "was removed from the corpus after this answer. Ask again to quote what it holds now."
_CHANGED = "changed on disk after this answer. Ask again to quote it as it is now."


class AnswerActions(Screen[None]):
    """The chat screen's actions on answers already shown (its bindings are declared there)."""

    corpus_dir: Path
    engine: Engine | None
    answers: list[Answer]
    _lock: threading.Lock

    # ---- quotes: source view and clipboard --------------------------------------------------

    def _current_quote(self) -> Quote | None:
        if isinstance(self.focused, QuoteCard):
            return self.focused.quote
        for answer in reversed(self.answers):
            if answer.quotes:
                return answer.quotes[0]
        return None

    def action_open_source(self) -> None:
        """Read the selected quote (or the latest answer's first) in its article."""
        quote = self._current_quote()
        if quote is None:
            self.notify("No quote to open yet.", severity="warning", markup=False)
        else:
            self.post_message(QuoteChosen(quote))

    def action_copy_quote(self) -> None:
        """Copy the selected quote (or the latest answer's first) with its citation."""
        quote = self._current_quote()
        if quote is None:
            self.notify("No quote to copy yet.", severity="warning", markup=False)
        else:
            self.post_message(QuoteCopyRequested(quote))

    def on_quote_chosen(self, message: QuoteChosen) -> None:
        self._load_source(message.quote)

    def on_quote_copy_requested(self, message: QuoteCopyRequested) -> None:
        self.app.copy_to_clipboard(citation(message.quote))
        self.notify("Quote and citation copied.", title="Copied", markup=False)

    def _followed(self, engine: Engine) -> CorpusRefreshed | None:
        """Take up what another process stored; when it did and no notifier watches the folder, the
        rows it added or changed and the ids it removed, for the list (`followed.follow_listed`).
        With one, the files that process wrote or deleted are named to the app, which lists them."""
        if getattr(self.app, "corpus_watch", None) is not None:
            engine.follow()
            return None
        from assistant.index import Changes  # in the worker: not loaded before the first paint

        followed = follow_listed(engine)
        return None if followed is None else CorpusRefreshed(Changes(), *followed)

    @work(thread=True, group="source")
    def _load_source(self, quote: Quote) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            with self._lock:
                # A removal from another terminal is taken up first, so the chat can say so in its terms.
                followed = self._followed(engine)
                gone = engine.index.article_index(quote.article.id) is None
                view = None if gone else engine.article(quote.article.id)
        except ArticleNotFound:  # deleted, changed or unreadable since the answer: its offsets no longer hold
            deleted = not (engine.corpus_dir / quote.article.id).is_file()
            self._say_source_gone(quote, _REMOVED if deleted else _CHANGED)
        except AssistantError as error:
            self.app.call_from_thread(
                self.notify, clean(error.message), title=error.title, severity="error", markup=False
            )
        else:
            if view is None:
                self._say_source_gone(quote, _REMOVED)
            else:
                self.post_message(SourceLoaded(view, quote))
            if followed is not None:
                self.post_message(followed)

    def _say_source_gone(self, quote: Quote, why: str) -> None:
        """The quote's article cannot be opened: say why in the chat's own terms (the engine's message
        sent a chat user to `assistant list`, a command of another front end)."""
        title = clean(quote.article.title or quote.article.id, one_line=True)
        self.app.call_from_thread(
            self.notify,
            f"“{title}” {why}",
            title="Source not available",
            severity="warning",
            markup=False,
        )

    def on_source_loaded(self, message: SourceLoaded) -> None:
        self.app.push_screen(SourceScreen(message.view, message.quote))

    # ---- export and new chat --------------------------------------------------------------

    def action_export(self) -> None:
        """Write the conversation to a Markdown file."""
        if not self.answers:
            self.notify("Nothing to export yet: ask a question first.", severity="warning", markup=False)
            return
        self._export(list(self.answers))

    @work(thread=True, group="export")
    def _export(self, answers: list[Answer]) -> None:
        try:
            path = write_export(answers, str(self.corpus_dir))
        except OSError as error:
            self.app.call_from_thread(
                self.notify,
                f"Could not write the export: {error.strerror or error}",
                title="Export failed",
                severity="error",
                markup=False,
            )
        else:
            self.post_message(ExportWritten(str(path)))

    def on_export_written(self, message: ExportWritten) -> None:
        self.notify(f"Saved to {message.path}", title="Conversation exported", markup=False)
