"""The article list's data, made off the UI thread: the whole list (`prepare_list`, in the chat's
list worker) and what a filter keeps (`filter_rows`, in the panel's filter worker).

At 46k articles `select_articles` casefolded four fields of every article at each keystroke
(~0.1 s, ~0.5 s on a loaded machine, with the rows' table after it), and the screen stood still
for it. Here each article's fields are casefolded once (`haystack`), a keystroke that extends the
needle looks only in the rows the last one kept, and the panel runs it in a thread worker when
the list is long. The rows chosen are `select_articles(..., contains=needle, sort="title")`'s:
the list is kept in that order already.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from assistant.frontend.article_list import searched_fields, title_order
from assistant.models import ArticleInfo
from assistant.tui.render import article_row
from assistant.tui.widgets.article_rows import DrawnRow, RowTable, row_table

_APART = "\x00"
"""Between an article's fields in its haystack: no needle typed holds it, so none matches across two."""


def haystack(info: ArticleInfo) -> str:
    """What the filter looks in (`searched_fields`, as `matches`), casefolded once."""
    return _APART.join(searched_fields(info)).casefold()


def make_row(info: ArticleInfo, with_id: bool) -> DrawnRow:
    """The article's row, drawn when it first shows (a second line for the id of a shared title)."""
    draw = partial(article_row, info.meta, with_id=with_id)
    return DrawnRow(draw, lines=2 if with_id else 1, id=info.meta.id)


order = title_order
"""Where an article stands in the list (the order `select_articles(..., sort="title")` gives)."""


@dataclass(frozen=True, slots=True)
class PreparedList:
    """A whole list made ready off the UI thread (`prepare_list`): sorted, its rows and their table."""

    articles: list[ArticleInfo]
    by_id: dict[str, ArticleInfo]
    titles: Counter[str]
    rows: dict[tuple[str, bool], DrawnRow]
    table: RowTable
    hays: list[str]
    """Each article's haystack for the filter (`article_filter.haystack`), in list order."""


def prepare_list(articles: list[ArticleInfo]) -> PreparedList:
    """Everything `ArticlePanel.set_articles` would do per article, done where it is called (the
    chat's list worker): at 46k articles ~1-5 s of Python the screen would otherwise stand still for."""
    ordered = sorted(articles, key=order)
    titles = Counter(info.meta.title.casefold() for info in ordered)
    rows = {}
    for info in ordered:
        with_id = titles[info.meta.title.casefold()] > 1
        rows[(info.meta.id, with_id)] = make_row(info, with_id)
    by_id = {info.meta.id: info for info in ordered}
    hays = [haystack(info) for info in ordered]
    return PreparedList(ordered, by_id, titles, rows, row_table(list(rows.values())), hays)


@dataclass(frozen=True, slots=True)
class Filtered:
    """The rows a needle keeps, ready to show: their positions in the list (for the next, longer
    needle), the rows and their table (made where the filter ran)."""

    needle: str
    """The needle as typed, stripped."""
    positions: list[int]
    table: RowTable
    made: dict[tuple[str, bool], DrawnRow]
    """Rows drawn for this filter that the panel did not hold yet (it keeps them)."""


def keep(hays: Sequence[str], needle: str, within: Sequence[int] | None = None) -> list[int]:
    """Positions of the haystacks holding `needle` (any case), looked for among `within` if given."""
    folded = needle.casefold()
    if _APART in folded:  # never typed, and in no field: `matches` keeps none
        return []
    return [i for i in (range(len(hays)) if within is None else within) if folded in hays[i]]


def filter_rows(
    articles: Sequence[ArticleInfo],
    hays: Sequence[str],
    needle: str,
    rows: Mapping[tuple[str, bool], DrawnRow],
    make_row: Callable[[ArticleInfo, bool], DrawnRow],
    *,
    within: Sequence[int] | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Filtered | None:
    """The rows `needle` keeps (every article for an empty one), drawn rows reused from `rows`.

    A title shared by several kept articles shows their ids (as the whole list does). `within`: the
    positions a shorter needle kept, when `needle` holds it. None when `stop()` says a newer
    keystroke has made this one moot.
    """
    needle = needle.strip()
    positions = keep(hays, needle, within) if needle else list(range(len(articles)))
    if stop():
        return None
    shown = [articles[i] for i in positions]
    counts = Counter(info.meta.title.casefold() for info in shown)
    made: dict[tuple[str, bool], DrawnRow] = {}
    chosen = []
    for info in shown:
        key = (info.meta.id, counts[info.meta.title.casefold()] > 1)
        row = rows.get(key) or made.get(key)
        if row is None:
            row = made[key] = make_row(info, key[1])
        chosen.append(row)
    if stop():
        return None
    return Filtered(needle, positions, row_table(chosen), made)
