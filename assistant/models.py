"""The typed records that flow from the core to the front ends.

Everything the CLI prints or the TUI shows is one of these; none holds text
that was not copied from an article file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Who wrote an article, where and when it appeared."""

    id: str
    """Path relative to the corpus folder, with forward slashes."""
    title: str
    author: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as character offsets into the article file's decoded text."""

    start: int
    end: int
    paragraph: int
    """1-based number of the body paragraph holding the sentence."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who is reported as saying a sentence's words, and how."""

    name: str
    """The person's (or body's) name, titles and roles left out ("Tony Blair"); for a speaker the
    article never names, the mention itself ("officials", "he")."""
    as_written: str
    """The mention as it stands in (or nearest before) the sentence."""
    cue: str
    """The reporting word: said, told, according to…"""
    direct: bool
    """True for words inside quotation marks, False for reported speech."""
    start: int
    end: int
    """Offsets of `as_written` in the article text."""
    content_start: int | None = None
    content_end: int | None = None
    """Offsets of the reported words, where known."""
    key: str = ""
    """One per person across the corpus ("tony blair" for "Mr Blair", "Blair"); empty when unnamed."""
    role: str | None = None
    """The title or description the article gives them: "Prime Minister", "a professor at Yale"."""
    kind: str = "direct"
    """direct (in quotation marks), mixed (partly quoted), reported ("said that…"), according_to."""


@dataclass(frozen=True, slots=True)
class Quote:
    """One verbatim sentence (or metadata line) of an article, with where it stands."""

    text: str
    start: int
    end: int
    paragraph: int
    score: float
    article: ArticleMeta
    speaker: Attribution | None = None
    highlights: tuple[tuple[int, int], ...] = ()
    """Spans of `text` (relative offsets) that match words of the question."""
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    """Neighbouring sentences, verbatim, when context was asked for."""
    kind: Literal["sentence", "metadata"] = "sentence"
    field: str | None = None
    """For metadata quotes: which field (author, title, source, date, url)."""
    also_in: tuple[str, ...] = ()
    """Other articles holding the very same sentence (copies of one story), by id."""
    tokens: int | None = None
    """tiktoken tokens of `text`, `before` and `after` together, as the index counted them (None: count
    them when needed). Saves loading tiktoken's tables (~0.2 s) on every one-shot question."""


@dataclass(frozen=True, slots=True)
class Answer:
    """The reply to one question: quotes, or a plain statement that there are none."""

    question: str
    answered: bool
    quotes: tuple[Quote, ...] = ()
    message: str | None = None
    """Why nothing was shown, when `answered` is False."""
    suggestions: tuple[str, ...] = ()
    """Corpus words close to question words the corpus does not hold."""
    scope: str | None = None
    """The article id the question was limited to, if any."""
    followed: str | None = None
    """How a follow-up question was read: the article or speaker it stayed with."""
    searched: str = ""
    """The words actually searched for (the question, or its follow-up expansion)."""
    tokens: int = 0
    """tiktoken tokens of the quoted text shown (quotes and their context sentences)."""
    limits: str | None = None
    """The scope the question was asked within, in words (folders, sources, dates…), if any."""
    speaker_not_first: str | None = None
    """The person the question asks for by name ("Volcker") when the first quote is someone else's
    words (bankers' that name him) and no speaker scope was given: front ends say so."""


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article as listed: metadata and sizes."""

    meta: ArticleMeta
    paragraphs: int
    sentences: int
    words: int
    tokens: int


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    """One person quoted in the corpus, however many ways the articles name them."""

    name: str
    """The fullest form of their name found ("Tony Blair")."""
    key: str
    statements: int
    """Sentences that carry their words."""
    articles: int
    roles: tuple[str, ...] = ()
    """Titles and roles given to them, most frequent first."""
    aliases: tuple[str, ...] = ()
    """Other forms of the name that were merged into this entry ("Blair")."""


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article for reading: its text and where each paragraph and sentence stands."""

    meta: ArticleMeta
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    attributions: tuple[tuple[Attribution, ...], ...] = field(default=())
    """Per sentence, the attributions found in it (empty tuples where none)."""
