"""Answers for a terminal (Rich, highlighted) or a pipe (plain text).

Article text is untrusted: it is cleaned of control sequences and put in
Rich `Text` objects, never parsed as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from assistant.cli.plain_answer import answer_rows
from assistant.corpus import display_text
from assistant.frontend import quote_text
from assistant.models import Answer, ArticleInfo, ArticleView, Quote
from assistant.safe_text import clean
from assistant.wording import counted

_ROLE_STYLE = {"followed": "dim", "message": "bold", "plain": "", "context": "dim", "citation": "cyan"}


def print_answer(console: Console, answer: Answer, *, show_score: bool = False) -> None:
    """Print an answer: each quote and its citation, or the plain statement that there is none."""
    for lead, text, role in answer_rows(answer, show_score=show_score):
        if isinstance(text, Quote):
            console.print(quote_text(text, highlight="bold yellow", marks=""))
        elif role == "blank":
            console.print()
        elif lead:
            _indented(console, lead, text, _ROLE_STYLE[role])
        else:
            console.print(Text(text, style=_ROLE_STYLE[role]))


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
