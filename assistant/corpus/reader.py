"""An article file read as a reader reads it: metadata, paragraphs, sentences.

The header (title line, byline, publication, date) gives metadata; the body's
paragraphs come from the article's own layout (one line a paragraph, or
hard-wrapped with blank-line or indented paragraphs, or Markdown); furniture
and the wire's dateline are left out of sentences. Every offset is into the
file's decoded text, so a quote can be checked against the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.display import display_text
from assistant.corpus.files import article_id as id_of
from assistant.corpus.files import decode, read_file
from assistant.corpus.furniture import _FURNITURE, DATELINE, dateline_end, is_furniture, is_sign_off
from assistant.corpus.headline import newsroom_title
from assistant.corpus.layout import _CLOSED, Line, Span, lines, paragraphs
from assistant.corpus.markdown import front_matter, markdown_paragraphs
from assistant.corpus.metadata import (
    PUBLICATION_LINE,
    byline_name,
    date_from,
    decoded,
    iso_date,
    looks_like_byline,
    source_from,
    source_span,
)
from assistant.corpus.sentences import split_paragraph
from assistant.models import ArticleMeta, Sentence

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_HEADER_LINES = 4
# Words a title cannot end on: "… residents near" runs on to "Cedar Ridge" on the next line.
_RUNS_ON = frozenset(
    "a an the of in on at to for from by with near and or but as into over after before about "
    "against amid between under than says said".split()
)
# Promos, sign-offs and credits are short; a paragraph longer than this is never furniture.
_FURNITURE_WORDS = 25
# A line giving a fixture's day, kick-off time or broadcast: "Saturday, 5 February", "1400 GMT".
_FIXTURE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}[:.]?\d{2}\s*(?:gmt|bst|cet|et|pt)\b|live\s+on\b)",
    re.IGNORECASE,
)
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


@dataclass(slots=True)
class _Header:
    title: str | None
    author: str | None
    source: str | None
    date: str | None
    spans: dict[str, Span]


def read_article(corpus_dir: Path, path: Path) -> ParsedArticle:
    """Read and parse one article file; raises UnreadableArticle with the reason."""
    data, _ = read_file(path, corpus_dir)
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
    return parse_article(id_of(corpus_dir, path), decode(data), markdown=markdown)


def parse_article(article_id: str, text: str, *, markdown: bool = False) -> ParsedArticle:
    """Metadata, body paragraphs and sentences of an article's decoded text."""
    fields: dict[str, str] = {}
    warnings: list[str] = []
    spans: dict[str, Span] = {}
    body_start = 0
    if markdown:
        fields, body_start, warnings, spans = front_matter(text)
    all_lines = lines(text, body_start)
    header, used = _read_header(text, all_lines, {k: decoded(v) for k, v in fields.items()})
    body = all_lines[used:] if markdown else _without_furniture(text, all_lines[used:], header)
    units = markdown_paragraphs(text, body) if markdown else paragraphs(text, body)
    units = [p for p in units if not _furniture_paragraph(text, p, header)]
    skip = _dateline(text, units[0], header) if units and not markdown else 0
    if units and skip >= units[0].end - units[0].start:
        units, skip = units[1:], 0  # a dateline on a line of its own is no paragraph
    sentences: list[Sentence] = []
    for number, para in enumerate(units, start=1):
        start = para.start + (skip if number == 1 else 0)
        piece = _QUOTE_MARKERS.sub(lambda m: m.group(1) + " " * len(m.group(2)), text[start : para.end])
        sentences.extend(Sentence(s, e, number) for s, e in split_paragraph(piece, start))
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


def _continues(text: str, line: Line, after: Line | None) -> bool:
    """True when the next line carries on this one's sentence (a wrapped line, not a header line)."""
    if after is None or after.break_before or after.indent > line.indent:
        return False
    first = text[after.start : after.start + 1]
    if text[line.start : line.end].isupper():
        return False  # a headline in capitals, then the story ("USDA TO REDUCE …" / "the U.S. …")
    return first.islower() and not _CLOSED.search(text[line.start : line.end])


@dataclass(frozen=True, slots=True)
class _Block:
    end: int
    lines: int


