"""An HTML page (saved or fetched) → the article's paragraphs and metadata.

trafilatura finds the story among the menus, ads and promos, and reads the
title, author, date and site name from meta tags, JSON-LD and bylines. It is
imported only when a page is read, so commands that never add HTML start fast.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape as html_unescape

from assistant.corpus import UnreadableArticle
from assistant.corpus.byline import source_after_names
from assistant.corpus.key_values import iso_date_of
from assistant.safe_text import clean, without_escape_sequences

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|body|head|title|meta|script)\b[^>]*>", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What a page yielded; any metadata may be missing."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    date: str | None = None
    """ISO date (YYYY-MM-DD) of first publication, where the page gives one."""
    source: str | None = None
    """The site's name (og:site_name, publisher, the end of <title>), else its host name."""
    url: str | None = None
    """The page's canonical address, else the address it was fetched from."""


def looks_like_html(text: str) -> bool:
    """True for text that is an HTML document rather than prose that mentions a tag or two."""
    if _HTML_START.match(text[:4096]):
        return True
    return len(_HTML_TAGS.findall(text[:20000])) >= 3


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Text of an HTML page: BOM, then the server's charset, then <meta charset>, then UTF-8, then cp1252.

    Raises UnreadableArticle for empty or binary data.
    """
    if not data.strip():
        raise UnreadableArticle("the page is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise UnreadableArticle("the file is binary, not an HTML page")
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    match = _META_CHARSET.search(data[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii"))
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        # Pages that say Latin-1 almost always mean cp1252 (browsers treat them so).
        codec = "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def extract_article(html: str, *, url: str | None = None) -> HtmlArticle:
    """The story of a page and its metadata; raises UnreadableArticle when the page holds no article text."""
    import trafilatura  # slow to import; only `add` needs it

    if url is None:
        url = saved_from(html)

    # A page is untrusted: terminal escapes in it go whole, before the parser drops the bare ESC
    # and keeps the rest ("Evil [31mRED" stored as the title, "[2J" in a quote).
    html = without_escape_sequences(html)
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            # Only dates the page states (meta tags, JSON-LD, <time>, the URL), never guesses from its text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError) as exc:
        raise UnreadableArticle(f"the page could not be parsed as HTML ({exc})") from exc
    text = getattr(document, "text", None) if document is not None else None
    paragraphs = tuple(joined_lines(line.strip() for line in (text or "").splitlines() if line.strip()))
    if not paragraphs:
        raise UnreadableArticle(
            "no article text found in the page (it may need JavaScript, or be an index page)"
        )
    if not any(_sentence_like(paragraph) for paragraph in paragraphs):
        # A page of menus alone ("Home | News") was stored as a one-word article.
        shown = " ".join(" ".join(paragraphs).split()[:6])
        raise UnreadableArticle(
            f"no article text found in the page, only “{shown}” (a menu or links: it may need "
            "JavaScript, or be an index page)"
        )
    author, paper = _writer_and_paper(_field(document, "author"))
    return HtmlArticle(
        paragraphs=paragraphs,
        title=_field(document, "title"),
        author=author,
        date=_date(_field(document, "date")),
        source=_field(document, "sitename")
        or paper
        or site_in_title(html, _field(document, "title"))
        or _host(_field(document, "hostname")),
        url=_field(document, "url") or url,
    )


# The mark a browser's "Save Page As" writes first: <!-- saved from url=(0058)https://… -->
_SAVED_FROM = re.compile(
    r"\A\ufeff?\s*<!--\s*saved from url=\(\d{1,5}\)(https?://[^\s<>\"']{1,2000}?)\s*-->", re.I
)


def saved_from(html: str) -> str | None:
    """The address a saved page was saved from, as the browser noted it; None if not noted."""
    match = _SAVED_FROM.match(html[:2100])
    return match.group(1) if match else None


_TITLE = re.compile(r"<title[^>]{0,200}>([^<]{1,400})</title>", re.IGNORECASE)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def site_in_title(html: str, title: str | None) -> str | None:
    """The site's name a page's <title> ends with ("Harbour dredging | The Coastal Times").

    Saved pages often name their site nowhere else: no og:site_name, no address to take a host from.

    Only where the extractor's own title is the part before the separator, so a title that merely
    holds a dash ("Brazil - what next?") is never cut into a site name.
    """
    if not title:
        return None
    match = _TITLE.search(html[:65536])
    if match is None:
        return None
    whole = " ".join(clean(html_unescape(match.group(1)), one_line=True).split())
    if not whole.startswith(title):
        return None
    rest = whole[len(title) :]
    for separator in _TITLE_SEPARATORS:
        if rest.startswith(separator):
            site = rest.rsplit(separator, 1)[-1].strip()  # "Story | Local news | The Coastal Times"
            return site if _reads_as_a_name(site) and len(title.split()) >= 2 else None
    return None


_NAME_JOINERS = frozenset({"of", "the", "and", "&", "de", "du", "la", "le", "for", "on"})


def _reads_as_a_name(text: str) -> bool:
    """ "The Coastal Times", "BBC News", "lemonde.fr": not a headline's second half ("what next?")."""
    words = text.split()
    if not 0 < len(words) <= 6 or len(text) > 60 or text.endswith(("?", "!", ".", ":")):
        return False
    if len(words) == 1 and "." in text:
        return True  # a host name standing as the site's name
    capitalised = (w[0].isupper() or w[0].isdigit() or w in _NAME_JOINERS for w in words)
    return words[0][0].isupper() and all(capitalised)


