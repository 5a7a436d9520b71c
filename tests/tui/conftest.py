"""Fixtures for the TUI tests: a real corpus folder in tmp_path and the real engine.

Every path the app might write (exports, the index, caches) is moved into tmp_path.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.tui.app import AssistantApp, make_app

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "corpus" / "000_7834a3842ba03b39.txt"

HARBOUR = """Harbour council approves flood wall after two-year dispute
By Priya Raman

The harbour council voted on Tuesday to build a concrete flood wall along the old quay, ending a dispute \
that has split the town for two years.

"We cannot keep sandbagging the high street every winter," said Mayor Helen Okafor, who cast the deciding \
vote. "The wall is expensive, but doing nothing costs more."

Fishermen had opposed the plan, arguing that the wall would block access to the slipway. Tom Bramley, chair \
of the fishermen's association, said the council had ignored their concerns.

The wall will cost 4.2 million pounds and construction is expected to begin in the autumn.
"""

# Rich markup and terminal escape sequences: must show as literal text and be stripped respectively.
HOSTILE = (
    "Lighthouse keeper [bold]retires[/] after forty years\n"
    "By Ann [@click=app.quit]Evil[/] Writer\n\n"
    "The island lighthouse keeper retired on Friday after forty years of service.\n\n"
    '"The lamp [bold]never[/] failed, not once," said keeper Morag [/]Dunn.\x1b[31m '
    "She added that the fog horn was louder than the storms.\x1b]0;pwned\x07\n\n"
    "Visitors can tour the [@click=app.quit]tower[/] every Sunday.\n"
)


@pytest.fixture(autouse=True)
def _private_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every file the app writes inside tmp_path."""
    monkeypatch.setenv("ASSISTANT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ASSISTANT_INDEX_DIR", raising=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder on disk: the seed article, a harbour story and a hostile article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "lighthouse.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture
def app(corpus: Path) -> AssistantApp:
    """The real app on the real engine, the corpus watcher off (tests that need it turn it on)."""
    return make_app(corpus, watch_seconds=0, cursor_blink=False)


@pytest.fixture(autouse=True)
def _unfrozen() -> Iterator[None]:
    """The chat freezes what it has read once its list is shown (`gc.freeze`, kept out of the
    collector's full passes): in a test process each app's objects would then outlive it."""
    yield
    gc.unfreeze()
