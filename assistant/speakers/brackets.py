"""The wire's angle brackets: "<Mark Resources Inc> said", "Elders IXL Ltd <ELXA.S> says".

Reuters marks a company's name, and its stock code after it, with "<" and ">". The speaker rules
read the name as written without them, and leave the code out, so the brackets neither end a
mention nor join a code to a name.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

_TICKER = re.compile(r"[A-Z0-9&\-]{1,8}\.[A-Z]{1,3}")
"""A Reuters instrument code: "GM.N", "ELXA.S", "AL.N"."""
_MAX_INSIDE = 12


class _Token(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def capitalised(self) -> bool: ...
    @property
    def is_word(self) -> bool: ...


T = TypeVar("T", bound=_Token)


def without_brackets(tokens: list[T]) -> list[T]:
    """Tokens without the "<" and ">" around a name, and without a bracketed ticker ("<GM.N>")."""
    out: list[T] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        close = next(
            (j for j in range(k + 1, min(len(tokens), k + _MAX_INSIDE)) if tokens[j].text == ">"), None
        )
        if token.text != "<" or close is None or close == k + 1:
            out.append(token)
            k += 1
            continue
        inner = tokens[k + 1 : close]
        if not _a_ticker(inner, out[-1] if out else None):
            out.extend(inner)
        k = close + 1
    return out


def _a_ticker(inner: list[T], before: T | None) -> bool:
    """A bracketed code after a company's name ("Elders IXL Ltd <ELXA.S>", "BRT Realty <BRT>"), not a
    name in brackets ("<IBM> said")."""
    if len(inner) != 1:
        return False
    code = inner[0].text
    if _TICKER.fullmatch(code):
        return True
    return code.isupper() and len(code) <= 6 and before is not None and before.capitalised and before.is_word
