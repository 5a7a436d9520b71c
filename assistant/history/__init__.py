"""The questions asked of a corpus and the answers given, kept in a SQLite file beside its index.

One way in: `History` (open, record, list) and `history_file` (where it lives, or None when
the user turned it off with ASSISTANT_HISTORY=0).
"""

from assistant.history.store import History, HistoryEntry, history_file

__all__ = ["History", "HistoryEntry", "history_file"]
