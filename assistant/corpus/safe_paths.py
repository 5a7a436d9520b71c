"""What may be read as an article: regular files inside a root folder, nothing else.

A corpus folder (or a folder given to `add`) is untrusted: it can hold links to
system files, FIFOs that block a reader forever, devices that never end. The
rules, decided once (README "Safety"):

- a path is followed through links only while it stays inside the root's real
  path; a link that leaves it is refused;
- only regular files are read (FIFOs, sockets and devices never), opened without
  blocking and checked again on the open handle, so a swap after the check is
  caught;
- reads are bounded by a size limit;
- a root that is the file system's root or the user's home folder is refused
  (a mistaken `--corpus /` must not index the whole machine).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class RefusedPath(Exception):
    """A path that must not be read as an article; the message says why."""


def real_root(root: Path) -> Path:
    """The real path of a root folder (links resolved)."""
    return Path(os.path.realpath(root))


def inside(root_real: Path, path: Path) -> bool:
    """True when `path`, links resolved, lies inside the (real) root folder."""
    target = Path(os.path.realpath(path))
    return target == root_real or target.is_relative_to(root_real)


def too_broad(folder: Path) -> str | None:
    """Why `folder` cannot be a corpus (the whole file system, the home folder), or None."""
    real = real_root(folder)
    if real == Path(real.anchor):
        return "it is the root of the file system"
    try:
        home = Path(os.path.realpath(Path.home()))
    except (RuntimeError, KeyError):
        return None
    if real == home:
        return "it is your home folder (give the folder that holds the articles)"
    return None


def read_regular(path: Path, limit: int, root_real: Path | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file (at most `limit`; more raises), with its stat.

    With `root_real`, a path whose links lead outside that folder is refused.
    Raises RefusedPath with a reason fit for the user, OSError for I/O failures.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if root_real is not None:
        target = Path(os.path.realpath(path))
        if not (target == root_real or target.is_relative_to(root_real)):
            raise RefusedPath("it is a link to a file outside the folder (links are followed only inside it)")
        # The resolved path is opened, refusing a link in its place: a file swapped for a link to
        # somewhere else after the check is not followed.
        path = target
        flags |= getattr(os, "O_NOFOLLOW", 0)
    return _read_open(os.open(path, flags), limit)


def _read_open(fd: int, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file open at `fd` (closed here), at most `limit`, with its stat."""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedPath(f"it is not a regular file ({_kind(info.st_mode)})")
        if info.st_size > limit:
            raise RefusedPath(_too_large(info.st_size, limit))
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise RefusedPath(_too_large(size, limit))
        return b"".join(chunks), info
    finally:
        os.close(fd)


_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
MAX_OPEN_FOLDERS = 32
"""Folder handles a FolderReader keeps open at once (a build's batch is mostly one folder)."""
_BY_FOLDER = hasattr(os, "O_DIRECTORY") and hasattr(os, "O_NOFOLLOW") and os.open in os.supports_dir_fd


class FolderReader:
    """Reads many files inside one root, each folder's real path resolved and opened once.

    `read_regular` resolves every path's links (`realpath`: a system call a path component) to
    check it stays inside the root. A build reads thousands of files from a few folders: here
    each folder is resolved and checked once and kept open, and its files are opened relative
    to that handle by name, never following a link (a folder swapped for a link later changes
    nothing: the handle is the folder that was checked). A file that is itself a link, or any
    name that is not a plain one, goes through `read_regular` as before.
    """

    def __init__(self, root_real: Path) -> None:
        self._root = root_real
        self._folders: dict[Path, int] = {}

    def read(self, path: Path, limit: int) -> tuple[bytes, os.stat_result]:
        """As `read_regular(path, limit, root_real)`: the same files read, the same refused."""
        name = path.name
        if not _BY_FOLDER or name in {"", ".", ".."}:
            return read_regular(path, limit, self._root)
        folder = self._folders.get(path.parent)
        if folder is None:
            real = Path(os.path.realpath(path.parent))
            if not (real == self._root or real.is_relative_to(self._root)):
                return read_regular(path, limit, self._root)  # refused there, with its reason
            if len(self._folders) >= MAX_OPEN_FOLDERS:
                self.close()  # a batch spread over many folders never holds many descriptors
            folder = os.open(real, _FOLDER_FLAGS)
            self._folders[path.parent] = folder
        flags = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        try:
            fd = os.open(name, flags, dir_fd=folder)
        except OSError as exc:
            if exc.errno in {errno.ELOOP, errno.EMLINK}:  # the file is a link: resolved and checked
                return read_regular(path, limit, self._root)
            raise
        return _read_open(fd, limit)

    def close(self) -> None:
        """Close every folder handle."""
        folders, self._folders = self._folders, {}
        for fd in folders.values():
            os.close(fd)

    def __enter__(self) -> FolderReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _too_large(size: int, limit: int) -> str:
    megabytes = 1024 * 1024
    return f"the file is too large ({size / megabytes:.0f} MB; the limit is {limit // megabytes} MB)"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"
