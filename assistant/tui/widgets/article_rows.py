"""The article list's rows: an OptionList patched in place, each row measured once, drawn when shown.

Textual's OptionList measures every row again (its wrapped height, with three style lookups)
whenever one is added or removed, and has no way to put a row in mid-list: the chat redrew all
46k rows of a large archive for each file dropped into the folder (~28 s on a loaded machine),
and a patch through `set_options` still measured them all (~5 s). Here a row keeps its height
while the list's width does, and `patch` takes rows off and puts rows in at their places in
one pass, so a change of a few articles costs a few list operations per row, no measuring.

This leans on OptionList's internals as of Textual 8 (`_options`, its two lookup tables and the
line cache that `_update_lines` fills, which is upstream's own loop with the heights kept);
tests/tui/test_notified_paths_shown.py and the article-list tests drive it through the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self, cast

from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets._option_list import OptionListContent
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.visual import VisualType


class DrawnRow(Option):
    """A row drawn when first shown or asked for, `lines` tall at any width (its text never wraps).

    Drawing 46k rows of Rich text, and measuring each, took most of the ~30 s the chat spent
    opening on a large archive; the list shows ~30 of them at a time.
    """

    def __init__(self, draw: Callable[[], VisualType], *, lines: int, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._draw: Callable[[], VisualType] | None = draw
        self.lines = lines
        """The row's height when the list neither wraps nor folds text (the chat's styles)."""

    @property
    def prompt(self) -> VisualType:
        if self._draw is not None:
            self._prompt, self._draw = self._draw(), None
        return self._prompt

    def _set_prompt(self, prompt: VisualType) -> None:
        self._draw = None
        super()._set_prompt(prompt)


@dataclass(frozen=True, slots=True)
class RowTable:
    """A list of rows with OptionList's lookups and line table made for them (`row_table`): made in
    a worker for the whole list, it is shown (`ArticleRows.set_rows`) with no per-row work on the UI
    thread. Used once: the list patches it in place."""

    options: list[Option]
    to_index: dict[Option, int]
    by_id: dict[str, Option]
    lines: list[tuple[int, int]]
    index_to_line: dict[int, int]
    heights: dict[int, int]


def row_table(rows: Sequence[DrawnRow]) -> RowTable:
    """The lookups and line table of `rows` (ids unique), each row as tall as it says."""
    options: list[Option] = list(rows)
    lines: list[tuple[int, int]] = []
    index_to_line: dict[int, int] = {}
    heights: dict[int, int] = {}
    for index, row in enumerate(rows):
        count = row.lines + row._divider
        index_to_line[index] = len(lines)
        heights[index] = count
        lines.extend([(index, line) for line in range(count)])
    return RowTable(
        options,
        {option: i for i, option in enumerate(options)},
        {row.id: row for row in rows if row.id is not None},
        lines,
        index_to_line,
        heights,
    )


class ArticleRows(OptionList):
    """An OptionList whose rows can be patched in place (`patch`), each measured once a width."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._row_heights: dict[int, tuple[Option, int]] = {}
        """Each row's height in lines at `_heights_at`, by the row's id() (Option's own hash is a
        Python call; the row is kept beside it, so a recycled id() is never taken for it). A row's
        text never changes: a changed article is a new row."""
        self._heights_at = (-1, -1)
        """The (width, padding) the heights were measured at (width -1: rows as tall at any width)."""

    def set_options(self, options: Iterable[OptionListContent]) -> Self:
        self._row_heights.clear()
        super().set_options(options)
        return self

    def set_rows(self, table: RowTable) -> None:
        """Show the table's rows in place of the list's (as `set_options`, without its per-row loop
        and measuring: ~5 s for 46k rows on a loaded machine, all on the UI thread)."""
        self._row_heights.clear()
        self._options[:] = table.options
        self._option_to_index = table.to_index
        self._id_to_option = table.by_id
        self._option_render_cache.clear()
        self._line_cache.clear()
        self.highlighted = None
        self.scroll_y = 0
        if self.styles.text_wrap == "nowrap" and self.styles.text_overflow != "fold":
            cache = self._line_cache
            cache.lines, cache.index_to_line, cache.heights = table.lines, table.index_to_line, table.heights
        if self.is_mounted:
            self.refresh(layout=self.styles.auto_dimensions)
            self._update_lines()

    def patch(self, remove: set[str], insert: Sequence[tuple[int, Option]]) -> None:
        """Take off the rows whose ids are in `remove`, then put each (position, row) in at its
        position in the final list (ascending). The highlighted row and the scroll stay put."""
        highlighted = self.highlighted_option
        at = self.highlighted
        place = self.scroll_y
        before = list(self._options)
        first = min(
            [at for at, _ in insert[:1]] + [i for i, o in enumerate(before) if o.id in remove][:1] or [0]
        )
        options = before[:first]
        for option in before[first:]:
            if option.id in remove:
                self._row_heights.pop(id(option), None)
            else:
                options.append(option)
        for position, option in insert:
            options.insert(position, option)
        self._options[:] = options
        # The rows before the first change keep their places, lines and lookups; the rest are redone.
        for option in before[first:]:
            del self._option_to_index[option]
        self._option_to_index.update((option, i) for i, option in enumerate(options[first:], first))
        for option in before[first:]:
            if option.id in remove:
                self._id_to_option.pop(option.id, None)
        self._id_to_option.update((option.id, option) for _, option in insert if option.id is not None)
        self._mouse_hovering_over = None
        self._option_render_cache.clear()
        cache = self._line_cache
        if first in cache.index_to_line:
            del cache.lines[cache.index_to_line[first] :]
            for index in range(first, len(before)):
                cache.index_to_line.pop(index, None)
                cache.heights.pop(index, None)
        else:
            cache.clear()
        self.refresh()
        self._update_lines()
        if highlighted is not None and at is not None:
            same = self._id_to_option.get(highlighted.id) if highlighted.id is not None else None
            # The same article's row (drawn anew, or not), else the row now where it was.
            index = self._option_to_index[same] if same is not None else min(at, len(options) - 1)
            self.set_reactive(OptionList.highlighted, index if options else None)
        self.scroll_to(y=place, animate=False, immediate=True)

    def _update_lines(self) -> None:
        """Upstream's line table, each row's height measured once per width (see the module)."""
        if not self.scrollable_content_region:
            return
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        cache = self._line_cache
        lines = cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        options = self._options
        if next_index < len(options):
            padding = self.get_component_styles("option-list--option").padding
            # Rows that neither wrap nor fold (the chat's styles) are as tall at any width: the scroll
            # bar that shows once the list is long narrows it, and 46k rows were measured again.
            fixed = self.styles.text_wrap == "nowrap" and self.styles.text_overflow != "fold"
            if (-1 if fixed else width, padding.width) != self._heights_at:
                self._row_heights.clear()
                self._heights_at = (-1 if fixed else width, padding.width)
            heights = self._row_heights
            rules = cast("RulesMap", self.styles)  # as upstream's get_content_height passes them
            for index in range(next_index, len(options)):
                option = options[index]
                if fixed and isinstance(option, DrawnRow):
                    count = option.lines + option._divider  # known without drawing it
                elif (kept := heights.get(id(option))) is not None and kept[0] is option:
                    count = kept[1]
                else:
                    count = self._get_visual(option).get_height(rules, width - padding.width)
                    count += option._divider
                    heights[id(option)] = (option, count)
                cache.index_to_line[index] = len(lines)
                cache.heights[index] = count
                lines.extend([(index, line) for line in range(count)])
        last_divider = bool(options) and options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
