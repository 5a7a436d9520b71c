"""A folder the user cannot read is named, not silently left out (a user trial lost a whole folder).

The commands run as real processes. Root reads every folder whatever its permissions, so as root
the process is started without the capabilities that let it (`setpriv`), as an ordinary user is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

FERRY = "Ferry service resumes\nBy Ana Ruiz\nThe island ferry returned to service on Monday after a month.\n"
LIBRARY = "Library reopens\nBy Lee Chan\nThe town library reopened its doors after the flood repairs.\n"
SOLAR = "Village solar farm\nBy Mia Berg\nThe villagers built forty solar panels on the old football pitch.\n"
ODD_NAME = "loc\x1b[31mked\x07"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "assistant", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: every folder is readable")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *command]
    env = {**os.environ, "HOME": str(tmp_path), "ASSISTANT_HISTORY": "0"}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[list[Path]]:
    """Folders made unreadable by the test, given back their permissions afterwards."""
    folders: list[Path] = []
    yield folders
    for folder in folders:
        folder.chmod(0o755)


def _lock(folder: Path, locked: list[Path]) -> None:
    folder.chmod(0o000)
    locked.append(folder)


def test_index_names_a_folder_it_cannot_read(tmp_path: Path, locked: list[Path]) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "town").mkdir(parents=True)
    (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (corpus / "town" / "library.txt").write_text(LIBRARY, encoding="utf-8")
    hidden = corpus / "town" / ODD_NAME
    hidden.mkdir()
    (hidden / "solar.txt").write_text(SOLAR, encoding="utf-8")
    _lock(hidden, locked)

    result = _run(tmp_path, "index", "--corpus", str(corpus))

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 articles")
    warning = [line for line in result.stderr.splitlines() if "cannot read the folder" in line]
    assert warning == [
        "assistant: warning: cannot read the folder town/locked/: its files are left out of the index"
    ]
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_readable_corpus_gets_no_such_warning(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "town").mkdir(parents=True)
    (corpus / "town" / "library.txt").write_text(LIBRARY, encoding="utf-8")
    result = _run(tmp_path, "index", "--corpus", str(corpus))
    assert result.returncode == 0, result.stderr
    assert "cannot read" not in result.stderr


def test_add_names_a_folder_inside_it_cannot_read_and_adds_the_rest(
    tmp_path: Path, locked: list[Path]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    incoming = tmp_path / "incoming"
    (incoming / "locked").mkdir(parents=True)
    (incoming / "library.txt").write_text(LIBRARY, encoding="utf-8")
    (incoming / "locked" / "solar.txt").write_text(SOLAR, encoding="utf-8")
    _lock(incoming / "locked", locked)

    result = _run(tmp_path, "add", str(incoming), "--corpus", str(corpus))

    assert result.returncode == 6, result.stderr  # README: some sources could not be added
    assert "stored library" in result.stdout
    assert (
        f"assistant: failed: {incoming / 'locked'}: cannot read this folder; none of its files was added"
        in result.stderr.splitlines()
    )
    listed = _run(tmp_path, "list", "--json", "--corpus", str(corpus))
    assert "solar" not in listed.stdout and "library" in listed.stdout
