"""The Textual app: opens the engine in a worker, lists its articles in another, watches the
corpus, hosts the chat. Questions are answered from the moment the engine opens; the list (46k
rows read and made ready off the UI thread) follows.

`make_app(corpus_dir)` is the one factory the CLI and the tests use. The engine
is only ever called from thread workers, one call at a time (a lock), so the
screen never freezes, even while a large corpus is indexed. The corpus folder is
watched by watchfiles' notifier (corpus_watch.py), or polled when it cannot start; the
paths the notifier names are all that is read (`Engine.refresh_paths`; a folder changed is
walked), and the article list is patched by the changed rows, never rebuilt after opening.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen
from textual.worker import WorkerState

from assistant.errors import AssistantError
from assistant.locations import index_dir
from assistant.safe_text import clean
from assistant.tui.corpus_watch import CorpusTouched, CorpusWatch, WatchFailed, WatchStarted
from assistant.tui.followed import follow_listed
from assistant.tui.messages import (
    AddFailed,
    ArticlesAdded,
    ArticlesListed,
    CorpusRefreshed,
    EngineFailed,
    EngineOpened,
    IndexProgressed,
)
from assistant.tui.screens.add_article import AddArticleScreen
from assistant.tui.screens.chat import ChatScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.screens.history import HistoryScreen
from assistant.tui.screens.source import SourceScreen
from assistant.tui.widgets.article_filter import prepare_list
from assistant.tui.widgets.question_input import QuestionInput
from assistant.tui.widgets.transcript import QuoteCard

if TYPE_CHECKING:
    from assistant.answer import Conversation
    from assistant.engine import Engine

Progress = Callable[[str, int, int], None]


class EngineOpener(Protocol):
    """How the app gets its engine: `Engine.open` unless a test passes another."""

    def __call__(self, corpus_dir: Path, *, progress: Progress | None = None) -> Engine: ...


def _default_opener(corpus_dir: Path, *, progress: Progress | None = None) -> Engine:
    from assistant.engine import Engine

    return Engine.open(corpus_dir, progress=progress, keep_history=True)


class AssistantApp(App[None]):
    """Answers questions about a folder of news articles with quoted, attributed sentences."""

    CSS_PATH = "app.tcss"
    # Under 80 columns or 20 rows the chat keeps the question box and the answer (app.tcss: -tiny, -short):
    # at 60 the panel took 26 columns and left the quotes a 29-column strip. From 140 the panel is wider.
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (80, "-narrow"), (100, "-wide"), (140, "-roomy")]  # noqa: RUF012 (Textual declares it so)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # noqa: RUF012
    TITLE = "assistant"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit the app", priority=True, id="quit"),
        Binding("f1", "help", "Help", tooltip="Show every key", id="help"),
        Binding(
            "ctrl+n",
            "add_article",
            "Add article",
            tooltip="Add a file or URL to the corpus",
            id="add-article",
        ),
        Binding("ctrl+t", "change_theme", "Theme", tooltip="Choose a light or dark theme", id="theme"),
    ]

    def __init__(
        self,
        corpus_dir: Path,
        open_engine: EngineOpener,
        *,
        watch_seconds: float = 2.0,
        notifier: bool = True,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.corpus_dir = corpus_dir
        """The folder of articles."""
        self.engine: Engine | None = None
        """The open engine, once the worker has opened it."""
        self.engine_lock = threading.Lock()
        """The engine is called from several workers; they take turns."""
        self._open_engine = open_engine
        self._watch_seconds = watch_seconds
        self._next_check = 0.0
        """Monotonic time before which the corpus is not scanned again (polling)."""
        self._notifier = notifier
        self._frozen = False  # gc.freeze() once: a later list's replaced rows must stay collectable
        self.corpus_watch: CorpusWatch | None = None
        """The notifier's thread while it watches the corpus folder (None: polling, or not watching)."""
        self._touched = False
        """The notifier saw a change the index has not been checked against yet."""
        self._touched_paths: set[str] = set()
        """The paths (ids) the notifier named since the last update: only they are looked at."""
        self._walk_next = False
        """The next update walks the folder (the notifier's start, a batch too large to trust,
        the corpus folder itself named)."""
        self._next_touched = 0.0
        """Monotonic time before which a change the notifier saw is not checked (notifier)."""
        self.corpus_checks = 0
        """Checks of the folder against the index so far (each a walk): for tests and the bench."""
        self.paths_refreshed = 0
        """Updates of the notified paths alone (no walk) so far: for tests and the bench."""
        self.chat = ChatScreen(corpus_dir, self.engine_lock, cursor_blink=cursor_blink)
        """The main screen."""

    @property
    def conversation(self) -> Conversation:
        """One conversation for the session, so follow-ups work."""
        return self.chat.conversation

    def get_default_screen(self) -> Screen[None]:
        return self.chat

    def on_mount(self) -> None:
        self.sub_title = clean(str(self.corpus_dir))
        # After the first paint: the worker's imports (the index, numpy) would share the interpreter
        # with the mount and hold the first screen back.
        self.call_after_refresh(self._open)

    # ---- opening and watching the corpus ----------------------------------------------------

    def _progress(self) -> Progress:
        """A progress callback for workers that posts at most ~10 updates a second."""
        last = 0.0

        def report(stage: str, done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done >= total or now - last >= 0.1:
                last = now
                self.post_message(IndexProgressed(stage, done, total))

        return report

    @work(thread=True, exclusive=True, group="engine")
    def _open(self) -> None:
        try:
            engine = self._open_engine(self.corpus_dir, progress=self._progress())
            count = len(engine.article_ids())
        except AssistantError as error:
            self.post_message(EngineFailed(error.title, error.message))
        else:
            # Questions are answered from here on; the list is read next, in its own worker.
            self.post_message(EngineOpened(engine, count))

    @work(thread=True, exclusive=True, group="list")
    def _list(self, engine: Engine) -> None:
        """Read every article for the list: the rows under the lock (a read of the files, no
        parse), parsed outside it, so a question asked meanwhile waits for the read alone."""
        try:
            with self.engine_lock:
                parse = engine.article_listing()
            articles = parse(self._after_questions)
        except (AssistantError, OSError, ValueError) as error:
            self.call_from_thread(
                self.notify, clean(str(error)), title="The article list cannot be read", severity="error",
                markup=False,
            )  # fmt: skip
            articles = []
        self.post_message(ArticlesListed(prepare_list(articles)))

    def _after_questions(self) -> None:
        """Wait while a question (or any engine call) runs: reading the list shares the CPU with it."""
        with self.engine_lock:
            pass

    def on_index_progressed(self, message: IndexProgressed) -> None:
        self.chat.index_progressed(message.stage, message.done, message.total)

    def on_engine_opened(self, message: EngineOpened) -> None:
        if not self.chat.query("#question") or not self.chat.query("#welcome"):
            # A ready index can open before the chat is composed: `engine` is set only once the chat
            # has the history, so Up pressed the moment the app is ready recalls earlier questions;
            # and the list is read only once the chat says it is being read (else it would be
            # taken for a newer whole list, shown meanwhile, and dropped).
            self.call_after_refresh(self.on_engine_opened, message)
            return
        self.engine = message.engine
        self.chat.engine_ready(message.engine, message.count)
        self._list(message.engine)

    def on_articles_listed(self, message: ArticlesListed) -> None:
        # The folder is watched once the list is shown: a change is then patched into a full list.
        self.chat.articles_listed(message.articles)
        # What is alive now (the imports, the index's tables, the list's rows) lives as long as the
        # chat: kept out of the collector's full passes, each of which walked it all with the screen
        # still (0.15-0.3 s at 46k rows, at a keystroke in the filter as often as not). Once only: a
        # list read again later would freeze the replaced rows' cycles for good.
        if not self._frozen:
            gc.freeze()
            self._frozen = True
        if self._watch_seconds <= 0 or self.engine is None:
            return
        if self._notifier:
            self.corpus_watch = CorpusWatch(self.corpus_dir, index_dir(self.corpus_dir), self.post_message)
            self.corpus_watch.start()
        else:
            self._poll()

    def _poll(self) -> None:
        """Check the folder every `watch_seconds` (spaced out on a large corpus): without the notifier."""
        self.set_interval(self._watch_seconds, self._check_corpus, name="corpus-poll")

    def on_watch_started(self, _message: WatchStarted) -> None:
        # A file written between the engine's walk and the notifier's start is seen by one check now.
        self._touched = self._walk_next = True
        self.set_interval(0.25, self._check_touched, name="corpus-watch")

    def on_corpus_touched(self, message: CorpusTouched) -> None:
        self._touched_paths.update(message.paths)
        if message.overflowed or "" in message.paths:
            self._walk_next = True
        self._touched = True
        self._check_touched()

    def on_watch_failed(self, message: WatchFailed) -> None:
        if self.corpus_watch is None:
            return  # stopped on purpose
        self.corpus_watch = None
        self.notify(
            f"Checking the corpus folder for new files every {self._watch_seconds:g} s instead "
            f"({clean(message.reason, one_line=True)}).",
            title="Not watching the corpus folder",
            severity="warning",
            markup=False,
        )
        self._poll()

    def on_unmount(self) -> None:
        """Stop the notifier's thread with the app: nothing is left watching after exit."""
        watch, self.corpus_watch = self.corpus_watch, None
        if watch is not None:
            watch.stop()

    def _check_touched(self) -> None:
        """Run the refresh the notifier asked for, once no refresh or add is running (they coalesce)."""
        if (
            self._touched
            and self.engine is not None
            and not self._busy()
            and time.monotonic() >= self._next_touched
        ):
            paths = None if self._walk_next else frozenset(self._touched_paths)
            self._touched = self._walk_next = False
            self._touched_paths = set()
            self._refresh(self.engine, paths, shown=self.chat.listed_ids())

    def on_engine_failed(self, message: EngineFailed) -> None:
        self.chat.index_idle()
        self.notify(clean(message.message), title=message.title, severity="error", timeout=30, markup=False)

    def _busy(self) -> bool:
        return any(
            w.group in ("refresh", "add") and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for w in self.workers
        )

    def _check_corpus(self) -> None:
        if self.engine is not None and not self._busy() and time.monotonic() >= self._next_check:
            self._refresh(self.engine)

    # A description: Textual's default is the arguments' repr, `shown`'s 46k ids on the UI thread.
    @work(thread=True, group="refresh", description="refreshing the index")
    def _refresh(
        self, engine: Engine, paths: frozenset[str] | None = None, *, shown: frozenset[str] | None = None
    ) -> None:
        """Bring the index up to date: with the notified `paths` alone when they settle it (no walk,
        only their rows listed anew), else by the walk; the list is patched by the changed ids.

        `shown`: the ids listed when the notifier asked. A question (or the paths' update) may have
        taken up another process's articles without listing them (see `_followed`): a walk lists
        what the list lacks, and takes off what the index no longer holds.
        """
        from assistant.index import Changes  # here, not before the first paint (its package: ~0.1 s)

        try:
            if paths is not None:
                with self.engine_lock:
                    changes = engine.refresh_paths(paths, progress=self._progress())
                    # Every named path's row is settled, whoever indexed it (an `add` meanwhile).
                    listed = engine.article_infos(paths) if changes is not None else {}
                if changes is not None:
                    self.paths_refreshed += 1
                    unlisted = tuple(sorted(paths - listed.keys()))
                    self.post_message(CorpusRefreshed(changes, listed, unlisted))
                    return
            # The scan stats every file: outside the lock, so questions are not held up by it, and
            # spaced out on a large corpus (polling: at most ~5% of the time spent scanning).
            started = time.monotonic()
            self.corpus_checks += 1
            changed = engine.needs_refresh()
            spent = time.monotonic() - started
            self._next_check = time.monotonic() + 20 * spent
            # A stream of changes (a long copy, a feed) is checked at most a third of the time.
            self._next_touched = time.monotonic() + 2 * spent
            if not changed and shown is None:
                return
            with self.engine_lock:
                # Another process's generation taken up here would be missing from the changes:
                # what it changed is read off the files' keys (every row was parsed: ~24 s at 46k).
                followed = follow_listed(engine) if changed else None
                changes = engine.refresh(progress=self._progress()) if changed else Changes()
                listed, gone = followed or ({}, ())
                listed.update(engine.article_infos(changes.added + changes.changed))
                gone_ids = {*gone, *changes.removed}
                if shown is not None:
                    live = engine.article_ids()  # no row parsed: the list's gaps alone are read
                    listed.update(engine.article_infos(live - shown - listed.keys()))
                    gone_ids |= shown - live
                unlisted = tuple(sorted(gone_ids - listed.keys()))
            if not changed and not listed and not unlisted:
                return
        except AssistantError as error:
            self.call_from_thread(
                self.notify, clean(error.message), title=error.title, severity="error", markup=False
            )
        else:
            self.post_message(CorpusRefreshed(changes, listed, unlisted))

    def on_corpus_refreshed(self, message: CorpusRefreshed) -> None:
        self.chat.index_idle()
        self.chat.patch_articles(message.listed, message.unlisted)
        titles = {aid: info.meta.title for aid, info in message.listed.items()}
        changes = message.changes
        lines = []
        if changes.added:
            lines.append("Added: " + "; ".join(clean(titles.get(i, i), one_line=True) for i in changes.added))
        if changes.changed:
            lines.append(
                "Updated: " + "; ".join(clean(titles.get(i, i), one_line=True) for i in changes.changed)
            )
        if changes.removed:
            lines.append("Removed: " + "; ".join(clean(i, one_line=True) for i in changes.removed))
        if lines:
            self.notify("\n".join(lines), title="Corpus changed", markup=False)
        for path, reason in changes.skipped:
            self.notify(
                f"{clean(path, one_line=True)}: {clean(reason, one_line=True)}",
                title="Skipped a file",
                severity="warning",
                markup=False,
            )

    # ---- adding articles ----------------------------------------------------------------------

    def action_add_article(self) -> None:
        """Ask for a file path or URL and add it to the corpus."""
        if self._corpus_open():
            self.push_screen(AddArticleScreen(), self._add_chosen)

    def add_source(self, source: str, *, into: str | None = None) -> None:
        """Add a file or web page to the corpus (Ctrl+N's form, or `/add` in the question box),
        into a folder of the corpus when `into` names one (`/add --into wire/ FILE`)."""
        if self._corpus_open():
            self._add_chosen(source, into)

    def _corpus_open(self) -> bool:
        """Whether articles can be added yet; says so when they cannot."""
        if self.engine is None:
            self.notify(
                "The corpus is still opening; try again in a moment.", severity="warning", markup=False
            )
        return self.engine is not None

    def _add_chosen(self, source: str | None, into: str | None = None) -> None:
        if source and self.engine is not None:
            self.chat.adding(source)
            self._add(self.engine, source, into)

    @work(thread=True, group="add")
    def _add(self, engine: Engine, source: str, into: str | None = None) -> None:
        try:
            from assistant.ingest import prefetch_urls

            # A web page is fetched before the engine is locked: questions go on while it downloads.
            fetched = prefetch_urls([source])
            with self.engine_lock:
                report = engine.add([source], fetcher=fetched, into=into)
                listed = engine.article_infos(s.article_id for s in report.stored)
        except AssistantError as error:
            self.post_message(AddFailed(source, error.message))
        else:
            self.post_message(ArticlesAdded(report, listed))

    async def on_articles_added(self, message: ArticlesAdded) -> None:
        from assistant.ingest.select import (
            skipped_summary,  # the ingest package: ~0.1 s before the first paint
        )

        self.chat.patch_articles(message.listed)
        report = message.report
        lines = [
            ("information", f"Added “{s.title}” ({s.article_id}): ask about it now.") for s in report.stored
        ]
        lines += [
            ("warning", f"Not added: already in the corpus as {d.existing_id}") for d in report.duplicates
        ]
        lines += [("error", f"Could not add {f.source}: {f.message}") for f in report.failed]
        lines += [("information", line) for line in skipped_summary(report.skipped)]
        await self.chat.corpus_note(lines)

    async def on_add_failed(self, message: AddFailed) -> None:
        await self.chat.corpus_note([("error", f"Could not add {message.source}: {message.message}")])

    # ---- help and the command palette ---------------------------------------------------------

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        """Each area's bindings, for the help screen."""
        return [
            ("Anywhere", self.BINDINGS),
            ("Chat", ChatScreen.BINDINGS),
            ("Question box", QuestionInput.BINDINGS),
            ("A selected quote", QuoteCard.BINDINGS),
            ("Source view", SourceScreen.BINDINGS),
            ("History", HistoryScreen.BINDINGS),
        ]

    def action_help(self) -> None:
        """Show every key binding."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, then every binding active on `screen`, so the palette lists all actions."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            # Ours all carry an id; the text-editing keys of Textual's Input stay out of the palette.
            if binding.id is None or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            key = self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip or binding.description}  ({key})",
                partial(self._run_bound, binding.action, active.node),
            )

    async def _run_bound(self, action: str, node: DOMNode) -> None:
        await self.run_action(action, node)


def make_app(
    corpus_dir: Path,
    *,
    open_engine: EngineOpener | None = None,
    watch_seconds: float = 2.0,
    notifier: bool = True,
    cursor_blink: bool = True,
) -> AssistantApp:
    """The app on `corpus_dir`; the CLI calls `make_app(corpus_dir).run()`.

    The corpus folder is watched by watchfiles' notifier (`notifier=False`: polled), and polled
    every `watch_seconds` when the notifier cannot start (0: not watched at all); tests turn
    `cursor_blink` off for stable snapshots.
    """
    return AssistantApp(
        corpus_dir,
        open_engine or _default_opener,
        watch_seconds=watch_seconds,
        notifier=notifier,
        cursor_blink=cursor_blink,
    )
