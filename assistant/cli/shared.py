"""What every command shares: exit codes, the --corpus option, output consoles, one-line
messages, and opening the engine with progress and warnings on stderr.

Answers go to stdout, diagnostics to stderr, so output stays pipeable. Every failure a
user can cause ends with a one-line message and a documented exit code (README.md).
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from assistant.corpus import resolve_article_id
from assistant.errors import (
    AddError,
    ArticleNotFound,
    AssistantError,
    BadQuestion,
    CorpusNotFound,
    IndexError_,
)
from assistant.locations import default_corpus
from assistant.safe_text import clean
from assistant.wording import counted

if TYPE_CHECKING:  # imported when used: `history` opens no index, `add` loads no answer stage
    from rich.console import Console

    from assistant.answer import AnswerSettings
    from assistant.engine import Engine
    from assistant.index import Changes

# Exit codes: the product's errors carry theirs (assistant/errors.py); the CLI's own follow them.
EXIT_NO_ANSWER = AssistantError.exit_code
EXIT_BAD_INPUT = BadQuestion.exit_code
EXIT_CORPUS_NOT_FOUND = CorpusNotFound.exit_code
EXIT_INDEX = IndexError_.exit_code
EXIT_ADD_FAILED = AddError.exit_code
EXIT_OUTPUT = 8
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

MAX_TOP = 50
"""Most quotes one answer shows (`--top`, a batch line's "top")."""

corpus_option = click.option(
    "--corpus",
    "corpus",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Corpus folder (default: $ASSISTANT_CORPUS, else ./corpus).",
)


def stdout_console() -> Console:
    """Rich on stdout: wrapped to a terminal's width, one line a paragraph in a pipe.

    A closed output is reported like any other (exit 8, one line). Rich is imported here,
    so only the commands that print through it load it.
    """
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "the output was closed")

    return _Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def page(text: str) -> None:
    """Show `text` through the pager. As git does, `less` is told (unless $LESS says otherwise) to
    quit at once when the text fits the screen and to leave it there: a list of three articles
    should not wait for a `q`."""
    if "LESS" in os.environ:
        click.echo_via_pager(text)
        return
    os.environ["LESS"] = "-FRX"
    try:
        click.echo_via_pager(text)
    finally:
        del os.environ["LESS"]


def warn(message: str, *, block: bool = False) -> None:
    """One line on stderr, escaped: file names and article text never reach the terminal raw.

    Every diagnostic of every command goes through here. `block=True` is for text that is
    several lines by design (click's usage errors): escaped, its line breaks kept, no prefix.
    """
    if block:
        click.echo(clean(message), err=True, nl=False)
    else:
        click.echo(f"assistant: {clean(message, one_line=True)}", err=True)


def fail(error: AssistantError) -> None:
    """The error's message on stderr, then its exit code."""
    message = error.message
    if isinstance(error, CorpusNotFound) and error.missing is not None:
        message += _corpus_hint(error.missing)
    warn(message)
    sys.exit(error.exit_code)


def _corpus_hint(folder: Path) -> str:
    """What to do about a missing corpus folder: run in a new folder, `assistant ask` said only
    "corpus folder not found: corpus", naming neither where it looked nor how to point it elsewhere."""
    where = f" (looked in {folder.absolute()})" if not folder.is_absolute() else ""
    return f"{where}; name the folder of articles with --corpus DIR or $ASSISTANT_CORPUS"


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the product's errors into a message on stderr and their exit code."""
    try:
        yield
    except AssistantError as error:
        fail(error)


