"""The open chat learns of files written into or removed from its corpus folder from watchfiles' notifier.

The chat used to stat every file of the corpus every few seconds (spaced to ~5% of the time, so a
minute or more on a 450k-file archive); now the kernel tells it. The real app, the real engine and
index, real files written beside it; the notifier's own fallback to polling forced by taking
watchfiles away or making it fail as inotify does when no watches are left.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_helpers import FERRY, ask, notes, wait_for

from assistant.tui import corpus_watch
from assistant.tui.app import AssistantApp, make_app
from assistant.tui.corpus_watch import counted, network_file_system

SIZE = (100, 32)


def _listed(app: AssistantApp, word: str) -> bool:
    panel = app.screen.query_one("#article-list", OptionList)
    return any(word in str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count))


async def _watching(pilot: object, app: AssistantApp) -> None:
    """Until the notifier watches and its first check (the gap since the engine's walk) is done."""
    await wait_for(pilot, lambda: app.engine is not None and app.corpus_watch is not None)  # type: ignore[arg-type]
    await wait_for(pilot, lambda: app.corpus_checks >= 1 and not app._busy() and not app._touched)  # type: ignore[arg-type]


async def test_a_file_written_into_the_corpus_is_announced_and_answered(corpus: Path) -> None:
    # watch_seconds is the fallback's period: an hour, so only the notifier can find the file.
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
        await wait_for(pilot, lambda: any("Added: Island ferry" in n for n in notes(app)))
        await wait_for(pilot, lambda: _listed(app, "Island ferry"))
        await ask(pilot, "How often will the ferry sail?")
        answer = app.chat.answers[-1]
        assert answer.answered, answer.message
        assert answer.quotes[0].article.id == "ferry.txt"
        assert not any("Not watching" in n for n in notes(app))


async def test_a_removed_file_is_announced_and_no_longer_quoted(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        (corpus / "harbour.txt").unlink()
        await wait_for(pilot, lambda: any("Removed: harbour.txt" in n for n in notes(app)))
        await ask(pilot, "What did the mayor say about the wall?")
        assert all(q.article.id != "harbour.txt" for q in app.chat.answers[-1].quotes)


async def test_writes_to_the_index_folder_hidden_and_scratch_files_wake_nothing(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        watch = app.corpus_watch
        assert watch is not None
        checks, updates = app.corpus_checks, app.paths_refreshed
        (corpus / ".assistant" / "scratch.tmp").write_text("index bytes", encoding="utf-8")
        (corpus / ".hidden.txt").write_text(FERRY, encoding="utf-8")
        (corpus / "ferry.txt~").write_text(FERRY, encoding="utf-8")
        # The notifier has seen and dropped all three (each at least once) before anything else.
        await wait_for(pilot, lambda: watch.ignored >= 3)
        await pilot.pause()  # a check they had wrongly asked for is queued by now
        assert (app.corpus_checks, app.paths_refreshed) == (checks, updates) and not app._touched
        (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
        await wait_for(pilot, lambda: any("Added: Island ferry" in n for n in notes(app)))
        # The new file alone was looked at: no walk of the folder.
        assert (app.corpus_checks, app.paths_refreshed) == (checks, updates + 1)
        assert not any("hidden" in n or "~" in n for n in notes(app))


async def test_the_notifier_thread_ends_with_the_app(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=3600, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _watching(pilot, app)
        watch = app.corpus_watch
        assert watch is not None and watch.alive
    assert not watch.alive
    assert not [t for t in threading.enumerate() if t.name == "corpus-watch"]


@pytest.mark.parametrize("failure", ["missing", "no watches left", "network share"])
async def test_without_the_notifier_the_chat_polls_and_says_so_once(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    if failure == "missing":
        monkeypatch.setitem(sys.modules, "watchfiles._rust_notify", None)  # import fails as if not installed
    elif failure == "network share":
        monkeypatch.setattr(corpus_watch, "network_file_system", lambda _folder: "nfs4")
    else:
        import watchfiles._rust_notify

        def no_watches(*_args: object) -> None:
            raise OSError("OS file watch limit reached. about ['/corpus']\x1b[31m")

        monkeypatch.setattr(watchfiles._rust_notify, "RustNotify", no_watches)
    app = make_app(corpus, watch_seconds=0.2, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("Not watching" in n for n in notes(app)))
        notices = [n for n in notes(app) if "Not watching" in n]  # read now: a notice times out
        assert len(notices) == 1 and "every 0.2 s" in notices[0]
        assert "\x1b" not in notices[0]
        reason = {"missing": "not installed", "no watches left": "watch limit", "network share": "nfs4"}
        assert reason[failure] in notices[0]
        (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
        await wait_for(pilot, lambda: any("Added: Island ferry" in n for n in notes(app)))
        await ask(pilot, "How often will the ferry sail?")
        assert app.chat.answers[-1].quotes[0].article.id == "ferry.txt"
        assert app.corpus_watch is None and sum("Not watching" in n for n in notes(app)) <= 1


def test_only_paths_the_walk_reads_count(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    index = corpus / ".assistant"
    assert counted(corpus, index, str(corpus / "wire" / "a.txt")) == "wire/a.txt"
    assert counted(corpus, index, str(corpus / "wire")) == "wire"
    assert counted(corpus, index, str(corpus)) == ""
    assert counted(corpus, index, str(index / "seg-1" / "postings.npy")) is None
    assert counted(corpus, index, str(corpus / "wire" / ".a.txt.swp")) is None
    assert counted(corpus, index, str(corpus / "#a.txt#")) is None
    assert counted(corpus, index, str(corpus / "a.txt.part")) is None
    assert counted(corpus, index, str(tmp_path / "elsewhere.txt")) is None
    # An index kept outside the corpus (ASSISTANT_INDEX_DIR) is never under it; its writes wake nothing.
    assert counted(corpus, tmp_path / "index", str(tmp_path / "index" / "CURRENT")) is None
    # An index folder inside the corpus under a plain name is dropped as the index, not as hidden.
    assert counted(corpus, corpus / "idx", str(corpus / "idx" / "CURRENT")) is None


def test_a_corpus_on_a_network_share_is_known_by_the_mount_table(tmp_path: Path) -> None:
    table = tmp_path / "mountinfo"
    table.write_text(
        "22 27 0:21 / / rw,relatime - ext4 /dev/sda1 rw\n"
        "40 22 0:50 / /mnt/news\\040desk rw,relatime - nfs4 filer:/news rw,vers=4.2\n"
        "41 40 0:51 / /mnt/news\\040desk/local rw,relatime - ext4 /dev/sdb1 rw\n",
        encoding="utf-8",
    )
    assert network_file_system(Path("/mnt/news desk/wire"), table) == "nfs4"
    assert network_file_system(Path("/mnt/news desk"), table) == "nfs4"
    assert network_file_system(Path("/mnt/news desk/local/wire"), table) is None
    assert network_file_system(Path("/mnt/newsroom"), table) is None
    assert network_file_system(Path("/mnt/news desk"), tmp_path / "absent") is None
