"""Where an article's YAML front matter block lies, and its title, without loading YAML.

The readers parse the block with bounds (front_matter_yaml.py); the answer stage only needs to
tell the block from the article's head: a stored article's head is its front matter, whose keys
("title:", "author: null", "added: '2026-...'") are no words of the story.
"""

from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# Hugo's TOML block (`+++`, `title = "…"`), read by front_matter_toml.py.
TOML_BLOCK = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TITLE = re.compile(r"^title[ \t]*[:=][ \t]*(['\"]?)(.*?)\1[ \t]*$", re.MULTILINE)


def head_words(head: str) -> str:
    """What stands before an article's first sentence with a front matter block read as its title
    alone: the title, byline and dateline a rule may read as the story's own words."""
    match = FRONT_MATTER.match(head) or TOML_BLOCK.match(head)
    if match is None:
        return head
    title = _TITLE.search(match.group(1))
    return (title.group(2) if title else "") + "\n" + head[match.end() :]
