"""`assistant add downloads/*` over a folder someone else filled: the shell names its links too.

A link there to a system folder was walked and its files stored as articles (/etc/passwd among
them). A source that is itself a link is refused by name, saying what it leads to, and the rest
of the sources are added. Real CLI in a subprocess, a real corpus folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _add(corpus: Path, *sources: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "add", *map(str, sources), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_links_named_to_add_are_refused_and_the_other_sources_added(tmp_path: Path) -> None:
    system = tmp_path / "system"
    system.mkdir()
    (system / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    download = tmp_path / "download"
    download.mkdir()
    (download / "ferry.txt").write_text(
        "Ferry reopens\n\nThe ferry route reopened on Friday after the storm.\n", encoding="utf-8"
    )
    (download / "hostdir").symlink_to(system)
    (download / "account").symlink_to(system / "passwd")
    corpus = tmp_path / "corpus"
    corpus.mkdir()

    done = _add(corpus, *sorted(download.iterdir()))

    assert done.returncode == 6
    errors = done.stderr.splitlines()
    real, failed = system.resolve(), f"assistant: failed: {download}"
    assert f"{failed}/hostdir: it is a link to the folder {real}; name that folder to add it" in errors
    assert f"{failed}/account: it is a link to the file {real}/passwd; name that file to add it" in errors
    assert [p.name for p in corpus.iterdir() if not p.name.startswith(".")] == ["ferry-reopens.md"]
    assert "root:x:0" not in "".join(p.read_text(encoding="utf-8") for p in corpus.glob("*.md"))
