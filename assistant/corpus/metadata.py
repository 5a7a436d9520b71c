"""Metadata stated in an article's header lines: byline, publication, date.

A value is taken only where the article states it plainly; nothing is
guessed. A name-like line under the title is an author only when it reads as
a person's name (a stadium, a venue or a team on that line is no author), and
"By …" always marks one. HTML entities left in by exporters are decoded.
"""

from __future__ import annotations

import datetime as dt
import html
import re

_SOURCE_LINE = re.compile(r"\bread\s+more\s+from\s+(?:the\s+)?(.+?)[.!]?$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by\s+)?((?:[A-Z][\w'’.\-]*\.?)(?:,?\s+(?:and\s+|&\s+)?(?:[A-Z][\w'’.\-]*|de|van|von|der|la|le|al|bin))*)$"
)
# Words that name a place, a team or a body, never a person: "Millennium Stadium", "Old Trafford Ground".
_NOT_A_PERSON = frozenset(
    """
    stadium arena park ground grounds road field lane bridge hall centre center club court street avenue
    square oval garden gardens palace place racecourse circuit dome cup league championship championships
    university college school council ministry department party group team fc afc united city town county
    hotel theatre theater church house station airport museum office agency reuters press news times
    post journal daily weekly herald tribune gazette guardian telegraph bbc cnn associated staff
    editor editors reporter correspondent international national republic kingdom states
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    v vs
    """.split()
)
# A publication named on a header line of its own: "The Coastal Ledger", "Source: Reuters".
PUBLICATION_LINE = re.compile(
    r"^(?:(?:source|publication|published\s+by|via):\s*(.{2,60})|(The(?:\s+[A-Z][\w&'’.-]*){1,4}))$"
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
_DATE_LINE = re.compile(
    r"^(?:published|updated|posted|date)?:?\s*(?:on\s+)?(?:\w+day,?\s+)?"
    r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b.{0,40}$",
    re.IGNORECASE,
)

# The same with the day first, as most of the world writes it: "3 March 2026", "Tuesday 3 Mar 2026".
_DAY_FIRST_LINE = re.compile(
    r"^(?:published|updated|posted|date)?:?\s*(?:on\s+)?(?:\w+day,?\s+)?"
    r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b.{0,40}$",
    re.IGNORECASE,
)
_ISO_LINE = re.compile(
    r"^(?:published|updated|posted|date)?:?\s*(\d{4})-(\d{2})-(\d{2})(?:\b|T\d).{0,40}$", re.IGNORECASE
)
# The wire's own stamp, as Reuters' DATE tag writes it: "26-FEB-1987 15:01:01.79".
_WIRE_STAMP_LINE = re.compile(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})\b.{0,40}$")


def decoded(value: str) -> str:
    """A metadata value with HTML entities decoded (`&#39;` → `'`) and white space folded."""
    return " ".join(html.unescape(value).split())


def looks_like_byline(line: str) -> bool:
    """True for "By Jane Doe" and for a bare line that reads as a person's name ("Mike Brest")."""
    if len(line) > 80 or any(ch.isdigit() or ch in '‘“”"' for ch in line):
        return False  # no byline quotes anyone or counts anything
    if line.rstrip("’'\")").endswith((".", ":", "?", "!")):
        return False  # a sentence, or the end of a title wrapped onto this line
    words = line.split()
    if not 1 <= len(words) <= 9 or not _BYLINE.match(line):
        return False
    if words[0].lower() == "by" and len(words) > 1:
        return True
    # Without "By", only a short name of people's words: no venue, team, weekday or month in it,
    # and no comma ("Murrayfield, Edinburgh" is a ground and its city).
    bare = [w.strip(",&.").lower() for w in words if w.lower() not in ("and", "&")]
    return "," not in line and 2 <= len(bare) <= 6 and not any(w in _NOT_A_PERSON for w in bare)


def byline_name(line: str) -> str:
    """The name(s) in a byline, without the leading "By"."""
    return re.sub(r"^by\s+", "", line, flags=re.IGNORECASE).strip()


_SHOUTED_PART = re.compile(r"(?<![A-Za-z])(MC(?=[A-Z]{3}))?([A-Z])([A-Z]*)")
# Emphasis marks around a header line's words: `*By Jane Doe* | **The Paper**` (Markdown).
_EMPHASIS = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=\|))[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?=[\s,;|]|$)")


def name_case(name: str) -> str:
    """A byline name written all in capitals ("JOHN O'NEIL") as a name is written ("John O'Neil"):
    "By JOHN SMITH" was listed and cited in capitals. A name in ordinary case is left as written."""
    if not name.isupper() or sum(ch.isalpha() for ch in name) < 4:
        return name

    def part(match: re.Match[str]) -> str:
        if match.group(0) == "AND":
            return "and"
        prefix = (match.group(1) or "").capitalize()
        return prefix + match.group(2) + match.group(3).lower()

    return _SHOUTED_PART.sub(part, name)


def without_emphasis(line: str) -> tuple[str, int]:
    """A header line with Markdown emphasis marks blanked out and the ends trimmed, and where the
    trimmed line starts in `line`: offsets in it are offsets in the file (marks become spaces)."""
    if "*" not in line and "_" not in line:
        return line, 0
    masked = _EMPHASIS.sub(lambda m: " " * len(m.group()), line)
    lead = len(masked) - len(masked.lstrip())
    return masked.strip(), lead


def source_from(line: str) -> str | None:
    """The publication a promo line names ("… READ MORE FROM THE WASHINGTON EXAMINER"), if any."""
    match = _SOURCE_LINE.search(line)
    if not match:
        return None
    name = match.group(1).strip(" .!:")
    if not name or len(name.split()) > 6:
        return None
    return name.title() if name.isupper() else name


def source_span(line: str) -> tuple[int, int] | None:
    """Where `source_from` found the publication in the line."""
    match = _SOURCE_LINE.search(line)
    return None if match is None else (match.start(1), match.end(1))


# A month and year alone under the title ("February 1987", "March 2024"): a monthly's or an archive's
# date line, no sentence. The day is not known, so it is kept as "1987-02", never the first.
_MONTH_YEAR_LINE = re.compile(r"^\s*([A-Za-z]{3,9})\.?,?\s+(\d{4})\s*$")


def month_year_from(line: str) -> str | None:
    """The month a header line holding only a month and a year names ("February 1987"), as
    "1987-02", or None."""
    match = _MONTH_YEAR_LINE.match(line)
    month = _MONTHS.get(match.group(1).lower()) if match else None
    if match is None or month is None or not 1800 <= int(match.group(2)) <= 2199:
        return None
    return f"{match.group(2)}-{month:02d}"


def iso_date(month_name: str, day: str, year: str) -> str | None:
    """An ISO date from its written parts, or None when they name no real day."""
    month = _MONTHS.get(month_name.lower().rstrip("."))
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def date_from(line: str) -> str | None:
    """The date a header line states ("Published March 14, 2024", "3 March 2026", "2026-03-03",
    "2026-03-03T08:30:00Z", the wire's "26-FEB-1987 15:01:01.79"), as ISO, or None."""
    match = _DATE_LINE.match(line)
    if match:
        return iso_date(match.group(1), match.group(2), match.group(3))
    match = _DAY_FIRST_LINE.match(line)
    if match:
        return iso_date(match.group(2), match.group(1), match.group(3))
    match = _WIRE_STAMP_LINE.match(line)
    if match:
        return iso_date(match.group(2), match.group(1), match.group(3))
    match = _ISO_LINE.match(line)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            return None
    return None
