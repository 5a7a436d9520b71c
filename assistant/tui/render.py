"""The TUI's short display lines for quotes and articles (the Rich pieces come from rich_text)."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.citation import plain_citation, where
from assistant.models import ArticleMeta, Quote
from assistant.rich_text import quote_text, safe, styled
from assistant.safe_text import clean

__all__ = [
    "article_line",
    "citation",
    "mark_spans",
    "quote_text",
    "safe",
    "source_line",
    "speaker_line",
    "styled",
]


def _parts(meta: ArticleMeta) -> list[str]:
    return [clean(p) for p in (meta.author, meta.title, meta.source, meta.date) if p]


def source_line(quote: Quote) -> str:
    """Author · title · source · date · paragraph: where the quote stands."""
    parts = _parts(quote.article)
    parts.append(f"¶ {quote.paragraph}" if quote.kind == "sentence" else where(quote))
    return " · ".join(parts)


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
