"""Each article's date as a day number, kept beside the article table.

`ask --since/--until` over a large corpus parsed every row of the table for one field (13 s at
1M passages); a column of days, memory-mapped per segment, answers a date scope without a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from assistant.corpus.dates import article_date

if TYPE_CHECKING:
    import numpy.typing as npt

NO_DAY = np.iinfo(np.int32).min
"""An article whose metadata gives no readable date."""
_EPOCH = dt.date(1970, 1, 1).toordinal()


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01 (negative before)."""
    return day.toordinal() - _EPOCH


def day_numbers(dates: Iterable[str | None]) -> npt.NDArray[np.int32]:
    """The day of each article's date as written (NO_DAY where unreadable); each distinct text read once."""
    seen: dict[str | None, int] = {}
    out: list[int] = []
    for value in dates:
        day = seen.get(value)
        if day is None:
            parsed = article_date(value) if isinstance(value, str) else None
            day = seen[value] = NO_DAY if parsed is None else day_number(parsed)
        out.append(day)
    return np.array(out, dtype=np.int32)


def within(
    days: npt.NDArray[np.int32], since: dt.date | None, until: dt.date | None
) -> npt.NDArray[np.bool_]:
    """Articles dated within the bounds (inclusive); an undated one is within none."""
    low = day_number(since) if since is not None else NO_DAY + 1
    high = day_number(until) if until is not None else np.iinfo(np.int32).max
    inside: npt.NDArray[np.bool_] = (days >= low) & (days <= high) & (days != NO_DAY)
    return inside
