"""Finding article files below the corpus folder and decoding their bytes.

Every file is untrusted input: what cannot be an article (unknown format,
too large, binary) raises UnreadableArticle with the reason, so one bad file
never stops the rest.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from pathlib import Path

from assistant.corpus.file_kinds import WIRE_SUFFIXES, format_message
from assistant.corpus.safe_paths import FolderReader, RefusedPath, inside, read_regular, real_root
from assistant.corpus.wire_collection import collection_message, story_count

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
MAX_FILE_BYTES = 20 * 1024 * 1024


FOLDER_NOTES = re.compile(
    r"(?:read[\s_-]?me|licen[cs]e|copying|copyright|change[\s_-]?log|authors|contributors|contributing|"
    r"credits|notice|install|todo|manifest|citation|code[\s_-]of[\s_-]conduct|security)",
    re.IGNORECASE,
)
"""Names of the notes a downloaded folder carries about itself (README.TXT, LICENSE, …): taking
them as articles puts licence text into answers."""


SCRATCH_FILES = re.compile(
    r"(?:.*~|#.*#|~\$.*|.*\.(?:sw[a-p]|bak|orig|rej|part|crdownload|partial)|thumbs\.db|desktop\.ini)",
    re.IGNORECASE,
)
"""Files an editor, a download or the system leaves beside articles: backups (`story.txt~`,
`story.txt.bak`), autosaves (`#story.txt#`, `.swp`), half-downloaded files, folder thumbnails.
Left out like hidden files: a backup read as an article doubles its story, and a warning for
each in a folder of thousands hides the warnings that matter."""


def scratch_file(name: str) -> bool:
    """Whether a file name is an editor's, a download's or the system's leftover, not an article."""
    return SCRATCH_FILES.fullmatch(name) is not None


EMPTY = "the file is empty"
"""Why an empty (or all white space) file is no article; `add` notes it in a folder, never fails on it."""


class UnreadableArticle(Exception):
    """A file that is not an article we can read; the message says why."""


def folder_notes(name: str) -> bool:
    """Whether a file name is a folder's notes (README, LICENSE, …) in any case, with any extension."""
    return FOLDER_NOTES.fullmatch(name.split(".", 1)[0]) is not None


