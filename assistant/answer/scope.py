"""Which articles a question may be answered from: folders, sources, authors, dates, ids, a speaker.

A `Scope` is plain data the front ends fill in (`ask --in`, `/in` in the chat); the
engine resolves it against the article table into a bool mask over passages, so the
search itself skips everything outside it rather than filtering answers afterwards.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.corpus.dates import article_date as article_date  # re-exported: `assistant.answer` gives it
from assistant.errors import BadQuestion
from assistant.wording import counted

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Scope:
    """Limits on where answers may come from; empty fields limit nothing. All given limits apply."""

    folders: tuple[str, ...] = ()
    """Folders of the corpus (`world/`), matched as id prefixes."""
    sources: tuple[str, ...] = ()
    """Publications, matched case-insensitively within the source name."""
    authors: tuple[str, ...] = ()
    """Authors, matched case-insensitively within the author name."""
    since: dt.date | None = None
    until: dt.date | None = None
    """Inclusive date bounds; an article with no readable date is outside any bound."""
    articles: tuple[str, ...] = ()
    """Article ids (any one of them)."""
    speaker: str | None = None
    """Only statements by this person."""

    @property
    def limits_articles(self) -> bool:
        """True when the scope leaves some articles out (a speaker alone does not)."""
        return bool(self.folders or self.sources or self.authors or self.since or self.until or self.articles)

    def is_empty(self) -> bool:
        """True when nothing is limited."""
        return not self.limits_articles and self.speaker is None

    def describe(self) -> str:
        """The scope in words, for answers, the history and the chat's scope line."""
        parts = []
        if self.articles:
            parts.append("article " + ", ".join(self.articles))
        if self.folders:
            parts.append("in " + ", ".join(self.folders))
        if self.sources:
            parts.append("source " + " or ".join(self.sources))
        if self.authors:
            parts.append("author " + " or ".join(self.authors))
        if self.since:
            parts.append(f"since {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        if self.speaker:
            parts.append(f"speaker {self.speaker}")
        return "; ".join(parts) if parts else "all articles"

    def as_json(self) -> dict[str, Any]:
        """The scope as JSON-ready data (dates as ISO strings)."""
        return {
            "folders": list(self.folders),
            "sources": list(self.sources),
            "authors": list(self.authors),
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "articles": list(self.articles),
            "speaker": self.speaker,
        }


def scope_from_data(data: dict[str, Any]) -> Scope:
    """A scope back from `Scope.as_json()` as the history kept it; what is not of the right type (a
    file edited by hand) limits nothing rather than failing the recall."""

    def texts(key: str) -> tuple[str, ...]:
        value = data.get(key)
        return tuple(v for v in value if isinstance(v, str) and v.strip()) if isinstance(value, list) else ()

    def day(key: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(data[key]) if isinstance(data.get(key), str) else None
        except ValueError:
            return None

    speaker = data.get("speaker")
    return Scope(
        folders=texts("folders"),
        sources=texts("sources"),
        authors=texts("authors"),
        since=day("since"),
        until=day("until"),
        articles=texts("articles"),
        speaker=speaker.strip() if isinstance(speaker, str) and speaker.strip() else None,
    )


def make_scope(
    *,
    folders: Sequence[str] = (),
    sources: Sequence[str] = (),
    authors: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    articles: Sequence[str] = (),
    speaker: str | None = None,
) -> Scope:
    """A scope from what a user typed; raises BadQuestion for a date that cannot be read."""
    start = parse_user_date(since, "--since") if since else None
    end = parse_user_date(until, "--until") if until else None
    if start and end and start > end:
        raise BadQuestion(f"--since {start.isoformat()} is after --until {end.isoformat()}")
    return Scope(
        folders=tuple(normal_folder(f) for f in folders if f.strip()),
        sources=tuple(s.strip() for s in sources if s.strip()),
        authors=tuple(a.strip() for a in authors if a.strip()),
        since=start,
        until=end,
        articles=tuple(articles),
        speaker=speaker.strip() if speaker and speaker.strip() else None,
    )


def normal_folder(folder: str) -> str:
    """`./world`, `world/`, `world\\` become `world/`; `/abs/path` stays absolute."""
    text = folder.strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    lead = "/" if text.startswith("/") else ""  # an absolute path, made corpus-relative by corpus_folders
    return lead + text.strip("/") + "/" if text.strip("/") else ""


def corpus_folders(scope: Scope, corpus_dir: Path, ids: list[str]) -> Scope:
    """Folders given as paths (`corpus/world`, `/data/news/world`) made relative to the corpus.

    A folder that already names articles by id is left alone; only one that names none and is a
    real folder inside the corpus is rewritten, so `--in` accepts what tab completion typed.
    """
    if not scope.folders:
        return scope
    root = corpus_dir.resolve()
    folders = []
    for folder in scope.folders:
        if not any(i.startswith(folder) for i in ids):
            path = Path(folder.rstrip("/") or ".").expanduser().resolve()
            if path.is_dir() and path != root and path.is_relative_to(root):
                folder = normal_folder(path.relative_to(root).as_posix())
        folders.append(folder)
    return replace(scope, folders=tuple(folders))


def parse_user_date(text: str, label: str = "date") -> dt.date:
    """YYYY, YYYY-MM or YYYY-MM-DD (a year or month means its first day)."""
    match = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*", text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
        except ValueError:
            pass
    raise BadQuestion(f"{label}: {text!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def article_mask(scope: Scope, columns: dict[str, list[Any]]) -> npt.NDArray[np.bool_]:
    """Which articles (by table position) the scope lets in; `columns` is the article table's."""
    ids: list[str] = columns["id"]
    keep = np.ones(len(ids), dtype=np.bool_)
    if scope.articles:
        wanted = set(scope.articles)
        keep &= np.fromiter((i in wanted for i in ids), dtype=np.bool_, count=len(ids))
    if scope.folders:
        keep &= np.fromiter(
            (any(i.startswith(f) for f in scope.folders) for i in ids), dtype=np.bool_, count=len(ids)
        )
    for name, wanted_values in (("source", scope.sources), ("author", scope.authors)):
        if wanted_values:
            needles = [w.casefold() for w in wanted_values]
            keep &= np.fromiter(
                (bool(v) and any(n in v.casefold() for n in needles) for v in columns[name]),
                dtype=np.bool_,
                count=len(ids),
            )
    if scope.since or scope.until:
        low = scope.since or dt.date.min
        high = scope.until or dt.date.max
        dates = (article_date(v) for v in columns["date"])
        keep &= np.fromiter(
            (d is not None and low <= d <= high for d in dates), dtype=np.bool_, count=len(ids)
        )
    return keep


def missing_folders(folders: Sequence[str], ids: Sequence[str]) -> tuple[str, ...]:
    """The folders (as `normal_folder` writes them) that hold no article: a typo, or a path."""
    return tuple(f for f in folders if not any(i.startswith(f) for i in ids))


def folders_beside(folder: str, ids: Sequence[str]) -> tuple[str, list[str]]:
    """The deepest folder above `folder` that holds articles, and the folders right inside it.

    For `c000/nope/` that is `c000/` and `c000/reut2-000/, c000/reut2-001/…`, not the top folders.
    """
    parent = folder.rstrip("/").rpartition("/")[0]
    while parent and not any(i.startswith(parent + "/") for i in ids):
        parent = parent.rpartition("/")[0]
    prefix = parent + "/" if parent else ""
    inside = {
        prefix + i[len(prefix) :].split("/", 1)[0] + "/"
        for i in ids
        if i.startswith(prefix) and "/" in i[len(prefix) :]
    }
    return prefix, sorted(inside)


def folder_hint(folder: str, ids: Sequence[str]) -> str:
    """` Folders in c000/: c000/reut2-000/, …` for a folder that holds no article: where to look."""
    parent, there = folders_beside(folder, ids)
    if not there:
        return f" {parent} holds articles but no folders." if parent else " The corpus has no folders."
    shown = ", ".join(there[:8]) + (", …" if len(there) > 8 else "")
    return f" Folders in {parent}: {shown}." if parent else f" Its folders: {shown}."


def empty_corpus_message(corpus_dir: Path) -> str:
    """What to do when the corpus folder holds no article at all (a new folder, or the wrong one)."""
    return (
        f"The corpus folder {corpus_dir} holds no articles yet: add some (`assistant add FILE-OR-URL`, "
        "or /add in the chat), or choose another folder (--corpus DIR)."
    )


def empty_scope_message(scope: Scope, columns: dict[str, list[Any]]) -> str:
    """Why no article is within the scope: the folders there are, how many articles have no date."""
    dates: list[str | None] = columns["date"]
    missing = missing_folders(scope.folders, columns["id"])
    # Only a folder that names no article is the reason; beside it, the folders there are.
    hint = folder_hint(missing[0], columns["id"]) if missing else ""
    # A removed article's row stays as a tombstone (id ""): it is no article to count.
    live = [value for value, aid in zip(dates, columns["id"], strict=True) if aid]
    undated = sum(1 for value in live if article_date(value) is None) if scope.since or scope.until else 0
    return scope_miss_message(scope, len(live), undated, hint)


def scope_miss_message(scope: Scope, live: int, undated: int, folder_hint: str = "") -> str:
    """The words of `empty_scope_message` from its counts: `live` articles, `undated` of them."""
    message = f"No article in the corpus is within the scope ({scope.describe()}).{folder_hint}"
    if undated:
        verb = "has" if undated == 1 else "have"
        message += f" {undated:,} of {counted(live, 'article')} {verb} no date to compare."
    if not folder_hint and live:
        # What to do: "3 of 3 articles have no date to compare" alone left the user to work it out.
        message += f" Ask without the limits to search all {counted(live, 'article')}."
    return message


def passage_mask(articles: npt.NDArray[np.bool_], p_article: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """The article mask spread over passage ids (`p_article`: each passage's article): one gather."""
    return articles[p_article] if articles.shape[0] else np.zeros(p_article.shape[0], dtype=np.bool_)
