"""The `assistant` command group: `assistant` alone opens the chat; the commands live in
modules grouped by what the user does (ask.py, browse.py, corpus_changes.py, history.py).

Each command's module is imported only when that command runs (the TUI only by `chat`): `add`
never loads the answer stage, `ask` never the ingest code, so one-shot commands start fast.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from assistant import __version__
from assistant.cli.process import DefaultChatGroup
from assistant.cli.shared import corpus_folder, corpus_option, fail
from assistant.errors import BadQuestion, CorpusNotFound

LAZY_COMMANDS = {
    "ask": "assistant.cli.ask:ask",
    "list": "assistant.cli.browse:list_articles",
    "show": "assistant.cli.browse:show",
    "speakers": "assistant.cli.browse:speakers",
    "index": "assistant.cli.corpus_changes:index",
    "add": "assistant.cli.corpus_changes:add",
    "remove": "assistant.cli.corpus_changes:remove",
    "history": "assistant.cli.history:history_command",
}
"""Command name -> "module:object", imported when the command is looked up."""


class LazyCommands(DefaultChatGroup):
    """The group, its commands imported on first use (`--help` lists them all, importing each)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            module, _, name = LAZY_COMMANDS[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), name)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyCommands, invoke_without_command=True)
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
        fail(CorpusNotFound(f"corpus folder not found: {folder}", missing=folder))
    make_app(folder).run()
