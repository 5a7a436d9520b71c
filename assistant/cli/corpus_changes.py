"""Changing the corpus and its index: `assistant add`, `remove` and `index`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from assistant.cli.shared import (
    EXIT_ADD_FAILED,
    corpus_option,
    known_article_id,
    open_engine,
    progress_printer,
    user_errors,
    warn,
)
from assistant.safe_text import clean
from assistant.wording import counted


@click.command()
@corpus_option
def index(corpus: Path | None) -> None:
    """Build or update the index, then print what it holds."""
    with user_errors():
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
    # "skipped 3" and nothing more, on a run where nothing changed: say which, and why.
    warned = {article_id for article_id, _ in changes.skipped}
    earlier = [(article_id, why) for article_id, why in engine.skipped() if article_id not in warned]
    for article_id, why in earlier[:_SKIPS_NAMED]:
        warn(f"warning: skipped {article_id}: {why}")
    if len(earlier) > _SKIPS_NAMED:
        warn(f"… and {counted(len(earlier) - _SKIPS_NAMED, 'more file')} skipped")
    for folder in engine.unreadable_folders():
        warn(f"warning: cannot read the folder {folder}: its files are left out of the index")


_SKIPS_NAMED = 10
"""How many files skipped on an earlier run `assistant index` names again."""


def _folder_of_corpus(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """`--into`'s name checked before anything is read: a usage error (exit 2), not a failed add."""
    if value is None:
        return None
    from assistant.ingest.target_folder import folder_parts

    try:
        return "/".join(folder_parts(value))
    except ValueError as exc:
        raise click.BadParameter(clean(str(exc), one_line=True)) from exc


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@corpus_option
@click.option("--title", help="Use this title instead of the one found.")
@click.option("--author", help="Use this author instead of the one found.")
@click.option("--date", help="Use this date instead of the one found.")
@click.option("--source", "source_name", help="Use this publication name instead of the one found.")
@click.option(
    "--into",
    metavar="FOLDER",
    callback=_folder_of_corpus,
    help="Store the articles in this folder of the corpus (made when missing), e.g. wire/1987.",
)
def add(
    sources: tuple[str, ...],
    corpus: Path | None,
    title: str | None,
    author: str | None,
    date: str | None,
    source_name: str | None,
    into: str | None,
) -> None:
    """Add articles: files, folders (recursively), http(s) URLs, or - for stdin.

    A web page stores its story; a wire file (Reuters SGML) or a feed (RSS, Atom) each of its
    stories or items. Each is stored in the corpus (or in --into FOLDER inside it) as a Markdown
    file with front matter, and the index is updated. Exit status: 0 all stored (or already
    present), 2 a bad --into, 6 some failed, 3 no corpus folder.
    """
    from assistant.ingest import MetaOverrides
    from assistant.ingest.select import skipped_summary, warning_summary

    overrides = MetaOverrides(title=title, author=author, date=date, source=source_name)
    if "-" in sources and sys.stdin.isatty():
        # Otherwise `add -` typed at a prompt waits in silence, and looks hung.
        warn("type or paste the article, then Ctrl-D on a line of its own")
    with user_errors():
        # The walk over every file happens once, in the refresh after the articles are stored.
        engine = open_engine(corpus, trust_folders=True)
        report = engine.add(
            list(sources), overrides=overrides, stdin=sys.stdin.buffer, progress=_add_progress(), into=into
        )
    for stored in report.stored:
        details = ", ".join(v for v in (stored.author, stored.date) if v) or "no author or date"
        line = f"stored {stored.article_id}: “{stored.title}” ({details}; {counted(stored.words, 'word')})"
        click.echo(clean(line, one_line=True))
    for line in warning_summary([(s.source, w) for s in report.stored for w in s.warnings]):
        warn(f"warning: {line}")
    for line in skipped_summary(report.skipped):
        warn(f"note: {line}")
    for duplicate in report.duplicates:
        click.echo(clean(f"already present: {duplicate.source} is {duplicate.existing_id}", one_line=True))
    for failed in report.failed:
        warn(f"failed: {failed.source}: {failed.message}")
    if not report.ok:
        sys.exit(EXIT_ADD_FAILED)


def _add_progress() -> Callable[[int, int], None] | None:
    """A bar for adding many files (a folder of 1,000), on a terminal only."""
    bar = progress_printer()
    if bar is None:
        return None
    return lambda done, total: bar("adding", done, total)


@click.command()
@click.argument("article_id", metavar="ID")
@corpus_option
def remove(article_id: str, corpus: Path | None) -> None:
    """Remove an article (by its id from `assistant list`) from the corpus and the index."""
    with user_errors():
        engine = open_engine(corpus, trust_folders=True)  # as add: the folder stamps vouch, no walk
        article_id = known_article_id(engine, article_id) or article_id
        path = engine.remove(article_id)
    click.echo(clean(f"removed {article_id} ({path})", one_line=True))
