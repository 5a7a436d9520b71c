"""Page and wire furniture: text around a story that is not the story.

Promos, embeds (an embedded post's signature line) and share buttons on web pages; the wire's dateline
("NEW YORK, March 3 -"), sign-off ("Reuter") and credits ("(Reporting by …;
Editing by …)"); copyright lines. None of it is ever quoted as an answer.
"""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"""^(?:video\s+embed|advertisement|advertising|sponsored(?:\s+content)?|share(?:\s+this)?(?:\s+article)?
    |subscribe\b.*|sign\s+up\b.*|click\s+here\b.*|read\s+more\b.*|related(?:\s+articles?)?:?.*
    |watch(?:\s+video)?:.*|listen\s+to\s+this\s+article.*|photo:.*|image:.*|getty\s+images|\(?ap\s+photo.*
    |story\s+continues(?:\s+below)?|continue\s+reading.*|follow\s+us\b.*|copyright\b.*|©.*|\(c\)\s*\d{4}\b.*
    |all\s+rights\s+reserved\.?
    |unsubscribe\b.*|you(?:'re|\s+are)\s+receiving\s+this\b.*|manage\s+(?:your\s+)?(?:e-?mail\s+)?preferences\b.*
    |view\s+(?:this\s+(?:e-?mail|newsletter)|it)\s+in\s+(?:your|a)\s+(?:web\s+)?browser\b.*
    |page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-
    |[-–—=_*~#.·•\s]+)$""",
    re.IGNORECASE | re.VERBOSE,
)
# The wire's sign-off, alone on its line: "Reuter", "REUTER", "Reuters", "AP", "-- AFP".
_TRAILER = re.compile(r"^[-–—\s]*(?P<agency>reuters?|ap|afp|upi|dpa)[\s.]*$", re.IGNORECASE)
# The agencies as a reader knows them: the sign-off "Reuter" is Reuters' own.
_AGENCY_NAMES = {
    "reuter": "Reuters",
    "reuters": "Reuters",
    "ap": "AP",
    "afp": "AFP",
    "upi": "UPI",
    "dpa": "dpa",
    "bloomberg": "Bloomberg",
    "ians": "IANS",
    "pti": "PTI",
}
_DATELINE_AGENCIES = "Reuters|AP|AFP|UPI|Bloomberg|dpa|IANS|PTI"
# Credits closing a wire story: "(Reporting by Jane Doe; Editing by John Roe)".
_CREDITS = re.compile(
    r"^\(\s*(?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|"
    r"research|graphics?|photos?)\s+by\b.*\)\.?$",
    re.IGNORECASE | re.DOTALL,
)
# The signature under an embedded post, pasted or left by a page's embed: "— Mara Holt (@maraholt)
# March 3, 2024", "- Ann Lee (@ann.bsky.social) 3 Mar 2024 at 10:15", and Instagram's "A post
# shared by Mara Holt (@maraholt) on Mar 3, 2024". Its name, handle and date, never a sentence.
_EMBED_SIGNATURE = re.compile(
    r"^(?:(?:[—–―]|-{1,2}|&mdash;)\s*)?(?:a\s+(?:post|photo|video)\s+shared\s+by\s+)?"
    r"[^\s()@][^()\n]{0,80}?\s*\(@[\w.@-]{1,60}\)(?P<when>[^\n]{0,60})$",
    re.IGNORECASE,
)
_POSTED = re.compile(r"\b(?:(?:19|20)\d\d|\d{1,2}:\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")
# A promo headline of another story is long; a subheading of this one is short and kept as text.
_PROMO_WORDS = 8

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "NEW YORK, March 3 -", "COSTA MESA, Calif., March 9 -",
# "WASHINGTON (Reuters) -", "PARIS, Jan 5, 2021 (AFP) —".
DATELINE = re.compile(
    rf"""^(?P<place>[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){{0,3}})
    (?:,\s*[A-Z][A-Za-z.]{{1,20}}(?:\s+[A-Z][A-Za-z.]{{1,20}})?\.?)?
    (?:,?\s*(?P<date>(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?))?
    \s*(?:\((?P<agency>{_DATELINE_AGENCIES})\))?
    \s*(?:-{{1,2}}|–|—|―)(?:\s+(?=\S)|\s*$)""",
    re.VERBOSE | re.IGNORECASE,
)


def is_furniture(line: str) -> bool:
    """True for furniture: promos, embeds, share buttons, sign-offs, credits, long all-capitals promos.

    An all-capitals line of a few words is a subheading of the story and stays text; a long one
    is the headline of another story placed as a promo.
    """
    line = line.strip()
    if _FURNITURE.match(line) or _TRAILER.match(line) or _CREDITS.match(line):
        return True
    if "(@" in line and (signature := _EMBED_SIGNATURE.match(line)) is not None:
        when = signature.group("when")
        if not when.strip() or (_POSTED.search(when) and _stamp_alone(when)):
            return True  # the date it was posted, or none: a sentence never ends on "(@handle)"
    return line.isupper() and len(line.split()) >= _PROMO_WORDS


# Each word of a post's time stamp: "on", "at", a month, a day or year, a clock time, am/pm, a zone.
_STAMP_WORD = re.compile(
    rf"(?i:on|at|{_MONTH}\.?|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}:\d\d(?::\d\d)?(?:[ap]\.?m\.?)?"
    r"|[ap]\.?m\.?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[·|•—–-])|[A-Z]{2,4}"
)


def _stamp_alone(when: str) -> bool:
    """True when what follows a post's "(@handle)" is its time stamp alone ("March 3, 2024", "on Mar 3,
    2024 at 8:15am PST"), not the rest of a sentence naming someone by their handle ("Ann Lee
    (@annlee) posted photos of the square on 3 March 2024.")."""
    return all(_STAMP_WORD.fullmatch(word) for word in re.split(r"[\s,]+", when.strip().rstrip(".")) if word)


def is_sign_off(line: str) -> bool:
    """True for the wire's sign-off alone on a line ("Reuter", "REUTER", "-- AFP")."""
    return bool(_TRAILER.match(line.strip()))


def agency_name(written: str) -> str:
    """An agency as a reader knows it: the sign-off "Reuter" is Reuters'."""
    return _AGENCY_NAMES.get(written.lower(), written)


def signed_off_by(line: str) -> tuple[str, int, int] | None:
    """The agency a sign-off names ("Reuter", "-- AFP"), with where it stands in the line.

    Raw wire copy says where it comes from only there and in its dateline: the card shows it as
    the article's source.
    """
    match = _TRAILER.match(line)
    if match is None:
        return None
    return agency_name(match.group("agency")), match.start("agency"), match.end("agency")


def dateline_end(paragraph: str) -> int:
    """Where the text after a wire dateline starts in a paragraph, or 0 when it opens with none.

    The place must be in capitals and a date or an agency must be named: "NEW YORK, March 3 -",
    never an ordinary sentence with a dash.
    """
    match = DATELINE.match(paragraph)
    if match is None or not match.group("place").isupper():
        return 0
    if match.group("date") is None and "(" not in match.group(0):
        return 0
    return match.end()
