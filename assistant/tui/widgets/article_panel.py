"""The side panel: one row per article (title, author, date), filtered as you type.

A long list is filtered in a thread worker, the latest keystroke's result shown (`article_filter`):
at 46k rows each keystroke stood the screen still for 0.2-0.7 s."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import OptionDoesNotExist

from assistant.models import ArticleInfo
from assistant.tui.messages import ArticleChosen
from assistant.tui.widgets.article_filter import (
    Filtered,
    PreparedList,
    filter_rows,
    haystack,
    make_row,
    order,
    prepare_list,
)
from assistant.tui.widgets.article_rows import ArticleRows, DrawnRow

IN_PLACE_ROWS = 5_000
"""Up to this many articles the filter runs on the UI thread (a few ms); more, in a worker."""


class ArticlePanel(Vertical):
    """A filter box over a list of articles; choosing one scopes the questions to it."""

    # Down from the filter box goes into the list, as in any search box over a list; Esc goes back
    # to the question box, the filter kept (Esc there clears a scope, as before).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_list", "Articles", show=False),
        Binding("escape", "leave", "Question", show=False),
    ]

    class Left(Message):
        """Esc in the filter box or the list: the user is done looking, not choosing."""

    @dataclass
    class FilterReady(Message):
        """A filter run in the worker is done: shown if no keystroke or change came since."""

        asked: int
        filtered: Filtered
        keep_place: bool

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._articles: list[ArticleInfo] = []
        self._hays: list[str] = []
        """Each listed article's haystack for the filter, beside `_articles`."""
        self._asked = 0
        """Filters asked for so far: a result is shown only if it answers the latest."""
        self._shown_needle = ""
        """The filter the rows shown were chosen by ("": the whole list)."""
        self._last: Filtered | None = None
        """The last filter shown, while the list is unchanged: a longer needle looks only in its rows."""
        self._by_id: dict[str, ArticleInfo] = {}
        self._ids: frozenset[str] | None = None
        """`ids()` while the list is unchanged (None: to be made again)."""
        self._titles: Counter[str] = Counter()
        """How many articles carry each title (casefolded): a title shared shows the ids too."""
        self._rows: dict[tuple[str, bool], DrawnRow] = {}
        """Each article's row as last drawn (by id, and whether it shows the id): a patch of a few
        articles draws only theirs, not 46k rows of Rich text."""
        self._listing: int | None = None
        """While the list is being read (`listing`): how many articles the index holds."""
        self._held: list[tuple[Mapping[str, ArticleInfo], tuple[str, ...]]] = []
        """Patches that came while the list was being read, applied once it is shown."""
        self.border_title = "Articles"

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter articles…", id="article-filter")
        yield ArticleRows(id="article-list")

    @property
    def articles(self) -> list[ArticleInfo]:
        """Every article known, unfiltered."""
        return self._articles

    @property
    def count(self) -> int:
        """How many articles there are: the index's count while the list is being read."""
        return self._listing if self._listing is not None else len(self._articles)

    @property
    def complete(self) -> bool:
        """Whether every article is listed (not still being read)."""
        return self._listing is None

    def listing(self, count: int) -> None:
        """The list is being read in the background: say so, and hold patches until it is shown."""
        self._listing = count
        self._count()

    def ids(self) -> frozenset[str]:
        """The ids of the articles listed (the filter aside), made once a change."""
        if self._ids is None:
            self._ids = frozenset(self._by_id)
        return self._ids

    def set_articles(self, articles: list[ArticleInfo] | PreparedList) -> None:
        """Show a new list of articles, keeping the current filter (`prepare_list`: made ready)."""
        prepared = articles if isinstance(articles, PreparedList) else prepare_list(articles)
        self._articles = prepared.articles
        self._hays = list(prepared.hays)
        self._last = None
        self._by_id = prepared.by_id
        self._ids = None
        self._titles = prepared.titles
        self._rows = dict(prepared.rows)
        self._listing = None
        needle = self.query_one("#article-filter", Input).value.strip()
        if needle:
            self._show(needle)
        else:
            self._asked += 1  # a filter still running answers for the list this one replaces
            self._shown_needle = ""
            self.query_one("#article-list", ArticleRows).set_rows(prepared.table)
            self._count()
        held, self._held = self._held, []
        for listed, unlisted in held:
            self.patch_articles(listed, unlisted)

    def patch_articles(self, listed: Mapping[str, ArticleInfo], unlisted: Iterable[str] = ()) -> None:
        """Show the articles of `listed` (new, or anew when changed) and take the `unlisted` ids off.

        What a change named, by id: the rest of the list is kept as it was, with the filter, the
        highlighted row and the scroll. Ids the list does not hold are passed over. While the list
        is being read the patch waits for it (the read may predate the change).
        """
        if self._listing is not None:
            self._held.append((dict(listed), tuple(unlisted)))
            return
        gone = {aid for aid in (*unlisted, *listed) if aid in self._by_id}
        if not gone and not listed:
            return
        self._ids = None
        self._last = None
        old = [self._by_id.pop(aid) for aid in sorted(gone)]
        for info in old:
            at = bisect_left(self._articles, order(info), key=order)
            del self._articles[at]
            del self._hays[at]
            self._titles[info.meta.title.casefold()] -= 1
            self._rows.pop((info.meta.id, False), None)
            self._rows.pop((info.meta.id, True), None)
        for info in listed.values():
            at = bisect_left(self._articles, order(info), key=order)
            self._articles.insert(at, info)
            self._hays.insert(at, haystack(info))
            self._by_id[info.meta.id] = info
            self._titles[info.meta.title.casefold()] += 1
        titles = {info.meta.title.casefold() for info in [*old, *listed.values()]}
        for title in titles:
            if self._titles[title] <= 0:
                del self._titles[title]
        needle = self.query_one("#article-filter", Input).value.strip()
        if needle or self._shown_needle:
            # A filtered list (or one about to be shown whole) is chosen again.
            self._show(needle, keep_place=True)
            return
        self._asked += 1  # a filter still running read the list before this change
        # The changed rows, and the rows of any title they share or shared: a second copy of a
        # story shows both ids, the last one left shows its title alone.
        redo = [info for title in titles for info in self._with_title(title)]
        positions = sorted((bisect_left(self._articles, order(i), key=order), i) for i in redo)
        rows = [(at, self._row(info, self._titles[info.meta.title.casefold()] > 1)) for at, info in positions]
        listing = self.query_one("#article-list", ArticleRows)
        listing.patch(gone | {info.meta.id for info in redo}, rows)
        self._count()

    def _with_title(self, title: str) -> list[ArticleInfo]:
        """The listed articles whose title is `title` (casefolded): side by side in the list."""
        found = []
        for info in self._articles[bisect_left(self._articles, (title, ""), key=order) :]:
            if info.meta.title.casefold() != title:
                break
            found.append(info)
        return found

    def focus_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.query_one("#article-filter", Input).focus()

    def _show(self, needle: str, *, keep_place: bool = False, now: bool = False) -> None:
        """Fill the list with the articles the filter keeps; `keep_place`: the highlighted row and
        the scroll stay where they were (a patch; a new filter starts at the top). A long list is
        filtered in a worker unless `now` (Enter must see the rows of what was typed)."""
        needle = needle.strip()
        self._asked += 1
        last = self._last
        within = None
        if needle and last is not None and last.needle and last.needle.casefold() in needle.casefold():
            within = last.positions  # a keystroke more: only the rows the last one kept can match
        run = partial(filter_rows, needle=needle, rows=self._rows, make_row=make_row, within=within)
        if now or len(self._articles) <= IN_PLACE_ROWS:
            filtered = run(self._articles, self._hays)
            assert filtered is not None
            self._apply(filtered, keep_place)
        else:
            # The worker reads copies: a change patched in meanwhile makes its result moot.
            self._filter(self._asked, partial(run, list(self._articles), list(self._hays)), keep_place)

    # A description: Textual's default is the arguments' repr, two 46k-item lists on the UI thread.
    @work(thread=True, exclusive=True, group="article-filter", description="filtering the articles")
    def _filter(self, asked: int, run: partial[Filtered | None], keep_place: bool) -> None:
        filtered = run(stop=lambda: asked != self._asked)
        if filtered is not None:
            self.post_message(self.FilterReady(asked, filtered, keep_place))

    @on(FilterReady)
    def _filtered(self, message: ArticlePanel.FilterReady) -> None:
        message.stop()
        if message.asked == self._asked:
            self._apply(message.filtered, message.keep_place)

    def _apply(self, filtered: Filtered, keep_place: bool) -> None:
        """Show a filter's rows."""
        listing = self.query_one("#article-list", ArticleRows)
        highlighted = listing.highlighted_option
        place = listing.scroll_y
        self._rows.update(filtered.made)
        listing.set_rows(filtered.table)
        self._shown_needle = filtered.needle
        self._last = filtered
        if keep_place:
            if highlighted is not None and highlighted.id is not None:
                with suppress(OptionDoesNotExist):  # the highlighted article was the one removed
                    listing.highlighted = listing.get_option_index(highlighted.id)
            listing.scroll_to(y=place, animate=False, immediate=True)
        elif listing.has_focus and listing.option_count:
            listing.highlighted = 0  # Down was pressed before the rows came
        self._count(len(filtered.positions) if filtered.needle else None)

    def _count(self, shown: int | None = None) -> None:
        """The panel's title: how many articles, and how many the filter shows (while the list is
        read, that it is: a filter typed meanwhile has nothing to count yet)."""
        if self._listing is not None:
            self.border_title = f"Articles ({self._listing:,}, listing…)"
            return
        if shown is None and self.query_one("#article-filter", Input).value.strip():
            shown = self.query_one("#article-list", ArticleRows).option_count
        self.border_title = (
            f"Articles {shown:,}/{len(self._articles):,}"
            if shown is not None
            else f"Articles ({len(self._articles):,})"
        )

    def _row(self, info: ArticleInfo, with_id: bool) -> DrawnRow:
        """The article's row, drawn once and kept until the article changes."""
        key = (info.meta.id, with_id)
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = make_row(info, with_id)
        return row

    @on(Input.Changed, "#article-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#article-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip() != self._shown_needle:
            self._show(event.value, now=True)  # typed faster than the worker filtered
        listing = self.query_one("#article-list", OptionList)
        if listing.option_count == 1:
            # The filter names one article: Enter picks it and the question box is next. (It only
            # moved into the list, and a question typed then was lost: a list takes no text.)
            self._choose(listing.get_option_at_index(0).id)
        else:
            self.action_to_list()

    def action_leave(self) -> None:
        """Back to the question without choosing: typed words went into the filter, and no key but
        choosing an article led back."""
        self.post_message(self.Left())

    def action_to_list(self) -> None:
        """Move into the list, its first row highlighted."""
        listing = self.query_one("#article-list", OptionList)
        if listing.option_count and not listing.has_focus:
            listing.highlighted = 0 if listing.highlighted is None else listing.highlighted
            listing.focus()

    def on_key(self, event: events.Key) -> None:
        """A character typed in the list goes on in the filter box (type-ahead): a list takes no
        text, and what was typed there was lost.

        The filter box takes the characters typed in it itself, so a printable key that reaches here
        was typed in the list: the first moves the focus to the box, and the rest of a fast burst (or a
        paste), already on its way to the list before the focus moved, follow it there, a space
        between words included; a space that would open an empty filter is left alone.
        """
        field = self.query_one("#article-filter", Input)
        if not (event.is_printable and event.character) or (event.character == " " and not field.value):
            return
        field.value += event.character
        field.cursor_position = len(field.value)
        # Focus here would select the box's text, and the next letter would replace it.
        field.select_on_focus = False
        field.focus()
        self.call_after_refresh(setattr, field, "select_on_focus", True)
        event.stop()
        event.prevent_default()

    @on(OptionList.OptionSelected, "#article-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)

    def _choose(self, article_id: str | None) -> None:
        if article_id is None:
            return
        info = self._by_id.get(article_id)
        title = info.meta.title if info is not None else article_id
        self.post_message(ArticleChosen(article_id, title))
