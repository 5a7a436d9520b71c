"""A corpus folder on disk made of short stories written for a test (never Reuters text)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.engine import Engine

FILLERS = (
    "Orchard Harvest Falls\nApple growers picked 8 pct fewer tonnes this autumn after a late frost.\n",
    "Ferry Line Adds Sailings\nThe island ferry will add two evening sailings from May.\n",
    "Museum Reopens\nThe city museum reopened on Sunday after a two-year renovation.\n",
)
"""Three stories about nothing a test asks: a corpus of more than the stories under test."""


def filler_stories() -> dict[str, str]:
    """FILLERS by file name (filler0.txt ...), to write beside a test's own stories."""
    return {f"filler{number}.txt": text for number, text in enumerate(FILLERS)}


def write_stories(folder: Path, stories: Mapping[str, str]) -> Path:
    """Make `folder` and write each story under its file name; the folder, for Engine.open."""
    folder.mkdir(parents=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ask_cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`assistant ask --corpus FOLDER ARGS...` run as a user runs it: a new process, text out."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--corpus", str(folder), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def first_quote(engine: Engine, question: str) -> str:
    """The text of the first quote `engine` answers `question` with (the question must be answered)."""
    answer = engine.ask(question)
    assert answer.answered, answer.message
    return answer.quotes[0].text
