"""Adding articles to the corpus folder and removing them, with the index following.

The duplicate check, the writes and the index update happen under the index's writers' lock,
so two processes adding at once cannot both store the same article; only the files just
written (or the one removed) are read, as long as the folder stamps taken before still vouch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from assistant.index import Index

if TYPE_CHECKING:
    from assistant.index.own_changes import Vouched

    # The ingest stage is imported when something is added or removed: questions never load it.
    from assistant.ingest import AddReport, MetaOverrides
    from assistant.ingest.fetch import FetchedPage


def add_articles(
    index: Index,
    sources: Sequence[str],
    *,
    overrides: MetaOverrides | None = None,
    stdin: BinaryIO | None = None,
    progress: Callable[[int, int], None] | None = None,
    fetcher: Callable[[str], FetchedPage] | None = None,
    into: str | None = None,
) -> AddReport:
    """Store articles from files, folders, URLs or stdin in `index`'s corpus folder (or the folder
    `into` inside it), then index them."""
    from assistant.ingest import MetaOverrides, add_sources, prefetch_urls

    # Web pages are fetched first, outside the lock: a slow server never holds up other processes.
    fetcher = fetcher or prefetch_urls(sources)
    with index.lock():
        # Duplicates are found by the index's stored fingerprints, so it must hold every article
        # now in the folder; unchanged folder times (or listings) vouch for that without a walk.
        before = _vouched_before_writing(index)
        report = add_sources(
            index.corpus_dir,
            sources,
            overrides=overrides or MetaOverrides(),
            stdin=stdin,
            progress=progress,
            fetcher=fetcher,
            known_body=index.article_with_body,
            into=into,
        )
        if report.stored:
            # Only the files just written are read: the stamps taken before vouch for the rest.
            index.refresh_written([a.article_id for a in report.stored], before)
    return report


def remove_article(index: Index, article_id: str) -> Path:
    """Delete an article from `index`'s corpus folder and mark it dead in the index."""
    from assistant.ingest import remove_article as delete_file

    with index.lock():
        before = _vouched_before_writing(index)
        indexed = index.article_index(article_id) is not None
        path = delete_file(index.corpus_dir, article_id, indexed=indexed)
        # Only this article is marked dead: the stamps taken before vouch for the rest.
        index.refresh_removed(article_id, before)
    return path


def _vouched_before_writing(index: Index) -> Vouched:
    """What vouches for the index before a write; when nothing does, a refresh (trusting unchanged
    folders) brings the index up to date first."""
    before = index.before_writing()
    if before is None:
        index.refresh(trust_folders=True)
        before = index.before_writing()
    return before
