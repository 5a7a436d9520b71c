"""The front matter `assistant add` writes, written and read back without importing PyYAML.

Every `add` writes one front matter and reads it back (its fingerprint, then its metadata),
and PyYAML's import costs a one-shot process ~8 ms. Most values fall in a subset whose YAML
form is certain: ASCII words (a letter first; letters, digits, spaces and `,.'()&/$%+-`
after) that YAML 1.1 does not read as a boolean or null, and hex digests, are written plain,
exactly as `yaml.safe_dump` writes them; `null` stands for no value; a date or timestamp
single-quoted, as safe_dump quotes what YAML would read as one.
A value outside the subset returns None from both functions, and the caller uses PyYAML as
before. tests/test_front_matter_plain.py holds both to PyYAML on many random values.
"""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()&/$%+-]*")
# A digest (the body's sha256): with a, c, d or f in it no YAML resolver takes it for a number.
_HEX = re.compile(r"[0-9a-f]*[acdf][0-9a-f]*")
# Single-quoted by safe_dump: what YAML's implicit resolvers read as a timestamp, a number or
# a date-like string; a digit first, then characters that need no escape inside quotes.
_QUOTED_FIRST_DIGIT = re.compile(r"[0-9][0-9A-Za-z:.+-]*")
# YAML 1.1 booleans and nulls: plain, these would not read back as strings.
_NOT_STRINGS = frozenset(
    "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split()
)
_LINE = re.compile(r"([a-z][a-z0-9_]*): (?:'((?:[^'\n]|'')*)'|(.*))")
_MAX_CHARS = 4096


def _plain(value: str) -> bool:
    if len(value) <= 128 and _HEX.fullmatch(value) is not None:
        return True
    return (
        len(value) <= _MAX_CHARS
        and _PLAIN.fullmatch(value) is not None
        and value not in _NOT_STRINGS
        and not value.endswith(" ")
        and "  " not in value
    )


def _quoted(value: str) -> bool:
    # Timestamps, dates and numbers (a digit first, no space): safe_dump single-quotes the ones
    # YAML resolves as such; the ones it does not are written plain, so both forms are checked
    # by the caller's test, and only those certain here are taken.
    return len(value) <= 64 and _QUOTED_FIRST_DIGIT.fullmatch(value) is not None and _resolves_as_other(value)


_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _resolves_as_other(value: str) -> bool:
    """A full timestamp (YAML 1.1's pattern, the only digit-first kind taken here)."""
    if "T" not in value and "t" not in value:
        return _DATE_ONLY.fullmatch(value) is not None
    return _TIMESTAMP.fullmatch(value) is not None


def dump_plain(front: dict[str, str | None]) -> str | None:
    """`yaml.safe_dump(front, sort_keys=False, ...)` for string or None values, or None when unsure."""
    lines = []
    for key, value in front.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", key) or key in _NOT_STRINGS:
            return None
        if value is None:
            lines.append(f"{key}: null\n")
        elif _plain(value):
            lines.append(f"{key}: {value}\n")
        elif _quoted(value):
            lines.append(f"{key}: '{value}'\n")
        else:
            return None
    return "".join(lines)


def load_plain(source: str) -> dict[str, str | None] | None:
    """The mapping a front matter in dump_plain's subset holds, or None when it is not (read it as YAML)."""
    found: dict[str, str | None] = {}
    for line in source.split("\n"):
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        key, quoted, bare = match.groups()
        if key in found or key in _NOT_STRINGS:
            return None
        if quoted is not None:
            value = quoted.replace("''", "'")
            if not _quoted(value):
                return None
            found[key] = value
        elif bare == "null":
            found[key] = None
        elif _plain(bare):
            found[key] = bare
        else:
            return None
    return found or None
