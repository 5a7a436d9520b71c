"""Adding articles to the corpus folder: files, folders, web pages and stdin.

The one way in for the engine and the front ends: `add_sources` writes new article files,
`remove_article` takes one out; `select` says which files of a folder are articles.
"""

from assistant.ingest.add import AddReport, MetaOverrides, add_sources, prefetch_urls, remove_article

__all__ = ["AddReport", "MetaOverrides", "add_sources", "prefetch_urls", "remove_article"]
