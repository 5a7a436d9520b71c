"""Reading the corpus: `assistant list`, `show` and `speakers`."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from assistant.answer import article_date, empty_corpus_message
from assistant.cli.answer_json import article_info_json, article_view_json
from assistant.cli.render import article_lines, print_article, print_articles
from assistant.cli.shared import (
    corpus_option,
    known_article_id,
    open_engine,
    page,
    stdout_console,
    user_errors,
    warn,
)
from assistant.errors import ArticleNotFound
from assistant.frontend import SORT_KEYS, SortKey, select_articles
from assistant.safe_text import clean, json_text
from assistant.wording import counted


@click.command(name="list")
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
    with user_errors():
        engine = open_engine(corpus)
        every = engine.articles()
    articles = select_articles(every, contains=contains, sort=sort, limit=limit)
    if not every:  # an empty list and silence looked like a broken command
        click.echo(f"assistant: {clean(empty_corpus_message(engine.corpus_dir), one_line=True)}", err=True)
    if as_json:
        click.echo(json_text([article_info_json(a) for a in articles], indent=2))
    elif sys.stdout.isatty() and articles:
        page("\n".join(article_lines(articles)) + "\n")
    else:
        print_articles(stdout_console(), articles)
    if len(articles) < len(every):
        warn(f"{len(articles)} of {counted(len(every), 'article')} shown")
    if sort == "date" and articles and all(article_date(a.meta.date) is None for a in articles):
        # Wire copy's datelines name no year: without this line the order would look like a bug.
        warn("no listed article has a date; sorted by id")


@click.command()
@click.argument("article_id", metavar="ID")
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="Sentences with offsets and attributions, as JSON.")
def show(article_id: str, corpus: Path | None, as_json: bool) -> None:
    """Show an article with numbered paragraphs."""
    with user_errors():
        # As `ask` does: the folders' stamps vouch for what the index holds, so one article is
        # shown without first checking every file (4 s at 1M passages).
        engine = open_engine(corpus, trust_folders=True)
        try:
            view = engine.article(known_article_id(engine, article_id) or article_id)
        except ArticleNotFound:
            # Edited in place (no folder's stamp moves), or an id only a full check would find:
            # every file is checked, and the article shown as it is now, or the error said.
            engine = open_engine(corpus)
            view = engine.article(known_article_id(engine, article_id) or article_id)
    if as_json:
        click.echo(json_text(article_view_json(view), indent=2))
    else:
        print_article(stdout_console(), view)


@click.command()
@corpus_option
@click.option(
    "--json", "as_json", is_flag=True, help="JSON array of {name, key, statements, articles, roles, aliases}."
)
def speakers(corpus: Path | None, as_json: bool) -> None:
    """List the people quoted in the corpus: one line each, with statements, articles and roles."""
    with user_errors():
        found = open_engine(corpus).speakers()
    if as_json:
        rows = [dataclasses.asdict(entry) for entry in found]
        click.echo(json_text(rows, indent=2))
        return
    for entry in found:
        roles = f"  ({clean('; '.join(entry.roles), one_line=True)})" if entry.roles else ""
        articles = counted(entry.articles, "article")
        click.echo(f"{entry.statements:5d}  {clean(entry.name, one_line=True)}{roles}  [{articles}]")
