"""An answer printed to a pipe without starting Rich: the same characters Rich would write there.

In a pipe (a script, `| less`, a benchmark) Rich writes no colour and wraps nothing, so an
answer is its lines as plain text; importing and starting Rich for that cost a one-shot `ask`
about as much as printing the answer. On a terminal, or when the environment asks Rich for
colour (FORCE_COLOR, TTY_COMPATIBLE), `render.print_answer` draws it as before.
"""

from __future__ import annotations

import os
import shlex
import sys
from typing import TextIO

from assistant.answer import citation, quote_marks, speaker_hint
from assistant.models import Answer, Quote
from assistant.safe_text import clean, cleaned_pieces

_RICH_ONLY = "\t"
"""Rich expands a tab by cell widths; an answer holding one is left to Rich, so the output stays Rich's."""


def plain_is_rich(stream: TextIO) -> bool:
    """True when Rich would write `stream` plainly: not a terminal, and no variable forcing colour."""
    if "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    return isatty is not None and not isatty()


Row = tuple[str, "str | Quote", str]
"""One line of an answer as printed: its lead (an indent, a context mark, the citation's dash), its
text (or the quote itself, which the terminal highlights), and its role, which names its style."""


def answer_rows(answer: Answer, *, show_score: bool = False) -> list[Row]:
    """The lines of an answer, in order: one layout for the terminal (`render.print_answer`) and the pipe."""
    rows: list[Row] = []
    if answer.followed:
        rows.append(("", clean(answer.followed, one_line=True) + ".", "followed"))
    if not answer.answered:
        rows.append(("", clean(answer.message or "No answer in the corpus.", one_line=True), "message"))
        if answer.suggestions:
            words = ", ".join(clean(s, one_line=True) for s in answer.suggestions)
            rows.append(("", "Words the corpus does have: " + words, "plain"))
        return rows
    if answer.speaker_not_first:
        flag = shlex.quote(clean(answer.speaker_not_first, one_line=True))
        rows.append(("", speaker_hint(answer.speaker_not_first, f"--speaker {flag}"), "followed"))
    for n, quote in enumerate(answer.quotes):
        if n:
            rows.append(("", "", "blank"))
        # Context sentences stand on lines of their own, marked, so the quote itself stays plain to see.
        rows += [("  ┆ ", clean(sentence), "context") for sentence in quote.before]
        rows.append(("", quote, "quote"))
        rows += [("  ┆ ", clean(sentence), "context") for sentence in quote.after]
        line = citation(quote)
        if show_score:
            line += f"  [score {quote.score:.2f}]"
        dash = "— " if line.startswith("— ") else ""  # wrapped lines hang under the name, not the dash
        rows.append(("  " + dash, line[len(dash) :], "citation"))
    return rows


def answer_lines(answer: Answer, *, show_score: bool = False) -> list[str] | None:
    """The lines `render.print_answer` writes to a pipe, or None when only Rich gives them exactly."""
    lines = [
        lead + (_quoted(text) if isinstance(text, Quote) else text)
        for lead, text, _ in answer_rows(answer, show_score=show_score)
    ]
    if any(_RICH_ONLY in line for line in lines):
        return None
    return lines


def print_plain(stream: TextIO, lines: list[str]) -> None:
    """The lines, each ended by a newline, in one write."""
    stream.write("".join(line + "\n" for line in lines))
    stream.flush()


def _quoted(quote: Quote) -> str:
    """`frontend.quote_text` without styles: the text cut at the highlights and cleaned piece by
    piece (a piece's cleaning can differ from the whole's where a highlight splits an escape)."""
    text = quote.text
    body = "".join(piece for piece, _ in cleaned_pieces(text, ((s, e, None) for s, e in quote.highlights)))
    opening, closing = quote_marks(text)
    return opening + body + closing


def print_answer_plainly(answer: Answer, *, show_score: bool = False) -> bool:
    """Print the answer to stdout without Rich when that gives Rich's very output; False when not."""
    if not plain_is_rich(sys.stdout):
        return False
    lines = answer_lines(answer, show_score=show_score)
    if lines is None:
        return False
    print_plain(sys.stdout, lines)
    return True
