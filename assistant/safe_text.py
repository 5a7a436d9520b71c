"""Untrusted text made safe for a terminal: the one escaping function every output path uses.

Articles, file names, URLs and questions are untrusted: they can carry ANSI
escape sequences, C1 controls, bidirectional overrides or invisible format
characters that would move the cursor, retitle the window, hide text or make a
line read reversed. Everything shown on stdout, stderr, in the TUI, in an
export or on the clipboard passes through `clean`; JSON output goes through
`json_text`, which escapes the same characters instead of dropping them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar

_Tag = TypeVar("_Tag")

# CSI, OSC, DCS/PM/APC and two-character escape sequences (7-bit and 8-bit forms).
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                 # CSI … final byte
    | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC … BEL or ST
    | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?        # DCS, SOS, PM, APC … ST
    | \x1b[ -/]*[0-~]                        # two-character (and nF) escapes
    | \x9b[0-?]*[ -/]*[@-~]                  # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f][^\x1b\x9c\x07]*(?:\x9c|\x07|\x1b\\)?   # 8-bit DCS/SOS/OSC/PM/APC
    """,
    re.VERBOSE,
)
# Characters that never reach a terminal: C0 and C1 controls, DEL, format characters (bidi
# controls, zero-width characters, BOM…), line and paragraph separators, surrogates, private use.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
# Unassigned code points (Cn) are dropped too: a terminal may draw them as anything.


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in _DROPPED_CATEGORIES


def clean(text: str, *, one_line: bool = False) -> str:
    """`text` without escape sequences, control or invisible format characters.

    Newlines and tabs are kept (CR and CRLF become newlines) unless `one_line`,
    which turns every line break and tab into a space so the text cannot break
    a line-based listing or forge a line of its own (file names, titles, messages).
    """
    if text.isprintable():
        return text
    text = _ESCAPES.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    # Whole lines are checked at C speed; only a line that holds something unprintable is walked.
    cleaned = [line if line.isprintable() else _clean_line(line, one_line) for line in lines]
    return (" " if one_line else "\n").join(cleaned)


def cleaned_pieces(text: str, spans: Iterable[tuple[int, int, _Tag]]) -> list[tuple[str, _Tag | None]]:
    """`text` cut at the raw offsets of `spans` (start, end, tag), each piece cleaned on its own and
    paired with its span's tag (None between spans): offsets into the raw text stay right even where
    `clean` removes characters. Overlaps are clipped: a character takes the first span claiming it."""
    pieces: list[tuple[str, _Tag | None]] = []
    cursor = 0
    for start, end, tag in sorted(
        ((max(0, s), min(len(text), e), t) for s, e, t in spans), key=lambda span: span[:2]
    ):
        start = max(start, cursor)
        if end <= start:
            continue
        pieces += [(clean(text[cursor:start]), None), (clean(text[start:end]), tag)]
        cursor = end
    pieces.append((clean(text[cursor:]), None))
    return pieces


def without_escape_sequences(text: str) -> str:
    """`text` without terminal escape sequences, whole: what a parser that drops only the ESC
    character (as lxml does) would leave behind is `[31m` in a stored title."""
    return _ESCAPES.sub("", text) if ("\x1b" in text or "\x9b" in text or _C1_OPENERS.search(text)) else text


_C1_OPENERS = re.compile(r"[\x90\x98\x9d\x9e\x9f]")


def _clean_line(line: str, one_line: bool) -> str:
    out = []
    for char in line:
        if char.isprintable():
            out.append(char)
        elif char == "\t":
            out.append(" " if one_line else char)
        elif one_line and char in "\x0b\x0c\x85\u2028\u2029":
            out.append(" ")
        elif not _unsafe(char):
            out.append(char)
    return "".join(out)


_JSON_UNSAFE = re.compile(
    r"[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def json_text(value: Any, *, indent: int | None = None) -> str:
    """`value` as JSON whose strings carry no raw control, bidi or invisible character.

    `json.dumps` already escapes C0 controls; C1 controls, bidi and zero-width
    characters, line separators and lone surrogates are escaped here as
    `\\uXXXX`, so the JSON means the same text and is safe to print.
    """
    dumped = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
