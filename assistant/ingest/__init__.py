"""Adding articles to the corpus folder: files, folders, web pages and stdin.

The one way in for the engine and the front ends: `add_sources` writes new article files
(`prefetch_urls` fetches the web pages among them first), `remove_article` takes one out;
`select` says which files of a folder are articles.
"""

from assistant.ingest.add import add_sources
from assistant.ingest.drafts import MetaOverrides
from assistant.ingest.remove import remove_article
from assistant.ingest.report import AddReport
from assistant.ingest.web import prefetch_urls

__all__ = ["AddReport", "MetaOverrides", "add_sources", "prefetch_urls", "remove_article"]
