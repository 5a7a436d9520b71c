"""The article file `assistant add` writes: YAML front matter, then paragraphs.

Article text is untrusted, so the front matter is written by `yaml.safe_dump`
from single-line values, and a file appears under its name complete or not at
all: it is written to a hidden temporary file in the corpus folder and then
linked to a name that does not exist yet, so an existing article is never
overwritten, even by a second `add` running at the same time.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import itertools
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.corpus import FRONT_MATTER
from assistant.corpus.front_matter_yaml import load_front_matter
from assistant.safe_text import clean

MAX_SLUG_CHARS = 50
TEMP_PREFIX = ".adding-"
SUFFIX = ".md"
_SHA256 = re.compile(r"[0-9a-f]{64}")
# Names Windows reserves; a corpus folder may be shared with a Windows machine.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
# link() refused by the file system itself (FAT, some network shares), not by an existing name.
_NO_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS})


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """Metadata written to the front matter; values are single lines."""

    title: str
    author: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


def one_line(text: str | None) -> str | None:
    """`text` with every run of white space (newlines included) as one space; None when nothing is left."""
    if text is None:
        return None
    joined = " ".join(text.split())
    return joined or None


def normalise_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs as stored: white space collapsed, empty ones dropped."""
    return [p for p in (one_line(text) for text in paragraphs) if p]


def body_sha256(paragraphs: Sequence[str]) -> str:
    """The one fingerprint of an article body, used to spot the same article added twice.

    Taken over the normalised paragraphs joined by a blank line, so the same
    story read from a text file, a Markdown file or a web page hashes alike.
    """
    return words_sha256([text.split() for text in paragraphs])


def words_sha256(paragraph_words: Sequence[list[str]]) -> str:
    """`body_sha256` of paragraphs already cut into words (`str.split`): indexing counts an
    article's words from the same cut, so each paragraph is split once, not twice."""
    body = "\n\n".join(" ".join(words) for words in paragraph_words if words)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def render(fields: ArticleFields, paragraphs: Sequence[str], *, added: dt.datetime | None = None) -> str:
    """The whole file: front matter (title, author, date, source, url, added, sha256), then the body."""
    body = normalise_paragraphs(paragraphs)
    when = (added or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    front = {
        "title": one_line(fields.title) or "Untitled",
        "author": one_line(fields.author),
        "date": one_line(fields.date),
        "source": one_line(fields.source),
        "url": one_line(fields.url),
        "added": when.isoformat().replace("+00:00", "Z"),
        "sha256": body_sha256(body),
    }
    # width: never fold a long title onto a second line; one key, one line.
    dumped: str = yaml.safe_dump(
        front, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return "---\n" + dumped + "---\n\n" + "\n\n".join(body) + "\n"


def stored_sha256(text: str) -> str | None:
    """The body fingerprint a file's front matter records, if it records a well-formed one."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        loaded = load_front_matter(match.group(1))
    except yaml.YAMLError:
        return None
    value = loaded.get("sha256") if isinstance(loaded, dict) else None
    return value if isinstance(value, str) and _SHA256.fullmatch(value) else None


def slugify(title: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    """A readable file name stem: lower-case words joined by hyphens, cut at a word boundary.

    Letters of any script are kept (accents folded away where they can be), so
    a Greek or Cyrillic title still gives a readable name.
    """
    # Made from the title as shown: "Evil \x1b[31mRED" is named evil-red, not evil-31mred.
    folded = unicodedata.normalize("NFKD", clean(title, one_line=True))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = [w for w in re.split(r"[\W_]+", folded.lower()) if w]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_chars:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_chars]
    if not slug:
        slug = "article"
    if slug in _RESERVED:
        slug += "-article"
    return slug


def write_new(folder: Path, stem: str, text: str) -> Path:
    """Write `text` to `folder/stem.md`, or `stem-2.md`, `stem-3.md`… — never over an existing file.

    The content is complete on disk before the name appears, so a crash or a
    full disk leaves either the whole article or nothing (bar a hidden temp file).
    """
    data = text.encode("utf-8")
    fd, temp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o644)
        for number in itertools.count(1):
            target = folder / (f"{stem}{SUFFIX}" if number == 1 else f"{stem}-{number}{SUFFIX}")
            if _claim(temp, target):
                _sync_folder(folder)
                return target
        raise AssertionError("unreachable")  # itertools.count never ends
    finally:
        temp.unlink(missing_ok=True)


def _claim(temp: Path, target: Path) -> bool:
    """Give `temp`'s content the name `target` if that name is free; False if it is taken."""
    try:
        os.link(temp, target)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
    # No hard links here: reserve the name exclusively, then move the full file onto the reservation.
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except FileExistsError:
        return False
    os.replace(temp, target)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (POSIX); Windows has no folder handles to sync."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path, *, older_than: float = 3600.0) -> None:
    """Delete temporary files left by an `add` that was killed (its process is gone, or it is old).

    A temp name carries its writer's process id, so a running add's file is never touched.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = dt.datetime.now().timestamp()
    for entry in entries:
        if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(".tmp")):
            continue
        pid_text = entry.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        try:
            if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                continue
            gone = pid_text.isdigit() and not _alive(int(pid_text))
            if gone or now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                os.unlink(entry.path)
        except OSError:
            continue


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True
