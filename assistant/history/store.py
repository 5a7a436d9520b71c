"""History storage: one row per question, with its quotes and citations as JSON.

stdlib sqlite3 in WAL mode with a busy time-out, so the chat and a CLI run can
write the same file at once; a write that fails never costs the user an answer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.locations import index_dir

FILE_NAME = "history.sqlite3"
_OFF = {"0", "off", "no", "false"}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS asked (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at TEXT NOT NULL,
    question TEXT NOT NULL,
    scope TEXT,
    answered INTEGER NOT NULL,
    message TEXT,
    tokens INTEGER NOT NULL DEFAULT 0,
    quotes TEXT NOT NULL,
    followed TEXT,
    limits TEXT
)
"""
_MAX_ROWS_READ = 100_000
DEFAULT_KEEP = 10_000
"""Questions kept (the newest): a year of heavy daily use, a few MB, searched in milliseconds."""


def kept_entries() -> int:
    """How many questions the history keeps: $ASSISTANT_HISTORY_KEEP, else DEFAULT_KEEP."""
    try:
        return max(1, int(os.environ.get("ASSISTANT_HISTORY_KEEP", "")))
    except ValueError:
        return DEFAULT_KEEP


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One question as kept: when, within what scope, and the quotes with their citations."""

    id: int
    asked_at: str
    """UTC time, ISO 8601 to the second."""
    question: str
    scope: str | None
    answered: bool
    message: str | None
    tokens: int
    quotes: tuple[dict[str, Any], ...]
    """Each: text, citation, article id, start, end, paragraph."""
    followed: str | None = None
    """What a follow-up was read as ("Follow-up to “…”"), so a bare "Why?" keeps its context."""
    limits: dict[str, Any] | None = None
    """The scope as data (`Scope.as_json()` and the `article` asked of), so a question recalled
    from the history is asked again within it; None for one asked of the whole corpus, or kept
    before scopes were (only `scope`, the words, was)."""

    @property
    def read_as(self) -> str:
        """The question as asked, with what a follow-up was read as."""
        return self.question if not self.followed else f"{self.question} ({self.followed})"

    def as_json(self) -> dict[str, Any]:
        """The entry as JSON-ready data."""
        return {
            "id": self.id,
            "asked_at": self.asked_at,
            "question": self.question,
            "scope": self.scope,
            "answered": self.answered,
            "message": self.message,
            "tokens": self.tokens,
            "quotes": list(self.quotes),
            "followed": self.followed,
            "limits": self.limits,
        }


def history_file(corpus_dir: Path) -> Path | None:
    """Where the history lives: $ASSISTANT_HISTORY (a file; `0` turns it off), else beside the index."""
    setting = os.environ.get("ASSISTANT_HISTORY", "").strip()
    if setting.casefold() in _OFF:
        return None
    if setting:
        return Path(setting).expanduser()
    return index_dir(corpus_dir) / FILE_NAME


class History:
    """A history file. One connection is kept open (the last close of a WAL database checkpoints it,
    which costs an fsync per question if done every time); a lock lets any thread use it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                # WAL with NORMAL sync: a crash can lose the last question or two, never corrupt the file.
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(_SCHEMA)
                columns = {row[1] for row in connection.execute("PRAGMA table_info(asked)")}
                if "followed" not in columns:  # a history file from before follow-ups were kept
                    connection.execute("ALTER TABLE asked ADD COLUMN followed TEXT")
                if "limits" not in columns:  # from before the scope was kept as data
                    connection.execute("ALTER TABLE asked ADD COLUMN limits TEXT")
                # SQLite's lower() folds ASCII only; "Élysée" should find "élysée".
                connection.create_function("holds", 2, _holds, deterministic=True)
                connection.create_function("quotes_hold", 2, _quotes_hold, deterministic=True)
            except sqlite3.Error:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    def close(self) -> None:
        """Close the connection (it reopens on the next use)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def record(
        self,
        question: str,
        *,
        scope: str | None,
        answered: bool,
        message: str | None,
        tokens: int,
        quotes: list[dict[str, Any]],
        when: dt.datetime | None = None,
        followed: str | None = None,
        limits: dict[str, Any] | None = None,
    ) -> int:
        """Keep one question and its answer; returns its id. Raises sqlite3.Error or OSError."""
        stamp = (when or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._lock:
            connection = self._connect()
            with connection:
                cursor = connection.execute(
                    "INSERT INTO asked (asked_at, question, scope, answered, message, tokens, quotes,"
                    " followed, limits) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        stamp,
                        _storable(question),
                        _storable(scope),
                        int(answered),
                        _storable(message),
                        tokens,
                        _storable(json.dumps(quotes, ensure_ascii=False)),
                        _storable(followed),
                        _storable(json.dumps(limits, ensure_ascii=False)) if limits else None,
                    ),
                )
                newest = int(cursor.lastrowid or 0)
                # The oldest questions go once the history is full, so it never grows without bound.
                connection.execute("DELETE FROM asked WHERE id <= ?", (newest - kept_entries(),))
            return newest

    def entries(self, *, limit: int | None = None, contains: str | None = None) -> list[HistoryEntry]:
        """Entries newest first; `contains` keeps those whose question, scope or quotes hold the text."""
        if not self.path.exists():
            return []
        sql = (
            "SELECT id, asked_at, question, scope, answered, message, tokens, quotes, followed, limits"
            " FROM asked"
        )
        args: list[Any] = []
        if contains:
            sql += (
                " WHERE holds(question || ' ' || coalesce(followed, '') || ' ' || coalesce(scope, ''), ?)"
                " OR quotes_hold(quotes, ?)"
            )
            args += [contains, contains]
        sql += " ORDER BY id DESC LIMIT ?"
        args.append(min(limit, _MAX_ROWS_READ) if limit is not None else _MAX_ROWS_READ)
        with self._lock:
            rows = self._connect().execute(sql, args).fetchall()
        return [_entry(row) for row in rows]

    def count(self) -> int:
        """How many questions are kept (what a filter that matched none was looking through)."""
        if not self.path.exists():
            return 0
        with self._lock:
            return int(self._connect().execute("SELECT count(*) FROM asked").fetchone()[0])

    def questions(self, limit: int = 500) -> list[str]:
        """Distinct questions, oldest first (what the chat's up arrow walks back through)."""
        seen: dict[str, None] = {}
        for entry in self.entries(limit=limit):
            seen.setdefault(entry.question, None)
        return list(reversed(seen))


def _holds(haystack: str | None, needle: str | None) -> bool:
    return bool(haystack) and bool(needle) and str(needle).casefold() in str(haystack).casefold()


def _quotes_hold(quotes: str | None, needle: str | None) -> bool:
    """Whether a quote's words or citation hold `needle`: the stored JSON's keys ("text", "end",
    "article", "also_in") and escapes are not what the user is looking for."""
    if not quotes or not needle:
        return False
    try:
        records = json.loads(quotes)
    except ValueError:
        return False
    if not isinstance(records, list):
        return False
    shown = " ".join(
        f"{record.get('text', '')} {record.get('citation', '')}"
        for record in records
        if isinstance(record, dict)
    )
    return _holds(shown, needle)


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    try:
        quotes = json.loads(row[7])
    except ValueError:
        quotes = []
    if not isinstance(quotes, list):
        quotes = []
    return HistoryEntry(
        id=int(row[0]),
        asked_at=str(row[1]),
        question=str(row[2]),
        scope=row[3],
        answered=bool(row[4]),
        message=row[5],
        tokens=int(row[6] or 0),
        quotes=tuple(q for q in quotes if isinstance(q, dict)),
        followed=row[8],
        limits=_limits(row[9]),
    )


def _limits(stored: str | None) -> dict[str, Any] | None:
    """The kept scope, or None for one that is not a JSON object (a file edited or damaged by hand)."""
    try:
        data = json.loads(stored) if stored else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _storable(text: str | None) -> str | None:
    """Text SQLite can keep: a lone surrogate (from a file name or argument that is not UTF-8) becomes '?'."""
    if text is None:
        return None
    return text.encode("utf-8", "replace").decode("utf-8")
