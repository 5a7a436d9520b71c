"""The sources named to `add`, as things to read: files, folders walked, URLs, stdin.

A folder is untrusted like a corpus folder: links that lead outside it are reported and never
read, hidden files and a folder's own notes (README, LICENSE) are left out. A source that is
itself a link is refused: a shell glob over a downloaded folder names its links too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant import corpus
from assistant.corpus import inside, real_root
from assistant.ingest.report import Failed
from assistant.ingest.select import not_an_article


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to read: a file, a URL or stdin."""

    label: str
    kind: str  # "file", "url" or "stdin"
    path: Path | None = None
    in_folder: bool = False
    """Found by walking a folder named to `add`, not named itself."""


def expand_sources(sources: Sequence[str]) -> tuple[list[Item], list[Failed], list[tuple[str, str]]]:
    """Sources as items to read, folders walked recursively (hidden files and non-articles left out).

    Returns the items, the sources that failed already (no such file, a link leaving a folder),
    and the files of a folder skipped as not articles, with the reason.
    """
    items: list[Item] = []
    failed: list[Failed] = []
    skipped: list[tuple[str, str]] = []
    for source in sources:
        if source == "-":
            items.append(Item("stdin", "stdin"))
        elif "://" in source:
            items.append(Item(source, "url"))
        else:
            path = Path(source).expanduser()
            if path.is_symlink():
                # `add downloads/*` names every entry of a folder someone else filled: a link
                # there to /etc would have stored the system's files as articles.
                kind, target = _kind(path), os.path.realpath(path)
                failed.append(
                    Failed(source, f"it is a link to the {kind} {target}; name that {kind} to add it")
                )
            elif path.is_dir():
                files, refused = _walk(path)
                failed.extend(refused)
                if not files and not refused:
                    failed.append(Failed(source, "the folder holds no files"))
                for found in files:
                    why = not_an_article(found)
                    if why is None:
                        items.append(Item(str(found), "file", found, in_folder=True))
                    else:
                        skipped.append((str(found), why))
            elif path.exists():
                items.append(Item(source, "file", path))
            else:
                hint = " (a web page needs the full address, https://…)" if source.startswith("www.") else ""
                failed.append(Failed(source, f"no such file or folder{hint}"))
    return items, failed, skipped


def _walk(folder: Path) -> tuple[list[Path], list[Failed]]:
    """Regular files below `folder` (hidden ones left out); links leaving it are refused, not followed.

    Links to folders are not entered (no loops); FIFOs, sockets and devices are left out; a folder
    that cannot be listed is refused by name (its files would otherwise vanish without a word).
    """
    root_real = real_root(folder)
    listed: dict[str, int] = {}  # each folder walked; -1: it could not be listed
    files = [folder / aid for aid in sorted(corpus.walk(folder, listed))]
    refused = [
        Failed(str(folder / prefix), "cannot read this folder; none of its files was added")
        for prefix, stamp in sorted(listed.items())
        if stamp == -1
    ]
    refused += [
        Failed(str(path), f"it is a link to a {_kind(path)} outside the folder; not followed")
        for path in _outside_links(folder, root_real)
    ]
    return files, refused


def _kind(link: Path) -> str:
    """What a link leads to, in words: "a link to a file" about /etc sends the user looking for one."""
    try:
        return "folder" if link.is_dir() else "file"
    except OSError:
        return "file"


def _outside_links(folder: Path, root_real: Path) -> Iterator[Path]:
    """Links below `folder` (hidden paths left out) that lead outside it: reported, never read."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_symlink() and not inside(root_real, Path(entry.path)):
                    yield Path(entry.path)
            except (OSError, ValueError):
                continue