def progress_printer() -> Callable[[str, int, int], None] | None:
    """A progress bar on stderr for long indexing runs (only on a terminal)."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    state: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if total < 50:
            return
        if "bar" not in state:
            bar = Progress(transient=True, console=stderr_console())
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task(f"Indexing ({stage})", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state.pop("bar").stop()

    return update


PATIENCE_SECONDS = 0.5
"""Opening the corpus longer than this with no bar to show gets a spinner (on a terminal)."""


@contextmanager
def _spinner_while_slow(
    folder: Path, progress: Callable[[str, int, int], None] | None
) -> Iterator[Callable[[str, int, int], None] | None]:
    """`progress`, but a transient spinner on stderr appears when opening takes a while before any
    bar does: the first workers' results of a large build, another process holding the index lock.
    Until then the terminal said nothing for seconds and looked hung."""
    if progress is None:  # not a terminal: nothing is drawn
        yield None
        return
    guard = threading.Lock()
    state: dict[str, Any] = {"done": False, "status": None}

    def show() -> None:
        with guard:
            if not state["done"]:
                state["status"] = stderr_console().status(f"Opening the corpus {clean(str(folder))}…")
                state["status"].start()

    def stop() -> None:
        with guard:
            state["done"] = True
            status, state["status"] = state["status"], None
            if status is not None:
                status.stop()

    timer = threading.Timer(PATIENCE_SECONDS, show)
    timer.daemon = True
    timer.start()

    def update(stage: str, done: int, total: int) -> None:
        stop()  # the bar (or nothing, for a small change) takes over
        progress(stage, done, total)

    try:
        yield update
    finally:
        timer.cancel()
        stop()


def _report_changes(changes: Changes) -> None:
    if changes.rebuilt:
        warn(f"the index was rebuilt ({changes.rebuilt})")
    if changes.unsaved:
        warn(f"warning: {changes.unsaved}; answering from the index in memory")
    for article_id, why in changes.skipped:
        warn(f"warning: skipped {article_id}: {why}")


def _report_read_warnings(engine: Engine) -> None:
    """What reading an article noticed (front matter that is not YAML or never closed), once:
    when the article is read, that is when it is added or changed."""
    changes = engine.opened_with
    for article_id in (*changes.added, *changes.changed):
        number = engine.index.article_index(article_id)
        if number is None:
            continue
        for warning in engine.index.articles[number].get("warnings") or ():
            warn(f"warning: {article_id}: {warning}")


def known_article_id(engine: Engine, typed: str | None) -> str | None:
    """The id a user typed or pasted, as the index knows it (see `article_ids`); unknown ids pass
    through unchanged so the engine reports them."""
    if typed is None or engine.index.article_index(typed) is not None:
        return typed
    found = resolve_article_id(typed, (info.meta.id for info in engine.articles()))
    if found is None:
        why = dict(engine.skipped()).get(typed)
        if why is not None:
            # "no article 'README.md'" sent the user looking for a file that is plainly there.
            raise ArticleNotFound(f"{typed!r} was left out of the index: {why}")
        _refuse_a_folder(typed, [info.meta.id for info in engine.articles()])
        named = _named_without_suffix(typed, (info.meta.id for info in engine.articles()))
        if named is not None:
            # `show 01043` for c000/reut2-001/01043.txt: say which id, rather than only "no article".
            shown = clean(named, one_line=True)
            raise ArticleNotFound(f"no article {typed!r} in {engine.corpus_dir}; did you mean {shown}?")
    return found or typed


def _refuse_a_folder(typed: str, ids: list[str]) -> None:
    """A folder typed where an article id goes (`ask --article c000`) is told how to use a folder:
    "no article 'c000' … (see `assistant list`)" sent the user to a list of 2,000 ids."""
    folder = typed.strip().strip("/")
    inside = sum(1 for i in ids if i.startswith(folder + "/")) if folder else 0
    if inside:
        shown = clean(folder, one_line=True)
        raise ArticleNotFound(
            f"{shown}/ is a folder of {counted(inside, 'article')}, not one article: "
            f"`assistant ask --in {shown}/` asks of them, `assistant list --filter {shown}/` lists them"
        )


def _named_without_suffix(typed: str, ids: Iterable[str]) -> str | None:
    """The one id that is `typed` (a file name or its last folders) plus a suffix, else None; a
    number matches a file named by it with leading zeros (`show 873` for `…/00873.txt`, as a
    Reuters NEWID is written)."""
    bare = typed.strip().strip("/")
    if not bare or "." in bare.rsplit("/", 1)[-1]:
        return None
    number = bare.lstrip("0") if bare.isdigit() else None
    fits = []
    for article_id in ids:
        base, dot, suffix = article_id.rpartition(".")
        if not dot or "/" in suffix:
            continue
        name = base.rsplit("/", 1)[-1]
        if (
            base == bare
            or base.endswith("/" + bare)
            or (number and name.isdigit() and name.lstrip("0") == number)
        ):
            fits.append(article_id)
    return fits[0] if len(fits) == 1 else None


def corpus_folder(corpus: Path | None) -> Path:
    """--corpus of the command, else of `assistant --corpus D ask`, else the default."""
    if corpus is None:
        context = click.get_current_context(silent=True)
        corpus = context.find_root().params.get("corpus") if context is not None else None
    return corpus or default_corpus()


def open_engine(
    corpus: Path | None,
    settings: AnswerSettings | None = None,
    *,
    keep_history: bool = False,
    trust_folders: bool = False,
    compact: bool = False,
) -> Engine:
    """Open the corpus (CLI flavour: progress on stderr, warnings for skipped files)."""
    from assistant.engine import Engine

    folder = corpus_folder(corpus)
    with _spinner_while_slow(folder, progress_printer()) as progress:
        engine = Engine.open(
            folder,
            progress=progress,
            settings=settings,
            keep_history=keep_history,
            trust_folders=trust_folders,
            compact=compact,
        )
    _report_changes(engine.opened_with)
    _report_read_warnings(engine)
    return engine
