"""What limits the chat's questions: one article chosen in the panel, or the folders, sources,
authors, dates and speaker slash commands set; the panel that chooses them; and a question recalled
from the history, which is asked again within the scope it was asked in.

A base class of `ChatScreen` and itself built on `AnswerActions`, so the screen's module keeps to asking;
the bindings are declared there, in full.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.reactive import reactive
from textual.timer import Timer

from assistant.answer import Scope, corpus_folders, folder_hint, missing_folders, scope_from_data
from assistant.errors import BadQuestion
from assistant.history import HistoryEntry
from assistant.safe_text import clean
from assistant.tui.messages import ArticleChosen
from assistant.tui.screens.chat_answers import AnswerActions
from assistant.tui.screens.history import HistoryScreen
from assistant.tui.slash_commands import run_command
from assistant.tui.widgets.article_panel import ArticlePanel
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.status import ScopeBar

if TYPE_CHECKING:
    from assistant.engine import Engine


class ScopeActions(AnswerActions):
    """The chat screen's scope: the article chosen, the slash-command limits, the article panel."""

    engine: Engine | None
    limits: Scope
    _scope_title: str | None
    _unflash: Timer | None = None
    _was_tiny: bool | None = None
    """Whether the terminal was under 80 columns at the last resize (None: not drawn yet)."""

    scope: reactive[str | None] = reactive(None, init=False)
    """The article id questions are limited to, or None for the whole corpus."""

    # ---- slash commands ---------------------------------------------------------------------

    def _slash(self, command: str) -> None:
        """Act on a slash command: narrow or widen the scope, or open the history."""
        try:
            result = run_command(command, self.limits)
        except BadQuestion as error:
            self.notify(error.message, title="Command", severity="warning", markup=False)
            return
        if result.add is not None:
            self.app.add_source(result.add, into=result.into)  # type: ignore[attr-defined]
        elif result.history:
            self.action_history()
        elif result.help:
            self.app.action_help()  # type: ignore[attr-defined]
        elif result.clear_all:
            self.action_clear_scope()
        elif result.scope is not None:
            self.limits = result.scope
            self._show_scope()
            self.refresh_bindings()
            self._flash_scope()
            self._warn_of_empty_folders()
        else:
            self.notify(self.limits.describe(), title="Scope", markup=False)

    def _warn_of_empty_folders(self) -> None:
        """Say at once that `/in FOLDER` names no article (a typo), not after the next question."""
        engine = self.engine
        if engine is None or not self.limits.folders:
            return
        from assistant.engine_parts.question_scope import folder_names  # the engine is open: loaded

        # The live articles' folders (or their ids), as `ask --in` matches: no id column parsed.
        names = folder_names(engine.index, self.limits.folders)
        folders = corpus_folders(self.limits, engine.corpus_dir, list(names)).folders
        for folder in missing_folders(folders, names):
            self.notify(
                clean(f"No article is in {folder}.{folder_hint(folder, names)}", one_line=True),
                title="Scope",
                severity="warning",
                markup=False,
            )

    # ---- a question recalled from the history ----------------------------------------------

    def action_history(self) -> None:
        """Show the questions asked before; the one chosen goes back in the question box, within
        the scope it was asked in."""
        engine = self.engine
        if engine is None or engine.history is None:
            reason = (
                "the corpus is still opening" if engine is None else "it is turned off (ASSISTANT_HISTORY=0)"
            )
            self.notify(f"No history: {reason}.", severity="warning", markup=False)
            return
        try:
            entries = engine.history.entries(limit=500)
        except (sqlite3.Error, OSError) as error:
            self.notify(f"The history cannot be read: {error}", severity="error", markup=False)
            return
        self.app.push_screen(HistoryScreen(entries), self._recalled)

    def _recalled(self, entry: HistoryEntry | None) -> None:
        box = self.query_one("#question", QuestionInput)
        if entry is not None:
            box.restore(entry.question)
            self._scope_as_asked(entry)
        box.focus()

    def _scope_as_asked(self, entry: HistoryEntry) -> None:
        """Limit questions as `entry` was: re-asked in whatever scope the chat had, "What did he say
        about rates?" asked with `/speaker Volcker` or `--since 1987-03` came back as another question."""
        if entry.limits is None and entry.scope:  # kept before scopes were kept as data: words only
            said = (
                f"Asked with the scope “{entry.scope}”, kept in words only: set it again to ask the same way."
            )
            self.notify(
                clean(said, one_line=True),
                title="Scope",
                markup=False,
            )
            return
        data: dict[str, Any] = entry.limits or {}
        article = data.get("article") if isinstance(data.get("article"), str) else None
        limits = scope_from_data(data)
        if article is not None:  # the chat keeps the article apart, as the panel's pick
            limits = replace(limits, articles=tuple(a for a in limits.articles if a != article))
        titles = {a.meta.id: a.meta.title for a in self.query_one(ArticlePanel).articles}
        if article is not None and article not in titles:
            self.notify(
                clean(f"Article {article} is no longer in the corpus: asked without it.", one_line=True),
                title="Scope",
                severity="warning",
                markup=False,
            )
            article = None
        if limits == self.limits and article == self.scope:
            return
        self.limits = limits
        if article is not None:
            self._scope_title = titles[article]
        if article == self.scope:
            self._show_scope()
            self.refresh_bindings()
        else:
            self.scope = article
        self._flash_scope()

    # ---- the article chosen ----------------------------------------------------------------------------

    def on_article_chosen(self, message: ArticleChosen) -> None:
        self._scope_title = message.title
        self.scope = message.article_id
        if self.has_class("-tiny"):  # the panel covered most of a small terminal: the question needs it
            self.query_one(ArticlePanel).display = False
        self.query_one("#question", QuestionInput).focus()

    def watch_scope(self) -> None:
        if self.scope is None:
            self._scope_title = None
        self._show_scope()
        self.refresh_bindings()

    def _show_scope(self) -> None:
        count = self.query_one(ArticlePanel).count if self.engine is not None else None
        limits = None if self.limits.is_empty() else self.limits.describe()
        self.query_one(ScopeBar).show_scope(self._scope_title if self.scope else None, count, limits)
        self.query_one(ScopeBar).set_class(self.scope is not None or limits is not None, "-scoped")

    def _flash_scope(self) -> None:
        """Draw the eye to the scope line a moment: it says what questions now search. (A toast said it
        too, and for five seconds covered the answer cards the next question brought.)"""
        bar = self.query_one(ScopeBar)
        bar.add_class("-changed")
        if self._unflash is not None:
            self._unflash.stop()
        self._unflash = self.set_timer(1.5, lambda: bar.remove_class("-changed"))

    def action_clear_scope(self) -> None:
        """Search the whole corpus again: no article, folder, source, author or date limits."""
        if self.scope is not None or not self.limits.is_empty():
            self.limits = Scope()
            if self.scope is None:
                self._show_scope()
                self.refresh_bindings()
            self.scope = None
            self._flash_scope()

    def on_resize(self) -> None:
        # Textual sets the size's classes (-tiny) in its own handler of the same event: look after it.
        self.call_after_refresh(self._fit_panel)

    def _fit_panel(self) -> None:
        """When the terminal crosses 80 columns, the panel goes back to that size's layout: hidden
        under it (unless the user is in it), shown above. Once opened with Ctrl+F or Ctrl+B it stayed,
        and a window made small left the answers a strip (33 of 60 columns)."""
        tiny = self.has_class("-tiny")
        crossed = self._was_tiny is not None and tiny != self._was_tiny
        self._was_tiny = tiny
        panel = self.query_one(ArticlePanel)
        if crossed and not (tiny and panel.has_focus_within):
            panel.display = not tiny

    def action_find_article(self) -> None:
        """Show the article panel and put the cursor in its filter."""
        panel = self.query_one(ArticlePanel)
        panel.display = True
        panel.focus_filter()

    def action_toggle_articles(self) -> None:
        """Show or hide the article panel."""
        panel = self.query_one(ArticlePanel)
        panel.display = not panel.display
        if not panel.display:
            self.query_one("#question", QuestionInput).focus()
