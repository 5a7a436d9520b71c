"""Turning the engine's records into safe Rich `Text` and one-line citations.

Article text is untrusted: every piece goes through `clean` and into a `Text`,
never through markup. Spans (highlights, the chosen sentence) are applied by
cutting the raw text at their offsets and cleaning each piece, so offsets into
the raw text stay right even when `clean` removes characters.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from assistant.models import ArticleMeta, Quote
from assistant.safe_text import clean


def safe(text: str, style: str = "") -> Text:
    """`text` cleaned of control sequences, as literal Rich text."""
    return Text(clean(text), style=style)


def styled(text: str, spans: Iterable[tuple[int, int, str]], base: str = "") -> Text:
    """`text` cleaned piece by piece, with `spans` (start, end, style) of the raw text styled.

    Overlapping spans are clipped so each character takes the first span that claims it.
    """
    result = Text(style=base)
    cursor = 0
    for start, end, style in sorted((max(0, s), min(len(text), e), st) for s, e, st in spans):
        start = max(start, cursor)
        if end <= start:
            continue
        result.append(clean(text[cursor:start]))
        result.append(clean(text[start:end]), style=style)
        cursor = end
    result.append(clean(text[cursor:]))
    return result


def quote_text(quote: Quote, highlight: str = "bold underline") -> Text:
    """The quote verbatim between quotation marks, the question's words highlighted."""
    body = styled(quote.text, ((s, e, highlight) for s, e in quote.highlights))
    return Text.assemble(("“", "dim"), body, ("”", "dim"))


def _parts(meta: ArticleMeta) -> list[str]:
    return [clean(p) for p in (meta.author, meta.title, meta.source, meta.date) if p]


def source_line(quote: Quote) -> str:
    """Author · title · source · date · paragraph: where the quote stands."""
    parts = _parts(quote.article)
    if quote.kind == "metadata":
        parts.append(f"{quote.field or 'metadata'} line")
    else:
        parts.append(f"¶ {quote.paragraph}")
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
    lines = [f"“{clean(quote.text)}”"]
    who = speaker_line(quote)
    if who:
        lines.append(who)
    lines.append(source_line(quote))
    if quote.article.url:
        lines.append(clean(quote.article.url))
    return "\n".join(lines)


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
