"""The lines that open an article: its title, byline, publication and date.

A title may be hard-wrapped over two or three lines, or be a short first line that is not a
sentence running on into the body; then up to four lines of byline, date, publication or
promo furniture. Each value found keeps where it stands verbatim (`spans`), so it can be quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.byline import byline_parts, repeats_author, source_after_names
from assistant.corpus.display import display_text
from assistant.corpus.furniture import _FURNITURE, dateline_end, is_furniture
from assistant.corpus.layout import _CLOSED, Line, Span
from assistant.corpus.metadata import (
    PUBLICATION_LINE,
    byline_name,
    date_from,
    decoded,
    looks_like_byline,
    month_year_from,
    name_case,
    source_from,
    source_span,
    without_emphasis,
)
from assistant.safe_text import clean

_HEADER_LINES = 4
# Words a title cannot end on: "… residents near" runs on to "Cedar Ridge" on the next line.
_RUNS_ON = frozenset(
    "a an the of in on at to for from by with near and or but as into over after before about "
    "against amid between under than says said".split()
)
# A line giving a fixture's day, kick-off time or broadcast: "Saturday, 5 February", "1400 GMT".
_FIXTURE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}[:.]?\d{2}\s*(?:gmt|bst|cet|et|pt)\b|live\s+on\b)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Header:
    """What the opening lines say (metadata found later in the body fills what is still None)."""

    title: str | None
    author: str | None
    source: str | None
    date: str | None
    spans: dict[str, Span]


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


def read_header(text: str, all_lines: list[Line], fields: dict[str, str]) -> tuple[Header, int]:
    """Title, byline, publication and date from the first lines; how many lines they take."""
    header = Header(fields.get("title"), fields.get("author"), fields.get("source"), fields.get("date"), {})
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
            # A wire body without its headline opens mid-sentence: "An existing New York Stock
            # Exchange," then "NYSE, rule might be used ..." on the next line is one sentence.
            # But "Candidates vie for vets' support;" over a one-line deck standing alone
            # ("Trump and Clinton point out …", then a blank line) is a headline, as papers set it.
            deck = all_lines[2] if len(all_lines) > 2 else None
            stands_alone = deck is None or deck.break_before
            over_deck = after is not None and stands_alone and not text[after.start].islower()
            cut_mid_sentence = runs_on and line.rstrip().endswith((",", ";")) and not over_deck
            if (
                len(line) <= 200
                and not _FURNITURE.match(line)
                and not sentence_like
                and not cut_mid_sentence
                and (not _continues(text, first, after) or _headline_case(line))
            ):
                header.title = decoded(bare)
                header.spans["title"] = Span(bare_start, first.end)
                index = 1
        elif decoded(bare) == header.title:
            header.spans["title"] = Span(bare_start, first.end)
            index = 1
    if index and index < len(all_lines) and _underlines(text, all_lines[index - 1], all_lines[index]):
        index += 1  # the title's underline: "River cleanup" over "=============" (Setext, plain text)
    start = index
    month_line: tuple[str, Span] | None = None  # "February 1987": the date only if no other is given
    while index < min(len(all_lines), start + _HEADER_LINES):
        line_info = all_lines[index]
        after = all_lines[index + 1] if index + 1 < len(all_lines) else None
        line = text[line_info.start : line_info.end]
        if _continues(text, line_info, after):
            break
        if is_furniture(line):
            note_source(header, line, line_info)
            index += 1
            continue
        line, lead = without_emphasis(line)  # `*By Jane Doe* | **The Paper**`
        base = line_info.start + lead
        seen = clean(line, one_line=True)  # "By Priya\x07 Raman": a control character hides no byline
        byline = (index == start or seen.lower().startswith("by ")) and looks_like_byline(decoded(seen))
        parts = None if byline or header.author is not None else byline_parts(line)
        if parts is not None:
            # "By Anna Lindqvist, Baltic Times, 3 March 2026": each part to its own field.
            for field, lo, hi in parts:
                value = line[lo:hi]
                if getattr(header, field) is None:
                    shown = decoded(value) if field != "author" else name_case(decoded(value))
                    setattr(header, field, date_from(value) if field == "date" else shown)
                    header.spans[field] = Span(base + lo, base + hi)
        elif byline and header.author is not None and repeats_author(byline_name(line), header.author):
            pass  # "By Jane Doe" under front matter naming her: the byline again, not the story
        elif header.author is None and byline and not _fixture_follows(text, all_lines, index):
            name = byline_name(line)
            offset = base + line.find(name)
            named = source_after_names(name)
            if named is not None:
                # "By Ted D'Afflisio, Reuters", "By Lena Fisk, River Weekly": the agency or the
                # paper is the source (unless one is known already), not part of the name.
                if header.source is None:
                    header.source = named.source
                    header.spans["source"] = Span(offset + named.start, offset + named.end)
                name = name[: named.names_end]
            header.author = name_case(decoded(clean(name, one_line=True)))
            header.spans["author"] = Span(offset, offset + len(name))
        elif (month := month_year_from(line)) is not None:
            if month_line is None:
                month_line = (month, Span(line_info.start, line_info.end))
        elif header.date is None and len(line) < 80 and (found := date_from(line)):
            header.date = found
            header.spans["date"] = Span(line_info.start, line_info.end)
        elif header.source is None and (publication := PUBLICATION_LINE.match(line)):
            group = publication.lastindex or 0
            header.source = decoded(publication.group(group))
            header.spans["source"] = Span(base + publication.start(group), base + publication.end(group))
        else:
            break
        index += 1
    if header.date is None and month_line is not None:
        header.date, header.spans["date"] = month_line
    return header, index


_UNDERLINE = re.compile(r"(?:={3,}|-{3,})[ \t]*")


def _underlines(text: str, title: Line, line: Line) -> bool:
    """True for a row of `=` or `-` right under the title: Markdown's Setext heading, and how a
    plain-text newsletter underlines its headline. It is layout; the byline under it is read."""
    return not line.break_before and bool(_UNDERLINE.fullmatch(text, line.start, line.end))


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


def note_source(header: Header, line: str, span: Line) -> None:
    """A promo line naming the publication ("… READ MORE FROM THE WASHINGTON EXAMINER") gives the source."""
    if header.source is None and (found := source_from(line)) is not None:
        header.source = decoded(found)
        where = source_span(line)
        if where is not None:
            header.spans["source"] = Span(span.start + where[0], span.start + where[1])
