"""Article text made safe for a terminal.

Articles are untrusted: a file can carry ANSI escape sequences or other
control characters that would move the cursor, retitle the window or hide
text. Everything shown in the CLI or the TUI passes through `clean` first;
markup is never parsed from article text (front ends build Rich `Text`).
"""

from __future__ import annotations

import re

# CSI, OSC, DCS/PM/APC and two-character escape sequences, then any lone C0/C1 control.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                 # CSI … final byte
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?     # OSC … BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?          # DCS, SOS, PM, APC … ST
    | \x1b[@-Z\\-_]                          # two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]                  # 8-bit CSI
    """,
    re.VERBOSE,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """`text` without escape sequences or control characters (newlines and tabs kept).

    Bidirectional overrides go too, so a line cannot display reversed.
    """
    if text.isprintable():
        return text
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
