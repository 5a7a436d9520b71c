"""A large read spills its rows and postings beside the index (build_spill): a kill never leaves damage.

The spill folder (`seg-build-*`) is no segment: no generation names it, so a process killed while
it fills it, or while the segment made from it is written, leaves the previous index answering;
the next writer removes the leftover. An interrupted read removes its own spill at once.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fault_helpers import STORY, cli, env_for, make_corpus

import assistant.index.build as build_module
from assistant.index import Index
from assistant.index.build_spill import RowsSpill
from assistant.index.store import load
from assistant.index.version import index_fingerprint
from assistant.locations import index_dir, passage_tokens

# A child that reads with a spill (batches of 4 files from 8 files on) and is killed with SIGKILL
# at a chosen point: after the Nth batch spilled ("read"), or after the Nth array file saved ("write").
_KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
import numpy as np
import assistant.index.build as build
from assistant.index.build_spill import RowsSpill
build.PARALLEL_FILES, build.BATCH_FILES = 8, 4
build.os.cpu_count = lambda: 1  # read in this process, where the kill is set
where, after, calls = sys.argv[2], int(sys.argv[3]), [0]
def counted(real):
    def call(*args, **kwargs):
        out = real(*args, **kwargs)
        calls[0] += 1
        if calls[0] == after:
            os.kill(os.getpid(), signal.SIGKILL)
        return out
    return call
if where == "read":
    RowsSpill.append = counted(RowsSpill.append)
else:
    np.save = counted(np.save)
from assistant.index import Index
Index.open(Path(sys.argv[1]))
"""


def _stories(corpus: Path, n: int) -> None:
    for i in range(n):
        story = STORY.replace("harbour", f"dock{i}").replace("14 million", f"{i + 20} million")
        (corpus / f"dock{i:02d}.txt").write_text(story, encoding="utf-8")


def _spills(corpus: Path) -> list[Path]:
    return sorted((corpus / ".assistant").glob("seg-build-*"))


@pytest.mark.parametrize(("where", "after"), [("read", 2), ("write", 3), ("write", 20)])
def test_a_process_killed_while_a_large_read_spills_loses_nothing(
    tmp_path: Path, where: str, after: int
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    assert cli(tmp_path, "index", "--corpus", str(corpus)).returncode == 0
    before = json.loads(cli(tmp_path, "list", "--json", "--corpus", str(corpus)).stdout)
    _stories(corpus, 12)  # 12 new files: read with a spill, in 3 batches
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_BUILD, str(corpus), where, str(after)],
        env=env_for(tmp_path), capture_output=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert len(_spills(corpus)) == 1  # left behind half-filled, or filled and being stored
    stored = load(corpus / ".assistant", index_fingerprint(passage_tokens()))  # the old index, intact
    assert stored.info["articles"] == len(before)
    result = cli(tmp_path, "ask", "How much will the dock7 wall cost?", "--corpus", str(corpus))
    assert result.returncode == 0 and b"27 million" in result.stdout, result.stderr
    assert b"Traceback" not in result.stderr and b"rebuilt" not in result.stderr
    assert _spills(corpus) == []  # the writer that indexed the new files removed the leftover
    listed = json.loads(cli(tmp_path, "list", "--json", "--corpus", str(corpus)).stdout)
    assert len(listed) == len(before) + 12


def test_an_interrupted_read_removes_its_spill(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    _stories(corpus, 12)
    monkeypatch.setattr(build_module, "PARALLEL_FILES", 8)
    monkeypatch.setattr(build_module, "BATCH_FILES", 4)
    monkeypatch.setattr(build_module.os, "cpu_count", lambda: 1)  # read here, where the stop is raised
    real, calls = RowsSpill.append, [0]

    def stopped_on_the_second(self: RowsSpill, blob: object) -> object:
        calls[0] += 1
        if calls[0] == 2:
            raise KeyboardInterrupt  # Ctrl-C while reading
        return real(self, blob)  # type: ignore[arg-type]

    monkeypatch.setattr(RowsSpill, "append", stopped_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        Index.open(corpus)
    assert list(index_dir(corpus).glob("seg-build-*")) == []
    monkeypatch.setattr(RowsSpill, "append", real)
    index, changes = Index.open(corpus)
    assert len(changes.added) == len(index.articles) and len(index.articles) > 12
    assert list(index_dir(corpus).glob("seg-build-*")) == []


def test_a_spill_that_cannot_be_written_reads_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk under the spill: the files are read again with their rows in memory, all indexed."""
    import errno

    corpus = make_corpus(tmp_path / "corpus")
    _stories(corpus, 12)
    monkeypatch.setattr(build_module, "PARALLEL_FILES", 8)
    monkeypatch.setattr(build_module, "BATCH_FILES", 4)
    monkeypatch.setattr(build_module.os, "cpu_count", lambda: 1)
    real, calls = RowsSpill.append, [0]

    def full_disk_on_the_second(self: RowsSpill, blob: object) -> object:
        calls[0] += 1
        if calls[0] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, blob)  # type: ignore[arg-type]

    monkeypatch.setattr(RowsSpill, "append", full_disk_on_the_second)
    index, changes = Index.open(corpus)
    assert len(changes.added) == len(index.articles) and len(index.articles) > 12
    assert {f"dock{i:02d}.txt" for i in range(12)} <= set(index.articles.ids)
    assert calls[0] >= 2  # the spill was tried, and failed
    assert list(index_dir(corpus).glob("seg-build-*")) == []
