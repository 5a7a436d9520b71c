"""The TUI's short display lines for quotes and articles (the Rich pieces come from rich_text)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from assistant.answer import plain_citation, where
from assistant.frontend import quote_text, safe, styled
from assistant.models import ArticleMeta, Quote
from assistant.safe_text import clean

__all__ = [
    "article_line",
    "article_row",
    "citation",
    "locator_line",
    "mark_spans",
    "quote_text",
    "safe",
    "source_line",
    "speaker_line",
    "styled",
]


def _parts(meta: ArticleMeta) -> list[str]:
    return [clean(p, one_line=True) for p in (meta.author, meta.title, meta.source, meta.date) if p]


def source_line(quote: Quote) -> str:
    """Author · title · source · date · paragraph: where the quote stands."""
    parts = _parts(quote.article)
    # "¶3", not "¶ 3": a card wraps at any space, a no-break one too, and left "¶" ending one line
    # with its number starting the next.
    parts.append(f"¶{quote.paragraph}" if quote.kind == "sentence" else where(quote))
    return " · ".join(parts)


def locator_line(quote: Quote) -> str:
    """Article id and character offsets (and the copies it is also in): what `assistant show` takes."""
    line = clean(quote.article.id, one_line=True)
    if quote.kind == "sentence":
        line += f" · characters {quote.start}–{quote.end}"
    if quote.also_in:
        line += " · also in " + ", ".join(clean(i, one_line=True) for i in quote.also_in)
    return line


def article_row(meta: ArticleMeta, *, with_id: bool = False) -> Text:
    """One line for the article panel: title, then author and date, cut with … to fit; `with_id`
    adds the id on a second line, for a story filed twice (two rows read alike, cut at any width)."""
    row = Text(
        clean(meta.title, one_line=True) or clean(meta.id, one_line=True),
        style="bold",
        no_wrap=True,
        overflow="ellipsis",
        end="",
    )
    details = [clean(p) for p in (meta.author, meta.date) if p]
    if details:
        row.append(" · " + " · ".join(details), style="dim")
    if with_id:  # the file name first: copies differ there ("…-2.md"), and a row is cut at its end
        folder, _, name = clean(meta.id, one_line=True).rpartition("/")
        row.append("\n" + name + (f" · {folder}/" if folder else ""), style="dim italic")
    return row


def speaker_line(quote: Quote) -> str | None:
    """'— Name, cue' when the engine knows who said it."""
    if quote.speaker is None:
        return None
    return f"— {clean(quote.speaker.name)} ({clean(quote.speaker.cue)})"


def article_line(meta: ArticleMeta) -> str:
    """Author · source · date, for lists and headers ('unknown author' when missing)."""
    parts = [clean(p) for p in (meta.author or "unknown author", meta.source, meta.date) if p]
    return " · ".join(parts)


def citation(quote: Quote) -> str:
    """The quote and its full citation as plain text, for the clipboard."""
    return plain_citation(quote)


def mark_spans(
    start: int, end: int, highlights: Iterable[tuple[int, int]], mark: str, strong: str
) -> list[tuple[int, int, str]]:
    """Spans styling [start, end) with `mark`, and the `highlights` inside it with `strong`.

    Highlights are offsets relative to `start`; the result does not overlap.
    """
    spans: list[tuple[int, int, str]] = []
    cursor = start
    for h_start, h_end in sorted(highlights):
        a, b = max(start + h_start, cursor), min(start + h_end, end)
        if b <= a:
            continue
        if a > cursor:
            spans.append((cursor, a, mark))
        spans.append((a, b, strong))
        cursor = b
    if cursor < end:
        spans.append((cursor, end, mark))
    return spans
