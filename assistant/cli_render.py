"""Answers for a terminal (Rich, highlighted) or a pipe (plain text).

Article text is untrusted: it is cleaned of control sequences and put in
Rich `Text` objects, never parsed as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from assistant.models import Answer, ArticleInfo, ArticleView, Quote
from assistant.safe_text import clean


def citation(quote: Quote) -> str:
    """The attribution line: speaker, author, title, source, date, paragraph."""
    meta = quote.article
    parts: list[str] = []
    if quote.speaker is not None:
        parts.append(clean(quote.speaker.name) + (", in" if meta.author else ""))
    head = " ".join(parts + ([clean(meta.author)] if meta.author else []))
    fields = [head] if head else []
    fields.append(f"“{clean(meta.title)}”")
    if meta.source:
        fields.append(clean(meta.source))
    if meta.date:
        fields.append(clean(meta.date))
    if quote.kind == "metadata":
        fields.append(f"{quote.field} of the article")
    else:
        fields.append(f"paragraph {quote.paragraph}")
    return "— " + ", ".join(fields)


def quote_marks(text: str) -> tuple[str, str]:
    """The marks to put around a quote: none when it opens with its own quotation mark.

    “““If they…,” Austin said.” would read as a typo; the sentence is shown verbatim either way.
    """
    if text[:1] in "“\"‘'":
        return "", ""
    return "“", "”"


def highlighted(quote: Quote, style: str = "bold yellow") -> Text:
    """The quote as Rich Text, question words styled; each piece cleaned on its own."""
    text = Text()
    pos = 0
    for start, end in quote.highlights:
        if start < pos:
            continue
        text.append(clean(quote.text[pos:start]))
        text.append(clean(quote.text[start:end]), style=style)
        pos = end
    text.append(clean(quote.text[pos:]))
    return text


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
        body = Text()
        for sentence in quote.before:
            body.append(clean(sentence) + " ", style="dim")
        opening, closing = quote_marks(quote.text)
        body.append(opening)
        body.append_text(highlighted(quote))
        body.append(closing)
        for sentence in quote.after:
            body.append(" " + clean(sentence), style="dim")
        console.print(body)
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
        line.append(clean(view.text[start:end]))
        console.print(line)
