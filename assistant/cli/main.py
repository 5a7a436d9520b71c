"""The `assistant` command group: `assistant` alone opens the chat; the commands live in
modules grouped by what the user does (ask.py, browse.py, corpus_changes.py, history.py).

The TUI is imported only by `chat`, so one-shot commands start fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from assistant import __version__
from assistant.cli.ask import ask
from assistant.cli.browse import list_articles, show, speakers
from assistant.cli.corpus_changes import add, index, remove
from assistant.cli.history import history_command
from assistant.cli.process import DefaultChatGroup
from assistant.cli.shared import corpus_folder, corpus_option, fail
from assistant.errors import BadQuestion, CorpusNotFound


@click.group(cls=DefaultChatGroup, invoke_without_command=True)
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
        fail(BadQuestion("the chat needs a terminal; in scripts use `assistant ask` (or --batch)"))
    if not folder.is_dir():
        fail(CorpusNotFound(f"corpus folder not found: {folder}"))
    make_app(folder).run()


for _command in (ask, list_articles, show, index, speakers, add, remove, history_command):
    main.add_command(_command)
