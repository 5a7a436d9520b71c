"""Where a question may be answered from: `--article`, the scope's limits and `--speaker`, resolved
once against the article table into an article number and a mask over passages.

The search then skips everything outside the mask rather than filtering answers afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.answer import (
    Scope,
    article_date,
    article_mask,
    corpus_folders,
    empty_scope_message,
    folder_hint,
    missing_folders,
    passage_mask,
    scope_miss_message,
)
from assistant.index import Index
from assistant.speakers import names_nobody
from assistant.wording import counted

WHOLE_CORPUS_REFUSALS = ("The corpus holds no answer to this question", "The corpus holds no statement by")
"""Refusals that judge only the passages searched: under limits they speak for the limits, not
the corpus ("no article uses the words" is checked against the whole corpus and stays)."""

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


def nobody_quoted(speaker: str) -> str:
    """The refusal of a question asked of a name no one the corpus quotes answers to: the speaker
    is not in the archive, which "no statement by X that answers this question" left unsaid."""
    return f"Nobody named “{speaker.strip()}” is quoted in the corpus: `assistant speakers` lists who is."


@dataclass(frozen=True, slots=True)
class QuestionScope:
    """A question's limits resolved: what the answer stage is told, and what the answer says."""

    limits: Scope | None
    """The limits as given (folders as the corpus has them); None when there are none."""
    article_id: str | None
    """The one article asked about, as named (`--article`, or the scope's only id)."""
    article: int | None
    """Its position in the table, or the only article the limits leave."""
    allowed: npt.NDArray[np.bool_] | None
    """Passages the answer may come from (None: every passage)."""
    speaker: str | None
    """Only this person's statements."""
    empty: str | None = None
    """Why no article is left (the limits match none): the answer is this message."""
    within: int | None = None
    """How many articles the limits leave (None: no limits on articles)."""
    undated: int = 0
    """Articles left out by a date bound for having no date to compare."""

    def described(self) -> str | None:
        """The limits in words with the speaker asked for, or None: what the answer and the history
        say it was asked within (`--speaker` alone used to leave no trace, so re-asking lost it)."""
        limits = self._with_speaker()
        return limits.describe() if limits is not None else None

    def as_data(self) -> dict[str, Any] | None:
        """The scope as JSON-ready data (`Scope.as_json()` and the `article` asked of), or None when
        nothing was limited: what the history keeps so a recalled question is asked within it again."""
        limits = self._with_speaker()
        if limits is None and self.article_id is None:
            return None
        return {**(limits or Scope()).as_json(), "article": self.article_id}

    def _with_speaker(self) -> Scope | None:
        """The limits with the speaker asked for (`--speaker` is given apart from them)."""
        limits = self.limits
        if self.speaker is not None and (limits is None or limits.speaker is None):
            limits = replace(limits if limits is not None else Scope(), speaker=self.speaker.strip())
        return limits

    def refusal(self, message: str, total: int) -> str:
        """`message` as said of what was searched: "The corpus holds no answer" is false when only
        one article or part of the archive was searched, and a researcher would look no further.
        `total` is the corpus's live articles (removed ones not counted)."""
        if not message.startswith(WHOLE_CORPUS_REFUSALS):
            return message
        if self.article_id is not None and self.article is not None:
            subject = f"Article {self.article_id}"
        elif self.within is not None and self.limits is not None:
            subject = f"The scope ({self.limits.describe()}: {self.within} of {counted(total, 'article')})"
        else:
            return message
        said = subject + message[len("The corpus") :]
        if self.undated:
            verb = "has" if self.undated == 1 else "have"
            said += f" {self.undated} of {counted(total, 'article')} {verb} no date to compare."
        dropped = "the article" if subject.startswith("Article") else "the limits"
        return f"{said} Ask without {dropped} to search all {counted(total, 'article')}."


