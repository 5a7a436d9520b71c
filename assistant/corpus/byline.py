"""What a byline says beside the writer's name: an agency or a paper after a comma, a suffix,
a date, and whether it repeats an author already known.

"By Ted D'Afflisio, Reuters" and "By Lena Fisk, River Weekly" name a writer and, apart, the source;
"By John Smith, Jr." and "By Jane Doe, Tom Berg" name people only, and "By Jane Doe, Staff Writer"
a person and a role, left as written. Nothing is guessed: a part is a paper only when its last word
is one only papers end on, or it opens with "The".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.metadata import date_from, decoded, looks_like_byline
from assistant.safe_text import clean

# A wire agency named after the byline's names: "By Ted D'Afflisio, Reuters".
_BYLINE_AGENCY = re.compile(
    r",\s*(Reuters?|Associated Press|AP|AFP|Agence France-Presse|Bloomberg(?: News)?|UPI|"
    r"United Press International|Dow Jones(?: Newswires)?)\s*$",
    re.IGNORECASE,
)


# The last part of a byline after a comma: "By Lena Fisk, River Weekly" (see `_names_outlet`).
_BYLINE_OUTLET = re.compile(r",\s*([^,]{2,60}?)\s*$")
# Words a publication's name ends on, never a person's: "River Weekly", "The Baltic Times".
_OUTLET_WORDS = frozenset(
    """
    times post news herald journal daily weekly tribune gazette guardian telegraph chronicle observer
    magazine review register star sun mail express standard independent courier monitor bulletin
    record inquirer enquirer dispatch examiner globe ledger sentinel citizen mirror echo argus
    advertiser today newswire wire radio television tv network digest insider week quarterly monthly
    online media broadcasting bee beacon clarion courant transcript picayune dealer
    """.split()
)

# Words papers end on that are surnames too ("Wei Sun", "Emily Post", "Heath Ledger"): after a first
# name they name a second writer as often as a paper, so two such words are a paper only after "The"
# ("The Baltimore Sun"); the byline is then kept whole, as before papers were read off it.
_SURNAME_OUTLET_WORDS = frozenset("post sun star bee ledger".split())


def _names_outlet(part: str) -> bool:
    """True when a byline's last part names a publication ("River Weekly", "The Coastal Ledger"),
    not a person ("Tom Berg"), a suffix ("Jr.") or a role ("Staff Writer"): two to six capitalised
    words ending on a word only publications end on, or a name of up to five words after "The"."""
    words = part.split()
    if not 1 <= len(words) <= 6 or not _PUBLICATION_WORDS.match(part):
        return False
    if words[0] in ("The", "THE") and len(words) >= 2:
        return True
    if any(word.lower() in ("and", "&") for word in words):
        return False  # "Tom Berg and Mary Post": more writers, not a paper
    last = words[-1].strip(".").lower()
    if len(words) == 2 and last in _SURNAME_OUTLET_WORDS:
        return False  # "By Anna Lee, Wei Sun", "By Jane Doe, Emily Post": a second writer, as likely
    return len(words) >= 2 and last in _OUTLET_WORDS


# Short words of a publication's name set in capitals that are words, not acronyms ("THE", "NEW").
_SHORT_WORDS = frozenset("the new sun bee day and of los san las el la".split())


def _outlet_case(name: str) -> str:
    """A publication named in a byline set in capitals ("RIVER WEEKLY") as its name is written;
    a short word that is no word (USA, BBC) stays an acronym."""
    if not name.isupper():
        return name
    return " ".join(w.capitalize() if len(w) > 3 or w.lower() in _SHORT_WORDS else w for w in name.split())


def _display_agency(written: str) -> str:
    """The agency as written; one in capitals that is not an acronym (REUTERS) as a name."""
    if written.lower() == "reuter":
        return "Reuters"  # "By Patti Domm, Reuter": the agency's old sign-off, its name is Reuters
    return written.title() if written.isupper() and len(written) > 3 else written


@dataclass(frozen=True, slots=True)
class NamedSource:
    """A source named after a byline's names, and where: offsets into the byline's name."""

    source: str
    """As a reader knows it: "Reuters" for the wire's "Reuter", "River Weekly" for "RIVER WEEKLY"."""
    start: int
    end: int
    names_end: int
    """Where the writers' names end (before the comma)."""


def source_after_names(name: str) -> NamedSource | None:
    """The wire agency or paper after a byline's names ("Ted D'Afflisio, Reuters", "Lena Fisk,
    River Weekly"), or None when the part after the last comma is a person, a suffix or a role."""
    agency = _BYLINE_AGENCY.search(name)
    if agency is not None:
        return NamedSource(_display_agency(agency.group(1)), agency.start(1), agency.end(1), agency.start())
    outlet = _BYLINE_OUTLET.search(name)
    if outlet is not None and _names_outlet(outlet.group(1)):
        shown = _outlet_case(decoded(outlet.group(1)))
        return NamedSource(shown, outlet.start(1), outlet.end(1), outlet.start())
    return None


def repeats_author(name: str, author: str) -> bool:
    """True when a byline's name is the author already known (front matter, a page's meta tags),
    in any case or spacing, a wire agency after it or not: "By JOSE MARTIN, Reuters" repeats
    "Jose Martin". A page's body often repeats the byline its meta tags give."""
    agency = _BYLINE_AGENCY.search(name)
    if agency:
        name = name[: agency.start()]

    def folded(value: str) -> str:
        return " ".join(clean(decoded(value), one_line=True).split()).casefold()

    return folded(name) == folded(author)


_PART = re.compile(r"[^\s,|](?:[^,|]*[^\s,|])?")  # a part between commas or bars, trimmed
_PUBLICATION_WORDS = re.compile(
    r"^(?:[A-Z][\w'’.&\-]*|of|the|and|de|du|la|le)(?:\s+(?:[A-Z][\w'’.&\-]*|of|the|and|de|du|la|le)){0,5}$"
)


_NAME_SUFFIX = re.compile(r"(?:Jr|Sr|Snr|Jnr|II|III|IV|Esq|MD|PhD)\.?", re.IGNORECASE)


def byline_parts(line: str) -> list[tuple[str, int, int]] | None:
    """A "By" line whose name is followed by its publication and date, split at commas or bars
    ("By Anna Lindqvist, Baltic Times, 3 March 2026"): (field, start, end) of each part in `line`,
    or None unless the first part is a byline and every other part a date or a publication."""
    if not line.lower().startswith("by ") or len(line) > 120:
        return None
    spans = [(m.start(), m.end()) for m in _PART.finditer(line)]
    if len(spans) < 2:
        return None
    first_lo, first_hi = spans[0]
    if not looks_like_byline(line[first_lo:first_hi]):
        return None
    name_lo = first_lo + len(line[first_lo:first_hi]) - len(line[first_lo + 3 : first_hi].lstrip())
    found = [("author", name_lo, first_hi)]
    for lo, hi in spans[1:]:
        piece = line[lo:hi]
        if _NAME_SUFFIX.fullmatch(piece) and found[-1][0] == "author":
            found[-1] = ("author", name_lo, hi)  # "By John Smith, Jr.": his name, no publication
        elif date_from(piece) is not None:
            found.append(("date", lo, hi))
        elif _PUBLICATION_WORDS.match(piece) and not any(f == "source" for f, _, _ in found):
            found.append(("source", lo, hi))
        else:
            return None
    return found
