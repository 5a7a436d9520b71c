"""A headline set in capitals, titled the way a newsroom titles it.

Wire copy sends headlines in capitals with the company's ticker in angle
brackets ("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"); some copies are half
re-cased ("Standard OIL <srd> TO Form ..."). Shown as they are, they shout, and
the ticker is noise in a citation. Which capitals are acronyms cannot be told
from the headline alone, so the article's own body decides: a word it writes in
capitals (OPEC, EC, GM) stays in capitals, one it writes in lower case is a
word. Small words go lower case; a ticker after a name goes; a company named in
brackets keeps its name. A title already in ordinary case is left as written.
"""

from __future__ import annotations

import re
from collections import Counter

# Articles, conjunctions and short prepositions: lower case inside a title.
_SMALL = frozenset("a an the and but or nor for of in on at to by as via vs from with into onto per".split())
# Wire abbreviations: words without vowels that are no acronyms.
_WIRE_WORDS = frozenset("qtr qtly mth mths pct dlr dlrs mln bln cts shr shrs yr yrs avg opg".split())
# Everyday words of two or three letters that headlines set in capitals: never acronyms. A short
# capitals word that is none of these and that the body never writes (ICO, IEL, CGE) stays in capitals.
_SHORT_WORDS = frozenset(
    """
    ad ago aid all any are arm art ask ax bad ban bar bay be bed bid big bit box boy bus buy by can
    car cut day did die dip do dog due dry each eat egg end eye far fat fed few fit fix fly for fun
    gap gas get go god got gun guy had has he her hey him his hit hot how if ice ill inc is it its
    job joy key kid kin lag law lay led leg let lie lot low ltd mad man may me men met mid mix net
    new no nor not now odd off oil old one our out owe own pay peg pet pie pin pit pop pot put ran
    raw red rid rig row run sad saw say sea see set she shy six sky so son spy sue sum sun tax tea
    ten tie tin too top toy try two up use van war was way we wed wet who why win won yen yes yet
    you co corp cos jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
_BRACKETS = re.compile(r"<([^<>]{1,60})>")
_ORDINAL = re.compile(r"^\d+(?:ST|ND|RD|TH)$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_VOWELS = frozenset("AEIOUY")
_JOINS = re.compile(r"([-/,])")
_GLUED = re.compile(r"^([^A-Za-z0-9]*(?:[A-Za-z]\.){2,})([A-Za-z]{2}.*)$")
_ABBREVIATION = re.compile(r"[A-Za-z]\.[A-Za-z]")
_PART = re.compile(r"^([^A-Za-z0-9]*)(.*?)([^A-Za-z0-9]*)$", re.DOTALL)
_ASCII_CAPITAL_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTER_BYTES = _ASCII_CAPITAL_BYTES + _ASCII_CAPITAL_BYTES.lower()
_ASCII_LETTERS = frozenset(_ASCII_LETTER_BYTES)
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_NOT_CAPITALS = re.compile(r"[^A-Z\u00c0-\u00d6\u00d8-\u00de]+")
# A body mostly in capitals says nothing about which words are acronyms.
_MOSTLY_CAPITALS = 0.8


def newsroom_title(title: str, body: str) -> str:
    """`title` with capitals re-cased and tickers dropped; unchanged when it holds neither.

    `body` is the article's text after the headline: how it writes a word is how
    the title writes it.
    """
    if "<" not in title and not _has_capital_words(title):
        return title
    shouting = _share_of_capitals(_BRACKETS.sub(" ", title)) >= _MOSTLY_CAPITALS
    forms = _forms(body, title)
    words: list[str] = []
    for token, bracketed in _tokens(title):
        first = not words or words[-1].endswith((":", "-", "—"))
        words.append(_recased(token, forms, first=first, every_word=shouting or bracketed))
    return " ".join(word for word in words if word) or title


def _has_capital_words(title: str) -> bool:
    return any(len(w) >= 2 and w.isupper() for w in _WORD.findall(title))


def _share_of_capitals(text: str) -> float:
    if text.isascii():  # the usual case: letters and capitals are byte ranges, counted in C
        data = text.encode("ascii")
        letters = len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
        capitals = len(data) - len(data.translate(None, _ASCII_CAPITAL_BYTES))
        return capitals / letters if letters else 0.0
    letters = len(_NOT_LETTERS.sub("", text))  # counted by regular expressions: this runs per headline
    return len(_NOT_CAPITALS.sub("", text)) / letters if letters else 0.0


def _tokens(title: str) -> list[tuple[str, bool]]:
    """The title's words, each with whether it stood in brackets; a ticker after a name is left out.

    "<SRD>" after "STANDARD OIL" is a ticker; "<RANGE ROVER>" opening the title, or any
    bracket of several words, is a company's name and stays, without its brackets.
    """
    tokens: list[tuple[str, bool]] = []
    pos = 0
    for match in _BRACKETS.finditer(title):
        tokens.extend((word, False) for word in title[pos : match.start()].split())
        inner = match.group(1).split()
        if len(inner) > 1 or not tokens:
            tokens.extend((word, True) for word in inner)
        pos = match.end()
    tokens.extend((word, False) for word in title[pos:].split())
    # Punctuation a dropped ticker leaves alone joins the word before: "BAKER <BKO>, UPGRADES".
    joined: list[tuple[str, bool]] = []
    for word, bracketed in tokens:
        if joined and not any(ch.isalnum() for ch in word) and word not in {"-", "—", "&"}:
            joined[-1] = (joined[-1][0] + word, joined[-1][1])
        else:
            joined.append((word, bracketed))
    return joined


def _forms(body: str, title: str) -> dict[str, Counter[str]]:
    """How the body writes each of the title's words, by its lower-case form; empty when the body
    is in capitals. Only the title's words are counted.

    Each wanted word is found with `bytes.find` in a lower-cased ASCII copy of the body (one byte
    a character: anything not ASCII becomes "?", a non-letter, as `[A-Za-z]+` sees it) and kept
    where no ASCII letter touches it: the words `re.findall("[A-Za-z]+")` gives, in the same order,
    without splitting and lower-casing every word of the body for each title.
    """
    wanted = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", title)}
    if not wanted or _share_of_capitals(body[:2000]) >= _MOSTLY_CAPITALS:
        return {}
    text = body[:20_000].encode("ascii", "replace")
    lowered = text.lower()
    found: dict[str, Counter[str]] = {}
    length = len(lowered)
    for lower in sorted(wanted):
        needle = lower.encode("ascii")
        size = len(needle)
        at = lowered.find(needle)
        counts = None
        while at >= 0:
            end = at + size
            if (at == 0 or lowered[at - 1] not in _ASCII_LETTERS) and (
                end == length or lowered[end] not in _ASCII_LETTERS
            ):
                if counts is None:  # a Counter made once a word, not once a match
                    counts = found[lower] = Counter()
                counts[text[at:end].decode("ascii")] += 1
            at = lowered.find(needle, end)
    return found


_NEVER_WRITTEN: Counter[str] = Counter()
"""How the body writes a word it never writes: read only (a missing form counts 0, unstored)."""


def _recased(token: str, forms: dict[str, Counter[str]], *, first: bool, every_word: bool) -> str:
    """One whitespace-separated token re-cased part by part ("LONG-TERM" → "Long-Term", "VW,TOYOTA")."""
    parts = _JOINS.split(token)
    out = []
    for number, part in enumerate(parts):
        if part in {"-", "/", ","}:
            out.append(part)
            continue
        out.append(_recased_part(part, forms, first=first and number == 0, every_word=every_word))
    return "".join(out)


def _recased_part(part: str, forms: dict[str, Counter[str]], *, first: bool, every_word: bool) -> str:
    glued = _GLUED.match(part)
    if glued:  # "U.S.PROTECTIONISM": the abbreviation as written, the word after it re-cased
        rest = _recased_part(glued.group(2), forms, first=False, every_word=every_word)
        return glued.group(1) + rest
    if _ABBREVIATION.search(part):
        return part  # U.S., H.K., E.D.: abbreviations keep their capitals
    pieces = _PART.match(part)
    start, end = (pieces.start(2), pieces.end(2)) if pieces else (0, len(part))
    core = part[start:end]
    possessive = ""
    if core.endswith(("'s", "'S", "’s", "’S")):
        core, possessive = core[:-2], core[-2] + "s"
    if not every_word and len(core) >= 2 and core[0].isupper() and not core.isupper():
        written = forms.get(core.lower(), _NEVER_WRITTEN)
        if written[core.upper()] > written[core.lower()] + written[core]:
            return part[:start] + core.upper() + possessive + part[end:]  # "Opec" where the body says OPEC
    if first and not every_word and len(core) >= 2 and core.islower():
        # "(corrected) - …", "(crime Control Inc) 4th Qtr": a half re-cased copy left the word
        # after a bracket in lower case; a title still opens with a capital.
        return part[:start] + core.capitalize() + possessive + part[end:]
    if not core or (not every_word and not (len(core) >= 2 and core.isupper())):
        return part  # a title in ordinary case keeps its words; only its capitals are looked at
    cased = _word_case(core, forms, first=first, every_word=every_word)
    return part[:start] + cased + possessive + part[end:]


def _word_case(word: str, forms: dict[str, Counter[str]], *, first: bool, every_word: bool) -> str:
    """The case a newsroom gives one word: as the body writes it, else by what kind of word it is."""
    if any(ch.isdigit() for ch in word):
        return word.lower() if _ORDINAL.match(word) else word  # 2ND → 2nd; A340 stays
    lower = word.lower()
    written = forms.get(lower)
    if written and len(word) >= 2:
        capitals = written[word.upper()]
        if capitals > written[lower] + written[lower.capitalize()]:
            return word.upper()  # the body writes it in capitals: an acronym (OPEC, EC, GM)
        inner = [f for f, n in written.most_common() if f[1:] != f[1:].lower() and not f.isupper()]
        if inner:
            return inner[0]  # McDonald, DeLorean: the body's own mixed case
    if lower in _SMALL and not first:
        return lower
    if lower in _WIRE_WORDS:
        return lower.capitalize()  # never an acronym, however few vowels it has
    unknown = written is None and word.isupper() and lower not in _SHORT_WORDS and lower not in _SMALL
    if unknown and (len(word) <= 3 or not every_word or not _VOWELS & set(word)):
        return word  # ICO, NBC, GM: no word the body or the dictionary knows; in a mixed title, any
    return lower.capitalize()
