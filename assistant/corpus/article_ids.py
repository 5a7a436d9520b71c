"""An article id as a user types it, matched to the id on disk.

File names are untrusted and may hold escape sequences or invisible characters;
every listing and citation shows the id cleaned (`assistant/safe_text.py`), and
`--json` shows it with those characters escaped (`\\u001b`). Both forms must work
when pasted back into `show`, `remove` or `ask --article`: the exact id first,
then the id with `\\xHH`, `\\uHHHH`, `\\UHHHHHHHH` escapes and JSON's short ones (`\\n`, `\\t`,
`\\r`, `\\b`, `\\f`, `\\"`, `\\\\`) read, then the cleaned
form when it names exactly one article, then a tail of the id: the file name
(`00001.txt`) or its last folders (`reut2-000/00001.txt`) select the one article
whose id ends so; a tail that several ids end in is refused, naming them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.errors import ArticleNotFound
from assistant.safe_text import clean

_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([ntrbf\"\\]))")
_SHORT = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "\\": "\\"}
"""JSON's two-character escapes: `list --json` writes a newline in a file name as `\\n`."""


def unescaped(typed: str) -> str:
    """`typed` with `\\xHH`, `\\uHHHH`, `\\UHHHHHHHH` and JSON's short escapes turned into characters."""

    def char(match: re.Match[str]) -> str:
        if match.group(4):
            return _SHORT[match.group(4)]
        code = int(next(group for group in match.groups() if group), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _ESCAPE.sub(char, typed)


def resolve_article_id(typed: str, ids: Iterable[str]) -> str | None:
    """The one id `typed` names, or None when it names none.

    Raises ArticleNotFound when the cleaned form fits several articles (names that
    differ only in hidden characters): the escaped form from `list --json` tells them apart.
    """
    known = list(ids)
    if typed in known:
        return typed
    decoded = unescaped(typed)
    if decoded in known:
        return decoded
    shown = clean(typed, one_line=True)
    fits = [article_id for article_id in known if clean(article_id, one_line=True) == shown]
    if len(fits) > 1:
        raise ArticleNotFound(
            f"{shown!r} fits {len(fits)} articles whose names differ only in hidden characters; "
            "give the id as `assistant list --json` writes it"
        )
    if fits:
        return fits[0]
    return _by_tail(typed, decoded, shown, known)


_NAMED = 3
"""How many of the ids a tail fits the refusal names before "and N more"."""


def _by_tail(typed: str, decoded: str, shown: str, known: list[str]) -> str | None:
    """The one id ending in the typed path components, or None; raises when several do.

    The cleaned form is matched against the ids as shown, so a file name copied from a
    listing (`name with newline.txt` for a name holding a newline) finds its article too.
    """
    forms = [(form, False) for form in dict.fromkeys((typed, decoded))] + [(shown, True)]
    for form, as_shown in forms:
        bare = form.strip()
        while bare.startswith("./"):
            bare = bare[2:]
        tail = "/" + bare.strip("/")
        if tail == "/":
            continue
        fits = sorted(
            article_id
            for article_id in known
            if ("/" + (clean(article_id, one_line=True) if as_shown else article_id)).endswith(tail)
        )
        if len(fits) == 1:
            return fits[0]
        if fits:
            named = ", ".join(clean(article_id, one_line=True) for article_id in fits[:_NAMED])
            more = f" and {len(fits) - _NAMED} more" if len(fits) > _NAMED else ""
            raise ArticleNotFound(
                f"{shown!r} could be any of {len(fits)} articles: {named}{more}; give more of the id"
            )
    return None
