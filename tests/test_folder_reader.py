"""A build reads each folder's files through one checked handle, and still reads nothing outside.

`FolderReader` resolves a folder's real path once and opens its files by name relative to it
(a build no longer runs `realpath` on every file). It must read and refuse exactly what
`read_regular` does, and a folder swapped for a link after it was checked must not lead out.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.corpus import FolderReader, RefusedPath, read_regular, real_root
from assistant.corpus.safe_paths import MAX_OPEN_FOLDERS
from assistant.index.analysis import read_batch

LIMIT = 1 << 20


def _outcome(read: Callable[[Path], tuple[bytes, os.stat_result]], path: Path) -> tuple[str, str]:
    try:
        data, _ = read(path)
    except RefusedPath as exc:
        return "refused", str(exc)
    except OSError as exc:
        return "error", exc.strerror or str(exc)
    return "read", data.decode()


def _tree(tmp_path: Path) -> tuple[Path, list[Path]]:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret\n")
    corpus = tmp_path / "corpus"
    (corpus / "world" / "deep").mkdir(parents=True)
    (corpus / "a.txt").write_text("alpha\n")
    (corpus / "world" / "b.txt").write_text("beta\n")
    (corpus / "world" / "deep" / "c.txt").write_text("gamma\n")
    (corpus / "world" / "inner-link.txt").symlink_to(corpus / "a.txt")
    (corpus / "world" / "outer-link.txt").symlink_to(outside / "secret.txt")
    (corpus / "away").symlink_to(outside, target_is_directory=True)
    (corpus / "home").symlink_to(corpus / "world", target_is_directory=True)
    (corpus / "world" / "folder.txt").mkdir()
    os.mkfifo(corpus / "world" / "pipe.txt")
    paths = [
        corpus / "a.txt",
        corpus / "world" / "b.txt",
        corpus / "world" / "deep" / "c.txt",
        corpus / "world" / "inner-link.txt",
        corpus / "world" / "outer-link.txt",
        corpus / "away" / "secret.txt",
        corpus / "home" / "b.txt",
        corpus / "world" / "folder.txt",
        corpus / "world" / "pipe.txt",
        corpus / "world" / "missing.txt",
        corpus / "gone" / "missing.txt",
        corpus / "world" / "deep" / ".." / "b.txt",
    ]
    return corpus, paths


def test_the_same_files_are_read_and_refused_as_one_by_one(tmp_path: Path) -> None:
    corpus, paths = _tree(tmp_path)
    root = real_root(corpus)
    with FolderReader(root) as folders:
        for path in paths * 2:  # the second pass through folders already open
            expected = _outcome(lambda p: read_regular(p, LIMIT, root), path)
            assert _outcome(lambda p: folders.read(p, LIMIT), path) == expected, path
    outcomes = {p.name: _outcome(lambda p: read_regular(p, LIMIT, root), p)[0] for p in paths}
    assert outcomes["secret.txt"] == outcomes["outer-link.txt"] == "refused"
    assert outcomes["inner-link.txt"] == outcomes["b.txt"] == "read"


def test_a_folder_swapped_for_a_link_outside_is_not_followed(tmp_path: Path) -> None:
    corpus, _ = _tree(tmp_path)
    with FolderReader(real_root(corpus)) as folders:
        assert folders.read(corpus / "world" / "b.txt", LIMIT)[0] == b"beta\n"
        (corpus / "world").rename(corpus / "old-world")
        (corpus / "world").symlink_to(tmp_path / "outside", target_is_directory=True)
        with pytest.raises((RefusedPath, OSError)):
            folders.read(corpus / "world" / "secret.txt", LIMIT)


def test_a_batch_skips_what_leads_outside_and_reads_the_rest(tmp_path: Path) -> None:
    corpus, _ = _tree(tmp_path)
    (corpus / "world" / "b.txt").write_text("Beta Story\n\nThe harbour council approved a ferry terminal.\n")
    ids = ["world/b.txt", "world/outer-link.txt", "away/secret.txt", "world/pipe.txt", "home/b.txt"]
    batch = read_batch(str(corpus), [(i, None) for i in ids], 120)
    assert sorted(batch.table.ids) == ["home/b.txt", "world/b.txt"]
    why = {s["id"]: s["why"] for s in batch.skipped}
    assert set(why) == {"world/outer-link.txt", "away/secret.txt", "world/pipe.txt"}
    assert "outside the folder" in why["away/secret.txt"] and "named pipe" in why["world/pipe.txt"]


def test_a_batch_over_many_folders_keeps_few_open(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for n in range(100):
        (corpus / f"f{n:03d}").mkdir(parents=True)
        (corpus / f"f{n:03d}" / "a.txt").write_text(f"story {n}\n")
    before = len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else None
    with FolderReader(real_root(corpus)) as folders:
        for n in range(100):
            assert folders.read(corpus / f"f{n:03d}" / "a.txt", LIMIT)[0] == f"story {n}\n".encode()
            if before is not None:
                assert len(os.listdir("/proc/self/fd")) <= before + MAX_OPEN_FOLDERS
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before