def resolve_scope(
    index: Index,
    limits: Scope | None,
    article_id: str | None,
    speaker: str | None,
    article_number: Callable[[str], int],
) -> QuestionScope:
    """Resolve `--article`, `limits` and `--speaker` (all must hold); `article_number` raises for an
    unknown id, so a mistyped id is an error rather than an empty scope."""
    limits = limits if limits is not None and not limits.is_empty() else None
    names: Sequence[str] = ()
    if limits is not None and limits.folders:
        names = folder_names(index, limits.folders)
        limits = corpus_folders(limits, index.corpus_dir, list(names))
    if limits is not None and len(limits.articles) == 1 and article_id is None:
        article_id = limits.articles[0]
    for named in limits.articles if limits is not None else ():
        article_number(named)
    number = article_number(article_id) if article_id is not None else None
    speaker = speaker or (limits.speaker if limits is not None else None)
    if speaker is not None and names_nobody(speaker):
        message = f"“{speaker.strip()}” names nobody: ask for a speaker by name."
        return QuestionScope(limits, article_id, number, None, speaker, empty=message)
    allowed = None
    if limits is not None and limits.limits_articles:
        articles, undated, why_none = _articles_within(index, limits, names)
        if why_none is not None:
            return QuestionScope(limits, article_id, number, None, speaker, empty=why_none)
        within = int(articles.sum())
        if number is None and within == 1:
            number = int(np.flatnonzero(articles)[0])
        allowed = passage_mask(articles, index.stored.arrays["p_article"])
        return QuestionScope(limits, article_id, number, allowed, speaker, within=within, undated=undated)
    return QuestionScope(limits, article_id, number, allowed, speaker)


def _live(index: Index) -> npt.NDArray[np.bool_]:
    """Articles not marked removed, as a mask over table positions."""
    live = np.ones(len(index.articles), dtype=np.bool_)
    if index.stored.dead:
        live[np.fromiter(index.stored.dead, dtype=np.int64)] = False
    return live


def _by_folder(folders: Sequence[str]) -> bool:
    """Folders each ending in "/" (as `--in` and the chat write them): then an id starts with one
    exactly when its folder does, and the stored folders stand for the ids."""
    return all(not folder or folder.endswith("/") for folder in folders)


def folder_names(index: Index, folders: Sequence[str]) -> Sequence[str]:
    """What `folders` are matched against: the folders the live articles are in (535 at 1M
    passages), or every id for a folder not ending in "/" (a scope kept by hand in the history)."""
    labels = index.stored.labels
    if labels is not None and _by_folder(folders):
        return labels.present("folder", _live(index))
    return index.stored.file_keys()[0]


def _holds_any(needles: Sequence[str]) -> Callable[[str], bool]:
    """A value holding one of `needles`, case aside (`--source`, `--author`)."""
    folded = [needle.casefold() for needle in needles]
    return lambda value: any(needle in value.casefold() for needle in folded)


def _articles_within(
    index: Index, limits: Scope, names: Sequence[str]
) -> tuple[npt.NDArray[np.bool_], int, str | None]:
    """The live articles the limits let in, how many live ones have no date, and why none is in
    (None when some are). Folders, sources and authors come from the stored labels, dates from the
    stored days, ids from the id files: no row of the article table is parsed (only an index not
    stored yet reads the table). `names` are what the folders were matched against."""
    labels, days = index.stored.labels, index.stored.days
    if labels is None or days is None:
        return _within_by_table(index, limits)
    live = _live(index)
    articles = live.copy()
    if limits.folders:
        folders = limits.folders
        if _by_folder(folders):
            articles &= labels.mask("folder", lambda value: any(value.startswith(f) for f in folders))
        else:
            ids = index.stored.file_keys()[0]
            articles &= np.fromiter((any(i.startswith(f) for f in folders) for i in ids), np.bool_, len(ids))
    if limits.sources:
        articles &= labels.mask("source", _holds_any(limits.sources))
    if limits.authors:
        articles &= labels.mask("author", _holds_any(limits.authors))
    if limits.articles:
        named = np.zeros(len(live), dtype=np.bool_)
        named[list(index.article_indexes(limits.articles).values())] = True
        articles &= named
    undated = 0
    if limits.since or limits.until:
        from assistant.index.article_days import NO_DAY, within

        articles &= within(days, limits.since, limits.until)
        undated = int(np.count_nonzero((days == NO_DAY) & live))
    if articles.any():
        return articles, undated, None
    missing = missing_folders(limits.folders, names)
    hint = folder_hint(missing[0], names) if missing else ""
    return articles, undated, scope_miss_message(limits, index.live_articles, undated, hint)


def _within_by_table(index: Index, limits: Scope) -> tuple[npt.NDArray[np.bool_], int, str | None]:
    """`_articles_within` from the parsed article table, for an index not stored yet."""
    columns = index.articles.columns
    articles = _live(index) & article_mask(limits, columns)
    undated = 0
    if limits.since or limits.until:
        pairs = zip(columns["id"], columns["date"], strict=True)
        undated = sum(1 for i, value in pairs if i and article_date(value) is None)
    if articles.any():
        return articles, undated, None
    return articles, undated, empty_scope_message(limits, columns)
