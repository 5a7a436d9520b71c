"""Writing the conversation to Markdown: every question, every quote, full attribution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from assistant.answer import quote_marks, speaker_hint
from assistant.locations import export_dir
from assistant.models import Answer, Quote
from assistant.safe_text import clean


def _quote_markdown(quote: Quote) -> list[str]:
    opening, closing = quote_marks(quote.text)
    text = " ".join(clean(quote.text).split())
    lines = [f"> {opening}{text}{closing}", ">"]
    if quote.speaker is not None:
        lines.append(
            f"> — {clean(quote.speaker.name, one_line=True)} ({clean(quote.speaker.cue, one_line=True)})"
        )
    meta = quote.article
    where = (
        f"paragraph {quote.paragraph}" if quote.kind == "sentence" else f"{quote.field or 'metadata'} line"
    )
    lines.append(f"> *{clean(meta.title, one_line=True)}*")
    lines.append(
        "> "
        + ", ".join(
            [
                f"by {clean(meta.author, one_line=True)}" if meta.author else "author unknown",
                clean(meta.source, one_line=True) if meta.source else "source unknown",
                clean(meta.date, one_line=True) if meta.date else "date unknown",
                where,
            ]
        )
    )
    if meta.url:
        lines.append(f"> <{clean(meta.url, one_line=True)}>")
    located = f"> Article: `{clean(meta.id, one_line=True)}`"
    if quote.kind == "sentence":
        located += f", characters {quote.start}–{quote.end}"
    if quote.also_in:
        located += " (also in " + ", ".join(f"`{clean(i, one_line=True)}`" for i in quote.also_in) + ")"
    lines.append(located)
    return lines


def conversation_markdown(answers: Sequence[Answer], corpus: str) -> str:
    """The whole conversation as a Markdown document."""
    heading = f"# Conversation about `{clean(corpus, one_line=True)}`"
    out = [heading, "", f"Exported {dt.datetime.now():%Y-%m-%d %H:%M}.", ""]
    for number, answer in enumerate(answers, start=1):
        out += [f"## {number}. {clean(answer.question, one_line=True)}", ""]
        if answer.followed:
            out += [f"*{clean(answer.followed)}*", ""]
        if answer.scope:
            out += [f"*Scope: `{clean(answer.scope)}`*", ""]
        if answer.limits:
            out += [f"*Within: {clean(answer.limits)}*", ""]
        if answer.speaker_not_first:
            flag = f"`--speaker {clean(answer.speaker_not_first, one_line=True)}`"
            out += [f"*{speaker_hint(answer.speaker_not_first, flag)}*", ""]
        if not answer.answered:
            out += [clean(answer.message or "The corpus does not answer this."), ""]
            if answer.suggestions:
                out += ["Close words in the corpus: " + ", ".join(clean(s) for s in answer.suggestions), ""]
            continue
        for quote in answer.quotes:
            out += [*_quote_markdown(quote), ""]
    return "\n".join(out)


def export_path(now: dt.datetime | None = None) -> Path:
    """A fresh file name in the export folder ($ASSISTANT_EXPORT_DIR, else the current folder)."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = export_dir()
    path = folder / f"assistant-conversation-{stamp}.md"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"assistant-conversation-{stamp}-{n}.md"
    return path


def write_export(answers: Sequence[Answer], corpus: str) -> Path:
    """Write the conversation and return where it went (raises OSError on failure)."""
    path = export_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(conversation_markdown(answers, corpus), encoding="utf-8")
    return path.resolve()
