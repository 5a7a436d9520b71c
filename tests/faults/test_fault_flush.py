"""An added article's segment is flushed on several threads at once, and still nothing is lost.

The save flushes the new segment's files and the generation's in one batch of concurrent fsyncs
(checked_files.fsync_all), then moves the pointer. A process killed mid-batch must leave the
previous generation answering, and nothing may be named by the pointer before it is on disk.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fault_helpers import STORY, cli, env_for, make_corpus

from assistant.engine import Engine
from assistant.index import checked_files
from assistant.index.store import load
from assistant.index.version import index_fingerprint
from assistant.locations import passage_tokens


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = make_corpus(tmp_path / "corpus")
    assert cli(tmp_path, "index", "--corpus", str(folder)).returncode == 0
    return folder


def _generation(corpus: Path) -> str:
    return (corpus / ".assistant" / "CURRENT").read_text().strip()


def _river_story(folder: Path) -> Path:
    """An article the corpus lacks, written outside it, as a user would `add` it."""
    story = folder / "river.txt"
    story.write_text(STORY.replace("harbour", "river").replace("14 million", "9 million"), "utf-8")
    return story


def _asked_in_a_new_process(tmp_path: Path, corpus: Path) -> subprocess.CompletedProcess[bytes]:
    """What a user checks after a fault: a new `assistant ask` answers from the added article."""
    result = cli(tmp_path, "ask", "How much will the river wall cost?", "--corpus", str(corpus))
    assert result.returncode == 0 and b"9 million" in result.stdout, result.stderr
    return result


# `add` of one file, killed with SIGKILL (from whichever flushing thread) at the Nth fsync of the
# index's save (the article file's own flushes before it are not counted).
_DIE_WHILE_FLUSHING = """
import os, signal, sys, threading
from pathlib import Path
from assistant.engine import Engine
from assistant.index import store
engine = Engine.open(Path(sys.argv[1]))
real, calls, lock, saving = os.fsync, [0], threading.Lock(), []
def fsync_then_die(fd):
    with lock:
        calls[0] += bool(saving)
        last = calls[0] == int(sys.argv[3])
    if last:
        os.kill(os.getpid(), signal.SIGKILL)
    real(fd)
def flag_then_flush(*folders):
    saving.append(True)
    real_flush_all(*folders)
os.fsync = fsync_then_die
real_flush_all, store.fsync_all = store.fsync_all, flag_then_flush
engine.add([sys.argv[2]])
"""


@pytest.mark.parametrize("at", [1, 12, 30])
def test_a_process_killed_while_flushing_an_added_article_loses_nothing(
    tmp_path: Path, corpus: Path, at: int
) -> None:
    story = _river_story(tmp_path)
    before = _generation(corpus)
    child = subprocess.run(
        [sys.executable, "-c", _DIE_WHILE_FLUSHING, str(corpus), str(story), str(at)],
        env=env_for(tmp_path), capture_output=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert _generation(corpus) == before  # killed before the pointer moved
    load(corpus / ".assistant", index_fingerprint(passage_tokens()))  # the previous generation is intact
    # The article file was written before the index: the next question finds and indexes it.
    result = _asked_in_a_new_process(tmp_path, corpus)
    assert b"rebuilt" not in result.stderr and b"Traceback" not in result.stderr


def test_every_file_and_folder_an_add_writes_is_flushed_before_the_pointer_names_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = corpus / ".assistant"
    engine = Engine.open(corpus)
    flushed: set[str] = set()
    at_rename: list[set[str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def recording_fsync(fd: int) -> None:
        flushed.add(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def recording_replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst).name == "CURRENT":
            at_rename.append(set(flushed))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    monkeypatch.setattr(os, "replace", recording_replace)
    story = _river_story(tmp_path)
    assert engine.add([str(story)]).stored
    (seen,) = at_rename
    generation = index_dir / _generation(corpus)
    body = checked_files.read_manifest(generation)
    new_segment = index_dir / body["segments"][-1]
    for folder in (generation, new_segment):
        written = [p for p in folder.iterdir() if p.name[0] != "."]  # not the memo of checked files
        assert len(written) > 3
        missing = [p.name for p in [*written, folder] if str(p.resolve()) not in seen]
        assert not missing, f"{folder.name}: {missing} not flushed before the pointer moved"
    assert str(index_dir.resolve()) in flushed  # the rename itself, before the old generation goes
    assert any("9 million" in q.text for q in engine.ask("How much will the river wall cost?").quotes)


def test_a_failed_flush_leaves_the_stored_index_as_it_was_and_the_article_answerable(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = corpus / ".assistant"
    before = _generation(corpus)
    engine = Engine.open(corpus)
    real_fsync, calls = os.fsync, [0]

    def failing_fsync(fd: int) -> None:  # the fifth flush inside the index folder fails
        if str(index_dir) in os.readlink(f"/proc/self/fd/{fd}"):
            calls[0] += 1
            if calls[0] == 5:
                raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    story = _river_story(tmp_path)
    assert engine.add([str(story)]).stored
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert calls[0] >= 5
    # This process answers from memory; the stored index is the previous one, nothing half written.
    assert any("9 million" in q.text for q in engine.ask("How much will the river wall cost?").quotes)
    assert _generation(corpus) == before
    load(index_dir, index_fingerprint(passage_tokens()))
    segments = sorted(p.name for p in index_dir.iterdir() if p.name.startswith("seg-"))
    assert segments == sorted(checked_files.read_manifest(index_dir / before)["segments"])
    # The next process finds the article file and indexes it.
    _asked_in_a_new_process(tmp_path, corpus)


@pytest.mark.parametrize(
    ("where", "code"),
    [("index", errno.EIO), ("index", errno.EINVAL), ("new folders", errno.EINVAL)],
)
def test_a_folder_that_cannot_be_flushed_still_saves_the_added_article(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int
) -> None:
    """The index folder's flush after the pointer's rename is best effort (the pointer has moved: a
    failure must not make the save delete the generation it names), and a file system that cannot
    flush a folder at all (EINVAL: some network and FUSE ones) still saves."""
    index_dir = corpus / ".assistant"
    before = _generation(corpus)
    engine = Engine.open(corpus)
    real_fsync = os.fsync

    def folder_fsync_fails(fd: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        target = path == index_dir.resolve() if where == "index" else path.parent == index_dir.resolve()
        if path.is_dir() and target:
            raise OSError(code, os.strerror(code))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", folder_fsync_fails)
    story = _river_story(tmp_path)
    assert engine.add([str(story)]).stored
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert _generation(corpus) != before  # saved
    load(index_dir, index_fingerprint(passage_tokens()))
    result = _asked_in_a_new_process(tmp_path, corpus)
    assert b"rebuilt" not in result.stderr


def test_a_new_folder_that_fails_to_flush_otherwise_is_not_named(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An I/O error flushing a new segment's folder is an error: the pointer is not moved."""
    index_dir = corpus / ".assistant"
    before = _generation(corpus)
    engine = Engine.open(corpus)
    real_fsync = os.fsync

    def segment_folder_fails(fd: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        if path.is_dir() and path.name.startswith("seg-"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", segment_folder_fails)
    story = _river_story(tmp_path)
    assert engine.add([str(story)]).stored
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert _generation(corpus) == before
    segments = sorted(p.name for p in index_dir.iterdir() if p.name.startswith("seg-"))
    assert segments == sorted(checked_files.read_manifest(index_dir / before)["segments"])
