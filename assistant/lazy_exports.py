"""A package's exported names, each loaded from its own module when first read (PEP 562).

Why: a package's `__init__` is its one way in, but a command must not pay for the modules of it
that it never touches (`assistant add` loads no answerer, `assistant ask` no article reader:
tests/test_startup_imports.py names them).
"""

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_getattr(package: str, homes: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `name` is imported from `package.<homes[name]>`
    the first time it is read, then kept in `namespace` so the hook is not asked again."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    return __getattr__
