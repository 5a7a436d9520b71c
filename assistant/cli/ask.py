"""`assistant ask`: one question (or a batch of them) answered with verbatim quotes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

import click

from assistant.answer import make_scope
from assistant.cli.shared import (
    EXIT_NO_ANSWER,
    MAX_TOP,
    corpus_option,
    known_article_id,
    open_engine,
    stdout_console,
    user_errors,
    warn,
)
from assistant.safe_text import json_text


def _a_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """`--speaker ""` is a usage error: it was dropped without a word, and "What did he say?" then
    read as a question of stop words alone."""
    if value is not None and not value.strip():
        raise click.BadParameter("name the person, as `assistant speakers` lists them")
    return value


@click.command()
@click.argument("question", required=False)
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (schema in README.md).")
@click.option(
    "--batch",
    type=click.File("rb"),
    metavar="FILE",
    help="Questions from FILE ('-' for stdin), "
    "one a line or JSON objects with question/article/top; JSON Lines out.",
)
@click.option(
    "--article", "article", metavar="ID", help="Ask only this article (an id from `assistant list`)."
)
@click.option(
    "--top",
    "-n",
    type=click.IntRange(1, MAX_TOP),
    default=3,
    show_default=True,
    help="How many quotes at most.",
)
@click.option(
    "--context",
    type=click.IntRange(0, 10),
    default=0,
    show_default=True,
    help="Neighbouring sentences to show around each quote.",
)
@click.option("--speaker", metavar="NAME", callback=_a_name, help="Only statements by this speaker.")
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
@click.option(
    "--since", metavar="DATE", help="Only articles dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)."
)
@click.option(
    "--until", metavar="DATE", help="Only articles dated on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY)."
)
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
    if question is None and batch is None:
        raise click.UsageError("Missing argument 'QUESTION' (or give --batch FILE).")
    if question is not None and batch is not None:
        raise click.UsageError("give a QUESTION or --batch FILE, not both")
    from assistant.answer import AnswerSettings

    with user_errors():
        limits = make_scope(folders=folders, sources=sources, authors=authors, since=since, until=until)
        # A question trusts unchanged folder times instead of a stat of every file.
        engine = open_engine(
            corpus, AnswerSettings(budget_tokens=budget), keep_history=not no_history, trust_folders=True
        )
        if batch is not None:
            from assistant.cli.batch import run_batch

            sys.exit(
                run_batch(
                    engine, batch, article=article, top=top, context=context, speaker=speaker, limits=limits
                )
            )
        assert question is not None
        answer = engine.ask(
            question,
            article=known_article_id(engine, article),
            top=top,
            context=context,
            speaker=speaker,
            limits=limits,
        )
    if as_json:
        from assistant.cli.answer_json import answer_json

        click.echo(json_text(answer_json(answer), indent=2))
    else:
        from assistant.cli.plain_answer import print_answer_plainly

        if not print_answer_plainly(answer, show_score=scores):  # a pipe needs no Rich
            from assistant.cli.render import print_answer  # Rich: only when it draws

            print_answer(stdout_console(), answer, show_score=scores)
    # Where the index folder could not be written, the history beside it cannot be either: one warning.
    if engine.history_error and not engine.opened_with.unsaved:
        warn(f"warning: {engine.history_error}")
    if not answer.answered:
        # On a terminal the bold message above is the one the user reads; a script (stdout or
        # stderr redirected) or --json still gets it on stderr.
        if as_json or not (sys.stdout.isatty() and sys.stderr.isatty()):
            warn(answer.message or "the corpus holds no answer")
        sys.exit(EXIT_NO_ANSWER)
