"""`assistant history`: the questions asked of a corpus, newest first, with their quotes and citations.

Read straight from the history file; the index is not opened, so this is instant on any corpus.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from assistant.answer import quote_marks
from assistant.cli.shared import EXIT_INDEX, corpus_folder, corpus_option, fail, page, warn
from assistant.errors import CorpusNotFound
from assistant.history import History, HistoryEntry, history_file
from assistant.safe_text import clean, json_text
from assistant.wording import counted

_QUOTE_CHARS = 160
_PAIRED = {"“": "”", '"': '"', "‘": "’", "'": "'"}


def entry_lines(entry: HistoryEntry) -> list[str]:
    """An entry as plain lines: when, the question and scope, then each quote and its citation."""
    head = f"#{entry.id}  {entry.asked_at}  {clean(entry.read_as, one_line=True)}"
    if entry.scope:
        head += f"  [{clean(entry.scope, one_line=True)}]"
    if entry.tokens:
        head += f"  ({counted(entry.tokens, 'token')})"
    lines = [head]
    if not entry.answered:
        lines.append(f"    no answer: {clean(entry.message or '', one_line=True)}")
    for quote in entry.quotes:
        text = " ".join(clean(str(quote.get("text", ""))).split())
        opening, closing = quote_marks(text)
        lines.append(f"    {opening}{_shortened(text)}{closing}")
        lines.append(f"      {clean(str(quote.get('citation', '')), one_line=True)}")
    return lines


def _shortened(text: str) -> str:
    """`text` cut to about _QUOTE_CHARS at a word, with "…"; a quote that carries its own quotation
    marks keeps its closing one (`“We will not… wait.”` lost it: the marks no longer paired)."""
    if len(text) <= _QUOTE_CHARS:
        return text
    cut = text[: _QUOTE_CHARS - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut[_QUOTE_CHARS // 2 :] else cut
    closing = text[-1] if quote_marks(text)[1] == "" and text[-1] in _PAIRED.values() else ""
    return cut.rstrip(" ,;:") + "…" + closing


def _nothing_listed(history: History, contains: str | None) -> str:
    """Why the list is empty, and what to do: "no questions kept yet that match" read as if the
    history were empty when it held questions and only the filter found none."""
    kept = history.count() if contains else 0
    if not kept:
        return "no questions kept yet: questions asked with `assistant ask` or in the chat are kept here"
    shown = clean(contains or "", one_line=True)
    return (
        f'no past question matches "{shown}" ({counted(kept, "question")} kept; the filter looks in'
        " questions, scopes and quotes); `assistant history` without --filter lists them all"
    )


@click.command(name="history")
@corpus_option
@click.option(
    "--limit",
    type=click.IntRange(1, None),
    default=20,
    show_default=True,
    metavar="N",
    help="Show at most N.",
)
@click.option(
    "--filter", "contains", metavar="TEXT", help="Only questions whose text, scope or quotes hold TEXT."
)
@click.option("--json", "as_json", is_flag=True, help="JSON array of entries.")
def history_command(corpus: Path | None, limit: int, contains: str | None, as_json: bool) -> None:
    """List the questions asked of the corpus, newest first, with the quotes given.

    Kept in a SQLite file beside the index; ASSISTANT_HISTORY=0 (or `ask --no-history`) keeps none,
    ASSISTANT_HISTORY=FILE keeps it elsewhere.
    """
    folder = corpus_folder(corpus)
    if not folder.is_dir():
        fail(CorpusNotFound(f"corpus folder not found: {folder}", missing=folder))
    path = history_file(folder)
    if path is None:
        warn("the history is turned off (ASSISTANT_HISTORY=0)")
        entries: list[HistoryEntry] = []
    else:
        try:
            entries = History(path).entries(limit=limit, contains=contains)
        except (sqlite3.Error, OSError) as exc:
            warn(f"the history at {path} cannot be read: {exc}")
            sys.exit(EXIT_INDEX)
    if as_json:
        click.echo(json_text([e.as_json() for e in entries], indent=2))  # escapes C1 and bidi too
        return
    if not entries:
        if path is not None:
            warn(_nothing_listed(History(path), contains))
        return
    text = "\n\n".join("\n".join(entry_lines(e)) for e in entries) + "\n"
    if sys.stdout.isatty():
        page(text)
    else:
        click.echo(text, nl=False)
