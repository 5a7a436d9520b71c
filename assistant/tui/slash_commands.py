"""Slash commands typed in the question box: scope (`/in world/`, `/source`, `/author`, `/since`,
`/until`, `/speaker`, `/all`: the scopes `assistant ask` takes as options), `/history`,
`/add [--into FOLDER] FILE-OR-URL` and `/help`. Parsing only; the
chat screen acts on the result."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace

from assistant.answer import Scope, normal_folder, parse_user_date
from assistant.errors import BadQuestion

HELP = (
    "/in FOLDER… · /source NAME · /author NAME · /since DATE · /until DATE · /speaker NAME "
    "(no value clears it) · /all clears every limit · /history · /add [--into FOLDER] FILE-OR-URL · /help"
)


@dataclass(frozen=True, slots=True)
class SlashResult:
    """What a command asks for: a new scope, the history screen, or a clear of all limits."""

    scope: Scope | None = None
    clear_all: bool = False
    history: bool = False
    show_scope: bool = False
    add: str | None = None
    """A file path or URL to add to the corpus (what Ctrl+N asks for)."""
    into: str | None = None
    """The corpus folder `/add --into FOLDER` stores it in (`assistant add --into`)."""
    help: bool = False
    """The help screen (what F1 shows): the first thing a user types in a chat with commands."""


def run_command(text: str, scope: Scope) -> SlashResult:
    """Read one `/command args`; raises BadQuestion (with HELP) for one it does not know."""
    try:
        parts = shlex.split(text[1:])
    except ValueError:
        parts = text[1:].split()
    if not parts:
        raise BadQuestion(f"a command is needed after /: {HELP}")
    name, args = parts[0].casefold(), parts[1:]
    value = " ".join(args).strip()
    if name == "in":
        return SlashResult(scope=replace(scope, folders=tuple(f for f in map(normal_folder, args) if f)))
    if name == "source":
        return SlashResult(scope=replace(scope, sources=(value,) if value else ()))
    if name == "author":
        return SlashResult(scope=replace(scope, authors=(value,) if value else ()))
    if name == "speaker":  # as `ask --speaker`: only that person's statements; "he" in a question means them
        return SlashResult(scope=replace(scope, speaker=value or None))
    if name in ("since", "until"):
        date = parse_user_date(value, f"/{name}") if value else None
        changed = replace(scope, since=date) if name == "since" else replace(scope, until=date)
        return SlashResult(scope=changed)
    if name == "all":
        return SlashResult(clear_all=True)
    if name == "scope":
        return SlashResult(show_scope=True)
    if name == "history":
        return SlashResult(history=True)
    if name in ("help", "?"):
        return SlashResult(help=True)
    if name == "add":
        into = None
        if args[:1] == ["--into"]:
            if len(args) < 2:
                raise BadQuestion(
                    f"/add --into needs a folder of the corpus, then the file or address: {HELP}"
                )
            into, args = args[1], args[2:]
        source = " ".join(args).strip()
        if not source:
            raise BadQuestion(f"/add needs a file path or a web address: {HELP}")
        return SlashResult(add=source, into=into)
    raise BadQuestion(f"no command /{name}: {HELP}")
