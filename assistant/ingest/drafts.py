"""An article read from a source, before it is written: its fields and paragraphs, settled.

What the file says must be exactly what the corpus reader reads back, so a draft is put
through `corpus.parse_article` until it reads back unchanged (`settled`): the file, its
fingerprint and the report then agree.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from assistant import corpus
from assistant.corpus import UnreadableArticle
from assistant.corpus.article_file import ArticleFields, normalise_paragraphs, one_line, render
from assistant.ingest.html_article import extract_article

# Stands in for an article id while parsing, so a title the reader had to invent can be told apart.
_NO_TITLE_ID = "\x00no-title"
_NO_TITLE = _NO_TITLE_ID.replace("-", " ")


@dataclass(frozen=True, slots=True)
class MetaOverrides:
    """Metadata the user gives on the command line; each replaces what was found."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    source: str | None = None


NO_OVERRIDES = MetaOverrides()


@dataclass(frozen=True, slots=True)
class Draft:
    """An article read from a source, before it is settled and written."""

    fields: ArticleFields
    paragraphs: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def from_html(html: str, url: str | None, fallback_title: str | None) -> Draft:
    """The story of a web page (trafilatura's reading), titled `fallback_title` when it has none."""
    article = extract_article(html, url=url)
    warnings: list[str] = []
    title = article.title
    if title is None:
        title = fallback_title or "Untitled article"
        warnings.append(f"no title found; titled {title!r}")
    fields = ArticleFields(title, article.author, article.date, article.source, article.url)
    return Draft(fields, article.paragraphs, tuple(warnings))


def from_text(text: str, *, markdown: bool, fallback_title: str | None, warnings: list[str]) -> Draft:
    """A text or Markdown article read exactly as the corpus reader reads it."""
    parsed = corpus.parse_article(_NO_TITLE_ID, text, markdown=markdown)
    meta = parsed.meta
    title = meta.title
    if title == _NO_TITLE:
        title = fallback_title or "Untitled article"
        warnings.append(f"no title found; titled {title!r}")
    # A wrapped .txt paragraph is stored on one line as it is shown; Markdown keeps its marks.
    paragraphs = tuple(
        text[s.start : s.end] if markdown else corpus.display_text(text, s.start, s.end)
        for s in parsed.paragraphs
    )
    if not normalise_paragraphs(paragraphs):
        raise UnreadableArticle("no article text found (only a title, byline or page furniture)")
    fields = ArticleFields(title, meta.author, meta.date, meta.source, meta.url)
    return Draft(fields, paragraphs, tuple(parsed.warnings) + tuple(warnings))


def with_overrides(draft: Draft, overrides: MetaOverrides) -> Draft:
    """The user's metadata in place of what was found."""
    given = {
        name: value
        for name in ("title", "author", "date", "source")
        if (value := one_line(getattr(overrides, name))) is not None
    }
    if not given:
        return draft
    return dataclasses.replace(draft, fields=dataclasses.replace(draft.fields, **given))


def settled(draft: Draft) -> Draft:
    """The draft as the corpus reader will read it back from the file we write.

    The reader drops furniture and headings, and takes a leading title, byline
    or date line as metadata; writing what it will read makes the file, its
    sha256 and the report agree. Each round only removes, so it ends quickly.
    """
    fields = dataclasses.replace(
        draft.fields,
        **{name: one_line(getattr(draft.fields, name)) for name in ("author", "date", "source", "url")},
        title=one_line(draft.fields.title) or "Untitled article",
    )
    paragraphs = tuple(normalise_paragraphs(draft.paragraphs))
    for _ in range(8):
        if not paragraphs:
            raise UnreadableArticle("no article text found (only a title, byline or page furniture)")
        text = render(fields, paragraphs)
        parsed = corpus.parse_article("settle.md", text, markdown=True)
        again = tuple(normalise_paragraphs([text[s.start : s.end] for s in parsed.paragraphs]))
        meta = parsed.meta
        read_back = ArticleFields(meta.title, meta.author, meta.date, meta.source, meta.url)
        if again == paragraphs and read_back == fields:
            return dataclasses.replace(draft, fields=fields, paragraphs=paragraphs)
        fields, paragraphs = read_back, again
    raise UnreadableArticle("the article text could not be stored so that it reads back the same")
