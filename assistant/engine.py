"""The one API the command line and the terminal UI call.

It owns an open index of one corpus folder and answers questions against it;
it knows nothing of how answers are shown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from assistant.engine_parts import ArticleTexts, KnownSpeakers, add_articles, remove_article
from assistant.errors import ArticleNotFound, BadQuestion
from assistant.index import Changes, Index, Progress
from assistant.locations import default_corpus
from assistant.locations import passage_tokens as default_passage_tokens
from assistant.models import Answer, ArticleInfo, ArticleView, Attribution, SpeakerEntry

if TYPE_CHECKING:
    # The answer stage, the question's scope and the history are imported when first used:
    # `assistant add` and `remove` open an engine but never answer, and load none of them.
    import numpy as np
    import numpy.typing as npt

    from assistant.answer import Answerer, AnswerSettings, Conversation, Scope
    from assistant.history import History
    from assistant.ingest import AddReport, MetaOverrides
    from assistant.ingest.fetch import FetchedPage


NO_WORDS = (
    "the question has no words to search for (only words like “what”, “is”, “the”): say what it is about"
)
"""Why a question whose every word is a question word or a stop word is a bad question (exit 2)."""

_T = TypeVar("_T")


class Engine:
    """An open corpus: its index kept current, questions answered from it."""

    def __init__(
        self,
        index: Index,
        changes: Changes,
        settings: AnswerSettings | None = None,
        *,
        keep_history: bool = False,
    ) -> None:
        self.index = index
        self.history: History | None = None
        if keep_history:
            from assistant.history import History, history_file

            path = history_file(index.corpus_dir)
            self.history = History(path) if path is not None else None
        """Where questions and answers are kept (None: turned off)."""
        self.history_error: str | None = None
        """Why the last history write failed, if it did."""
        self.opened_with = changes
        """What the first refresh found (added, changed, removed, skipped files)."""
        self._settings = settings
        self._texts = ArticleTexts(index)
        self._speakers = KnownSpeakers(index)
        self._answering: Answerer | None = None
        self._within: Answerer | None = None

    @classmethod
    def open(
        cls,
        corpus_dir: Path | None = None,
        *,
        progress: Progress | None = None,
        settings: AnswerSettings | None = None,
        passage_tokens: int | None = None,
        keep_history: bool = False,
        trust_folders: bool = False,
        compact: bool = False,
    ) -> Engine:
        """Open the corpus folder, building or updating its index as needed.

        `keep_history=True` (the CLI and the chat) keeps each question and answer in the history
        file beside the index, unless ASSISTANT_HISTORY=0; scripts and benchmarks keep none.
        `trust_folders=True` (one question) skips the per-file walk when no corpus folder changed.
        `compact=True` (the full check) folds the index's segments into one.
        """
        corpus_dir = corpus_dir or default_corpus()
        passage_tokens = passage_tokens or default_passage_tokens()
        index, changes = Index.open(
            corpus_dir,
            passage_tokens=passage_tokens,
            progress=progress,
            trust_folders=trust_folders,
            compact=compact,
        )
        return cls(index, changes, settings, keep_history=keep_history)

    @property
    def settings(self) -> AnswerSettings:
        """How questions are answered (the defaults unless given at open)."""
        if self._settings is None:
            from assistant.answer import AnswerSettings

            self._settings = AnswerSettings()
        return self._settings

    @property
    def _answerer(self) -> Answerer:
        """The answer stage, made (and imported) on the first question."""
        if self._answering is None:
            from assistant.answer import Answerer

            self._answering = Answerer(self.index, self._text, self._article_attributions, self.settings)
        return self._answering

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

    def refresh_paths(self, paths: Iterable[str], progress: Progress | None = None) -> Changes | None:
        """Bring the index up to date with the files at `paths` alone (ids below the corpus folder).

        The open chat's notifier names what changed, so no file else is stat'ed (a walk of 46k
        files, twice, was most of a minute). None when only a walk can tell (a folder made, moved
        or removed; no walk yet in this process): then `refresh`.
        """
        from assistant.index.notified_paths import refresh_paths

        return refresh_paths(self.index, paths, progress)

    def follow(self) -> bool:
        """Take up what another process stored since (an `assistant add` beside an open chat).

        Cheap (the index pointer is read), so every question does it: an article added from
        another terminal is answerable at once, not after the next scan of the folder.
        """
        return self.index.follow_stored()

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
        limits: Scope | None = None,
    ) -> Answer:
        """Answer `question` with verbatim quotes; `conversation` makes follow-ups work.

        `limits` keeps the answer to some folders, sources, authors, dates or articles; it
        combines with `article` and `speaker` (all must hold).
        """
        from assistant.answer import (
            analyse_question,
            answer_metadata,
            find_copies,
            finish_answer,
            where_note,
            with_speaker_named,
        )
        from assistant.engine_parts import (
            asked_speaker_not_first,
            cite_stable_copies,
            nobody_quoted,
            resolve_scope,
        )

        question = self._answerer.check_question(question)
        self.follow()
        if not len(self.index.articles):  # no article at all, not "no article uses the words"
            from assistant.answer import empty_corpus_message

            empty = Answer(question, False, message=empty_corpus_message(self.corpus_dir))
            return self._keep(finish_answer(empty, None))
        where = resolve_scope(self.index, limits, article, speaker, self._article_number)
        article, scope, allowed, speaker = where.article_id, where.article, where.allowed, where.speaker
        if where.empty is not None:
            answer = Answer(question, False, message=where.empty, scope=article)
            return self._keep(finish_answer(answer, where.described()), where.as_data())
        # "What did he say about prices?" asked within `/speaker Subroto` is about Subroto, not a
        # follow-up to the last answer's article (whose "nothing more on this" note it was given).
        steer, note = (
            conversation.steer(with_speaker_named(question, speaker))
            if conversation is not None
            else (None, None)
        )
        info = analyse_question(question)
        stay: int | None = None
        if info.meta_field is not None:
            target = scope
            if target is None and steer is not None and steer.prefer_article is not None:
                target = steer.prefer_article
            answer = answer_metadata(
                self.index,
                question,
                info.meta_field,
                self._text,
                article=target,
                scope_id=article,
                search_text=lambda: self._answerer.answer(
                    question,
                    article=scope,
                    top=top,
                    context=context,
                    speaker=speaker,
                    scope_id=article,
                    allowed=allowed,
                ),
            )
        else:
            kept: Answer | None = None
            stay = steer.prefer_article if steer is not None and scope is None and allowed is None else None
            if stay is not None:
                # A follow-up stays with the article just answered while it has more on the topic;
                # that answer already settled that the article speaks to it, so no refusal model here.
                inside = self._within_answerer().answer(
                    question, article=stay, top=top, context=context, speaker=speaker, steer=steer
                )
                kept = inside if inside.answered else None
            answer = kept or self._answerer.answer(
                question,
                article=scope,
                top=top,
                context=context,
                speaker=speaker,
                steer=steer,
                scope_id=article,
                allowed=allowed,
            )
            if not answer.answered and not answer.searched and speaker is None and conversation is None:
                # Nothing was searched ("what", "is it?"): the question needs rewording, not a refusal.
                # (The chat answers it in the transcript, where "What did she say?" may follow a pick.)
                raise BadQuestion(NO_WORDS)
            if note is not None and stay is not None:
                title = str(self.index.articles[stay]["title"] or self._id_of(stay))
                note = where_note(note, title, [q.article.id for q in answer.quotes], self._id_of(stay))
        if note is not None:
            answer = replace(answer, followed=note)
        if not answer.answered and speaker is not None and self._quoted_by_nobody(speaker):
            answer = replace(answer, message=nobody_quoted(speaker))
        elif not answer.answered and answer.message:  # a refusal within limits speaks for them alone
            answer = replace(answer, message=where.refusal(answer.message, self.index.live_articles))
        answer = finish_answer(
            answer,
            where.described(),
            lambda quote: find_copies(self.index, self._text, quote, allowed),
        )
        # A story filed twice is cited from the same copy every time (not whichever was indexed last).
        kept_to = article if article is not None else (self._id_of(stay) if stay is not None else None)
        answer = cite_stable_copies(answer, self._texts, self._article_attributions, keep=kept_to)
        if speaker is None and (named := asked_speaker_not_first(info, answer, self._quoted_by_nobody)):
            answer = replace(answer, speaker_not_first=named)
        if conversation is not None:
            self._remember(conversation, question, answer)
        return self._keep(answer, where.as_data())

    def _quoted_by_nobody(self, speaker: str) -> bool:
        """No one the corpus quotes answers to the name asked (read only when a question is refused)."""
        from assistant.speakers import quoted_by_nobody

        return quoted_by_nobody(speaker, self.index.stored.speaker_tally()["people"])

    def _within_answerer(self) -> Answerer:
        """An answerer without the refusal model, for a follow-up inside the article just answered."""
        if self._within is None:
            from assistant.answer import Answerer

            settings = dataclasses.replace(self._answerer.settings, refusal=False)
            self._within = Answerer(self.index, self._text, self._article_attributions, settings)
        return self._within

    def _id_of(self, article: int) -> str:
        """One row read, never the whole table (a follow-up at 1M passages parsed it: 13 s)."""
        return str(self.index.articles[article]["id"])

    def _keep(self, answer: Answer, limits: dict[str, Any] | None = None) -> Answer:
        """Record the answer in the history (when kept), with the scope it was asked within as data
        (`QuestionScope.as_data`); a failed write never costs the answer."""
        if self.history is not None:
            from assistant.engine_parts import record_in_history

            failed = record_in_history(self.history, answer, limits)
            if failed is not None:
                self.history_error = failed
        return answer

    def _remember(self, conversation: Conversation, question: str, answer: Answer) -> None:
        from assistant.engine_parts import remember_shown

        remember_shown(conversation, self._texts, question, answer)

    # ---- articles -------------------------------------------------------------------------

    def articles(self) -> list[ArticleInfo]:
        """Every article with its metadata and sizes, in corpus order."""
        return [self._info(i, r) for i, r in enumerate(self.index.articles) if r["id"]]  # "": removed

    def article_listing(self) -> Callable[[Callable[[], None] | None], list[ArticleInfo]]:
        """Every article for a list, in two steps: this call reads what is needed (the rows' bytes,
        the sentence counts; ~0.1 s at 46k articles), and the call it returns parses them.

        The chat takes the first step under the engine's lock and the second outside it, so a
        question typed the moment the chat opens is answered while the list is still being read
        (`articles()` parses row by row under the lock: ~14 s at 46k articles on a loaded machine).
        The result is `articles()`'s, in the same order. The parse calls its argument (when not None)
        every 500 rows: the chat waits there while a question is answered, which has the CPU first.
        """
        from assistant.answer.quotes import meta_of_row

        snapshot = self.index.articles.snapshot()
        count = len(self.index.articles)
        sentences = (self.index.sent_hi.every(count) - self.index.sent_lo.every(count)).tolist()

        def parse(between: Callable[[], None] | None = None) -> list[ArticleInfo]:
            rows = snapshot.rows()
            if between is not None:
                rows = _calling(rows, between, 500)
            return [
                ArticleInfo(
                    meta=meta_of_row(r),
                    paragraphs=r["paragraphs"],
                    sentences=int(sentences[i]),
                    words=r["words"],
                    tokens=r["tokens"],
                )
                for i, r in enumerate(rows)
                if r is not None and r["id"]  # None, "": removed
            ]  # fmt: skip

        return parse

    def article_ids(self) -> set[str]:
        """The ids of every live article, no row parsed: the chat checks its list against them."""
        ids, _, _ = self.index.stored.file_keys()
        return {aid for aid in ids if aid}  # "": removed

    def file_keys(self) -> tuple[list[str], npt.NDArray[np.int64], list[str | None]]:
        """Every article's id ("" when removed), file (size, mtime_ns) and content hash, in table
        order, as the index holds them (no row parsed; kept until the index changes). The chat
        compares two to list what another process's generation changed, rather than every row."""
        return self.index.stored.file_keys()

    def article_infos(self, ids: Iterable[str]) -> dict[str, ArticleInfo]:
        """Each live article among `ids` by id (the others left out): only their rows are read.

        The chat patches its article list by the ids a change named; `articles()` parses every
        row (~1 ms an article on a loaded machine, 38 s at 46k articles).
        """
        positions = self.index.article_indexes(ids)
        return {aid: self._info(i, self.index.articles[i]) for aid, i in sorted(positions.items())}

    def _info(self, i: int, row: dict[str, Any]) -> ArticleInfo:
        from assistant.answer import meta_of

        return ArticleInfo(
            meta=meta_of(self.index, i),
            paragraphs=row["paragraphs"],
            sentences=int(self.index.sent_hi[i] - self.index.sent_lo[i]),
            words=row["words"],
            tokens=row["tokens"],
        )

    def skipped(self) -> list[tuple[str, str]]:
        """Files in the corpus folder that are not readable articles, with the reason."""
        return [(s["id"], s["why"]) for s in self.index.stored.skipped]

    def unreadable_folders(self) -> list[str]:
        """Folders below the corpus the last full walk could not list ("world/"): none of their
        files is in the index, and nothing else would tell the user so."""
        walked = self.index.walk_seen.folders
        return sorted(prefix for prefix, stamp in walked.items() if prefix and stamp == -1)

    def article(self, article_id: str) -> ArticleView:
        """An article's text with its paragraphs, sentences and their attributions, for reading."""
        from assistant.answer import meta_of
        from assistant.corpus import parse_article

        i = self._article_number(article_id)
        text = self._texts.text(i, fresh=True)  # as on disk now: a file deleted by hand is said to be gone
        sentences = self._texts.sentences(i)

        parsed = parse_article(article_id, text, markdown=bool(self.index.articles[i].get("markdown")))
        return ArticleView(
            meta=meta_of(self.index, i),
            text=text,
            paragraphs=tuple((p.start, p.end) for p in parsed.paragraphs),
            sentences=sentences,
            attributions=self._article_attributions(i),
        )

    def speakers(self) -> list[SpeakerEntry]:
        """The people quoted across the corpus, one entry per person, from what the index stored."""
        from assistant.speakers import census_of

        return census_of(self.index.stored.speaker_tally())

    # ---- adding and removing ----------------------------------------------------------------

    def add(
        self,
        sources: Sequence[str],
        *,
        overrides: MetaOverrides | None = None,
        stdin: BinaryIO | None = None,
        progress: Callable[[int, int], None] | None = None,
        fetcher: Callable[[str], FetchedPage] | None = None,
        into: str | None = None,
    ) -> AddReport:
        """Store articles from files, folders, URLs or stdin in the corpus, then update the index.

        `fetcher` hands back pages already fetched (`ingest.prefetch_urls`); without it they are
        fetched here, before the index lock is taken. `into` is a folder of the corpus to store
        them in (`add --into wire/`), made when missing.
        """
        return add_articles(
            self.index,
            sources,
            overrides=overrides,
            stdin=stdin,
            progress=progress,
            fetcher=fetcher,
            into=into,
        )

    def remove(self, article_id: str) -> Path:
        """Delete an article from the corpus folder and the index."""
        return remove_article(self.index, article_id)

    # ---- internals --------------------------------------------------------------------------

    def _article_number(self, article_id: str) -> int:
        i = self.index.article_index(article_id)
        if i is None:
            raise ArticleNotFound(f"no article {article_id!r} in {self.corpus_dir} (see `assistant list`)")
        return i

    def _text(self, i: int) -> str:
        """The decoded text of article `i`, as indexed (ArticleNotFound when the file changed)."""
        return self._texts.text(i)

    def _article_attributions(self, i: int) -> tuple[tuple[Attribution, ...], ...]:
        """Per sentence of article `i`, its attributions; a short name ("Blair") given as the person
        the corpus names in full ("Tony Blair")."""
        return self._speakers.of_article(i)


def _calling(items: Iterator[_T], call: Callable[[], None], every: int) -> Iterator[_T]:
    """`items`, with `call()` made before each `every` of them."""
    for i, item in enumerate(items):
        if i % every == 0:
            call()
        yield item