def _wrapped_title(text: str, all_lines: list[Line]) -> _Block | None:
    """A title hard-wrapped over two or three lines: each line but the last was full.

    Wrapping breaks a line where the next word would not fit the width the rest of the article
    keeps; a title line no longer than that width, followed by a word that would not have fitted,
    runs on into the next line.
    """
    widest = max((line.end - line.start + line.indent for line in all_lines[1:40]), default=0)
    if not 45 <= widest <= 120:
        return None  # paragraphs written on one line, or a few short lines: nothing is wrapped

    def full(line: Line, after: Line) -> bool:
        length = line.end - line.start + line.indent
        word = len(text[after.start : after.end].split(maxsplit=1)[0])
        if after.break_before or after.indent > line.indent or not length <= widest < length + 1 + word:
            return False
        if dateline_end(text[after.start : after.end]):
            return False  # "LOS ANGELES, March 3 - Qtly div …" opens the story, whatever the widths
        # A name under the title is its byline, unless the title stops on a word that needs one more.
        last = text[line.start : line.end].rsplit(maxsplit=1)[-1].lower()
        return not looks_like_byline(decoded(text[after.start : after.end])) or last in _RUNS_ON

    count = 1
    while count < min(3, len(all_lines)) and full(all_lines[count - 1], all_lines[count]):
        count += 1
    if count == 1:
        return None
    shown = display_text(text, all_lines[0].start, all_lines[count - 1].end)
    return _Block(all_lines[count - 1].end, count) if len(shown) <= 250 else None


def _read_header(text: str, all_lines: list[Line], fields: dict[str, str]) -> tuple[_Header, int]:
    """Title, byline, publication and date from the first lines; how many lines they take."""
    header = _Header(fields.get("title"), fields.get("author"), fields.get("source"), fields.get("date"), {})
    index = 0
    if all_lines:
        first = all_lines[0]
        after = all_lines[1] if len(all_lines) > 1 else None
        line = text[first.start : first.end]
        bare_start = (
            first.start + (len(line) - len(line.lstrip("# "))) if line.startswith("#") else first.start
        )
        bare = text[bare_start : first.end]
        if header.title is None and (block := _wrapped_title(text, all_lines)) is not None:
            header.title = decoded(display_text(text, bare_start, block.end))
            header.spans["title"] = Span(bare_start, block.end)
            index = block.lines
        elif header.title is None:
            # A short first line is the title unless it reads as a sentence running into the body;
            # a blank line after it settles it ("Trump leads in Ohio poll." then a blank line).
            # A title in capitals may end in "U.S."; one followed by an indented line stands apart.
            runs_on = after is not None and not after.break_before and after.indent <= first.indent
            # A lone sentence is the body: an article is not a title with nothing under it.
            alone = after is None
            sentence_like = (
                line.endswith((".", ".”", '."'))
                and (runs_on or alone)
                and not line.isupper()
                and not _headline_case(line)
            )
            if (
                len(line) <= 200
                and not _FURNITURE.match(line)
                and not sentence_like
                and (not _continues(text, first, after) or _headline_case(line))
            ):
                header.title = decoded(bare)
                header.spans["title"] = Span(bare_start, first.end)
                index = 1
        elif decoded(bare) == header.title:
            header.spans["title"] = Span(bare_start, first.end)
            index = 1
    start = index
    while index < min(len(all_lines), start + _HEADER_LINES):
        line_info = all_lines[index]
        after = all_lines[index + 1] if index + 1 < len(all_lines) else None
        line = text[line_info.start : line_info.end]
        if _continues(text, line_info, after):
            break
        if is_furniture(line):
            _note_source(header, line, line_info)
            index += 1
            continue
        byline = (index == start or line.lower().startswith("by ")) and looks_like_byline(decoded(line))
        if header.author is None and byline and not _fixture_follows(text, all_lines, index):
            name = byline_name(line)
            header.author = decoded(name)
            offset = line_info.start + line.find(name)
            header.spans["author"] = Span(offset, offset + len(name))
        elif header.date is None and len(line) < 80 and (found := date_from(line)):
            header.date = found
            header.spans["date"] = Span(line_info.start, line_info.end)
        elif header.source is None and (publication := PUBLICATION_LINE.match(line)):
            group = publication.lastindex or 0
            header.source = decoded(publication.group(group))
            header.spans["source"] = Span(
                line_info.start + publication.start(group), line_info.start + publication.end(group)
            )
        else:
            break
        index += 1
    return header, index


