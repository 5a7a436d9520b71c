"""Untrusted article text as Rich `Text`, for the CLI and the TUI alike.

Every piece goes through `clean` and into a `Text`, never through markup.
Spans (highlights, a chosen sentence) are applied by cutting the raw text at
their offsets and cleaning each piece, so offsets into the raw text stay right
even when `clean` removes characters.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from assistant.answer import quote_marks
from assistant.models import Quote
from assistant.safe_text import clean, cleaned_pieces


def safe(text: str, style: str = "") -> Text:
    """`text` cleaned of control sequences, as literal Rich text."""
    return Text(clean(text), style=style)


def styled(text: str, spans: Iterable[tuple[int, int, str]], base: str = "") -> Text:
    """`text` cleaned piece by piece, with `spans` (start, end, style) of the raw text styled.

    Overlapping spans are clipped so each character takes the first span that claims it.
    """
    result = Text(style=base)
    for piece, style in cleaned_pieces(text, spans):
        result.append(piece, style=style)
    return result


def quote_text(quote: Quote, highlight: str = "bold underline", marks: str = "dim") -> Text:
    """The quote verbatim in quotation marks (unless it opens with its own), question words highlighted."""
    body = styled(quote.text, ((s, e, highlight) for s, e in quote.highlights))
    opening, closing = quote_marks(quote.text)
    return Text.assemble((opening, marks), body, (closing, marks))
