"""Choosing which articles a listing shows: a filter, an order, a limit.

Shared by `assistant list` and the chat's article panel, so both filter the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from assistant.answer import article_date
from assistant.models import ArticleInfo

SortKey = Literal["id", "title", "date"]
SORT_KEYS: tuple[SortKey, ...] = ("date", "title", "id")


def searched_fields(info: ArticleInfo) -> tuple[str, ...]:
    """What a filter looks in: the article's title, author, source and id, those it has."""
    meta = info.meta
    return tuple(v for v in (meta.title, meta.author, meta.source, meta.id) if v)


def title_order(info: ArticleInfo) -> tuple[str, str]:
    """Where an article stands in a list by title: by title in any case, then id (a story filed twice)."""
    return info.meta.title.casefold(), info.meta.id


def matches(info: ArticleInfo, needle: str) -> bool:
    """True when `needle` (any case) stands in the article's title, author, source or id."""
    folded = needle.casefold()
    return any(folded in value.casefold() for value in searched_fields(info))


def select_articles(
    articles: Sequence[ArticleInfo],
    *,
    contains: str | None = None,
    sort: SortKey = "id",
    limit: int | None = None,
) -> list[ArticleInfo]:
    """Articles matching `contains`, in `sort` order (date: newest first, undated last), at most `limit`."""
    needle = (contains or "").strip()
    chosen = [a for a in articles if not needle or matches(a, needle)]
    if sort == "title":
        chosen.sort(key=title_order)
    elif sort == "date":
        dated = [(article_date(a.meta.date), a) for a in chosen]
        dated.sort(key=lambda pair: (pair[0] is None, -(pair[0] or dt.date.min).toordinal(), pair[1].meta.id))
        chosen = [a for _, a in dated]
    else:
        chosen.sort(key=lambda a: a.meta.id)
    return chosen if limit is None else chosen[:limit]
