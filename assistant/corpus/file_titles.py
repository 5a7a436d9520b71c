"""Which title is an article's own: one it writes, or only its file name's words.

Kept apart from `headline` (whose patterns cost a few ms to compile) because a question reads it:
the ranker counts the same title words the index searched.
"""

from __future__ import annotations

from pathlib import PurePosixPath


def file_name_title(article_id: str) -> str:
    """The title an article that writes none is listed by: its file name's words ("00123" for a
    wire story saved as 00123.txt)."""
    return PurePosixPath(article_id).stem.replace("_", " ").replace("-", " ")


def searched_title(title: str, article_id: str) -> str:
    """The title whose words are searched with the article's passages: "" for a file name's, which
    names a file, not what the story is about."""
    return "" if title == file_name_title(article_id) else title
