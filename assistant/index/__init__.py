"""The persisted BM25 index of a corpus folder: analysis, storage, search.

The one way in for the engine and the answer stage: `Index` opens, keeps current and searches
an index; `tokens` gives the terms BM25 counts, shared with the question side.
"""

from assistant.index.corpus_index import Changes, Index, Progress

__all__ = ["Changes", "Index", "Progress"]
