"""`/add --into FOLDER FILE` in the chat stores the article in a folder of the corpus, as `assistant
add --into` does (the chat's /add put everything in the corpus root), and a folder name that leaves
the corpus is refused in the transcript with nothing written. The real app through its pilot, on a
real corpus folder.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_helpers import listed, submit, wait_for

from assistant.tui.app import make_app
from assistant.tui.widgets.transcript import CorpusNote

STORY = (
    "Harbour council freezes ferry fares\n\nBy Dana Whitfield\n\n"
    "The harbour council voted on Wednesday to freeze ferry fares for another year.\n"
)


async def test_add_into_a_folder_from_the_chat(corpus: Path, tmp_path: Path) -> None:
    story = tmp_path / "fares.txt"
    story.write_text(STORY, encoding="utf-8")
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, lambda: listed(app))
        app.chat.query_one("#question", Input).focus()
        await submit(pilot, f"/add --into ../outside {story}")
        await wait_for(pilot, lambda: app.chat.query(CorpusNote))
        refused = str(app.chat.query(CorpusNote).last().render())
        assert refused.startswith("Could not add") and "--into" in refused, refused
        assert not (corpus.parent / "outside").exists()
        await submit(pilot, f"/add --into harbour/2026 {story}")
        await wait_for(pilot, lambda: len(app.chat.query(CorpusNote)) == 2)
        added = str(app.chat.query(CorpusNote).last().render())
        assert added.startswith("Added “Harbour council freezes ferry fares” (harbour/2026/"), added
        assert len(list((corpus / "harbour" / "2026").iterdir())) == 1
