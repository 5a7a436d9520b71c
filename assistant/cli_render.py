"""Answers for a terminal (Rich, highlighted) or a pipe (plain text).

Article text is untrusted: it is cleaned of control sequences and put in
Rich `Text` objects, never parsed as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from assistant.citation import citation
from assistant.corpus import display_text
from assistant.models import Answer, ArticleInfo, ArticleView
from assistant.rich_text import quote_text
from assistant.safe_text import clean


def print_answer(console: Console, answer: Answer, *, show_score: bool = False) -> None:
    """Print an answer: each quote and its citation, or the plain statement that there is none."""
    if answer.followed:
        console.print(Text(clean(answer.followed) + ".", style="dim"))
    if not answer.answered:
        console.print(Text(clean(answer.message or "No answer in the corpus."), style="bold"))
        if answer.suggestions:
            console.print(
                Text("Words the corpus does have: " + ", ".join(clean(s) for s in answer.suggestions))
            )
        return
    for n, quote in enumerate(answer.quotes):
        if n:
            console.print()
        # Context sentences stand on lines of their own, marked, so the quote itself stays plain to see.
        for sentence in quote.before:
            console.print(Text("  ┆ " + clean(sentence), style="dim"))
        console.print(quote_text(quote, highlight="bold yellow", marks=""))
        for sentence in quote.after:
            console.print(Text("  ┆ " + clean(sentence), style="dim"))
        line = citation(quote)
        if show_score:
            line += f"  [score {quote.score:.2f}]"
        console.print(Text("  " + line, style="cyan"))


def print_articles(console: Console, articles: list[ArticleInfo]) -> None:
    """One line per article: id, title, author, source, date, sizes."""
    for info in articles:
        meta = info.meta
        details = ", ".join(clean(v) for v in (meta.author, meta.source, meta.date) if v)
        line = Text()
        line.append(clean(meta.id), style="bold")
        line.append(f"  {clean(meta.title)}")
        if details:
            line.append(f"  ({details})", style="dim")
        line.append(f"  {info.paragraphs} paragraphs, {info.words} words, {info.tokens} tokens", style="dim")
        console.print(line)


def print_article(console: Console, view: ArticleView) -> None:
    """An article with its metadata and numbered paragraphs."""
    meta = view.meta
    console.print(Text(clean(meta.title), style="bold"))
    for label, value in (
        ("Author", meta.author),
        ("Source", meta.source),
        ("Date", meta.date),
        ("URL", meta.url),
    ):
        if value:
            console.print(Text(f"{label}: {clean(value)}", style="dim"))
    for number, (start, end) in enumerate(view.paragraphs, start=1):
        console.print()
        line = Text(f"[{number}] ", style="cyan")
        line.append(clean(display_text(view.text, start, end)))  # wrapped lines shown as one
        console.print(line)
