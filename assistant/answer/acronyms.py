"""An article's own acronyms and what they stand for, read from its text.

"the Securities and Exchange Commission (SEC)" says, for that story, that SEC and the four words name
one thing: a question writing one form is matched by a sentence writing the other. Only pairs the
article defines itself are read (in parentheses, either way round, the initials spelling the
acronym), so no table can join an acronym to a name it does not stand for in that story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.index.tokens import terms

_SHORT = r"[A-Z][A-Za-z0-9&]{1,9}"
_LONG_THEN_SHORT = re.compile(rf"\(\s*({_SHORT})s?\s*\)")
_NAME_IN_PARENS = re.compile(r"\(([A-Z][^()]{3,80}?)\)")
_SHORT_BEFORE = re.compile(rf"\b({_SHORT})\s+$")
"""An acronym right before a parenthesis: looked for only where a parenthesis opens (a pattern tried
at every word of the text cost ~80 us an article, this ~2)."""
_WORD = re.compile(r"[A-Za-z][\w.'’&-]*")
_LONGEST = 10
"""Words in the longest name read before an acronym."""


def _letters(short: str) -> str:
    """The capitals and digits an acronym is spelled by ("GmbH" -> "GH"; "U.S." style dots dropped)."""
    return "".join(c for c in short if c.isupper() or c.isdigit())


def _initials(word: str) -> str:
    """What a word gives its acronym: its first letter; "U.S." its capitals."""
    bare = word.strip(".,;:'’")
    caps = re.sub(r"[^A-Z]", "", bare)
    return caps if "." in bare and len(caps) > 1 else bare[:1].upper()


def _spelled(words: list[str], letters: str) -> bool:
    """Whether capitalised `words` (minor words skipped, or counted) spell `letters`."""
    full = "".join(_initials(w) for w in words if w[:1].isupper())
    every = "".join(_initials(w) for w in words)
    return letters in (full, every)


def _name_before(text: str, end: int, letters: str) -> str | None:
    """The name ending at `end` whose initials spell `letters`, the shortest such run of words."""
    words = [m for m in _WORD.finditer(text, max(0, end - 160), end)][-_LONGEST:]
    for start in range(len(words) - 1, -1, -1):
        run = [m.group(0) for m in words[start:]]
        if not run[0][:1].isupper():
            continue
        if _spelled(run, letters):
            return text[words[start].start() : words[-1].end()]
        if sum(w[:1].isupper() for w in run) > len(letters):
            return None
    return None


def acronym_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """The (acronym, name) pairs an article defines: "Securities and Exchange Commission (SEC)",
    "SEC (Securities and Exchange Commission)"; the first definition of each acronym wins."""
    found: dict[str, str] = {}
    for m in _LONG_THEN_SHORT.finditer(text):
        short = m.group(1)
        letters = _letters(short)
        if len(letters) < 2 or short in found:
            continue
        name = _name_before(text, m.start(), letters)
        if name is not None:
            found[short] = " ".join(name.split())
    for m in _NAME_IN_PARENS.finditer(text):
        before = _SHORT_BEFORE.search(text, max(0, m.start() - 14), m.start())
        if before is None:
            continue
        short, name = before.group(1), " ".join(m.group(1).split())
        letters = _letters(short)
        if len(letters) >= 2 and short not in found and _spelled(name.split(), letters):
            found[short] = name
    return tuple(found.items())


Aliases = tuple[tuple[str, frozenset[str]], ...]
"""An article's acronyms as index terms: (the acronym's term, its name's terms)."""


@lru_cache(maxsize=256)
def article_aliases(text: str) -> Aliases:
    """acronym_pairs of an article's text as index terms, kept for the articles asked of lately (one
    story is read for many of a question's candidates, and again by the next question)."""
    out = []
    for short, name in acronym_pairs(text):
        short_terms, name_terms = terms(short), frozenset(terms(name))
        if len(short_terms) == 1 and name_terms and short_terms[0] not in name_terms:
            out.append((short_terms[0], name_terms))
    return tuple(out)


def aliased(aliases: Aliases, held: frozenset[str] | set[str]) -> frozenset[str]:
    """The terms a sentence holding `held` writes in its article's other form: the name's terms where
    it writes the acronym ("sec" -> "secur", "exchang", "commiss"), the acronym where it writes every
    term of the name."""
    out: set[str] = set()
    for short, name in aliases:
        if short in held:
            out |= name
        elif name <= held:
            out.add(short)
    return frozenset(out - held)
