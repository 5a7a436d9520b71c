"""An article's date as its metadata writes it, read as a calendar day.

Headers and front matter write dates every way ("2023-09-21", "21 Sep 2023", "Sep 21, 2023"): a
scope compares them as days, and the index keeps each article's day (index/article_days) so a date
scope needs no pass over the article table.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:\b|T)")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def article_date(value: str | None) -> dt.date | None:
    """An article's date as written in its metadata (ISO, `21 Sep 2023`, `Sep 21, 2023`), if readable."""
    if not value:
        return None
    text = value[:64]
    try:
        match = _ISO.match(text)
        if match:
            return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
        match = _DAY_MONTH_YEAR.search(text)
        if match and match[2].casefold() in _MONTHS:
            return dt.date(int(match[3]), _MONTHS[match[2].casefold()], int(match[1]))
        match = _MONTH_DAY_YEAR.search(text)
        if match and match[1].casefold() in _MONTHS:
            return dt.date(int(match[3]), _MONTHS[match[1].casefold()], int(match[2]))
    except ValueError:
        return None
    return None
