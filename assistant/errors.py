"""One error base class for every failure a user can cause or meet.

Each error carries the exit code the CLI returns for it, so front ends render
it (stderr + exit code, or a TUI notification) without knowing its kind.
"""

from __future__ import annotations

from pathlib import Path


class AssistantError(Exception):
    """A failure with a message fit for the user, never a traceback."""

    exit_code = 1
    title = "Error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadQuestion(AssistantError):
    """The question is empty, too long, or has nothing to search for."""

    exit_code = 2
    title = "Bad question"


class CorpusNotFound(AssistantError):
    """The corpus folder is missing or is not a folder."""

    exit_code = 3
    title = "Corpus not found"

    def __init__(self, message: str, missing: Path | None = None) -> None:
        super().__init__(message)
        self.missing = missing
        """The folder looked for, when it does not exist (the CLI says how to name another)."""


class ArticleNotFound(AssistantError):
    """An article id names no article in the corpus."""

    exit_code = 4
    title = "Unknown article"


class IndexError_(AssistantError):
    """The index cannot be written or read (disk full, permissions)."""

    exit_code = 5
    title = "Index error"


class AddError(AssistantError):
    """An article could not be added (bad file, bad URL, failed fetch)."""

    exit_code = 6
    title = "Could not add"


class CorpusWriteError(AssistantError):
    """A file in the corpus folder cannot be written or removed (read-only, permissions, full disk)."""

    exit_code = 7
    title = "Cannot change the corpus"
