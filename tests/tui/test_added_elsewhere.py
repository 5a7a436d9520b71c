"""An article added from another terminal while the chat is open is answerable at once.

The chat's folder scan runs every few seconds (every 20x its own cost on a large corpus), so a
question asked right after `assistant add` in another terminal was answered from the old index:
"Not in the corpus" about the article just added. The real app, the real engine, the corpus watcher
off (as between two scans), and the real CLI in a separate process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import OptionList
from tui_helpers import ask, wait_for

from assistant.tui.app import make_app

FERRY = (
    "Island ferry gets a new timetable\nBy Sam Ortiz\n\n"
    "The island ferry will sail every hour from May, the operator said on Monday.\n"
)


def add_from_another_terminal(corpus: Path, source: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "add", str(source), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


async def test_an_article_added_by_another_process_is_answered_and_listed(
    corpus: Path, tmp_path: Path
) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        source = tmp_path / "ferry.txt"
        source.write_text(FERRY, encoding="utf-8")
        add_from_another_terminal(corpus, source)
        await ask(pilot, "How often will the ferry sail?")
        answer = app.chat.answers[-1]
        assert answer.answered, answer.message
        assert answer.quotes[0].article.title == "Island ferry gets a new timetable"
        panel = app.screen.query_one("#article-list", OptionList)
        await wait_for(
            pilot,
            lambda: any(
                "Island ferry" in str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)
            ),
        )
