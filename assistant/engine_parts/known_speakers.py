"""Attributions of an article's sentences, a short name given as the person the corpus names in full.

"Blair" in one article is "Tony Blair" when the corpus names him so elsewhere: the corpus-wide
short names are stored with each index generation (index/speaker_names.py), and read once per
generation here.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from assistant.index import Index
from assistant.index.speaker_names import Names, stored_names
from assistant.models import Attribution
from assistant.speakers import names_of, stored_attributions

ATTRIBUTIONS_CACHE = 256
"""Articles whose resolved attributions are kept per engine."""


class KnownSpeakers:
    """Per article, its sentences' attributions with short names resolved; cached per generation."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._attributions: OrderedDict[str, tuple[tuple[Attribution, ...], ...]] = OrderedDict()
        self._names: tuple[Path | None, Names] | None = None

    def of_article(self, i: int) -> tuple[tuple[Attribution, ...], ...]:
        """Per sentence of article `i`, its attributions as computed when the article was indexed."""
        names = self.corpus_names()
        record = self.index.articles[i]  # one row: the whole table is not parsed for a question
        record_id = f"{record['id']}@{record['sha256']}"
        cached = self._attributions.get(record_id)
        if cached is None:
            found = stored_attributions(
                record["speakers"], int(self.index.sent_hi[i] - self.index.sent_lo[i])
            )
            cached = tuple(tuple(_as_known(a, names) for a in sentence) for sentence in found)
            self._attributions[record_id] = cached
            if len(self._attributions) > ATTRIBUTIONS_CACHE:
                self._attributions.popitem(last=False)
        return cached

    def corpus_names(self) -> Names:
        """Short keys → the person across the corpus, made once per index generation."""
        generation = self.index.stored.origin
        if self._names is None or self._names[0] != generation:
            names = stored_names(self.index.stored.info.get("speaker_names"))
            if names is None:  # an index stored before the names were kept with it
                names = names_of(self.index.stored.speaker_tally())
            self._names = (generation, names)
            self._attributions.clear()
        return self._names[1]


def _as_known(attribution: Attribution, names: Names) -> Attribution:
    known = names.get(attribution.key)
    if known is None or known[0] == attribution.key:
        return attribution
    return replace(attribution, key=known[0], name=known[1])
