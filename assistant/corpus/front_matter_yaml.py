"""YAML front matter read with bounds: size, no aliases, any failure a YAMLError.

Front matter comes from untrusted files. `yaml.safe_load` alone lets an alias
bomb ("billion laughs") explode when its values are turned into text, lets a
date that cannot exist (2024-02-30) raise ValueError, and a deeply nested
structure raise RecursionError. Here each of those is a FrontMatterError, which the
readers treat as "read without metadata". Front matter in the subset `assistant add` writes
is read without PyYAML (front_matter_plain), which is then imported only for anything else.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from assistant.corpus.front_matter_plain import load_plain

MAX_FRONT_MATTER_CHARS = 64 * 1024


class FrontMatterError(ValueError):
    """Front matter that is not valid YAML or cannot be trusted: the article is read without metadata."""


@cache
def _no_alias_loader() -> Any:
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """SafeLoader without aliases: front matter has no use for them, an alias bomb needs them."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases are not allowed in front matter")
            return super().compose_node(parent, index)

    return NoAliasLoader


def load_front_matter(source: str) -> Any:
    """The YAML document in `source`; raises FrontMatterError for anything that cannot be trusted."""
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError("the front matter is too long")
    plain = load_plain(source)
    if plain is not None:
        return plain
    import yaml

    try:
        return yaml.load(source, Loader=_no_alias_loader())  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise FrontMatterError(str(exc)) from exc
    except (ValueError, TypeError, OverflowError, RecursionError, MemoryError) as exc:
        raise FrontMatterError(f"the front matter cannot be read ({type(exc).__name__})") from exc
