"""Events posted by the thread workers back to the UI thread.

Each is a small dataclass named for what happened; handlers stay thin and the
slow work (opening the index, answering, adding articles) never runs on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from assistant.models import Answer, ArticleInfo, ArticleView, Quote

if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.index import Changes
    from assistant.ingest import AddReport
    from assistant.tui.widgets.article_filter import PreparedList


@dataclass
class IndexProgressed(Message):
    """Opening or refreshing the index moved on: `done` of `total` in `stage`."""

    stage: str
    done: int
    total: int


@dataclass
class EngineOpened(Message):
    """The engine is ready: the index is loaded and up to date (the list is read next)."""

    engine: Engine
    count: int
    """How many articles the index holds."""


@dataclass
class ArticlesListed(Message):
    """Every article, read for the list after the engine opened (questions were answered meanwhile),
    made ready to show (sorted, its rows made) in the worker."""

    articles: PreparedList


@dataclass
class EngineFailed(Message):
    """The engine could not be opened (missing corpus, unreadable index)."""

    title: str
    message: str


@dataclass
class CorpusRefreshed(Message):
    """Files appeared, changed or disappeared in the corpus and the index caught up."""

    changes: Changes
    listed: dict[str, ArticleInfo] = field(default_factory=dict)
    """Articles to list, or list anew, by id."""
    unlisted: tuple[str, ...] = ()
    """Ids no longer listed (ids the list does not hold are passed over)."""


@dataclass
class ArticlesAdded(Message):
    """`engine.add` finished (some sources may have failed)."""

    report: AddReport
    listed: dict[str, ArticleInfo]
    """The stored articles, by id, for the list."""


@dataclass
class AddFailed(Message):
    """`engine.add` could not run at all (the corpus folder cannot be written, the index is locked)."""

    source: str
    message: str


@dataclass
class AnswerReady(Message):
    """The engine answered question number `ask_id`."""

    ask_id: int
    answer: Answer


@dataclass
class AskFailed(Message):
    """Question number `ask_id` raised a user-facing error."""

    ask_id: int
    question: str
    title: str
    message: str


@dataclass
class QuoteChosen(Message):
    """The user picked a quote card (Enter or click) to read it in its article."""

    quote: Quote


@dataclass
class QuoteCopyRequested(Message):
    """The user asked to copy a quote card's quote with its citation."""

    quote: Quote


@dataclass
class SourceLoaded(Message):
    """The article behind a chosen quote was read and can be shown."""

    view: ArticleView
    quote: Quote


@dataclass
class ExportWritten(Message):
    """The conversation was written to a Markdown file."""

    path: str


@dataclass
class ArticleChosen(Message):
    """The user picked an article in the side panel to scope questions to it."""

    article_id: str
    title: str
