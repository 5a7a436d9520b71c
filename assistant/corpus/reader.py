"""An article file read as a reader reads it: metadata, paragraphs, sentences.

The header (title line, byline, publication, date: `header`) gives metadata; the
body's paragraphs come from the article's own layout (one line a paragraph, or
hard-wrapped with blank-line or indented paragraphs, or Markdown); furniture
and the wire's dateline are left out of sentences (`body`). Every offset is into the
file's decoded text, so a quote can be checked against the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.body import dateline_skip, furniture_paragraph, without_furniture
from assistant.corpus.file_kinds import not_one_article
from assistant.corpus.files import UnreadableArticle, decode, read_file
from assistant.corpus.files import article_id as id_of
from assistant.corpus.front_matter_block import FRONT_MATTER
from assistant.corpus.header import read_header
from assistant.corpus.headline import newsroom_title
from assistant.corpus.key_values import key_value_header
from assistant.corpus.layout import Span, lines, paragraphs
from assistant.corpus.markdown import front_matter, markdown_paragraphs, without_comments
from assistant.corpus.metadata import decoded
from assistant.corpus.sentences import split_paragraph
from assistant.models import ArticleMeta, Sentence

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_QUOTE_MARKERS = re.compile(r"(?m)^([ \t]*)((?:>[ \t]?)+)")


@dataclass(slots=True)
class ParsedArticle:
    """An article read from disk: metadata, and where its body paragraphs and sentences stand."""

    meta: ArticleMeta
    text: str
    paragraphs: list[Span]
    sentences: list[Sentence]
    meta_spans: dict[str, Span] = field(default_factory=dict)
    """Where a metadata value stands verbatim in the text (title line, byline), for metadata quotes."""
    warnings: list[str] = field(default_factory=list)


def read_article(corpus_dir: Path, path: Path) -> ParsedArticle:
    """Read and parse one article file; raises UnreadableArticle with the reason."""
    data, _ = read_file(path, corpus_dir)
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
    return parse_article(id_of(corpus_dir, path), decode(data), markdown=markdown)


def parse_article(article_id: str, text: str, *, markdown: bool = False) -> ParsedArticle:
    """Metadata, body paragraphs and sentences of an article's decoded text.

    Raises UnreadableArticle for a text that is no one article (a saved web page, a wire file of
    many stories), saying how to add it instead.
    """
    if not markdown and (why := not_one_article(text)) is not None:
        raise UnreadableArticle(why)
    fields: dict[str, str] = {}
    warnings: list[str] = []
    spans: dict[str, Span] = {}
    body_start = 0
    if markdown:
        fields, body_start, warnings, spans = front_matter(text)
    elif FRONT_MATTER.match(text):
        # Markdown saved as .txt (or with no suffix): its front matter is metadata when it reads as
        # such; else the lines between the `---` are the writer's text, and stay.
        found = front_matter(text)
        if found[0] and not found[2]:
            fields, body_start, _, spans = found
    if body_start == 0 and not warnings:
        # "Title: …", "Author: …" lines opening an export or a saved e-mail: metadata, not text.
        fields, body_start, spans = key_value_header(text)
    all_lines = lines(text, body_start)
    if markdown:
        all_lines = without_comments(text, all_lines)
    header, used = read_header(text, all_lines, {k: decoded(v) for k, v in fields.items()})
    body = all_lines[used:] if markdown else without_furniture(text, all_lines[used:], header)
    units = markdown_paragraphs(text, body) if markdown else paragraphs(text, body)
    units = [p for p in units if not furniture_paragraph(text, p, header)]
    # A wire dateline opens a Markdown story too (wire copy stored by `add` keeps it).
    skip = dateline_skip(text, units[0], header) if units else 0
    if units and skip >= units[0].end - units[0].start:
        units, skip = units[1:], 0  # a dateline on a line of its own is no paragraph
    sentences: list[Sentence] = []
    for number, para in enumerate(units, start=1):
        start = para.start + (skip if number == 1 else 0)
        piece = text[start : para.end]
        if ">" in piece:  # a quote marker's only character: most paragraphs have none to blank out
            piece = _QUOTE_MARKERS.sub(lambda m: m.group(1) + " " * len(m.group(2)), piece)
        sentences.extend(Sentence(s, e, number) for s, e in split_paragraph(piece, start))
    if header.author is None and (sender := fields.get("sender")):
        header.author = decoded(sender)  # a mail's sender, where no byline names the writer
        if "sender" in spans:
            header.spans["author"] = spans["sender"]
    spans.pop("sender", None)
    spans.update(header.spans)
    if header.title is not None and "title" not in fields and "title" in header.spans:
        header.title = newsroom_title(header.title, text[header.spans["title"].end :])
    title = header.title or Path(article_id).stem.replace("_", " ").replace("-", " ")
    meta = ArticleMeta(
        id=article_id, title=title, author=header.author, source=header.source, date=header.date,
        url=fields.get("url"),
    )  # fmt: skip
    return ParsedArticle(
        meta=meta, text=text, paragraphs=units, sentences=sentences, meta_spans=spans, warnings=warnings
    )
