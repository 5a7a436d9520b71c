"""Where things live: the corpus, its index, exports. Env variables move each.

Paths come from functions, never module constants, so tests and users can
move them with an env var at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

INDEX_FOLDER = ".assistant"


def default_corpus() -> Path:
    """The corpus folder: $ASSISTANT_CORPUS, else ./corpus."""
    return Path(os.environ.get("ASSISTANT_CORPUS") or "corpus")


def index_dir(corpus_dir: Path) -> Path:
    """Where the corpus's index lives: $ASSISTANT_INDEX_DIR, else a hidden folder inside the corpus.

    A read-only corpus keeps its index in the user cache instead, keyed by the corpus path.
    """
    override = os.environ.get("ASSISTANT_INDEX_DIR")
    if override:
        return Path(override)
    inside = corpus_dir / INDEX_FOLDER
    if (inside.is_dir() and os.access(inside, os.W_OK)) or os.access(corpus_dir, os.W_OK):
        return inside
    import hashlib  # only for a read-only corpus: every command imports this module

    import platformdirs

    key = hashlib.sha1(str(corpus_dir.resolve()).encode()).hexdigest()[:16]
    return Path(platformdirs.user_cache_dir("assistant")) / "indexes" / key


def passage_tokens() -> int:
    """Passage size in tiktoken tokens: $ASSISTANT_PASSAGE_TOKENS, else the default (120).

    Changing it rebuilds the index on the next run (the size is part of the index's fingerprint).
    """
    from assistant.index.version import DEFAULT_PASSAGE_TOKENS

    value = os.environ.get("ASSISTANT_PASSAGE_TOKENS", "")
    return int(value) if value.isdigit() and 16 <= int(value) <= 2048 else DEFAULT_PASSAGE_TOKENS


def export_dir() -> Path:
    """Where conversations are exported: $ASSISTANT_EXPORT_DIR, else the current folder."""
    return Path(os.environ.get("ASSISTANT_EXPORT_DIR") or ".")
