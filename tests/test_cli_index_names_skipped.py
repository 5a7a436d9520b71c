"""A daily user's trial of `assistant index`: on a run where nothing changed it said "skipped 2"
and nothing more, so the files it leaves out could only be found by deleting the index. The real
CLI in a subprocess, on a real corpus folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def index(corpus: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "index", "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_index_run_names_the_files_it_leaves_out(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry returns\n\nThe ferry returned on Monday.\n", encoding="utf-8")
    (corpus / "scan.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "LICENSE").write_text("Do what you like.\n", encoding="utf-8")
    skipped = [
        "assistant: warning: skipped LICENSE: notes about the folder (README, LICENSE…), not an article",
        "assistant: warning: skipped scan.txt: the file is binary, not text",
    ]
    first = index(corpus)
    assert first.returncode == 0, first.stderr
    assert sorted(first.stderr.splitlines()) == skipped
    again = index(corpus)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[1] == "added 0, changed 0, removed 0, skipped 2"
    assert sorted(again.stderr.splitlines()) == skipped
