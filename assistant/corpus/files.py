"""Finding article files below the corpus folder and decoding their bytes.

Every file is untrusted input: what cannot be an article (unknown format,
too large, binary) raises UnreadableArticle with the reason, so one bad file
never stops the rest.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
MAX_FILE_BYTES = 20 * 1024 * 1024


class UnreadableArticle(Exception):
    """A file that is not an article we can read; the message says why."""


def walk(corpus_dir: Path) -> dict[str, tuple[int, int]]:
    """Every file below the corpus folder, hidden paths left out: id → (size, mtime_ns).

    One `scandir` pass, one stat a file: this runs on every command to keep the index current.
    """
    found: dict[str, tuple[int, int]] = {}
    folders = [("", str(corpus_dir))]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = os.scandir(folder)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((prefix + entry.name + "/", entry.path))
                    elif entry.is_file():
                        stat = entry.stat()
                        found[prefix + entry.name] = (stat.st_size, stat.st_mtime_ns)
                except OSError:
                    continue
    return found


def discover(corpus_dir: Path) -> Iterator[Path]:
    """Every file below the corpus folder, recursively, hidden paths left out, in a stable order."""
    for article in sorted(walk(corpus_dir)):
        yield corpus_dir / article


def article_id(corpus_dir: Path, path: Path) -> str:
    """The id of the article at `path`: its path below the corpus, with forward slashes."""
    return path.relative_to(corpus_dir).as_posix()


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else cp1252, else Latin-1; binary is refused."""
    if not data.strip():
        raise UnreadableArticle("the file is empty")
    if b"\x00" in data[:8192]:
        raise UnreadableArticle("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    sample = text[:8192]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise UnreadableArticle("the file looks binary, not text")
    return text


def read_file(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes and stat of an article file; raises UnreadableArticle for what cannot be an article."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise UnreadableArticle(f"unknown format {suffix!r} (articles are .txt or .md files)")
    try:
        stat = path.stat()
        if stat.st_size > MAX_FILE_BYTES:
            raise UnreadableArticle(f"the file is too large ({stat.st_size // (1024 * 1024)} MB)")
        return path.read_bytes(), stat
    except OSError as exc:
        raise UnreadableArticle(f"cannot read it: {exc.strerror or exc}") from exc
