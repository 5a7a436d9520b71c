"""The side panel: one row per article (title, author, date), filtered as you type."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from assistant.frontend import select_articles
from assistant.models import ArticleInfo
from assistant.tui.messages import ArticleChosen
from assistant.tui.render import article_row


def _option(info: ArticleInfo, with_id: bool) -> Option:
    return Option(article_row(info.meta, with_id=with_id), id=info.meta.id)


class ArticlePanel(Vertical):
    """A filter box over a list of articles; choosing one scopes the questions to it."""

    # Down from the filter box goes into the list, as in any search box over a list.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "to_list", "Articles", show=False)]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._articles: list[ArticleInfo] = []
        self.border_title = "Articles"

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter articles…", id="article-filter")
        yield OptionList(id="article-list")

    @property
    def articles(self) -> list[ArticleInfo]:
        """Every article known, unfiltered."""
        return self._articles

    def set_articles(self, articles: list[ArticleInfo]) -> None:
        """Show a new list of articles, keeping the current filter."""
        self._articles = sorted(articles, key=lambda a: (a.meta.title.casefold(), a.meta.id))
        self._show(self.query_one("#article-filter", Input).value)

    def focus_filter(self) -> None:
        """Put the cursor in the filter box."""
        self.query_one("#article-filter", Input).focus()

    def _show(self, needle: str) -> None:
        needle = needle.strip()
        shown = select_articles(self._articles, contains=needle, sort="title") if needle else self._articles
        listing = self.query_one("#article-list", OptionList)
        listing.clear_options()
        titles = Counter(info.meta.title.casefold() for info in shown)
        listing.add_options([_option(info, titles[info.meta.title.casefold()] > 1) for info in shown])
        self.border_title = (
            f"Articles {len(shown):,}/{len(self._articles):,}"
            if needle
            else (f"Articles ({len(self._articles):,})")
        )

    @on(Input.Changed, "#article-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#article-filter")
    def _filter_submitted(self) -> None:
        listing = self.query_one("#article-list", OptionList)
        if listing.option_count == 1:
            # The filter names one article: Enter picks it and the question box is next. (It only
            # moved into the list, and a question typed then was lost: a list takes no text.)
            self._choose(listing.get_option_at_index(0).id)
        else:
            self.action_to_list()

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
        title = next((a.meta.title for a in self._articles if a.meta.id == article_id), article_id)
        self.post_message(ArticleChosen(article_id, title))