def walk(corpus_dir: Path, folders: dict[str, int] | None = None) -> dict[str, tuple[int, int]]:
    """Every regular file below the corpus folder, hidden paths left out: id → (size, mtime_ns).

    One `scandir` pass, one stat a file: this runs when a command must be sure the index is
    current. Given `folders`, it also records each folder walked (prefix → mtime_ns, taken
    before its entries are read, so a later change always shows as a newer time).
    Editor backups and the system's leftovers (`scratch_file`) are left out as hidden files are.
    Links to folders are not entered; a link to a file counts only when it stays inside the
    corpus; FIFOs, sockets and devices never count (see safe_paths).
    """
    found: dict[str, tuple[int, int]] = {}
    root_real = real_root(corpus_dir)
    pending = [("", str(corpus_dir))]
    while pending:
        prefix, folder = pending.pop()
        try:
            if folders is not None:
                folders[prefix] = os.stat(folder).st_mtime_ns
            entries = os.scandir(folder)
        except OSError:
            if folders is not None:
                folders[prefix] = -1  # unreadable now: never trusted as unchanged
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((prefix + entry.name + "/", entry.path))
                    elif scratch_file(entry.name):
                        continue
                    elif entry.is_file(follow_symlinks=False) or (
                        entry.is_symlink() and entry.is_file() and inside(root_real, Path(entry.path))
                    ):
                        stat = entry.stat()
                        found[prefix + entry.name] = (stat.st_size, stat.st_mtime_ns)
                except (OSError, ValueError):
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
    """Text from bytes: UTF-8 (with or without BOM; stray Windows-1252 bytes in it read as such),
    UTF-16 (BOM or a clear NUL pattern), else cp1252, else Latin-1; binary is refused."""
    utf16 = _utf16_codec(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise UnreadableArticle("the file looks like UTF-16 but does not decode as it") from exc
        if not text.strip():
            raise UnreadableArticle(EMPTY)
        return _check_text(text.removeprefix("\ufeff"))
    if not data.strip():
        raise UnreadableArticle(EMPTY)
    if b"\x00" in data[:8192]:
        raise UnreadableArticle("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if _mostly_utf8(data[:_UTF8_SAMPLE]):
            # UTF-8 with a few Windows-1252 bytes pasted in ("\x93no comment\x94" from a word
            # processor): read as cp1252 whole, every UTF-8 letter and quote became "â€œ" and "Ã©".
            text = data.decode("utf-8-sig", errors=_BYTE_AS_CP1252)
        else:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    return _check_text(text)


def read_as_cp1252(data: bytes) -> bool:
    """True when `decode` reads some of the bytes as Windows-1252: the accents may be wrong, and
    `add` says so. UTF-16 (a Windows "Unicode" export) and UTF-8 are read exactly; no warning."""
    if _utf16_codec(data) is not None:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return True
    return False


# A UTF-8 sequence of two to four bytes: in cp1252 text such pairs ("Ã©") are mojibake, not prose.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_UTF8_SAMPLE = 1 << 20


def _mostly_utf8(data: bytes) -> bool:
    """True when UTF-8 letters outnumber a quarter of the stray bytes: UTF-8 text with a few
    pasted in, not cp1252 text where an accent before a quote ("Ü“") happens to read as UTF-8."""
    sequences = _UTF8_SEQUENCE.findall(data)
    stray = len(_HIGH_BYTE.findall(data)) - sum(map(len, sequences))
    return bool(sequences) and 4 * len(sequences) >= stray


_BYTE_AS_CP1252 = "assistant-byte-as-cp1252"


def _byte_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A byte UTF-8 cannot read, read as Windows-1252 (Latin-1 for the five it leaves undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    piece = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in piece), error.end


codecs.register_error(_BYTE_AS_CP1252, _byte_as_cp1252)


def _check_text(text: str) -> str:
    sample = text[:8192]
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise UnreadableArticle("the file looks binary, not text")
    return text


def _utf16_codec(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for UTF-16 text (by BOM, or by NULs in every other byte), else None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and len(data) % 2 == 0:
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    # Latin-script UTF-16: one byte of each pair is NUL almost always, the other almost never.
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def read_file(
    path: Path, root: Path | None = None, *, root_resolved: bool = False, folders: FolderReader | None = None
) -> tuple[bytes, os.stat_result]:
    """The bytes and stat of an article file; raises UnreadableArticle for what cannot be an article.

    With `root` (the corpus folder), a link leading outside it is refused. Only regular files
    are read, never FIFOs, sockets or devices, and never more than MAX_FILE_BYTES.
    `root_resolved`: `root` is already its real path (a batch of files resolves it once);
    `folders`: a batch's reader over that root, which resolves each folder once (not each file).
    """
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES and suffix not in WIRE_SUFFIXES:
        said = format_message(suffix)
        raise UnreadableArticle(said or f"unknown format {suffix!r} (articles are .txt or .md files)")
    if folder_notes(path.name):
        raise UnreadableArticle("notes about the folder (README, LICENSE…), not an article")
    try:
        if folders is not None:
            found = folders.read(path, MAX_FILE_BYTES)
        else:
            if root is not None and not root_resolved:
                root = real_root(root)
            found = read_regular(path, MAX_FILE_BYTES, root)
        if suffix in WIRE_SUFFIXES:
            # Read only to say what it is: a wire file of stories is added, never read in place.
            count = story_count(found[0].decode("latin-1"))
            raise UnreadableArticle(collection_message(count) if count else f"unknown format {suffix!r}")
        return found
    except RefusedPath as exc:
        raise UnreadableArticle(str(exc)) from exc
    except OSError as exc:
        raise UnreadableArticle(f"cannot read it: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a name the file system cannot take (embedded NUL, say)
        raise UnreadableArticle(f"cannot read it: {exc}") from exc
