"""Folders of index files that check out: a manifest with its own checksum, every file's size and CRC-32.

A segment folder and a generation folder are both written this way: files first, each
flushed, the manifest last. Anything that does not check out is `StaleIndex`, and the
caller rebuilds rather than trusts it. Files checked before and not written since
(verified_files) are not read again.
"""

from __future__ import annotations

import errno
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.index.verified_files import identity, remember_checked, unchanged_since_check

_CHECK_CHUNK = 1 << 22


class StaleIndex(Exception):
    """The stored index is missing, from another version, or damaged: rebuild it."""


def read_manifest(gen: Path) -> dict[str, Any]:
    try:
        document = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
        if isinstance(document, dict) and "body" not in document and "format" in document:
            # An index written before manifests carried a checksum: old, not damaged.
            raise StaleIndex("the index was built by an older version of assistant")
        body = document["body"]
        if zlib.crc32(canonical(body)) != document["crc32"]:
            raise StaleIndex("the index manifest is damaged")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StaleIndex("the index manifest is missing or damaged") from exc
    if not isinstance(body, dict):
        raise StaleIndex("the index manifest is damaged")
    return body


def canonical(body: Any) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=True).encode("ascii")


def verify_files(
    gen: Path, files: dict[str, Any], structure: Callable[[frozenset[str]], None] | None = None
) -> None:
    """Every file the manifest lists has its size and checksum (any kind of file, any number).

    Files checked before and not written since (verified_files) are not read again. `structure`,
    given the names of those files, checks what a checksum cannot (a crafted file comes with a
    manifest to match) before any file is remembered as checked: it may leave out the checks of a
    file remembered, whose bytes passed them before, and raises StaleIndex on damage.
    """
    checked = unchanged_since_check(gen)
    identities: dict[str, list[int]] = {}
    for name, expected in files.items():
        if "/" in name or name.startswith("."):
            raise StaleIndex("the index manifest is damaged")
        if name in checked:
            continue
        path = gen / name
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            identities[name] = identity(stat)
            size = stat.st_size
            if size != expected["bytes"]:
                raise StaleIndex(f"index file {name} has the wrong size")
            crc = 0
            while chunk := handle.read(_CHECK_CHUNK):
                crc = zlib.crc32(chunk, crc)
        if crc != expected["crc32"]:
            raise StaleIndex(f"index file {name} is damaged (checksum)")
    if structure is not None:
        structure(frozenset(checked))
    if identities:
        remember_checked(gen, {**checked, **identities})


def write_manifest(folder: Path, body: dict[str, Any]) -> None:
    document = {"body": body, "crc32": zlib.crc32(canonical(body))}
    (folder / "manifest.json").write_text(json.dumps(document), encoding="utf-8")


def checksum(path: Path) -> dict[str, int]:
    crc = 0
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHECK_CHUNK):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return {"bytes": size, "crc32": crc}


FLUSHERS = 8
"""Threads flushing at once: enough for ext4's and XFS's journals to share one commit among them."""


def fsync_all(*folders: Path) -> None:
    """Flush every file of the folders, then the folders themselves, before anything names them.

    The flushes run on a few threads at once. Each `fsync` of a small new file waits for a commit
    of the file system's journal, and concurrent ones share a commit (ext4, XFS), so a small
    segment's ~30 files cost about one wait rather than ~30: 0.12-0.18 s -> ~0.02-0.03 s measured
    (docs/scale.md, "Adding in a blink"). Nothing returns before every file and folder is flushed,
    so the commit protocol (files, manifest, then the pointer renamed) is unchanged; a folder's own
    flush makes its new entries durable too. Raises the first OSError met, once all have run.
    """
    paths = [child for folder in folders for child in folder.iterdir()]
    if os.name != "nt":  # a folder cannot be opened to be flushed on Windows
        paths.extend(folders)
    errors: list[OSError] = []

    def flush_some() -> None:
        while True:
            try:
                path = paths.pop()  # atomic: each path is flushed by one thread
            except IndexError:
                return
            try:
                flush(path)
            except OSError as exc:
                errors.append(exc)

    if len(paths) <= 1:
        flush_some()
    else:
        import threading

        threads = [threading.Thread(target=flush_some, daemon=True) for _ in range(min(FLUSHERS, len(paths)))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]


_CANNOT_FLUSH_FOLDER = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF, errno.EISDIR})
"""What a file system that cannot flush a folder says (some network and FUSE ones): nothing to do."""


def flush(path: Path) -> None:
    """One file's or folder's data and entry on disk (raises OSError).

    A folder whose file system cannot flush folders is passed over: its files are flushed, which is
    all such a file system offers."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _CANNOT_FLUSH_FOLDER or not os.path.isdir(path):
            raise
    finally:
        os.close(fd)
