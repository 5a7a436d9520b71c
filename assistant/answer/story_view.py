"""What the rules read of a candidate's article beyond the candidates themselves.

The priors (said/, named.py), the gaps a story leaves (story_gaps.py) and the near-miss model
(shown_article.py) ask of the same few articles again and again, question after question in a batch
or a chat: their head, their sentences' terms and speakers, the words of each sentence in order, the
years they write. A StoryView reads them from the index and the article's text, and keeps the two
asked most (heads and sentences' terms) between questions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from assistant.answer.features import Scored
from assistant.answer.story_gaps import dated_years
from assistant.corpus.dates import article_date
from assistant.corpus.front_matter_block import head_words
from assistant.index import Index
from assistant.index.tokens import terms
from assistant.models import Attribution

__all__ = ["StoryView"]

TextLoader = Callable[[int], str]
Attributions = Callable[[int], Sequence[tuple[Attribution, ...]]]
HEADS_KEPT = 20_000
STORIES_KEPT = 2_000


class StoryView:
    """An index's articles as the rules read them, the most asked kept between questions."""

    def __init__(self, index: Index, load_text: TextLoader, attributions: Attributions) -> None:
        self.index = index
        self.load_text = load_text
        self.attributions = attributions
        self._heads: dict[tuple[int, int], frozenset[str]] = {}
        """Head terms of articles met before (a batch or a chat asks of the same articles again)."""
        self._stories: dict[
            tuple[int, int], tuple[int, list[frozenset[str]], Sequence[tuple[Attribution, ...]]]
        ] = {}
        """Per article met before, its sentences' terms and speakers (see `story`)."""

    def story(self, article: int) -> tuple[int, list[frozenset[str]], Sequence[tuple[Attribution, ...]]]:
        """An article's first sentence's number, and per sentence its terms and speakers: what the
        rules read around a candidate beyond the candidates themselves."""
        key = (id(self.index.stored), article)
        found = self._stories.get(key)
        if found is None:
            lo, hi = int(self.index.sent_lo[article]), int(self.index.sent_hi[article])
            arrays = self.index.stored.arrays
            text = self.load_text(article)
            held = [
                frozenset(terms(text[int(arrays["s_start"][i]) : int(arrays["s_end"][i])]))
                for i in range(lo, hi)
            ]
            found = (lo, held, self.attributions(article))
            if len(self._stories) >= STORIES_KEPT:
                self._stories.clear()
            self._stories[key] = found
        return found

    def around(self, s: Scored) -> frozenset[str]:
        """Terms of a candidate's sentence and the sentences either side of it in its article."""
        lo, held, _ = self.story(s.cand.article)
        k = s.cand.sentence - lo
        return frozenset().union(*held[max(0, k - 1) : k + 2])

    def story_terms(self, article: int) -> frozenset[str]:
        """Terms of an article's sentences and of its head: all that its story writes."""
        _, held, _ = self.story(article)
        return self.head_terms(article).union(*held)

    def ordered_texts(self, article: int) -> list[str]:
        """The text of an article's head, then of each of its sentences: what a rule reads when
        which words stand together, and how they are written, matters (story_gaps.role_unbound)."""
        lo, hi = int(self.index.sent_lo[article]), int(self.index.sent_hi[article])
        arrays = self.index.stored.arrays
        text = self.load_text(article)
        first = int(arrays["s_start"][lo]) if lo < hi else 0
        spans = ((int(arrays["s_start"][i]), int(arrays["s_end"][i])) for i in range(lo, hi))
        return [head_words(text[:first]), *(text[a:b] for a, b in spans)]

    def story_years(self, article: int) -> frozenset[str]:
        """The years an article's story writes relative to its date ("last year"), and its own year:
        none when its metadata gives no date (story_gaps.dated_years)."""
        return dated_years(self.load_text(article), article_date(self.index.articles[article]["date"]))

    def term_shares(self, article: int) -> dict[str, float]:
        """Per term, the share of an article's sentences that hold it: what the whole story is
        about, which tells none of its sentences apart."""
        _, held, _ = self.story(article)
        counts = Counter(t for sentence in held for t in sentence)
        return {t: n / max(len(held), 1) for t, n in counts.items()}

    def head_terms(self, article: int) -> frozenset[str]:
        """Terms of what stands before an article's first sentence: its title, byline and dateline
        ("LONDON, April 7 -"), which name what it is about but are no sentences of it."""
        key = (id(self.index.stored), article)
        found = self._heads.get(key)
        if found is None:
            lo, hi = int(self.index.sent_lo[article]), int(self.index.sent_hi[article])
            first = int(self.index.stored.arrays["s_start"][lo]) if lo < hi else 0
            found = frozenset(terms(head_words(self.load_text(article)[:first])))
            if len(self._heads) >= HEADS_KEPT:
                self._heads.clear()
            self._heads[key] = found
        return found
