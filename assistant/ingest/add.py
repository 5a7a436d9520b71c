"""Adding articles to the corpus folder: files, folders, web pages and stdin.

Each source becomes one Markdown file with front matter, written atomically,
so a batch that fails part-way keeps every article stored before the failure
and goes on with the rest. What the file says is exactly what the corpus
reader will read back: the body is settled through `corpus.parse_article`
before it is written. The same body is never stored twice.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from assistant import corpus
from assistant.corpus import UnreadableArticle
from assistant.corpus.article_file import (
    ArticleFields,
    body_sha256,
    normalise_paragraphs,
    one_line,
    remove_stale_temps,
    render,
    slugify,
    stored_sha256,
    write_new,
)
from assistant.errors import AddError, ArticleNotFound, AssistantError, CorpusNotFound, CorpusWriteError
from assistant.ingest.html_article import decode_html, extract_article, looks_like_html
from assistant.ingest.select import not_an_article

if TYPE_CHECKING:
    from assistant.ingest.fetch import FetchedPage
from assistant.safe_paths import RefusedPath, inside, read_regular, real_root

MAX_SOURCE_BYTES = corpus.MAX_FILE_BYTES
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
# Stands in for an article id while parsing, so a title the reader had to invent can be told apart.
_NO_TITLE_ID = "\x00no-title"
_NO_TITLE = _NO_TITLE_ID.replace("-", " ")


def fetch_url(url: str) -> FetchedPage:
    """ingest.fetch's, imported when a URL is added: adding a file loads no HTTP or TLS code."""
    from assistant.ingest.fetch import fetch_url as fetch

    return fetch(url)


def check_url(source: str) -> str:
    """ingest.fetch's check of a URL to add, imported when one is given."""
    from assistant.ingest.fetch import check_url as check

    return check(source)


