"""A long-running process (the chat, `ask --batch`) holds each segment's ids once it has looked
copies up a few times (issue 12): at 1M passages every question whose quotes have copies read and
searched ~460k id lines again. The copies it cites stay right after an `add` and a `remove` in the
same process, and after another process's `add`. A real corpus folder, the real index of several
segments; which files a question opens is seen through Python's own audit events."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from assistant.engine import Engine

STORY = (
    "Harbour Dredging Starts\nStaff\n"
    '"The channel will be deeper by spring," said harbour master Ines Lund.\n\n'
    '"The harbour channel dredging will cost the port four million," harbour master Ines Lund added.\n'
)
QUESTION = "How much will the harbour channel dredging cost the port?"
OPENED: list[str] | None = None
"""Files opened while a test listens (None: not listening)."""


def _listen(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and OPENED is not None and isinstance(args[0], (str, Path)):
        OPENED.append(str(args[0]))


def _opened_during(engine: Engine, question: str) -> tuple[list[str], Any]:
    """The files `engine.ask(question)` opened, and its answer."""
    global OPENED
    if _listen not in _HOOKED:
        sys.addaudithook(_listen)  # hooks cannot be removed: it records only while OPENED is a list
        _HOOKED.append(_listen)
    OPENED = []
    try:
        answer = engine.ask(question, top=1)
        return list(OPENED), answer
    finally:
        OPENED = None


_HOOKED: list[Any] = []


def _archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "wire"
    (corpus / "north").mkdir(parents=True)
    for k in range(5):
        (corpus / f"copy-{k}.txt").write_text(STORY, encoding="utf-8")
    (corpus / "north" / "copy-n.txt").write_text(STORY, encoding="utf-8")
    (corpus / "market.txt").write_text(
        'Market Stalls Return\nBy Tor Aas\n"Twelve stalls are back," said trader Mona Berg.\n',
        encoding="utf-8",
    )
    settled = time.time() - 10  # folders as a day's use leaves them, not changed within the walk's tick
    for folder in (corpus / "north", corpus):
        os.utime(folder, (settled, settled))
    Engine.open(corpus).add([str(_source(tmp_path, "ferry.txt", "Ferry Route Reopens"))])
    return corpus


def _source(tmp_path: Path, name: str, title: str, body: str | None = None) -> Path:
    source = tmp_path / name
    text = body or f'{title}\nBy Ada Reporter\n"The ferry runs again from Monday," said Mayor Lund.\n'
    source.write_text(text, encoding="utf-8")
    return source


def _cited(answer: Any) -> set[str]:
    quote = answer.quotes[0]
    return {quote.article.id, *quote.also_in}


def test_a_chat_stops_reading_the_id_files_and_cites_every_copy_after_changes(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    chat = Engine.open(corpus, trust_folders=True)
    assert len(chat.index.stored.segments) == 2
    copies = {f"copy-{k}.txt" for k in range(5)} | {"north/copy-n.txt"}
    reads = []
    for _ in range(6):
        opened, answer = _opened_during(chat, QUESTION)
        assert _cited(answer) == copies
        reads.append(sum(1 for path in opened if path.endswith("file-ids.txt")))
    assert all(reads[:3]) and not any(reads[4:]), reads  # searched at first, then held

    filed_again = STORY + "\nThe work starts on Monday.\n"  # the same statement in another story
    added = chat.add([str(_source(tmp_path, "dredging.txt", "", filed_again))]).stored[0].article_id
    chat.remove("copy-3.txt")
    opened, answer = _opened_during(chat, QUESTION)
    assert _cited(answer) == copies - {"copy-3.txt"} | {added}
    # Only the new segment's ids were read; the first segments' were held.
    assert sum(1 for path in opened if path.endswith("file-ids.txt")) <= 1

    other = Engine.open(corpus, trust_folders=True)  # another process adds one more copy
    filed_later = STORY + "\nThe work starts on Tuesday.\n"
    later = other.add([str(_source(tmp_path, "dredging-2.txt", "", filed_later))]).stored[0].article_id
    _, answer = _opened_during(chat, QUESTION)
    assert _cited(answer) == copies - {"copy-3.txt"} | {added, later}
