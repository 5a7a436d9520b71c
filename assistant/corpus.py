"""Reading articles from the corpus folder: formats, metadata, page furniture.

Every article is untrusted input. A file that cannot be read as text is
reported and skipped; one bad file never stops the rest. Offsets everywhere
are into the file's decoded text, so a quote can be checked against the file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.front_matter_yaml import load_front_matter
from assistant.models import ArticleMeta, Sentence
from assistant.safe_paths import RefusedPath, inside, read_regular, real_root
from assistant.sentences import split_paragraph

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
MAX_FILE_BYTES = 20 * 1024 * 1024

_FURNITURE = re.compile(
    r"""^(?:video\s+embed|advertisement|advertising|sponsored(?:\s+content)?|share(?:\s+this)?(?:\s+article)?
    |subscribe\b.*|sign\s+up\b.*|click\s+here\b.*|read\s+more\b.*|related(?:\s+articles?)?:?.*
    |watch(?:\s+video)?:.*|listen\s+to\s+this\s+article.*|photo:.*|image:.*|getty\s+images|\(?ap\s+photo.*
    |story\s+continues(?:\s+below)?|continue\s+reading.*|follow\s+us\b.*|copyright\b.*|©.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_SOURCE_LINE = re.compile(r"\bread\s+more\s+from\s+(?:the\s+)?(.+?)[.!]?$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by\s+)?((?:[A-Z][\w'’.\-]*\.?)(?:,?\s+(?:and\s+|&\s+)?(?:[A-Z][\w'’.\-]*|de|van|von|der|la|le|al|bin))*)$"
)
# A publication named on a header line of its own: "The Coastal Ledger", "Source: Reuters".
_PUBLICATION_LINE = re.compile(
    r"^(?:(?:source|publication|published\s+by|via):\s*(.{2,60})|(The(?:\s+[A-Z][\w&'’.-]*){1,4}))$"
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
_DATE_LINE = re.compile(
    r"^(?:published|updated|posted|date)?:?\s*(?:on\s+)?(?:\w+day,?\s+)?"
    r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b.{0,40}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the file's decoded text."""

    start: int
    end: int


@dataclass(slots=True)
class ParsedArticle:
    """An article read from disk: metadata, and where its body paragraphs and sentences stand."""

    meta: ArticleMeta
    text: str
    paragraphs: list[Span]
    sentences: list[Sentence]
    meta_spans: dict[str, Span] = field(default_factory=dict)
    """Where a metadata value stands verbatim in the text (title line, byline), for metadata quotes."""
    warnings: list[str] = field(default_factory=list)


class UnreadableArticle(Exception):
    """A file that is not an article we can read; the message says why."""


def walk(corpus_dir: Path) -> dict[str, tuple[int, int]]:
    """Every regular file below the corpus folder, hidden paths left out: id → (size, mtime_ns).

    One `scandir` pass, one stat a file: this runs on every command to keep the index current.
    Links to folders are not entered; a link to a file counts only when it stays inside the
    corpus; FIFOs, sockets and devices never count (see safe_paths).
    """
    found: dict[str, tuple[int, int]] = {}
    root_real = real_root(corpus_dir)
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
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 (BOM or a clear NUL pattern), else
    cp1252, else Latin-1; binary is refused."""
    utf16 = _utf16_codec(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise UnreadableArticle("the file looks like UTF-16 but does not decode as it") from exc
        if not text.strip():
            raise UnreadableArticle("the file is empty")
        return _check_text(text.removeprefix("\ufeff"))
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
    return _check_text(text)


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


def read_file(path: Path, root: Path | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes and stat of an article file; raises UnreadableArticle for what cannot be an article.

    With `root` (the corpus folder), a link leading outside it is refused. Only regular files
    are read, never FIFOs, sockets or devices, and never more than MAX_FILE_BYTES.
    """
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise UnreadableArticle(f"unknown format {suffix!r} (articles are .txt or .md files)")
    try:
        return read_regular(path, MAX_FILE_BYTES, real_root(root) if root is not None else None)
    except RefusedPath as exc:
        raise UnreadableArticle(str(exc)) from exc
    except OSError as exc:
        raise UnreadableArticle(f"cannot read it: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a name the file system cannot take (embedded NUL, say)
        raise UnreadableArticle(f"cannot read it: {exc}") from exc


def read_article(corpus_dir: Path, path: Path) -> ParsedArticle:
    """Read and parse one article file; raises UnreadableArticle with the reason."""
    data, _ = read_file(path, corpus_dir)
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
    return parse_article(article_id(corpus_dir, path), decode(data), markdown=markdown)


def parse_article(article_id: str, text: str, *, markdown: bool = False) -> ParsedArticle:
    """Metadata, body paragraphs and sentences of an article's decoded text."""
    if markdown:
        return _parse_markdown(article_id, text)
    return _parse_units(article_id, text, list(_lines(text, 0)), fields={})


def _lines(text: str, start: int) -> Iterator[Span]:
    """Non-empty lines from `start`, as spans with surrounding white space trimmed."""
    pos = start
    length = len(text)
    while pos < length:
        nl = text.find("\n", pos)
        end = length if nl == -1 else nl
        a, b = pos, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield Span(a, b)
        pos = end + 1


def is_furniture(line: str) -> bool:
    """True for page furniture: promos, embeds, share buttons, all-capitals headlines of other stories."""
    if _FURNITURE.match(line):
        return True
    # An all-capitals line of several words is a promo headline of another story.
    return line.isupper() and len(line) >= 12 and len(line.split()) >= 3


def _looks_like_byline(line: str) -> bool:
    if len(line) > 80 or any(ch.isdigit() for ch in line) or line.endswith((".", ":", "?", "!")):
        return False
    words = line.split()
    if not 1 <= len(words) <= 9:
        return False
    return bool(_BYLINE.match(line))


def _byline_name(line: str) -> str:
    return re.sub(r"^by\s+", "", line, flags=re.IGNORECASE).strip()


def _source_from(line: str) -> str | None:
    match = _SOURCE_LINE.search(line)
    if not match:
        return None
    name = match.group(1).strip(" .!:")
    if not name or len(name.split()) > 6:
        return None
    return name.title() if name.isupper() else name


def _date_from(line: str) -> str | None:
    match = _DATE_LINE.match(line)
    if not match:
        return None
    month = _MONTHS.get(match.group(1).lower())
    if month is None:
        return None
    try:
        return dt.date(int(match.group(3)), month, int(match.group(2))).isoformat()
    except ValueError:
        return None


def _parse_units(article_id: str, text: str, lines: list[Span], fields: dict[str, str]) -> ParsedArticle:
    """The seed's shape: title line, optional byline, then a paragraph a unit; furniture left out.

    A unit is a line in a text article and a block between blank lines in Markdown.
    """
    meta_spans: dict[str, Span] = {}
    title = fields.get("title")
    author = fields.get("author")
    source = fields.get("source")
    date = fields.get("date")
    index = 0
    if title is None and lines:
        first = lines[0]
        line = text[first.start : first.end]
        # A short first line is the title unless it reads as a sentence running into the body;
        # a blank line after it settles it ("Trump leads in Ohio poll." then a blank line).
        blank_after = len(lines) > 1 and text.count("\n", first.end, lines[1].start) >= 2
        sentence_like = line.endswith((".", ".”", '."')) and not blank_after
        # Wire titles are often in capitals: only the furniture phrases rule a first line out.
        if len(line) <= 200 and not _FURNITURE.match(line) and not sentence_like:
            title = line.lstrip("# ").strip()
            meta_spans["title"] = first
            index = 1
    elif lines and title is not None and text[lines[0].start : lines[0].end].lstrip("# ").strip() == title:
        meta_spans["title"] = lines[0]
        index = 1
    paragraphs: list[Span] = []
    for position, span in enumerate(lines[index:], start=index):
        line = text[span.start : span.end]
        if line.startswith("#") and markdown_heading(line):
            continue
        if is_furniture(line):
            if source is None and (found := _source_from(line)) is not None:
                source = found
                match = _SOURCE_LINE.search(line)
                if match:
                    meta_spans["source"] = Span(span.start + match.start(1), span.start + match.end(1))
            continue
        # The header: the few short lines between the title and the first paragraph.
        in_header = not paragraphs and position < index + 4
        first_after_title = position == index or line.lower().startswith("by ")
        if in_header and author is None and first_after_title and _looks_like_byline(line):
            author = _byline_name(line)
            offset = span.start + line.find(author)
            meta_spans["author"] = Span(offset, offset + len(author))
            continue
        if in_header and date is None and len(line) < 80 and (found_date := _date_from(line)):
            date = found_date
            meta_spans["date"] = span
            continue
        if in_header and source is None and (publication := _PUBLICATION_LINE.match(line)):
            group = publication.lastindex or 0
            source = publication.group(group)
            meta_spans["source"] = Span(
                span.start + publication.start(group), span.start + publication.end(group)
            )
            continue
        paragraphs.append(span)
    if title is None:
        title = Path(article_id).stem.replace("_", " ").replace("-", " ")
    sentences = [
        Sentence(start, end, number)
        for number, para in enumerate(paragraphs, start=1)
        for start, end in split_paragraph(text[para.start : para.end], para.start)
    ]
    meta = ArticleMeta(
        id=article_id, title=title, author=author, source=source, date=date, url=fields.get("url")
    )
    return ParsedArticle(
        meta=meta, text=text, paragraphs=paragraphs, sentences=sentences, meta_spans=meta_spans
    )


def markdown_heading(line: str) -> bool:
    """True for a Markdown heading line (`## Section`)."""
    return bool(re.match(r"^#{1,6}\s", line))


# YAML front matter at the top of a Markdown article (shared with the writer of added articles).
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _parse_markdown(article_id: str, text: str) -> ParsedArticle:
    """Markdown with YAML front matter (title, author, date, source, url); paragraphs split by blank lines."""
    fields: dict[str, str] = {}
    warnings: list[str] = []
    body_start = 0
    match = FRONT_MATTER.match(text)
    if match:
        body_start = match.end()
        try:
            loaded = load_front_matter(match.group(1))
        except yaml.YAMLError:
            loaded = None
            warnings.append("its front matter is not valid YAML; read without metadata")
        if isinstance(loaded, dict):
            for key in ("title", "author", "date", "source", "url"):
                value = loaded.get(key)
                if isinstance(value, list):
                    value = ", ".join(str(v) for v in value)
                if isinstance(value, dt.datetime | dt.date):
                    value = value.isoformat()
                if value is not None and str(value).strip():
                    fields[key] = str(value).strip()
    parsed = _parse_units(article_id, text, _blocks(text, body_start), fields)
    if match:
        parsed.meta_spans.update(_front_matter_spans(text, match.start(1), match.end(1), fields))
    parsed.warnings.extend(warnings)
    return parsed


def _blocks(text: str, start: int) -> list[Span]:
    """Blocks of consecutive non-empty lines from `start`: Markdown paragraphs."""
    blocks: list[Span] = []
    current: Span | None = None
    last_end = start
    for span in _lines(text, start):
        if current is not None and text.count("\n", last_end, span.start) <= 1:
            current = Span(current.start, span.end)
        else:
            if current is not None:
                blocks.append(current)
            current = span
        last_end = span.end
    if current is not None:
        blocks.append(current)
    return blocks


def _front_matter_spans(text: str, start: int, end: int, fields: dict[str, str]) -> dict[str, Span]:
    """Where each front-matter value stands verbatim (`author: Jane Doe` → the span of `Jane Doe`)."""
    spans: dict[str, Span] = {}
    for key, value in fields.items():
        line = re.search(rf"^{key}:[ \t]*['\"]?(.*?)['\"]?[ \t]*$", text[start:end], re.MULTILINE)
        if line and line.group(1) == value:
            spans[key] = Span(start + line.start(1), start + line.end(1))
    return spans
