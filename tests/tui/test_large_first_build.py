"""Pilot test: the chat opens a corpus large enough for the index to be built in worker processes.

Textual replaces stderr while the app runs (its fileno() is -1), and multiprocessing's helper process
cannot start with that: the first build of a large corpus from the chat used to end in a traceback.
"""

from __future__ import annotations

from pathlib import Path

from tui_helpers import ask, wait_for

from assistant.index.file_batches import PARALLEL_FILES
from assistant.tui.app import make_app


async def test_a_first_build_of_a_large_corpus_answers_in_the_chat(tmp_path: Path) -> None:
    corpus = tmp_path / "archive"
    corpus.mkdir()
    for n in range(PARALLEL_FILES + 20):
        (corpus / f"story-{n:04d}.txt").write_text(
            f"Harbour note {n}\nThe ferry number {n} left the quay at dawn with {n + 3} passengers.\n",
            encoding="utf-8",
        )
    (corpus / "keeper.txt").write_text(
        "Keeper retires\nThe lighthouse keeper retired on Friday after forty years at the lamp.\n",
        encoding="utf-8",
    )
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(120, 34)) as pilot:
        await wait_for(pilot, lambda: app.engine is not None, timeout=120)
        await ask(pilot, "Who retired after forty years at the lamp?")
        answer = app.chat.answers[-1]
        assert answer.answered and "forty years at the lamp" in answer.quotes[0].text
