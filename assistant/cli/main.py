"""The command line: one-shot questions, the article list, indexing, adding.

Answers go to stdout, diagnostics to stderr, so output stays pipeable. Every
failure a user can cause ends with a one-line message and a documented exit
code (see README.md), never a traceback. The TUI is imported only by `chat`.
"""

from __future__ import annotations

import dataclasses
import errno
import io
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO

import click
from rich.console import Console

from assistant import __version__
from assistant.answer import AnswerSettings
from assistant.answer_json import answer_json, article_info_json, article_view_json
from assistant.article_ids import resolve_article_id
from assistant.article_list import SORT_KEYS, SortKey, select_articles
from assistant.cli.render import article_lines, print_answer, print_article, print_articles
from assistant.engine import Engine
from assistant.errors import AssistantError, BadQuestion, CorpusNotFound
from assistant.index import Changes
from assistant.locations import default_corpus
from assistant.safe_text import clean, json_text
from assistant.scope import Scope, article_date, make_scope
from assistant.wording import counted

EXIT_NO_ANSWER = 1
EXIT_BAD_INPUT = 2

corpus_option = click.option(
    "--corpus",
    "corpus",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Corpus folder (default: $ASSISTANT_CORPUS, else ./corpus).",
)


class _Console(Console):
    """Rich's console, but a closed output is reported like any other (exit 8, one line)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(errno.EPIPE, "the output was closed")


def _stdout() -> Console:
    return _Console(highlight=False, soft_wrap=not sys.stdout.isatty())


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _warn(message: str) -> None:
    """One line on stderr, escaped: file names and article text never reach the terminal raw."""
    click.echo(f"assistant: {clean(message, one_line=True)}", err=True)


def _fail(error: AssistantError) -> None:
    _warn(error.message)
    sys.exit(error.exit_code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the product's errors into a message on stderr and their exit code."""
    try:
        yield
    except AssistantError as error:
        _fail(error)


def _progress_printer() -> Callable[[str, int, int], None] | None:
    """A progress bar on stderr for long indexing runs (only on a terminal)."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    state: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if total < 50:
            return
        if "bar" not in state:
            bar = Progress(transient=True, console=_stderr())
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task(f"Indexing ({stage})", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state.pop("bar").stop()

    return update


def _report_changes(changes: Changes) -> None:
    if changes.rebuilt:
        _warn(f"the index was rebuilt ({changes.rebuilt})")
    if changes.unsaved:
        _warn(f"warning: {changes.unsaved}; answering from the index in memory")
    for article_id, why in changes.skipped:
        _warn(f"warning: skipped {article_id}: {why}")


def _report_read_warnings(engine: Engine) -> None:
    """What reading an article noticed (front matter that is not YAML or never closed), once:
    when the article is read, that is when it is added or changed."""
    changes = engine.opened_with
    for article_id in (*changes.added, *changes.changed):
        number = engine.index.article_index(article_id)
        if number is None:
            continue
        for warning in engine.index.articles[number].get("warnings") or ():
            _warn(f"warning: {article_id}: {warning}")


def _article_id(engine: Engine, typed: str | None) -> str | None:
    """The id a user typed or pasted, as the index knows it (see `article_ids`); unknown ids pass
    through unchanged so the engine reports them."""
    if typed is None or engine.index.article_index(typed) is not None:
        return typed
    return resolve_article_id(typed, (info.meta.id for info in engine.articles())) or typed


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
    engine = Engine.open(
        corpus_folder(corpus),
        progress=_progress_printer(),
        settings=settings,
        keep_history=keep_history,
        trust_folders=trust_folders,
        compact=compact,
    )
    _report_changes(engine.opened_with)
    _report_read_warnings(engine)
    return engine


EXIT_OUTPUT = 8
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70


class _DefaultChat(click.Group):
    """`assistant` alone opens the chat; the process behaves as a Unix tool whatever happens.

    Ctrl-C exits 130 quietly; a closed or full output and a terminal that cannot show a
    character end with one line, never a traceback; so does any failure we did not foresee.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as error:  # click would exit 1 without a word
            raise _OutputClosed from error

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _tolerant_streams()
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            _quiet_exit(EXIT_INTERRUPTED)
        except KeyboardInterrupt:
            _quiet_exit(EXIT_INTERRUPTED)
        except click.ClickException as error:
            # Usage errors quote what was typed (a file name, an id): escaped like everything else.
            shown = io.StringIO()
            error.show(file=shown)
            with suppress(OSError, ValueError):
                sys.stderr.write(clean(shown.getvalue()))
            sys.exit(error.exit_code)
        except (BrokenPipeError, _OutputClosed):
            _output_failed("the output was closed")
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EIO, errno.EPIPE) or _is_stdout_error(error):
                _output_failed(f"cannot write the output: {error.strerror or error}")
            _last_line(f"file-system error: {error.strerror or error}", 5)
        except (MemoryError, RecursionError) as error:
            _last_line(f"out of resources ({type(error).__name__})", EXIT_INTERNAL)
        except Exception as error:
            if os.environ.get("ASSISTANT_DEBUG"):
                raise
            _last_line(f"unexpected error ({type(error).__name__}: {error})", EXIT_INTERNAL)
        sys.exit(code if isinstance(code, int) else 0)