@dataclass(frozen=True, slots=True)
class MetaOverrides:
    """Metadata the user gives on the command line; each replaces what was found."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Stored:
    """An article written to the corpus."""

    source: str
    article_id: str
    path: Path
    title: str
    author: str | None
    date: str | None
    words: int
    warnings: tuple[str, ...] = ()
    """What could not be found (author, date, title) or was guessed (encoding)."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A source whose body the corpus already holds; nothing was written."""

    source: str
    existing_id: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A source that could not be added; `message` says why, in the user's terms."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one `add` did, source by source, in the order given."""

    stored: tuple[Stored, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    failed: tuple[Failed, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    """Files of an added folder left out as not articles (README, LICENSE…), with the reason."""

    @property
    def ok(self) -> bool:
        """True when no source failed (duplicates are not failures)."""
        return not self.failed


@dataclass(frozen=True, slots=True)
class _Item:
    """One thing to read: a file, a URL or stdin."""

    label: str
    kind: str  # "file", "url" or "stdin"
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class _Draft:
    """An article read from a source, before it is settled and written."""

    fields: ArticleFields
    paragraphs: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def add_sources(
    corpus_dir: Path,
    sources: Sequence[str],
    *,
    overrides: MetaOverrides = MetaOverrides(),
    stdin: BinaryIO | None = None,
    progress: Callable[[int, int], None] | None = None,
    fetcher: Callable[[str], FetchedPage] | None = None,
    known_body: Callable[[str], str | None] | None = None,
) -> AddReport:
    """Store each source (file, folder, URL, `-` for stdin) as an article file; report each outcome.

    `known_body(fingerprint)` names the article already holding a body (the index's stored
    fingerprints); without it every article in the corpus is read to find out.
    One bad source never stops the batch. `progress(done, total)` is called
    before the first item and after each, folders counted file by file.
    """
    if not corpus_dir.is_dir():
        raise CorpusNotFound(f"the corpus folder {corpus_dir} does not exist or is not a folder")
    fetch = fetcher or fetch_url
    remove_stale_temps(corpus_dir)
    items, failed, skipped = _expand(sources)
    known = _known_bodies(corpus_dir) if known_body is None else {}
    lookup = known_body or (lambda _sha: None)
    stored: list[Stored] = []
    duplicates: list[Duplicate] = []
    stdin_data: list[bytes] = []
    if progress:
        progress(0, len(items))
    for done, item in enumerate(items, start=1):
        try:
            draft = _settle(_apply(_read(item, stdin, stdin_data, fetch), overrides))
            sha = body_sha256(draft.paragraphs)
            existing = known.get(sha) or lookup(sha)
            if existing is not None:
                duplicates.append(Duplicate(item.label, existing))
            else:
                result = _store(corpus_dir, item.label, draft)
                known[sha] = result.article_id
                stored.append(result)
        except (AssistantError, UnreadableArticle) as exc:
            failed.append(Failed(item.label, _message(exc)))
        except OSError as exc:
            failed.append(Failed(item.label, f"cannot read it: {exc.strerror or exc}"))
        except Exception as exc:  # a parser bug on one page must not lose the rest
            failed.append(Failed(item.label, f"unexpected error ({type(exc).__name__}: {exc})"))
        if progress:
            progress(done, len(items))
    return AddReport(tuple(stored), tuple(duplicates), tuple(failed), tuple(skipped))


def prefetch_urls(
    sources: Sequence[str], fetch: Callable[[str], FetchedPage] | None = None
) -> Callable[[str], FetchedPage]:
    """Fetch every URL among `sources` now; return a fetcher that hands back each result.

    `add` calls this before it takes the index lock, so a slow server delays only its own
    `add` (each fetch has a total deadline) and never the questions and adds of other processes.
    """
    fetch = fetch or fetch_url
    results: dict[str, FetchedPage | AssistantError] = {}
    for source in sources:
        if "://" not in source or source in results:
            continue
        try:
            results[source] = fetch(check_url(source))
        except AssistantError as exc:
            results[source] = exc
        except Exception as exc:  # a bug on one page must not lose the rest
            results[source] = AddError(f"unexpected error ({type(exc).__name__}: {exc})")

    def fetched(url: str) -> FetchedPage:
        result = results.get(url)
        if result is None:
            return fetch(url)
        if isinstance(result, AssistantError):
            raise result
        return result

    return fetched


def remove_article(corpus_dir: Path, article_id: str) -> Path:
    """Delete one article file from the corpus; ids that would reach outside it are refused."""
    root = corpus_dir.resolve()
    parts = Path(article_id).parts
    if (
        not article_id
        or "\x00" in article_id
        or Path(article_id).is_absolute()
        or "\\" in article_id
        or any(part in ("..", ".") or part.startswith(".") for part in parts)
    ):
        raise ArticleNotFound(f"{article_id!r} is not an article id inside the corpus")
    path = root / article_id
    if not path.parent.resolve().is_relative_to(root):
        raise ArticleNotFound(f"{article_id!r} is not an article id inside the corpus")
    if not path.is_file() and not path.is_symlink():
        raise ArticleNotFound(f"no article {article_id!r} in the corpus")
    try:
        path.unlink()
    except FileNotFoundError as exc:
        raise ArticleNotFound(f"no article {article_id!r} in the corpus") from exc
    except OSError as exc:
        raise CorpusWriteError(f"cannot remove {article_id}: {exc.strerror or exc}") from exc
    return path


def _message(exc: Exception) -> str:
    return exc.message if isinstance(exc, AssistantError) else str(exc)


def _expand(sources: Sequence[str]) -> tuple[list[_Item], list[Failed], list[tuple[str, str]]]:
    """Sources as items to read, folders walked recursively (hidden files and non-articles left out)."""
    items: list[_Item] = []
    failed: list[Failed] = []
    skipped: list[tuple[str, str]] = []
    for source in sources:
        if source == "-":
            items.append(_Item("stdin", "stdin"))
        elif "://" in source:
            items.append(_Item(source, "url"))
        else:
            path = Path(source).expanduser()
            if path.is_dir():
                files, refused = _walk(path)
                failed.extend(refused)
                if not files and not refused:
                    failed.append(Failed(source, "the folder holds no files"))
                for found in files:
                    why = not_an_article(found)
                    if why is None:
                        items.append(_Item(str(found), "file", found))
                    else:
                        skipped.append((str(found), why))
            elif path.exists():
                items.append(_Item(source, "file", path))
            else:
                hint = " (a web page needs the full address, https://…)" if source.startswith("www.") else ""
                failed.append(Failed(source, f"no such file or folder{hint}"))
    return items, failed, skipped


def _walk(folder: Path) -> tuple[list[Path], list[Failed]]:
    """Regular files below `folder` (hidden ones left out); links leaving it are refused, not followed.

    Links to folders are not entered (no loops); FIFOs, sockets and devices are left out.
    """
    root_real = real_root(folder)
    files = [folder / aid for aid in sorted(corpus.walk(folder))]
    refused = [
        Failed(str(path), "it is a link to a file outside the folder; not followed")
        for path in _outside_links(folder, root_real)
    ]
    return files, refused


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


def _known_bodies(corpus_dir: Path) -> dict[str, str]:
    """Body fingerprint → article id for every article the corpus reader can read."""
    known: dict[str, str] = {}
    for path in corpus.discover(corpus_dir):
        if path.suffix.lower() not in corpus.TEXT_SUFFIXES:
            continue
        try:
            data, _ = corpus.read_file(path, corpus_dir)
            text = corpus.decode(data)
            article_id = corpus.article_id(corpus_dir, path)
            sha = stored_sha256(text)
            if sha is None:
                markdown = path.suffix.lower() in corpus.MARKDOWN_SUFFIXES
                parsed = corpus.parse_article(article_id, text, markdown=markdown)
                sha = body_sha256([text[s.start : s.end] for s in parsed.paragraphs])
        except (OSError, UnreadableArticle, ValueError, RecursionError):
            continue  # the reader skips such a file too, so it holds no body to match
        known.setdefault(sha, article_id)
    return known


def _read(
    item: _Item, stdin: BinaryIO | None, stdin_data: list[bytes], fetch: Callable[[str], FetchedPage]
) -> _Draft:
    """Read one item into a draft article, choosing the reader by format."""
    if item.kind == "url":
        return _read_url(check_url(item.label), fetch)
    if item.kind == "stdin":
        if not stdin_data:
            stream = stdin if stdin is not None else sys.stdin.buffer
            stdin_data.append(stream.read(MAX_SOURCE_BYTES + 1))
        data = stdin_data[0]
        _check_size(len(data), "the input")
        return _read_bytes(data, "", fallback_title=None)
    assert item.path is not None
    path = item.path
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES and suffix not in corpus.TEXT_SUFFIXES:
        raise UnreadableArticle(f"unknown format {suffix!r} (add .html, .htm, .txt or .md files, or a URL)")
    try:
        # A file named on the command line may be a link (the user chose it); it must be a regular file.
        data, _ = read_regular(path, MAX_SOURCE_BYTES)
    except RefusedPath as exc:
        raise UnreadableArticle(str(exc)) from exc
    return _read_bytes(data, suffix, fallback_title=path.stem.replace("_", " ").replace("-", " "))


def _check_size(size: int, what: str) -> None:
    if size > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // (1024 * 1024)
        megabytes = size / (1024 * 1024)
        raise UnreadableArticle(f"{what} is too large ({megabytes:.0f} MB; the limit is {limit} MB)")


def _read_bytes(data: bytes, suffix: str, *, fallback_title: str | None) -> _Draft:
    """A draft from a file's or stdin's bytes: HTML by suffix or by sniffing, else text or Markdown."""
    if suffix in HTML_SUFFIXES:
        return _from_html(decode_html(data), None, fallback_title)
    text = corpus.decode(data)
    warnings: list[str] = []
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append("the text is not UTF-8; it was read as Windows-1252 (check accented letters)")
    if suffix in ("", ".txt", ".text") and looks_like_html(text):
        return _from_html(decode_html(data), None, fallback_title)
    front_matter = suffix == "" and text.lstrip("\ufeff").startswith("---")
    markdown = suffix in corpus.MARKDOWN_SUFFIXES or front_matter
    return _from_text(text, markdown=markdown, fallback_title=fallback_title, warnings=warnings)


def _read_url(url: str, fetch: Callable[[str], FetchedPage]) -> _Draft:
    page = fetch(url)
    stem = urllib.parse.urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0].replace("-", " ").replace("_", " ")
    fallback = urllib.parse.unquote(stem) or None
    if page.content_type == "text/plain":
        draft = _from_text(_decode_text(page), markdown=False, fallback_title=fallback, warnings=[])
        fields = draft.fields
        if fields.url is None:
            fields = dataclasses.replace(fields, url=page.url)
        if fields.source is None:
            fields = dataclasses.replace(fields, source=_host(page.url))
        return dataclasses.replace(draft, fields=fields)
    draft = _from_html(decode_html(page.data, page.charset), page.url, fallback)
    # Where the page was fetched from is a fact; its canonical link is only a claim.
    return dataclasses.replace(draft, fields=dataclasses.replace(draft.fields, url=page.url))


def _decode_text(page: FetchedPage) -> str:
    if page.charset:
        try:
            return page.data.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset label: fall back to the corpus reader's guesses below
    return corpus.decode(page.data)


def _host(url: str) -> str | None:
    host = urllib.parse.urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _from_html(html: str, url: str | None, fallback_title: str | None) -> _Draft:
    article = extract_article(html, url=url)
    warnings: list[str] = []
    title = article.title
    if title is None:
        title = fallback_title or "Untitled article"
        warnings.append(f"no title found; titled {title!r}")
    fields = ArticleFields(title, article.author, article.date, article.source, article.url)
    return _Draft(fields, article.paragraphs, tuple(warnings))


def _from_text(text: str, *, markdown: bool, fallback_title: str | None, warnings: list[str]) -> _Draft:
    """A text or Markdown article read exactly as the corpus reader reads it."""
    parsed = corpus.parse_article(_NO_TITLE_ID, text, markdown=markdown)
    meta = parsed.meta
    title = meta.title
    if title == _NO_TITLE:
        title = fallback_title or "Untitled article"
        warnings.append(f"no title found; titled {title!r}")
    # A wrapped .txt paragraph is stored on one line as it is shown; Markdown keeps its marks.
    paragraphs = tuple(
        text[s.start : s.end] if markdown else corpus.display_text(text, s.start, s.end)
        for s in parsed.paragraphs
    )
    if not normalise_paragraphs(paragraphs):
        raise UnreadableArticle("no article text found (only a title, byline or page furniture)")
    fields = ArticleFields(title, meta.author, meta.date, meta.source, meta.url)
    return _Draft(fields, paragraphs, tuple(parsed.warnings) + tuple(warnings))


def _apply(draft: _Draft, overrides: MetaOverrides) -> _Draft:
    """The user's metadata in place of what was found."""
    given = {
        name: value
        for name in ("title", "author", "date", "source")
        if (value := one_line(getattr(overrides, name))) is not None
    }
    if not given:
        return draft
    return dataclasses.replace(draft, fields=dataclasses.replace(draft.fields, **given))


def _settle(draft: _Draft) -> _Draft:
    """The draft as the corpus reader will read it back from the file we write.

    The reader drops furniture and headings, and takes a leading title, byline
    or date line as metadata; writing what it will read makes the file, its
    sha256 and the report agree. Each round only removes, so it ends quickly.
    """
    fields = dataclasses.replace(
        draft.fields,
        **{name: one_line(getattr(draft.fields, name)) for name in ("author", "date", "source", "url")},
        title=one_line(draft.fields.title) or "Untitled article",
    )
    paragraphs = tuple(normalise_paragraphs(draft.paragraphs))
    for _ in range(8):
        if not paragraphs:
            raise UnreadableArticle("no article text found (only a title, byline or page furniture)")
        text = render(fields, paragraphs)
        parsed = corpus.parse_article("settle.md", text, markdown=True)
        again = tuple(normalise_paragraphs([text[s.start : s.end] for s in parsed.paragraphs]))
        meta = parsed.meta
        read_back = ArticleFields(meta.title, meta.author, meta.date, meta.source, meta.url)
        if again == paragraphs and read_back == fields:
            return dataclasses.replace(draft, fields=fields, paragraphs=paragraphs)
        fields, paragraphs = read_back, again
    raise UnreadableArticle("the article text could not be stored so that it reads back the same")


def _store(corpus_dir: Path, label: str, draft: _Draft) -> Stored:
    fields = draft.fields
    try:
        path = write_new(corpus_dir, slugify(fields.title), render(fields, draft.paragraphs))
    except OSError as exc:
        raise AddError(f"cannot write to the corpus folder {corpus_dir}: {exc.strerror or exc}") from exc
    warnings = list(draft.warnings)
    if fields.author is None:
        warnings.append("no author found")
    if fields.date is None:
        warnings.append("no date found")
    return Stored(
        source=label,
        article_id=corpus.article_id(corpus_dir, path),
        path=path,
        title=fields.title,
        author=fields.author,
        date=fields.date,
        words=sum(len(p.split()) for p in draft.paragraphs),
        warnings=tuple(warnings),
    )
