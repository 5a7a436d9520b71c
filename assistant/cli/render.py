"""Answers for a terminal (Rich, highlighted) or a pipe (plain text).

Article text is untrusted: it is cleaned of control sequences and put in
Rich `Text` objects, never parsed as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from assistant.answer import citation
from assistant.corpus import display_text
from assistant.frontend import quote_text
from assistant.models import Answer, ArticleInfo, ArticleView
from assistant.safe_text import clean
from assistant.wording import counted


def print_answer(console: Console, answer: Answer, *, show_score: bool = False) -> None:
    """Print an answer: each quote and its citation, or the plain statement that there is none."""
    if answer.followed:
        console.print(Text(clean(answer.followed, one_line=True) + ".", style="dim"))
    if not answer.answered:
        console.print(Text(clean(answer.message or "No answer in the corpus.", one_line=True), style="bold"))
        if answer.suggestions:
            words = ", ".join(clean(s, one_line=True) for s in answer.suggestions)
            console.print(Text("Words the corpus does have: " + words))
        return
    for n, quote in enumerate(answer.quotes):
        if n:
            console.print()
        # Context sentences stand on lines of their own, marked, so the quote itself stays plain to see.
        for sentence in quote.before:
            _indented(console, "  ┆ ", clean(sentence), "dim")
        console.print(quote_text(quote, highlight="bold yellow", marks=""))
        for sentence in quote.after:
            _indented(console, "  ┆ ", clean(sentence), "dim")
        line = citation(quote)
        if show_score:
            line += f"  [score {quote.score:.2f}]"
        dash = "— " if line.startswith("— ") else ""  # wrapped lines hang under the name, not the dash
        _indented(console, "  " + dash, line[len(dash) :], "cyan")


def _indented(console: Console, lead: str, text: str, style: str) -> None:
    """`lead` then `text`. On a terminal the lines it wraps onto are indented too, so only the
    quote itself starts at the margin; in a pipe it stays one line, exactly `lead + text`."""
    if console.soft_wrap:
        console.print(Text(lead + text, style=style))
        return
    grid = Table.grid()
    grid.add_column(width=len(lead), no_wrap=True)
    grid.add_column()
    grid.add_row(Text(lead, style=style), Text(text, style=style))
    console.print(grid)


def _article_parts(info: ArticleInfo) -> tuple[str, str, str, str]:
    meta = info.meta
    # One article a line, whatever its name or title holds (a newline cannot forge a line).
    details = ", ".join(clean(v, one_line=True) for v in (meta.author, meta.source, meta.date) if v)
    sizes = ", ".join(
        (counted(info.paragraphs, "paragraph"), counted(info.words, "word"), counted(info.tokens, "token"))
    )
    article_id, title = clean(meta.id, one_line=True), clean(meta.title, one_line=True)
    return article_id, title, f"({details})" if details else "", sizes


def article_lines(articles: list[ArticleInfo]) -> list[str]:
    """One plain line per article (for the pager): id, title, (author, source, date), sizes."""
    return ["  ".join(p for p in _article_parts(info) if p) for info in articles]


def print_articles(console: Console, articles: list[ArticleInfo]) -> None:
    """One line per article: id, title, author, source, date, sizes."""
    for info in articles:
        article_id, title, details, sizes = _article_parts(info)
        line = Text()
        line.append(article_id, style="bold")
        line.append(f"  {title}")
        if details:
            line.append(f"  {details}", style="dim")
        line.append(f"  {sizes}", style="dim")
        console.print(line)


def print_article(console: Console, view: ArticleView) -> None:
    """An article with its metadata and numbered paragraphs."""
    meta = view.meta
    console.print(Text(clean(meta.title, one_line=True), style="bold"))
    for label, value in (
        ("Author", meta.author),
        ("Source", meta.source),
        ("Date", meta.date),
        ("URL", meta.url),
    ):
        if value:
            console.print(Text(f"{label}: {clean(value, one_line=True)}", style="dim"))
    for number, (start, end) in enumerate(view.paragraphs, start=1):
        console.print()
        line = Text(f"[{number}] ", style="cyan")
        line.append(clean(display_text(view.text, start, end)))  # wrapped lines shown as one
        console.print(line)
