"""Typing in the filter of a long article list (issue 12, daily use on a 46k-article archive).

Each keystroke filtered the whole list on the UI thread (every article's four fields casefolded,
the rows' table made): at 46k rows the screen stood still 0.2-0.7 s a key. A long list is now
filtered in a worker, the latest keystroke winning; what users see must not change: the rows are
the ones `assistant list --contains` would keep, in the list's order, a change patched in while
the filter works is shown, and Enter right after typing still picks the one article that fits.
The real app and engine on a real folder; the long list is shown through the chat's own call.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList
from tui_helpers import FERRY, listed, type_text, wait_for

from assistant.frontend import select_articles
from assistant.models import ArticleInfo, ArticleMeta
from assistant.tui.app import make_app
from assistant.tui.widgets import article_filter, article_panel
from assistant.tui.widgets.article_panel import IN_PLACE_ROWS, ArticlePanel

PORTS = ("Aberdeen", "Bristol", "Cardiff", "Dover", "Exeter", "Falmouth", "Grimsby", "Hull", "Ipswich")


def _info(i: int, title: str | None = None) -> ArticleInfo:
    port = PORTS[i % len(PORTS)]
    meta = ArticleMeta(
        id=f"wire/{i:05d}.txt",
        # Every 50th story filed twice under one title: those rows show their ids.
        title=title or f"{port} harbour report {i if i % 50 else 0:05d}",
        author="Dana Wells" if i % 3 else None,
        source="Reuters" if i % 2 else "AP",
    )
    return ArticleInfo(meta=meta, paragraphs=1, sentences=1, words=10, tokens=12)


def _rows(listing: OptionList) -> list[str | None]:
    return [listing.get_option_at_index(i).id for i in range(listing.option_count)]


def _expected(articles: list[ArticleInfo], needle: str) -> list[str]:
    return [info.meta.id for info in select_articles(articles, contains=needle, sort="title")]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    return folder


async def test_a_long_list_is_filtered_in_a_worker_with_the_rows_a_listing_keeps(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_ui_thread: list[bool] = []
    real = article_filter.filter_rows

    def watched(*args: object, **kwargs: object) -> object:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(article_panel, "filter_rows", watched)
    articles = [_info(i) for i in range(IN_PLACE_ROWS + 1_000)]
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        app.chat.show_articles(articles)
        panel = app.chat.query_one(ArticlePanel)
        listing = panel.query_one("#article-list", OptionList)
        box = panel.query_one("#article-filter", Input)
        await pilot.press("ctrl+f")

        async def typed(keys: str, needle: str) -> None:
            if keys == "\b" * len(keys):  # Backspace, each key as fast as the rest
                for _ in keys:
                    app.post_message(events.Key("backspace", None))
                await pilot.pause()
            else:
                await type_text(pilot, keys)
            assert box.value == needle
            await wait_for(pilot, lambda: _rows(listing) == _expected(articles, needle), timeout=30)

        await typed("gri", "gri")
        await typed("msby 0", "grimsby 0")  # a longer needle looks in the rows the last one kept
        await typed("\b" * 9, "")  # every row back, in the list's order
        assert panel.border_title == f"Articles ({len(articles):,})"
        await typed("REUTERS", "REUTERS")  # any case, in the source too
        assert panel.border_title == f"Articles {len(_expected(articles, 'reuters')):,}/{len(articles):,}"
        assert on_ui_thread and not any(on_ui_thread)

        # An article filed while the filter works is listed by it.
        box.value = "falmouth harbour report 0"
        added = _info(99_999, "Falmouth harbour report 00000")  # the title of a story filed twice
        app.chat.patch_articles({added.meta.id: added})
        articles.append(added)
        await wait_for(pilot, lambda: _rows(listing) == _expected(articles, "falmouth harbour report 0"))
        assert added.meta.id in _rows(listing)

        # Typed and Enter at once, faster than the worker: the one article that fits is chosen.
        box.value = ""
        await type_text(pilot, "exeter harbour report 00004", enter=True)
        await wait_for(pilot, lambda: app.chat.scope is not None)
        assert app.chat.scope == "wire/00004.txt"
        assert app.focused is not None and app.focused.id == "question"