def _headline_case(line: str) -> bool:
    """True for a line in headline case ("Taiwan to Seek Higher Textile Exports to U.S."): no sentence.

    A title may end in an abbreviation's full stop, or stand over a first line that starts in lower
    case; a sentence has lower-case words of four letters or more ("said", "would"), a headline
    capitalises every one.
    """
    words = [w for w in re.sub(r"<[^<>]*>", " ", line).split() if any(ch.isalpha() for ch in w)]
    long_words = [w for w in words if sum(ch.isalpha() for ch in w) >= 4]  # "<range Rover>": a name
    return len(words) >= 3 and len(long_words) >= 2 and all(_opens_upper(w) for w in long_words)


def _opens_upper(word: str) -> bool:
    """True when the word's first letter is a capital ("Car/truck", "(Usda)")."""
    return next(ch for ch in word if ch.isalpha()).isupper()


def _fixture_follows(text: str, all_lines: list[Line], index: int) -> bool:
    """True when a bare name-like line is followed by a match's day or kick-off time: a venue line."""
    line = text[all_lines[index].start : all_lines[index].end]
    if line.lower().startswith("by "):
        return False
    following = all_lines[index + 1 : index + 3]
    return any(_FIXTURE.search(text[f.start : f.end]) for f in following)


def _note_source(header: _Header, line: str, span: Line) -> None:
    """A promo line naming the publication ("… READ MORE FROM THE WASHINGTON EXAMINER") gives the source."""
    if header.source is None and (found := source_from(line)) is not None:
        header.source = decoded(found)
        where = source_span(line)
        if where is not None:
            header.spans["source"] = Span(span.start + where[0], span.start + where[1])


def _without_furniture(text: str, body: list[Line], header: _Header) -> list[Line]:
    """Body lines with furniture lines standing alone left out; the next line opens a paragraph.

    Only a line alone counts: after a break, an indent or a closed sentence, and before a break, an
    indent or nothing, so "Advertisement" between two halves of a wrapped paragraph goes, while a
    wrapped line that merely begins "related to …" stays prose. The wire's sign-off goes when last.
    """
    kept: list[Line] = []
    cut = False
    for number, line in enumerate(body):
        before = body[number - 1] if number else None
        after = body[number + 1] if number + 1 < len(body) else None
        content = text[line.start : line.end]
        alone_before = (
            before is None or line.break_before or line.indent > before.indent or _closed(text, before)
        )
        alone_after = after is None or after.break_before or after.indent > line.indent or _closed(text, line)
        if (alone_before and alone_after and is_furniture(content)) or (
            after is None and is_sign_off(content)
        ):
            _note_source(header, content, line)
            cut = True
            continue
        if cut:
            line = Line(line.start, line.end, line.indent, True)
            cut = False
        kept.append(line)
    return kept


def _closed(text: str, line: Line) -> bool:
    return bool(_CLOSED.search(text[line.start : line.end]))


def _furniture_paragraph(text: str, paragraph: Span, header: _Header) -> bool:
    """True for a paragraph that is furniture; a promo naming the publication gives the source."""
    if paragraph.end - paragraph.start > 20 * _FURNITURE_WORDS:
        return False  # plainly longer than any promo: no need to look
    shown = display_text(text, paragraph.start, paragraph.end)
    if len(shown.split()) > _FURNITURE_WORDS or not is_furniture(shown):
        return False  # a long paragraph is story, whatever its first words
    if header.source is None and (found := source_from(shown)) is not None:
        header.source = decoded(found)
        where = re.search(
            r"\s+".join(map(re.escape, found.split())), text[paragraph.start : paragraph.end], re.I
        )
        if where is not None:
            header.spans["source"] = Span(paragraph.start + where.start(), paragraph.start + where.end())
    return True


def _dateline(text: str, paragraph: Span, header: _Header) -> int:
    """How far a wire dateline opens the first paragraph; its date is metadata when it names the year."""
    piece = text[paragraph.start : paragraph.end]
    skip = dateline_end(piece)
    if skip:
        match = DATELINE.match(piece)
        if match and match.group("year") and header.date is None:
            found = iso_date(match.group("month"), match.group("day"), match.group("year"))
            if found:
                header.date = found
                header.spans["date"] = Span(
                    paragraph.start + match.start("date"), paragraph.start + match.end("date")
                )
    return skip
