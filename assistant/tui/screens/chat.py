"""The chat screen: articles on the left, the transcript and the question box on the right.

This module asks; what limits questions (the article chosen, slash commands) is in
`chat_scope.py`, and what is done with answers shown (source view, copy, export,
history) is in `chat_answers.py`. Handlers stay thin: asking runs in a thread worker that
posts `AnswerReady` or `AskFailed` back.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input, Static

from assistant.answer import Scope
from assistant.errors import AssistantError
from assistant.models import Answer, ArticleInfo
from assistant.safe_text import clean
from assistant.tui.messages import (
    AnswerReady,
    AskFailed,
)
from assistant.tui.screens.chat_scope import ScopeActions
from assistant.tui.widgets.article_filter import PreparedList
from assistant.tui.widgets.article_panel import ArticlePanel
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.status import IndexStatus, ScopeBar
from assistant.tui.widgets.transcript import AnswerBlock, CorpusNote, QuestionCard, Transcript, WelcomeCard
from assistant.wording import counted

if TYPE_CHECKING:
    from assistant.answer import Conversation
    from assistant.engine import Engine


class ChatScreen(ScopeActions):
    """Ask questions, read quoted answers, scope to one article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "find_article", "Articles", tooltip="Filter the article list", id="find-article"),
        Binding(
            "escape",
            "clear_scope",
            "All articles",
            tooltip="Stop limiting questions to one article, folder, source, dates or speaker",
            id="clear-scope",
        ),
        Binding(
            "ctrl+o",
            "open_source",
            "Source",
            tooltip="Read the selected (or first) quote in its article",
            id="open-source-chat",
        ),
        Binding(
            "ctrl+y",
            "copy_quote",
            "Copy",
            tooltip="Copy the selected (or first) quote with its citation",
            id="copy-quote-chat",
        ),
        Binding("ctrl+s", "export", "Export", tooltip="Save the conversation as Markdown", id="export"),
        Binding(
            "ctrl+r",
            "history",
            "History",
            tooltip="Questions asked before (also in earlier sessions)",
            id="history",
        ),
        Binding(
            "ctrl+l",
            "new_chat",
            "New chat",
            tooltip="Clear the transcript and forget follow-ups",
            id="new-chat",
        ),
        Binding(
            "ctrl+b",
            "toggle_articles",
            "Panel",
            tooltip="Show or hide the article panel",
            id="toggle-articles",
        ),
    ]

    def __init__(self, corpus_dir: Path, lock: threading.Lock, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.corpus_dir = corpus_dir
        self._conversation: Conversation | None = None
        self.engine: Engine | None = None
        """Set once the index is open."""
        self.answers: list[Answer] = []
        """Every answer shown, in order: what an export writes."""
        self._lock = lock
        self._cursor_blink = cursor_blink
        self._scope_title: str | None = None
        self._asked = 0
        self._pending: list[tuple[int, str, str | None, Scope]] = []
        self.limits = Scope()
        """Folders, sources, authors and dates questions are limited to (slash commands set them)."""

    @property
    def conversation(self) -> Conversation:
        """Shared by every question, so follow-ups know what came before. Made at the first question:
        its module loads the question analysis (~0.4 s under load), paid before the first paint."""
        if self._conversation is None:
            from assistant.answer import Conversation

            self._conversation = Conversation()
        return self._conversation

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield ArticlePanel(id="article-panel")
            with Vertical(id="chat"):
                with Transcript(id="transcript"):
                    yield WelcomeCard(Text(f"Opening {clean(str(self.corpus_dir))}…"), id="welcome")
                yield ScopeBar(id="scope-bar")
                yield QuestionInput(
                    placeholder="Ask a question…  (↑ for earlier ones)",
                    id="question",
                    cursor_blink=self._cursor_blink,
                )
        yield IndexStatus(id="index-status")
        yield Static(id="answer-tokens")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#answer-tokens", Static).display = False
        self._show_scope()
        self.query_one("#question", QuestionInput).focus()

    # ---- engine state, called by the app ------------------------------------------------

    def engine_ready(self, engine: Engine, count: int) -> None:
        """The index is open: answer questions typed meanwhile; the list of its `count` articles
        is being read (`articles_listed`)."""
        # Opened before the screen was composed (a ready index, an empty folder): the transcript's
        # welcome card mounts after the input does, so wait for both.
        if not self.query("#question") or not self.query("#welcome"):
            self.app.call_after_refresh(self.engine_ready, engine, count)
            return
        self.engine = engine
        if engine.history is not None:
            try:
                earlier = engine.history.questions()
            except (sqlite3.Error, OSError) as error:
                self.notify(f"The history cannot be read: {error}", severity="warning", markup=False)
            else:
                self.query_one("#question", QuestionInput).load_earlier(earlier)
        self.query_one(ArticlePanel).listing(count)
        self._show_scope()
        self._welcome(count)
        self.query_one(IndexStatus).idle()
        pending, self._pending = self._pending, []
        for ask_id, question, scope, limits in pending:
            self._ask(ask_id, question, scope, limits)

    def articles_listed(self, articles: PreparedList) -> None:
        """The list read after opening: shown (unless a newer whole list was shown meanwhile)."""
        panel = self.query_one(ArticlePanel)
        if panel.complete:
            return
        self.show_articles(articles)

    def show_articles(self, articles: list[ArticleInfo] | PreparedList) -> None:
        """Refresh the article panel; drop the scope if its article is gone."""
        panel = self.query_one(ArticlePanel)
        panel.set_articles(articles)
        if self.scope is not None and self.scope not in panel.ids():
            self.scope = None
        self._show_scope()
        if self.engine is not None:
            self._welcome(self.query_one(ArticlePanel).count)

    def patch_articles(self, listed: Mapping[str, ArticleInfo], unlisted: Iterable[str] = ()) -> None:
        """List `listed` anew and take `unlisted` off (a change's ids); the scope goes with its article."""
        panel = self.query_one(ArticlePanel)
        panel.patch_articles(listed, unlisted)
        if self.scope is not None and self.scope in set(unlisted) and self.scope not in listed:
            self.scope = None
        self._show_scope()
        if self.engine is not None:
            self._welcome(panel.count)

    def listed_ids(self) -> frozenset[str]:
        """The ids of the articles the list holds."""
        return self.query_one(ArticlePanel).ids()

    def _welcome(self, count: int) -> None:
        """What to do first: ask, or, in an empty folder, add an article (it said "the 0 articles")."""
        folder = clean(str(self.corpus_dir))
        if count:
            text = Text.assemble(
                ("Ask a question ", "bold"),
                f"about the {counted(count, 'article')} in {folder}.\n",
                (
                    "Answers are sentences quoted verbatim, with who said them and where. "
                    "Ctrl+F finds an article to ask about it alone.",
                    "dim",
                ),
            )
        else:
            text = Text.assemble(
                ("No articles yet ", "bold"),
                f"in {folder}.\n",
                (
                    "Ctrl+N adds a file or web page (or type /add FILE-OR-URL); "
                    "article files put in the folder show up here too.",
                    "dim",
                ),
            )
        self.query_one("#welcome", WelcomeCard).update(text)

    def index_progressed(self, stage: str, done: int, total: int) -> None:
        """Show indexing progress."""
        self.query_one(IndexStatus).progress(stage, done, total)

    def index_idle(self) -> None:
        """Hide indexing progress."""
        self.query_one(IndexStatus).idle()

    def adding(self, source: str) -> None:
        """Say on the status line that `source` is being added (nothing laid over the answers)."""
        self.query_one(IndexStatus).busy(f"Adding {source}…")

    async def corpus_note(self, lines: list[tuple[str, str]]) -> None:
        """End an add: each (severity, line) it reported goes in the transcript, after the answers."""
        self.index_idle()
        if not lines:
            return
        text = Text()
        for n, (severity, line) in enumerate(lines):
            style = {"error": "bold red", "warning": "yellow"}.get(severity, "")
            text.append(("\n" if n else "") + clean(line, one_line=True), style=style)
        note = CorpusNote(text)
        note.set_class(any(severity == "error" for severity, _ in lines), "-error")
        transcript = self.query_one(Transcript)
        await transcript.mount(note)
        transcript.anchor()

    # ---- asking ---------------------------------------------------------------------------

    @on(Input.Submitted, "#question")
    async def _question_submitted(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        box = self.query_one("#question", QuestionInput)
        if question.startswith("/"):
            box.clear()
            self._slash(question)
            return
        box.remember(question)
        box.clear()
        self._asked += 1
        transcript = self.query_one(Transcript)
        limits = None if self.limits.is_empty() else self.limits.describe()
        card = QuestionCard(question, self._scope_title if self.scope else None, limits)
        await transcript.mount_all([card, AnswerBlock(self._asked)])
        transcript.anchor()
        if self.engine is None:
            self._pending.append((self._asked, question, self.scope, self.limits))
        else:
            self._ask(self._asked, question, self.scope, self.limits)

    @work(thread=True, group="ask")
    def _ask(self, ask_id: int, question: str, scope: str | None, limits: Scope) -> None:
        engine = self.engine
        assert engine is not None
        try:
            with self._lock:
                # An article added from another terminal: answerable now, and listed.
                followed = self._followed(engine)
                answer = engine.ask(question, article=scope, conversation=self.conversation, limits=limits)
            if followed is not None:
                self.post_message(followed)
        except AssistantError as error:
            self.post_message(AskFailed(ask_id, question, error.title, error.message))
        except Exception as error:  # a bug must not lose the user's session or question
            self.log.error(f"ask failed: {error!r}")
            self.post_message(
                AskFailed(ask_id, question, "Unexpected error", f"{type(error).__name__}: {error}")
            )
        else:
            self.post_message(AnswerReady(ask_id, answer))

    async def on_answer_ready(self, message: AnswerReady) -> None:
        block = (
            self.query(f"#answer-{message.ask_id}").only_one(AnswerBlock)
            if self._has(message.ask_id)
            else None
        )
        if block is None:  # the chat was cleared while the question was being answered
            return
        self.answers.append(message.answer)
        await block.show(message.answer)
        tokens = self.query_one("#answer-tokens", Static)
        tokens.update(Text(f"Last answer: {counted(message.answer.tokens, 'token')} (tiktoken cl100k_base)"))
        tokens.display = message.answer.answered  # a refusal quotes nothing: "0 tokens" says nothing
        self.query_one(Transcript).anchor()
        self.call_after_refresh(self._show_answer_from_its_start, block)
        self.refresh_bindings()

    def _show_answer_from_its_start(self, block: AnswerBlock) -> None:
        """An answer taller than the transcript is shown from its question down, not from its end up:
        at 40x12 the view held only the last quote's file name and offsets, none of its words."""
        transcript = self.query_one(Transcript)
        if block.parent is not transcript:  # the chat was cleared meanwhile
            return
        children = list(transcript.children)
        at = children.index(block)
        start = children[at - 1] if at and isinstance(children[at - 1], QuestionCard) else block
        height = sum(w.outer_size.height for w in children[children.index(start) : at + 1])
        if height > transcript.scrollable_content_region.height:
            transcript.anchor(False)  # the next question anchors it again
            transcript.scroll_to_widget(start, top=True, animate=False, immediate=True)

    async def on_ask_failed(self, message: AskFailed) -> None:
        self.notify(message.message, title=message.title, severity="error", markup=False)
        if self._has(message.ask_id):
            await self.query_one(f"#answer-{message.ask_id}", AnswerBlock).fail(
                f"{message.title}: {message.message}"
            )
        box = self.query_one("#question", QuestionInput)
        if not box.value:
            box.restore(message.question)
        box.focus()

    def on_article_panel_left(self, message: ArticlePanel.Left) -> None:
        message.stop()
        self.query_one("#question", QuestionInput).focus()

    def _has(self, ask_id: int) -> bool:
        return bool(self.query(f"#answer-{ask_id}"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_scope":
            return self.scope is not None or not self.limits.is_empty()
        if action in ("open_source", "copy_quote", "export"):
            return bool(self.answers)
        return True

    # ---- new chat ---------------------------------------------------------------------------

    async def action_new_chat(self) -> None:
        """Clear the transcript and start a fresh conversation."""
        if self._conversation is not None:
            self._conversation.clear()
        self.answers.clear()
        transcript = self.query_one(Transcript)
        await transcript.query("QuestionCard, AnswerBlock, CorpusNote").remove()
        self.refresh_bindings()
        self.query_one("#question", QuestionInput).focus()
