"""An article's body as the reader keeps it: furniture and the wire's dateline left out.

Furniture (promos, "Advertisement", sign-offs, credits) is left out as whole lines or whole
short paragraphs, never from inside prose. A promo naming the publication, the wire's sign-off
("Reuter") or its dateline's agency ("WASHINGTON (Reuters) -") gives the source; a dateline
naming the year gives the date.
"""

from __future__ import annotations

import re

from assistant.corpus.display import display_text
from assistant.corpus.furniture import (
    DATELINE,
    agency_name,
    dateline_end,
    is_furniture,
    is_sign_off,
    signed_off_by,
)
from assistant.corpus.header import Header, note_source
from assistant.corpus.layout import _CLOSED, Line, Span
from assistant.corpus.metadata import decoded, iso_date, source_from

# A date the file gives as its year alone, or its year and month: "1987", "1987-02".
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")
# Promos, sign-offs and credits are short; a paragraph longer than this is never furniture.
_FURNITURE_WORDS = 25


def without_furniture(text: str, body: list[Line], header: Header) -> list[Line]:
    """Body lines with furniture lines standing alone left out; the next line opens a paragraph.

    Only a line alone counts: after a break, an indent or a closed sentence, and before a break, an
    indent or nothing, so "Advertisement" between two halves of a wrapped paragraph goes, while a
    wrapped line that merely begins "related to …" stays prose. The wire's sign-off goes when last.
    """
    kept: list[Line] = []
    cut = False
    # The last agency alone on a line, while no story line follows it: the sign-off gives the
    # source. One between paragraphs is a picture's credit ("Reuters" under a photo), not the source.
    signed: Span | None = None
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
            note_source(header, content, line)
            if (agency := signed_off_by(content)) is not None:
                signed = Span(line.start + agency[1], line.start + agency[2])
            cut = True
            continue
        if cut:
            line = Line(line.start, line.end, line.indent, True)
            cut = False
        kept.append(line)
        signed = None
    if signed is not None and header.source is None:
        header.source = agency_name(text[signed.start : signed.end])
        header.spans["source"] = signed
    return kept


def _closed(text: str, line: Line) -> bool:
    return bool(_CLOSED.search(text[line.start : line.end]))


def furniture_paragraph(text: str, paragraph: Span, header: Header) -> bool:
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


def dateline_skip(text: str, paragraph: Span, header: Header) -> int:
    """How far a wire dateline opens the first paragraph; its date is metadata when it names the year."""
    piece = text[paragraph.start : paragraph.end]
    skip = dateline_end(piece)
    if skip:
        match = DATELINE.match(piece)
        if match and match.group("agency") and header.source is None:
            header.source = agency_name(match.group("agency"))
            header.spans["source"] = Span(
                paragraph.start + match.start("agency"), paragraph.start + match.end("agency")
            )
        if match and match.group("year") and header.date is None:
            found = iso_date(match.group("month"), match.group("day"), match.group("year"))
            if found:
                header.date = found
                header.spans["date"] = Span(
                    paragraph.start + match.start("date"), paragraph.start + match.end("date")
                )
        elif match and match.group("date") and header.date is not None:
            # "NEW YORK, Feb 26 -" under front matter or a header giving the year alone ("date:
            # 1987", "1987-02"): the day is the dateline's, the year the file's own, never a guess.
            year = _PARTIAL_DATE.fullmatch(header.date.strip())
            month = iso_date(match.group("month"), "1", "2000")
            if year and (year.group(2) is None or month is None or int(year.group(2)) == int(month[5:7])):
                found = iso_date(match.group("month"), match.group("day"), year.group(1))
                header.date = found or header.date
    return skip
