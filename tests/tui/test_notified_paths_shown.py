"""The open chat updates its index and its article list by the paths the notifier names, not by a walk.

On a 46k-file archive a file dropped in took ~90 s to be announced: two walks of every file, every
article's row parsed, the whole list redrawn. Now the named paths alone are read and only their
rows change. The real app, the real engine and index, real files written beside it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_added_elsewhere import add_from_another_terminal
from textual.widgets import OptionList
from tui_helpers import FERRY, ask, notes, wait_for

from assistant.tui.app import AssistantApp, make_app
from assistant.tui.corpus_watch import CorpusTouched
from assistant.tui.widgets.article_panel import ArticlePanel

SIZE = (100, 32)


def _rows(app: AssistantApp) -> list[str]:
    panel = app.screen.query_one("#article-list", OptionList)
    return [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]


async def _watching(pilot: object, app: AssistantApp) -> None:
    """Until the notifier watches and its first check (a walk: the gap since the engine's) is done."""
    await wait_for(pilot, lambda: app.engine is not None and app.corpus_watch is not None)  # type: ignore[arg-type]
    await wait_for(pilot, lambda: app.corpus_checks >= 1 and not app._busy() and not app._touched)  # type: ignore[arg-type]


def _no_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any walk of the folder, or every article's row read, fails the test from here on."""

    def walked(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the folder was walked")

    monkeypatch.setattr("assistant.index.updates.walk", walked)
    monkeypatch.setattr("assistant.engine.Engine.articles", walked)


async def test_a_file_written_changed_and_removed_is_announced_listed_and_answered_without_a_walk(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        checks = app.corpus_checks
        _no_walk(monkeypatch)
        (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
        await wait_for(pilot, lambda: any("Added: Island ferry" in n for n in notes(app)))
        await wait_for(pilot, lambda: any("Island ferry" in row for row in _rows(app)))
        await ask(pilot, "How often will the ferry sail?")
        assert app.chat.answers[-1].quotes[0].article.id == "ferry.txt"

        # Edited in place: the new text answers, the list shows the new title in the old one's place.
        (corpus / "ferry.txt").write_text(
            FERRY.replace("Island ferry gets", "Island ferry keeps").replace("every hour", "every two hours"),
            encoding="utf-8",
        )
        await wait_for(pilot, lambda: any("Updated: Island ferry keeps" in n for n in notes(app)))
        await wait_for(pilot, lambda: any("Island ferry keeps" in row for row in _rows(app)))
        assert not any("Island ferry gets" in row for row in _rows(app))
        await ask(pilot, "How often will the ferry sail?")
        assert "every two hours" in app.chat.answers[-1].quotes[0].text

        # Removed: off the list, never quoted again.
        (corpus / "ferry.txt").unlink()
        await wait_for(pilot, lambda: any("Removed: ferry.txt" in n for n in notes(app)))
        await wait_for(pilot, lambda: not any("Island ferry" in row for row in _rows(app)))
        await ask(pilot, "How often will the ferry sail?")
        assert all(q.article.id != "ferry.txt" for q in app.chat.answers[-1].quotes)
        assert app.corpus_checks == checks and app.paths_refreshed >= 3
        assert len(app.screen.query_one(ArticlePanel).articles) == 3


async def test_a_link_to_a_file_outside_the_corpus_is_not_read(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret memo\n\nThe vault code is 4417, the manager said.\n", encoding="utf-8")
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        _no_walk(monkeypatch)
        updates = app.paths_refreshed
        (corpus / "memo.txt").symlink_to(outside)
        (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")  # after the link: both named by now
        await wait_for(pilot, lambda: any("Added: Island ferry" in n for n in notes(app)))
        await wait_for(pilot, lambda: app.paths_refreshed > updates and not app._busy() and not app._touched)
        assert not any("memo" in n or "Secret" in n for n in notes(app))
        assert not any("Secret memo" in row for row in _rows(app))
        await ask(pilot, "What is the vault code?")
        assert all(q.article.id != "memo.txt" for q in app.chat.answers[-1].quotes)


async def test_a_folder_moved_in_and_a_batch_too_large_to_trust_are_walked(
    corpus: Path, tmp_path: Path
) -> None:
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        checks = app.corpus_checks
        # A folder moved in whole: the notifier names the folder, never the files in it.
        wire = tmp_path / "wire"
        wire.mkdir()
        (wire / "ferry.txt").write_text(FERRY, encoding="utf-8")
        wire.rename(corpus / "wire")
        await wait_for(pilot, lambda: any("Added: Island ferry" in n for n in notes(app)))
        await wait_for(pilot, lambda: any("Island ferry" in row for row in _rows(app)))
        assert app.corpus_checks == checks + 1
        await ask(pilot, "How often will the ferry sail?")
        assert app.chat.answers[-1].quotes[0].article.id == "wire/ferry.txt"
        # A batch the kernel may have cut short (MANY_CHANGES): the walk finds what it did not name.
        await wait_for(pilot, lambda: not app._busy() and not app._touched)
        (corpus / "pier.txt").write_text(FERRY.replace("Island ferry", "Pier ferry"), encoding="utf-8")
        app.post_message(CorpusTouched(("harbour.txt",), overflowed=True))
        await wait_for(pilot, lambda: any("Added: Pier ferry" in n for n in notes(app)))
        assert app.corpus_checks >= checks + 2


async def test_a_second_copy_of_a_story_shows_both_ids_and_the_highlighted_row_stays(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        listing = app.screen.query_one("#article-list", OptionList)
        listing.highlighted = next(
            i for i in range(listing.option_count) if listing.get_option_at_index(i).id == "lighthouse.txt"
        )
        harbour = (corpus / "harbour.txt").read_text(encoding="utf-8")
        (corpus / "harbour-copy.txt").write_text(
            harbour.replace("4.2 million", "4.3 million"), encoding="utf-8"
        )
        await wait_for(pilot, lambda: listing.option_count == 4)
        copies = [r for r in _rows(app) if r.startswith("Harbour council approves")]
        # Two rows read alike: each shows its file name under the title, the old one drawn anew too.
        assert sorted(row.splitlines()[-1] for row in copies) == ["harbour-copy.txt", "harbour.txt"]
        assert listing.highlighted_option is not None and listing.highlighted_option.id == "lighthouse.txt"
        (corpus / "harbour-copy.txt").unlink()
        await wait_for(pilot, lambda: listing.option_count == 3)
        assert next(r for r in _rows(app) if r.startswith("Harbour council approves")).count("\n") == 0
        assert listing.highlighted_option is not None and listing.highlighted_option.id == "lighthouse.txt"
        assert app.screen.query_one(ArticlePanel).border_title == "Articles (3)"


async def test_an_add_from_another_terminal_is_answered_and_listed_without_every_row_read(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The question after another terminal's `add` used to wait behind every article's row parsed.
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        _no_walk(monkeypatch)
        source = tmp_path / "ferry.txt"
        source.write_text(FERRY, encoding="utf-8")
        add_from_another_terminal(corpus, source)
        await ask(pilot, "How often will the ferry sail?")
        answer = app.chat.answers[-1]
        assert answer.answered and answer.quotes[0].article.title == "Island ferry gets a new timetable"
        await wait_for(pilot, lambda: any("Island ferry" in row for row in _rows(app)))
        assert len(app.screen.query_one(ArticlePanel).articles) == 4


async def test_an_add_into_a_new_folder_from_another_terminal_is_listed_after_a_question_took_it_up(
    corpus: Path, tmp_path: Path
) -> None:
    # The question takes up the other process's index (it lists nothing while the notifier watches);
    # the notice that follows names a new folder, so the walk settles it and must list what it holds.
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        app._next_touched = time.monotonic() + 3600  # held, as after a long walk (checks spaced out)
        source = tmp_path / "ferry.txt"
        source.write_text(FERRY, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "add", str(source), "--corpus", str(corpus), "--into=wire"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        await wait_for(pilot, lambda: app._touched)
        await ask(pilot, "How often will the ferry sail?")
        assert app.chat.answers[-1].quotes[0].article.id.startswith("wire/")
        app._next_touched = 0.0
        await wait_for(pilot, lambda: not app._touched and not app._busy())
        await wait_for(pilot, lambda: any("Island ferry" in row for row in _rows(app)))
        assert len(app.screen.query_one(ArticlePanel).articles) == 4
