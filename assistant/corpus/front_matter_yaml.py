"""YAML front matter read with bounds: size, no aliases, any failure a YAMLError.

Front matter comes from untrusted files. `yaml.safe_load` alone lets an alias
bomb ("billion laughs") explode when its values are turned into text, lets a
date that cannot exist (2024-02-30) raise ValueError, and a deeply nested
structure raise RecursionError. Here each of those is a YAMLError, which the
readers already treat as "read without metadata".
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_FRONT_MATTER_CHARS = 64 * 1024


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader without aliases: front matter has no use for them, an alias bomb needs them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def load_front_matter(source: str) -> Any:
    """The YAML document in `source`; raises yaml.YAMLError for anything that cannot be trusted."""
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise yaml.YAMLError("the front matter is too long")
    try:
        return yaml.load(source, Loader=_NoAliasLoader)  # a SafeLoader subclass
    except yaml.YAMLError:
        raise
    except (ValueError, TypeError, OverflowError, RecursionError, MemoryError) as exc:
        raise yaml.YAMLError(f"the front matter cannot be read ({type(exc).__name__})") from exc
