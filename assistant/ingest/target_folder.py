"""Where `add --into FOLDER` stores articles: a folder inside the corpus, made when missing.

Adding a wire file of 900 stories put them all in the corpus root; a folder per batch keeps an
archive tidy, and `ask --in FOLDER/` then searches just that batch. The name comes from the user:
one that would reach outside the corpus, into a hidden folder or through a link is refused.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from assistant.errors import AddError

_MAX_PARTS = 8
_MAX_CHARS = 200


def folder_parts(into: str) -> tuple[str, ...]:
    """The folder names of `into` ("wire/1987" -> ("wire", "1987")); ValueError says why a name
    cannot be a folder of the corpus."""
    text = into.strip()
    if not text.strip("/"):
        raise ValueError("name a folder inside the corpus, such as wire/ or reuters/1987")
    if "\x00" in text or "\\" in text or len(text) > _MAX_CHARS:
        raise ValueError(f"{text[:60]!r} is not a folder name")
    if PurePosixPath(text).is_absolute():
        raise ValueError(f"{text!r} is a path from the root: name a folder inside the corpus, such as wire/")
    parts = tuple(p for p in text.split("/") if p)
    if any(p in (".", "..") or p.startswith(".") for p in parts):
        raise ValueError(f"{text!r} leaves the corpus or names a hidden folder, which is never read")
    if len(parts) > _MAX_PARTS:
        raise ValueError(f"{text!r} is more than {_MAX_PARTS} folders deep")
    return parts


def target_folder(corpus_dir: Path, into: str | None) -> Path:
    """The folder articles are written to: the corpus folder, or `into` inside it (made by the
    first article stored, so an add that stores nothing leaves no empty folder). AddError when it
    cannot be: a bad name, a file or a link in the way."""
    if into is None:
        return corpus_dir
    try:
        parts = folder_parts(into)
    except ValueError as exc:
        raise AddError(f"--into: {exc}") from exc
    folder = corpus_dir
    for part in parts:
        folder = folder / part
        if folder.is_symlink():
            # The corpus reader never enters a link to a folder: what went in would never be read.
            raise AddError(f"--into: {'/'.join(parts)} goes through a link; name a real folder")
        if folder.exists() and not folder.is_dir():
            raise AddError(f"--into: {'/'.join(parts)} is a file, not a folder")
    return folder


def made(folder: Path) -> Path:
    """`folder` (and any folder above it) created when missing; AddError when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AddError(f"cannot make the folder {folder}: {exc.strerror or exc}") from exc
    return folder
