"""The one API the command line and the terminal UI call.

It owns an open index of one corpus folder and answers questions against it;
it knows nothing of how answers are shown.
"""

from __future__ import annotations

import hashlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from assistant.answer import (
    Answerer,
    AnswerSettings,
    Conversation,
    analyse_question,
    answer_metadata,
    meta_of,
)
from assistant.corpus import UnreadableArticle, decode
from assistant.errors import ArticleNotFound
from assistant.index import Changes, Index, Progress
from assistant.locations import default_corpus
from assistant.locations import passage_tokens as default_passage_tokens
from assistant.models import Answer, ArticleInfo, ArticleView, Attribution, Sentence

if TYPE_CHECKING:
    from assistant.ingest import AddReport, MetaOverrides

_TEXT_CACHE = 64


class Engine:
    """An open corpus: its index kept current, questions answered from it."""

    def __init__(self, index: Index, changes: Changes, settings: AnswerSettings) -> None:
        self.index = index
        self.opened_with = changes
        """What the first refresh found (added, changed, removed, skipped files)."""
        self.settings = settings
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._attributions: OrderedDict[str, tuple[tuple[Attribution, ...], ...]] = OrderedDict()
        self._answerer = Answerer(index, self._text, self._article_attributions, settings)

    @classmethod
    def open(
        cls,
        corpus_dir: Path | None = None,
        *,
        progress: Progress | None = None,
        settings: AnswerSettings | None = None,
        passage_tokens: int | None = None,
    ) -> Engine:
        """Open the corpus folder, building or updating its index as needed."""
        corpus_dir = corpus_dir or default_corpus()
        passage_tokens = passage_tokens or default_passage_tokens()
        index, changes = Index.open(corpus_dir, passage_tokens=passage_tokens, progress=progress)
        return cls(index, changes, settings or AnswerSettings())

    @property
    def corpus_dir(self) -> Path:
        """The corpus folder this engine reads."""
        return self.index.corpus_dir

    # ---- keeping current ------------------------------------------------------------------

    def needs_refresh(self) -> bool:
        """True when files in the corpus folder changed since the index was made (a cheap stat scan)."""
        return self.index.needs_refresh()

    def refresh(self, progress: Progress | None = None) -> Changes:
        """Bring the index up to date with the folder; only changed files are read."""
        return self.index.refresh(progress=progress)

    # ---- questions ------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        *,
        article: str | None = None,
        top: int | None = None,
        context: int = 0,
        speaker: str | None = None,
        conversation: Conversation | None = None,
    ) -> Answer:
        """Answer `question` with verbatim quotes; `conversation` makes follow-ups work."""
        question = self._answerer.check_question(question)
        scope = self._article_number(article) if article is not None else None
        steer, note = conversation.steer(question) if conversation is not None else (None, None)
        info = analyse_question(question)
        if info.meta_field is not None:
            target = scope
            if target is None and steer is not None and steer.prefer_article is not None:
                target = steer.prefer_article
            answer = answer_metadata(
                self.index, question, info.meta_field, self._text, article=target, scope_id=article
            )
        else:
            answer = self._answerer.answer(
                question,
                article=scope,
                top=top,
                context=context,
                speaker=speaker,
                steer=steer,
                scope_id=article,
            )
        if note is not None:
            answer = replace(answer, followed=note)
        if conversation is not None:
            self._remember(conversation, question, answer)
        return answer

    def _remember(self, conversation: Conversation, question: str, answer: Answer) -> None:
        article = sentence = None
        shown: set[int] = set()
        for i, quote in enumerate(answer.quotes):
            idx = self.index.article_index(quote.article.id)
            if idx is None or quote.kind != "sentence":
                continue
            number = self._sentence_number(idx, quote.start)
            if number is not None:
                shown.add(number)
            if i == 0:
                article, sentence = idx, number
        if article is None and answer.quotes:
            article = self.index.article_index(answer.quotes[0].article.id)
        conversation.record(question, answer, article, sentence, frozenset(shown))

    def _sentence_number(self, article: int, start: int) -> int | None:
        lo, hi = int(self.index.sent_lo[article]), int(self.index.sent_hi[article])
        starts = self.index.stored.arrays["s_start"][lo:hi]
        for offset, value in enumerate(starts):
            if int(value) == start:
                return lo + offset
        return None

    # ---- articles -------------------------------------------------------------------------

    def articles(self) -> list[ArticleInfo]:
        """Every article with its metadata and sizes, in corpus order."""
        out = []
        for i, r in enumerate(self.index.articles):
            out.append(
                ArticleInfo(
                    meta=meta_of(self.index, i),
                    paragraphs=r["paragraphs"],
                    sentences=int(self.index.sent_hi[i] - self.index.sent_lo[i]),
                    words=r["words"],
                    tokens=r["tokens"],
                )
            )
        return out

    def skipped(self) -> list[tuple[str, str]]:
        """Files in the corpus folder that are not readable articles, with the reason."""
        return [(s["id"], s["why"]) for s in self.index.stored.skipped]

    def article(self, article_id: str) -> ArticleView:
        """An article's text with its paragraphs, sentences and their attributions, for reading."""
        i = self._article_number(article_id)
        text = self._text(i)
        sentences = self._sentences(i)
        from assistant.corpus import parse_article

        parsed = parse_article(article_id, text, markdown=bool(self.index.articles[i].get("markdown")))
        return ArticleView(
            meta=meta_of(self.index, i),
            text=text,
            paragraphs=tuple((p.start, p.end) for p in parsed.paragraphs),
            sentences=sentences,
            attributions=self._article_attributions(i),
        )

    def speakers(self) -> list[tuple[str, int]]:
        """The people quoted across the corpus, with how many sentences carry their words."""
        counts: Counter[str] = Counter()
        for i in range(len(self.index.articles)):
            for found in self._article_attributions(i):
                for attribution in found[:1]:
                    counts[attribution.name] += 1
        return sorted(_merge_extended_names(counts).items(), key=lambda kv: (-kv[1], kv[0]))

    # ---- adding and removing ----------------------------------------------------------------

    def add(
        self,
        sources: Sequence[str],
        *,
        overrides: MetaOverrides | None = None,
        stdin: BinaryIO | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> AddReport:
        """Store articles from files, folders, URLs or stdin in the corpus, then update the index."""
        from assistant.ingest import MetaOverrides, add_sources

        # Held across the duplicate check, the writes and the refresh: two adds at once cannot both
        # store the same article.
        with self.index.lock():
            report = add_sources(
                self.corpus_dir,
                sources,
                overrides=overrides or MetaOverrides(),
                stdin=stdin,
                progress=progress,
            )
            if report.stored:
                self.refresh()
        return report

    def remove(self, article_id: str) -> Path:
        """Delete an article from the corpus folder and the index."""
        from assistant.ingest import remove_article

        with self.index.lock():
            path = remove_article(self.corpus_dir, article_id)
            self.refresh()
        return path

    # ---- internals --------------------------------------------------------------------------

    def _article_number(self, article_id: str) -> int:
        i = self.index.article_index(article_id)
        if i is None:
            raise ArticleNotFound(f"no article {article_id!r} in {self.corpus_dir} (see `assistant list`)")
        return i

    def _sentences(self, i: int) -> tuple[Sentence, ...]:
        a = self.index.stored.arrays
        lo, hi = int(self.index.sent_lo[i]), int(self.index.sent_hi[i])
        return tuple(
            Sentence(int(s), int(e), int(p))
            for s, e, p in zip(a["s_start"][lo:hi], a["s_end"][lo:hi], a["s_para"][lo:hi], strict=True)
        )

    def _text(self, i: int) -> str:
        """The decoded text of article `i`, as indexed; the index is refreshed if the file changed."""
        record = self.index.articles[i]
        key = f"{record['id']}@{record['sha256']}"
        cached = self._texts.get(key)
        if cached is not None:
            self._texts.move_to_end(key)
            return cached
        path = self.corpus_dir / record["id"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleNotFound(f"article {record['id']!r} can no longer be read: {exc.strerror}") from exc
        if hashlib.sha256(data).hexdigest() != record["sha256"]:
            raise ArticleNotFound(
                f"article {record['id']!r} changed on disk since it was indexed; ask again to read it anew"
            ) from None
        try:
            text = decode(data)
        except UnreadableArticle as exc:
            raise ArticleNotFound(f"article {record['id']!r} can no longer be read: {exc}") from exc
        self._texts[key] = text
        if len(self._texts) > _TEXT_CACHE:
            self._texts.popitem(last=False)
        return text

    def _article_attributions(self, i: int) -> tuple[tuple[Attribution, ...], ...]:
        from assistant.speakers import attribute

        record = self.index.articles[i]
        key = f"{record['id']}@{record['sha256']}"
        cached = self._attributions.get(key)
        if cached is None:
            cached = tuple(attribute(self._text(i), self._sentences(i)))
            self._attributions[key] = cached
            if len(self._attributions) > _TEXT_CACHE * 4:
                self._attributions.popitem(last=False)
        return cached


def _merge_extended_names(counts: Counter[str]) -> Counter[str]:
    """Count "Chief Laura Brennan of the county fire department" as "Chief Laura Brennan"."""
    merged: Counter[str] = Counter()
    for name in sorted(counts, key=len):
        base = next((b for b in merged if name.startswith(b + " ") or name.startswith(b + ",")), name)
        merged[base] += counts[name]
    return merged
