"""URLs given to `add`: checked and fetched by ingest.fetch, which is imported only then.

Adding a file loads no HTTP or TLS code. Every URL is fetched before `add` takes the index
lock (`prefetch_urls`), so a slow server delays only its own `add`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.errors import AddError, AssistantError

if TYPE_CHECKING:
    from assistant.ingest.fetch import FetchedPage


def fetch_url(url: str) -> FetchedPage:
    """ingest.fetch's, imported when a URL is added: adding a file loads no HTTP or TLS code."""
    from assistant.ingest.fetch import fetch_url as fetch

    return fetch(url)


def check_url(source: str) -> str:
    """ingest.fetch's check of a URL to add, imported when one is given."""
    from assistant.ingest.fetch import check_url as check

    return check(source)


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
