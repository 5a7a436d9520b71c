"""TOML front matter (`+++` … `+++`, as Hugo writes it) read with the same bounds as YAML's.

A newsroom's static site keeps its stories as Markdown with TOML front matter; read as text,
the block was the story's first paragraph (`+++ title = "…" author = "…" +++`) and the title
was the file's name. tomllib has no aliases to explode; its size is bounded here, and any
failure is a ValueError, which the reader treats as "read without metadata".
"""

from __future__ import annotations

import tomllib
from typing import Any

from assistant.corpus.front_matter_yaml import MAX_FRONT_MATTER_CHARS


def load_toml_front_matter(source: str) -> Any:
    """The TOML table in `source`; raises ValueError for anything that cannot be trusted."""
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise ValueError("the front matter is too long")
    try:
        return tomllib.loads(source)
    except (RecursionError, MemoryError, OverflowError) as exc:
        raise ValueError(f"the front matter cannot be read ({type(exc).__name__})") from exc