_CLOSERS = " \"'”’)]»"
_ENDS = (".", "!", "?", "…", ":")


def joined_lines(lines: Iterable[str]) -> list[str]:
    """The page's lines with a sentence broken over two put back together.

    A page set line by line with `<br>` ("voted on Monday to strike<br>from next week,<br>the
    union said.") gives a line for each piece; stored as paragraphs, the sentence was cut at each
    break. A line that ends no sentence runs on into the next when that one opens in lower case
    or the line ends in a comma; a heading over a paragraph ("Most common items", "Plastic…")
    stays apart.

    A paragraph is kept as its pieces (lines and the spaces between) and joined once: a page of
    thousands of `<br>` lines none of which ends a sentence made each join copy all before it
    (160k lines: ~110 s). The tests read the last two lines only: a line of closers alone
    (`)`, `"`) never joins one before it that ends in closers, so the rest cannot matter.
    """
    out: list[str] = []
    pieces: list[str] = []  # the paragraph being joined
    for line in lines:
        if pieces:
            last = "".join(pieces[-3:])  # the last line, and the one before with the space between
            if not last.rstrip(_CLOSERS).endswith(_ENDS) and (
                line[0].islower() or last.endswith((",", ";")) or (last[-1] == "-" and line[0].isalpha())
            ):
                pieces += ("" if last.endswith("-") and not last.endswith(" -") else " ", line)
                continue
            out.append("".join(pieces))
        pieces = [line]
    if pieces:
        out.append("".join(pieces))
    return out


def _sentence_like(paragraph: str) -> bool:
    """A paragraph of prose: four words or more ending as a sentence ends."""
    return len(paragraph.split()) >= 4 and paragraph.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _field(document: object, name: str) -> str | None:
    value = getattr(document, name, None)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _writer_and_paper(author: str | None) -> tuple[str | None, str | None]:
    """The writers and the paper a page's byline names: trafilatura gives "By Lena Fisk, River
    Weekly" (or a meta author so written) as "Lena Fisk; River Weekly", which was stored as the
    author. Read as the corpus reads a text byline; writers alone ("Jane Doe; Tom Berg") stay."""
    if author is None or "; " not in author:
        return author, None
    named = source_after_names(author.replace("; ", ", "))
    if named is None:
        return author, None
    return author[: named.names_end].strip() or None, named.source


def _date(value: str | None) -> str | None:
    """The page's date as ISO, read as a text file's header dates are (timestamps and words too)."""
    return iso_date_of(value) if value else None


def _host(hostname: str | None) -> str | None:
    if not hostname:
        return None
    return hostname.removeprefix("www.")
