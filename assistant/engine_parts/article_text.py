"""An article's text and sentences read back as the index saw them.

Questions quote from the file on disk, so a file edited since it was indexed must not be quoted
at the offsets stored for the old text: its bytes are checked against the stored fingerprint.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from pathlib import Path

from assistant.corpus import UnreadableArticle, decode, read_file, real_root
from assistant.errors import ArticleNotFound
from assistant.index import Index
from assistant.models import Sentence

TEXT_CACHE = 512
"""Decoded article texts kept per engine: a question reads ~50 articles, and the next question many
of the same (with 64 kept, 100 questions on 2,225 articles read ~53 files each; Reuters texts are
~1-3 KB)."""


class ArticleTexts:
    """Decoded texts of one index's articles, checked against their fingerprints, the last few kept."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._root: tuple[Path, Path] | None = None
        """The corpus folder and its real path, resolved once (a question reads ~60 articles)."""

    def text(self, i: int, *, fresh: bool = False) -> str:
        """The decoded text of article `i`, as indexed (ArticleNotFound when the file changed).

        `fresh` reads the file again even when its text is cached: an article opened to read must
        still be on disk as indexed (one deleted by hand was shown from the cache as if there)."""
        record = self.index.articles[i]
        key = f"{record['id']}@{record['sha256']}"
        cached = None if fresh else self._texts.get(key)
        if cached is not None:
            self._texts.move_to_end(key)
            return cached
        corpus_dir = self.index.corpus_dir
        if self._root is None or self._root[0] != corpus_dir:
            self._root = (corpus_dir, real_root(corpus_dir))
        try:
            data, _ = read_file(corpus_dir / record["id"], self._root[1], root_resolved=True)
        except UnreadableArticle as exc:
            raise ArticleNotFound(f"article {record['id']!r} can no longer be read: {exc}") from exc
        if hashlib.sha256(data).hexdigest() != record["sha256"]:
            raise ArticleNotFound(
                f"article {record['id']!r} changed on disk since it was indexed; ask again to read it anew"
            ) from None
        try:
            text = decode(data)
        except UnreadableArticle as exc:
            raise ArticleNotFound(f"article {record['id']!r} can no longer be read: {exc}") from exc
        self._texts[key] = text
        if len(self._texts) > TEXT_CACHE:
            self._texts.popitem(last=False)
        return text

    def sentences(self, i: int) -> tuple[Sentence, ...]:
        """Article `i`'s sentences (offsets and paragraph), from the stored columns."""
        a = self.index.stored.arrays
        lo, hi = int(self.index.sent_lo[i]), int(self.index.sent_hi[i])
        return tuple(
            Sentence(int(s), int(e), int(p))
            for s, e, p in zip(a["s_start"][lo:hi], a["s_end"][lo:hi], a["s_para"][lo:hi], strict=True)
        )

    def sentence_number(self, article: int, start: int) -> int | None:
        """The corpus-wide number of article `article`'s sentence starting at `start`, if one does."""
        lo, hi = int(self.index.sent_lo[article]), int(self.index.sent_hi[article])
        starts = self.index.stored.arrays["s_start"][lo:hi]
        for offset, value in enumerate(starts):
            if int(value) == start:
                return lo + offset
        return None