class _OutputClosed(Exception):
    """stdout's reader went away (a closed pipe)."""


def _tolerant_streams() -> None:
    """A terminal whose encoding cannot show a character gets a replacement mark, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _is_stdout_error(error: OSError) -> bool:
    return error.errno == errno.EBADF


def _quiet_exit(code: int) -> None:
    """Ctrl-C: click has already closed the terminal's ^C echo with a newline; nothing more is said."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's last flush raises nothing more."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _output_failed(reason: str) -> None:
    """The answer could not be written: one line on stderr, and no second error at exit's flush."""
    _silence_stdout()
    _last_line(reason, EXIT_OUTPUT)


def _last_line(message: str, code: int) -> None:
    with suppress(OSError, ValueError):
        click.echo(f"assistant: {clean(message, one_line=True)}", err=True)
    sys.exit(code)


@click.group(cls=_DefaultChat, invoke_without_command=True)
@click.version_option(__version__, prog_name="assistant")
@corpus_option
@click.pass_context
def main(ctx: click.Context, corpus: Path | None) -> None:
    """Answers questions about a folder of news articles with verbatim, attributed quotes.

    Run without a command to open the interactive chat.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(chat, corpus=corpus)


@main.command()
@corpus_option
def chat(corpus: Path | None) -> None:
    """Open the interactive terminal chat over the corpus."""
    from assistant.tui.app import make_app

    folder = corpus_folder(corpus)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        _fail(BadQuestion("the chat needs a terminal; in scripts use `assistant ask` (or --batch)"))
    if not folder.is_dir():
        _fail(CorpusNotFound(f"corpus folder not found: {folder}"))
    make_app(folder).run()


@main.command()
@click.argument("question", required=False)
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (schema in README.md).")
@click.option(
    "--batch",
    type=click.File("rb"),
    help="Questions from FILE ('-' for stdin), "
    "one a line or JSON objects with question/article/top; JSON Lines out.",
)
@click.option(
    "--article", "article", metavar="ID", help="Ask only this article (an id from `assistant list`)."
)
@click.option(
    "--top", type=click.IntRange(1, 50), default=3, show_default=True, help="How many quotes at most."
)
@click.option(
    "--context",
    type=click.IntRange(0, 10),
    default=0,
    show_default=True,
    help="Neighbouring sentences to show around each quote.",
)
@click.option("--speaker", metavar="NAME", help="Only statements by this speaker.")
@click.option(
    "--budget",
    type=click.IntRange(20, 5000),
    default=400,
    show_default=True,
    help="Tokens all quotes of an answer may take together (the first quote always shows).",
)
@click.option("--scores", is_flag=True, help="Show each quote's score.")
@click.option(
    "--in",
    "folders",
    metavar="FOLDER/",
    multiple=True,
    help="Only articles in this corpus folder (repeatable).",
)
@click.option(
    "--source", "sources", metavar="NAME", multiple=True, help="Only articles from this publication."
)
@click.option("--author", "authors", metavar="NAME", multiple=True, help="Only articles by this author.")
@click.option("--since", metavar="DATE", help="Only articles dated on or after DATE (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only articles dated on or before DATE (YYYY-MM-DD).")
@click.option("--no-history", is_flag=True, help="Do not keep this question in the history.")
def ask(
    question: str | None,
    corpus: Path | None,
    as_json: bool,
    batch: BinaryIO | None,
    article: str | None,
    top: int,
    context: int,
    speaker: str | None,
    budget: int,
    scores: bool,
    folders: tuple[str, ...],
    sources: tuple[str, ...],
    authors: tuple[str, ...],
    since: str | None,
    until: str | None,
    no_history: bool,
) -> None:
    """Answer QUESTION with verbatim quotes from the corpus.

    Exit status: 0 answered, 1 the corpus holds no answer, 2 bad question or usage,
    3 corpus folder not found, 4 unknown article id, 5 index error.
    """
    if (question is None) == (batch is None):
        raise click.UsageError("give a QUESTION or --batch FILE (not both)")
    with _errors():
        limits = make_scope(folders=folders, sources=sources, authors=authors, since=since, until=until)
        # A question trusts unchanged folder times instead of a stat of every file.
        engine = open_engine(
            corpus, AnswerSettings(budget_tokens=budget), keep_history=not no_history, trust_folders=True
        )
        if batch is not None:
            sys.exit(
                _run_batch(
                    engine, batch, article=article, top=top, context=context, speaker=speaker, limits=limits
                )
            )
        assert question is not None
        answer = engine.ask(
            question,
            article=_article_id(engine, article),
            top=top,
            context=context,
            speaker=speaker,
            limits=limits,
        )
    if as_json:
        click.echo(json_text(answer_json(answer), indent=2))
    else:
        print_answer(_stdout(), answer, show_score=scores)
    # Where the index folder could not be written, the history beside it cannot be either: one warning.
    if engine.history_error and not engine.opened_with.unsaved:
        click.echo(f"assistant: warning: {clean(engine.history_error, one_line=True)}", err=True)
    if not answer.answered:
        # On a terminal the bold message above is the one the user reads; a script (stdout or
        # stderr redirected) or --json still gets it on stderr.
        if as_json or not (sys.stdout.isatty() and sys.stderr.isatty()):
            _warn(answer.message or "the corpus holds no answer")
        sys.exit(EXIT_NO_ANSWER)


MAX_BATCH_LINE = 64 * 1024
"""Longest batch line read (a question is at most 200 tokens; JSON adds little)."""
MAX_TOP = 50


def _batch_lines(stream: BinaryIO) -> Iterator[tuple[int, str | None, str | None]]:
    """(number, line, error) for each line: decoded as UTF-8, bounded in length; bad lines carry an error."""
    number = 0
    while True:
        raw = stream.readline(MAX_BATCH_LINE + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_BATCH_LINE and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_BATCH_LINE)) and not rest.endswith(b"\n"):
                pass
            yield number, None, f"the line is longer than {MAX_BATCH_LINE // 1024} KB"
            continue
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8").strip(), None
        except UnicodeDecodeError:
            yield number, None, "the line is not valid UTF-8"


def _batch_item(line: str, article: str | None, top: int) -> tuple[str, str | None, int]:
    """The question, article and top of one batch line; raises BadQuestion for a malformed line."""
    if not line.startswith("{"):
        return line, article, top
    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise BadQuestion(f"not a question: the JSON is malformed ({reason})") from None
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        raise BadQuestion('not a question: a JSON line needs a "question" string')
    q_article = item.get("article", article)
    if q_article is not None and not isinstance(q_article, str):
        raise BadQuestion('not a question: "article" must be a string (an id from `assistant list`)')
    q_top = item.get("top", top)
    if isinstance(q_top, bool) or not isinstance(q_top, int) or not 1 <= q_top <= MAX_TOP:
        raise BadQuestion(f'not a question: "top" must be a whole number from 1 to {MAX_TOP}')
    return item["question"], q_article, q_top


def _run_batch(
    engine: Engine,
    lines: BinaryIO,
    *,
    article: str | None,
    top: int,
    context: int,
    speaker: str | None,
    limits: Scope | None = None,
) -> int:
    """Answer one question a line as JSON Lines; the worst outcome decides the exit status.

    One bad line (malformed JSON, invalid UTF-8, an out-of-range "top") gets an error record
    and the rest are still answered.
    """
    status = 0
    for number, line, problem in _batch_lines(lines):
        record: dict[str, Any]
        if problem is not None:
            record = {"line": number, "error": f"not a question: {problem}"}
            status = max(status, EXIT_BAD_INPUT)
        elif not line:
            continue
        else:
            try:
                question, q_article, q_top = _batch_item(line, article, top)
                answer = engine.ask(
                    question,
                    article=_article_id(engine, q_article),
                    top=q_top,
                    context=context,
                    speaker=speaker,
                    limits=limits,
                )
                record = answer_json(answer)
                if not answer.answered:
                    status = max(status, EXIT_NO_ANSWER)
            except AssistantError as error:
                record = {"line": number, "question": line, "error": error.message}
                status = max(status, error.exit_code)
            except (ValueError, TypeError, OverflowError, RecursionError) as exc:
                record = {"line": number, "error": f"not a question: {type(exc).__name__}"}
                status = max(status, EXIT_BAD_INPUT)
        click.echo(json_text(record))
    return status


@main.command(name="list")
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="JSON array of articles.")
@click.option("--limit", type=click.IntRange(1, None), metavar="N", help="Show at most N articles.")
@click.option(
    "--filter", "contains", metavar="TEXT", help="Only articles whose title, author, source or id holds TEXT."
)
@click.option(
    "--sort",
    type=click.Choice(SORT_KEYS),
    default="id",
    show_default=True,
    help="Order: date (newest first, undated last), title or id.",
)
def list_articles(
    corpus: Path | None, as_json: bool, limit: int | None, contains: str | None, sort: SortKey
) -> None:
    """List the articles with their metadata and sizes (through a pager on a terminal)."""
    with _errors():
        engine = open_engine(corpus)
        every = engine.articles()
    articles = select_articles(every, contains=contains, sort=sort, limit=limit)
    if as_json:
        click.echo(json_text([article_info_json(a) for a in articles], indent=2))
    elif sys.stdout.isatty():
        click.echo_via_pager("\n".join(article_lines(articles)) + "\n")
    else:
        print_articles(_stdout(), articles)
    if len(articles) < len(every):
        click.echo(f"assistant: {len(articles)} of {counted(len(every), 'article')} shown", err=True)
    if sort == "date" and articles and all(article_date(a.meta.date) is None for a in articles):
        # Wire copy's datelines name no year: without this line the order would look like a bug.
        click.echo("assistant: no listed article has a date; sorted by id", err=True)


@main.command()
@click.argument("article_id", metavar="ID")
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="Sentences with offsets and attributions, as JSON.")
def show(article_id: str, corpus: Path | None, as_json: bool) -> None:
    """Show an article with numbered paragraphs."""
    with _errors():
        engine = open_engine(corpus)
        view = engine.article(_article_id(engine, article_id) or article_id)
    if as_json:
        click.echo(json_text(article_view_json(view), indent=2))
    else:
        print_article(_stdout(), view)


@main.command()
@corpus_option
def index(corpus: Path | None) -> None:
    """Build or update the index, then print what it holds."""
    with _errors():
        engine = open_engine(corpus, compact=True)  # the full check also folds segments into one
        changes = engine.opened_with
        info = engine.index.stored.info
    click.echo(
        f"{counted(info.get('articles', 0), 'article')}, {counted(info.get('passages', 0), 'passage')}, "
        f"{counted(info.get('sentences', 0), 'sentence')}, {counted(info.get('terms', 0), 'term')}"
    )
    click.echo(
        f"added {len(changes.added)}, changed {len(changes.changed)}, removed {len(changes.removed)}, "
        f"skipped {len(engine.skipped())}"
    )


@main.command()
@corpus_option
@click.option(
    "--json", "as_json", is_flag=True, help="JSON array of {name, key, statements, articles, roles, aliases}."
)
def speakers(corpus: Path | None, as_json: bool) -> None:
    """List the people quoted in the corpus: one line each, with statements, articles and roles."""
    with _errors():
        found = open_engine(corpus).speakers()
    if as_json:
        rows = [dataclasses.asdict(entry) for entry in found]
        click.echo(json_text(rows, indent=2))
        return
    for entry in found:
        roles = f"  ({clean('; '.join(entry.roles), one_line=True)})" if entry.roles else ""
        articles = counted(entry.articles, "article")
        click.echo(f"{entry.statements:5d}  {clean(entry.name, one_line=True)}{roles}  [{articles}]")


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@corpus_option
@click.option("--title", help="Use this title instead of the one found.")
@click.option("--author", help="Use this author instead of the one found.")
@click.option("--date", help="Use this date instead of the one found.")
@click.option("--source", "source_name", help="Use this publication name instead of the one found.")
def add(
    sources: tuple[str, ...],
    corpus: Path | None,
    title: str | None,
    author: str | None,
    date: str | None,
    source_name: str | None,
) -> None:
    """Add articles: files, folders (recursively), http(s) URLs, or - for stdin.

    Each is stored in the corpus as a Markdown file with front matter, and the index is
    updated. Exit status: 0 all stored (or already present), 6 some failed, 3 no corpus folder.
    """
    from assistant.ingest import MetaOverrides
    from assistant.ingest.select import skipped_summary, warning_summary

    overrides = MetaOverrides(title=title, author=author, date=date, source=source_name)
    with _errors():
        # The walk over every file happens once, in the refresh after the articles are stored.
        engine = open_engine(corpus, trust_folders=True)
        report = engine.add(
            list(sources), overrides=overrides, stdin=sys.stdin.buffer, progress=_add_progress()
        )
    for stored in report.stored:
        details = ", ".join(v for v in (stored.author, stored.date) if v) or "no author or date"
        line = f"stored {stored.article_id}: “{stored.title}” ({details}; {counted(stored.words, 'word')})"
        click.echo(clean(line, one_line=True))
    for line in warning_summary([(s.source, w) for s in report.stored for w in s.warnings]):
        click.echo(f"assistant: warning: {clean(line, one_line=True)}", err=True)
    for line in skipped_summary(report.skipped):
        click.echo(f"assistant: note: {clean(line, one_line=True)}", err=True)
    for duplicate in report.duplicates:
        click.echo(clean(f"already present: {duplicate.source} is {duplicate.existing_id}", one_line=True))
    for failed in report.failed:
        _warn(f"failed: {failed.source}: {failed.message}")
    if not report.ok:
        sys.exit(6)


def _add_progress() -> Callable[[int, int], None] | None:
    """A bar for adding many files (a folder of 1,000), on a terminal only."""
    bar = _progress_printer()
    if bar is None:
        return None
    return lambda done, total: bar("adding", done, total)


@main.command()
@click.argument("article_id", metavar="ID")
@corpus_option
def remove(article_id: str, corpus: Path | None) -> None:
    """Remove an article (by its id from `assistant list`) from the corpus and the index."""
    with _errors():
        engine = open_engine(corpus)
        article_id = _article_id(engine, article_id) or article_id
        path = engine.remove(article_id)
    click.echo(clean(f"removed {article_id} ({path})", one_line=True))


def _register_commands() -> None:
    """Commands that live in modules of their own."""
    from assistant.cli.history import history_command

    main.add_command(history_command)


_register_commands()
