"""Adding articles to the corpus folder: each source read, settled, checked for a copy, written.

Each source becomes one Markdown file with front matter (a wire file of many stories, one
file a story), written atomically,
so a batch that fails part-way keeps every article stored before the failure
and goes on with the rest. What the file says is exactly what the corpus
reader will read back (drafts.settled). The same body is never stored twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from assistant import corpus
from assistant.corpus import EMPTY, UnreadableArticle
from assistant.corpus.article_file import (
    body_sha256,
    remove_stale_temps,
    render,
    slugify,
    stored_sha256,
    write_new,
)
from assistant.errors import AddError, AssistantError, CorpusNotFound
from assistant.ingest.drafts import NO_OVERRIDES, Draft, MetaOverrides, settled, with_overrides
from assistant.ingest.read_source import Collection, read_item
from assistant.ingest.report import AddReport, Duplicate, Failed, Stored
from assistant.ingest.sources import expand_sources
from assistant.ingest.target_folder import made, target_folder
from assistant.ingest.web import fetch_url

if TYPE_CHECKING:
    from assistant.ingest.fetch import FetchedPage


def add_sources(
    corpus_dir: Path,
    sources: Sequence[str],
    *,
    overrides: MetaOverrides = NO_OVERRIDES,
    stdin: BinaryIO | None = None,
    progress: Callable[[int, int], None] | None = None,
    fetcher: Callable[[str], FetchedPage] | None = None,
    known_body: Callable[[str], str | None] | None = None,
    into: str | None = None,
) -> AddReport:
    """Store each source (file, folder, URL, `-` for stdin) as an article file; report each outcome.

    `known_body(fingerprint)` names the article already holding a body (the index's stored
    fingerprints); without it every article in the corpus is read to find out.
    One bad source never stops the batch. `progress(done, total)` is called
    before the first item and after each, folders counted file by file. `into` names a folder of
    the corpus to store them in (made when missing); AddError when it cannot be used.
    """
    if not corpus_dir.is_dir():
        raise CorpusNotFound(f"the corpus folder {corpus_dir} does not exist or is not a folder")
    fetch = fetcher or fetch_url
    target = target_folder(corpus_dir, into)
    remove_stale_temps(corpus_dir)
    if target != corpus_dir and target.is_dir():
        remove_stale_temps(target)
    items, failed, skipped = expand_sources(sources)
    known = _known_bodies(corpus_dir) if known_body is None else {}
    lookup = known_body or (lambda _sha: None)
    stored: list[Stored] = []
    duplicates: list[Duplicate] = []
    stdin_data: list[bytes] = []
    if progress:
        progress(0, len(items))
    for done, item in enumerate(items, start=1):
        try:
            read = read_item(item, stdin, stdin_data, fetch)
        except Exception as exc:  # one bad source never stops the batch
            if item.in_folder and isinstance(exc, UnreadableArticle) and str(exc) == EMPTY:
                skipped.append((item.label, "an empty file"))  # a placeholder in a folder fails nothing
            else:
                failed.append(Failed(item.label, _failure(exc)))
            read = None
        if isinstance(read, Collection):
            pieces: tuple[tuple[str, Draft], ...] = read.drafts
            skipped.extend(read.left_out)
        else:
            pieces = () if read is None else ((item.label, read),)
        for label, draft in pieces:
            try:
                draft = settled(with_overrides(draft, overrides))
                outcome = _keep((corpus_dir, target), label, draft, known, lookup)
            except Exception as exc:  # a parser bug on one page must not lose the rest
                failed.append(Failed(label, _failure(exc)))
                continue
            if isinstance(outcome, Stored):
                stored.append(outcome)
            else:
                duplicates.append(outcome)
        if progress:
            progress(done, len(items))
    return AddReport(tuple(stored), tuple(duplicates), tuple(failed), tuple(skipped))


def _keep(
    folders: tuple[Path, Path],
    label: str,
    draft: Draft,
    known: dict[str, str],
    lookup: Callable[[str], str | None],
) -> Stored | Duplicate:
    """Store a settled draft, unless the corpus holds its body already."""
    sha = body_sha256(draft.paragraphs)
    existing = known.get(sha) or lookup(sha)
    if existing is not None:
        return Duplicate(label, existing)
    result = _store(folders, label, draft)
    known[sha] = result.article_id
    return result


def _failure(exc: Exception) -> str:
    """What went wrong with one source, in the user's terms."""
    if isinstance(exc, AssistantError | UnreadableArticle):
        return _message(exc)
    if isinstance(exc, OSError):
        return f"cannot read it: {exc.strerror or exc}"
    return f"unexpected error ({type(exc).__name__}: {exc})"


def _message(exc: Exception) -> str:
    return exc.message if isinstance(exc, AssistantError) else str(exc)


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


def _store(folders: tuple[Path, Path], label: str, draft: Draft) -> Stored:
    """Write the draft into the target folder (the corpus folder, or `--into`'s inside it)."""
    corpus_dir, target = folders
    fields = draft.fields
    try:
        path = write_new(made(target), slugify(fields.title), render(fields, draft.paragraphs))
    except OSError as exc:
        raise AddError(f"cannot write to the corpus folder {target}: {exc.strerror or exc}") from exc
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
