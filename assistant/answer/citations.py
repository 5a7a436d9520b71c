"""How a quote is cited in plain text: the same words in the CLI, the TUI, the clipboard and exports.

Pure string work on the engine's records (no UI library); every piece of
article text passes through `clean`.
"""

from __future__ import annotations

from assistant.models import Quote
from assistant.safe_text import clean

_OPENING_MARKS = "“\"‘'"
_CLOSING_MARKS = '”"'
_CLOSING_SINGLE = "’'"
"""A single closing mark is also an apostrophe (`the players’`): it closes a quotation only after
the quotation's own full stop, question mark or comma."""


def quote_marks(text: str) -> tuple[str, str]:
    """The marks to put around a quote: none when it opens with its own quotation mark or ends with
    one it holds whole; only the opening one when it closes a quotation opened a sentence before.

    `““If they…,” Austin said.”` and `“Lacy said "Within 18 months, … expanded."”` read as typos,
    and so did `I don’t have anything to announce today,” Sullivan said.` without an opening mark
    or with a second closing one; the sentence is verbatim either way, and the citation under it
    says whose it is.
    """
    end = text.rstrip()
    if text[:1] in _OPENING_MARKS:
        return "", ""
    if _closes_unopened(end):
        return "“", ""
    if end[-1:] in _CLOSING_MARKS or (end[-1:] in _CLOSING_SINGLE and end[-2:-1] in ".?!,"):
        return "", ""
    return "“", "”"


def _closes_unopened(text: str) -> bool:
    """Whether `text` closes a quotation it never opens: the last words of one that began in a
    sentence before. A straight mark closes after the quotation's own punctuation; single marks
    are left alone, being apostrophes as often."""
    close = text.find("”")
    if close != -1 and "“" not in text[:close]:
        return True
    straight = text.find('"')
    return straight > 0 and text.count('"') % 2 == 1 and text[straight - 1] in ".,?!"


def speaker_hint(name: str, scope_command: str) -> str:
    """The note under an answer to "What did NAME say…?" that leads with another's words (correctly
    attributed, but not what was asked): `scope_command` is how this front end asks for NAME alone."""
    shown = clean(name, one_line=True)
    return f"The first quote is not by {shown}; {scope_command} asks for statements by {shown} only."


def where(quote: Quote) -> str:
    """Where in the article the quote stands: its paragraph, or the metadata field."""
    if quote.kind == "metadata":
        return f"{quote.field or 'metadata'} of the article"
    return f"paragraph {quote.paragraph}"


def locator(quote: Quote) -> str:
    """`paragraph 4, characters 1050–1267, article ID (also in ID2)`: enough to find the words again.

    The id is what `assistant show ID` takes; the offsets index the article file's decoded text.
    """
    parts = [where(quote)]
    if quote.kind == "sentence":
        parts.append(f"characters {quote.start}–{quote.end}")
    line = ", ".join(parts) + f", article {clean(quote.article.id, one_line=True)}"
    if quote.also_in:
        line += " (also in " + ", ".join(clean(i, one_line=True) for i in quote.also_in) + ")"
    return line


def citation(quote: Quote) -> str:
    """`— Speaker, in Author, “Title”, Source, Date, paragraph N, characters A–B, article ID`.

    Parts that are unknown are left out; nothing is guessed.
    """
    meta = quote.article
    head = ""
    if quote.speaker is not None:
        head = clean(quote.speaker.name, one_line=True) + (", in " if meta.author else "")
    if meta.author:
        head += clean(meta.author, one_line=True)
    fields = [head] if head else []
    fields.append(f"“{clean(meta.title, one_line=True)}”")
    fields += [clean(v, one_line=True) for v in (meta.source, meta.date) if v]
    fields.append(locator(quote))
    return "— " + ", ".join(fields)


def quoted(quote: Quote) -> str:
    """The quote verbatim (cleaned) inside its quotation marks."""
    opening, closing = quote_marks(quote.text)
    return f"{opening}{clean(quote.text)}{closing}"


def plain_citation(quote: Quote) -> str:
    """Quote and citation as plain text lines, with the article's address where known."""
    lines = [quoted(quote), citation(quote)]
    if quote.article.url:
        lines.append(clean(quote.article.url, one_line=True))
    return "\n".join(lines)


def quote_record(quote: Quote) -> dict[str, object]:
    """A quote as kept in the history: its words, its citation line and where it stands."""
    return {
        "text": quote.text,
        "citation": citation(quote),
        "article": quote.article.id,
        "start": quote.start,
        "end": quote.end,
        "paragraph": quote.paragraph,
        "also_in": list(quote.also_in),
    }
