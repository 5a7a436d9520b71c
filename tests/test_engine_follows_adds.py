"""An engine kept open (a script, the chat) answers about an article another process added.

A real corpus folder on disk, the real index, `assistant add` run as a separate process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assistant.engine import Engine

STORIES = {
    "grain.txt": "Grain prices fall\n\nWheat prices fell on Tuesday as rain eased fears for the harvest.\n",
    "airline.txt": "Airline adds routes\n\nThe airline said it would add six routes to Asia next spring.\n",
}
PIER = (
    "Old pier to reopen after restoration\n\n"
    "The Victorian pier will reopen to visitors on 14 July after a restoration, the council said.\n\n"
    "Work on the pier took 22 months.\n"
)


def test_a_question_after_another_process_adds_an_article_is_answered_from_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in STORIES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    engine = Engine.open(corpus)
    assert engine.ask("When did wheat prices fall?").answered
    source = tmp_path / "pier.txt"
    source.write_text(PIER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "add", str(source), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answer = engine.ask("How long did the pier restoration take?")
    assert answer.answered, answer.message
    assert answer.quotes[0].article.title == "Old pier to reopen after restoration"
    assert "22 months" in answer.quotes[0].text
