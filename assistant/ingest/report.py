"""What one `add` did, source by source: stored, a duplicate, failed or skipped.

Plain records the front ends print; one bad source is a `Failed` beside the others, never
an exception that loses the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Stored:
    """An article written to the corpus."""

    source: str
    article_id: str
    path: Path
    title: str
    author: str | None
    date: str | None
    words: int
    warnings: tuple[str, ...] = ()
    """What could not be found (author, date, title) or was guessed (encoding)."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A source whose body the corpus already holds; nothing was written."""

    source: str
    existing_id: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A source that could not be added; `message` says why, in the user's terms."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one `add` did, source by source, in the order given."""

    stored: tuple[Stored, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    failed: tuple[Failed, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    """Files of an added folder left out as not articles (README, LICENSE…), with the reason."""

    @property
    def ok(self) -> bool:
        """True when no source failed (duplicates are not failures)."""
        return not self.failed
