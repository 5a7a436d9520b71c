"""What a number in a sentence counts, and the small words that carry a question's relation.

"How many votes did the ferry deal get?" wants a number that counts votes ("312 votes to 87"), not
any number ("a strike that lasted six weeks"); "At what yield..." wants the yield's figure ("will
yield 3.9989 pct"), not a rate the sentence compares it with. The noun asked about is found once in
the question (`Query.counted`); here each candidate sentence is read for a number bound to it: next
to it, or a few words off with no punctuation, determiner or pronoun between.

Relation words ("against", "before", "not", "more") are stop words to retrieval, yet "Who voted
against the tram line?" is answered by the sentence that says "voted against": the question's
relation words a sentence holds are evidence of their own (`relation_words`, `sentence_facts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.index.tokens import terms

RELATION_WORDS = frozenset(
    "against before after more most less fewer least not no never without over under above below until "
    "except".split()
)
"""Stop words (or near ones) that say which way a question points: its polarity, order or comparison."""

_TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|[^\W\d_][\w'’.-]*|[^\w\s]")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions dozen dozens mln bln".split()
)
_BETWEEN_STOPS = frozenset(
    "the a an this that these those its their his her our your my which who whom whose it they he she we "
    "and or but while whereas".split()
)
"""Words a number and the noun it counts are never parted by: past one, the number counts something else."""
_SIGNS = frozenset("%$€£¥")
REACH = 3
"""Words at most between a number and the noun it counts ("2.5 mln new shares", "yield of 3.9 pct")."""


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What one sentence says of the question's counted noun and relation words."""

    counted: float
    """1 when a number in it counts the asked noun, 0.5 when it counts a bridge of it, else 0."""
    relations: tuple[str, ...]
    """The question's relation words it holds."""


def relation_words(question: str) -> tuple[str, ...]:
    """The question's relation words, lower-cased, "n't" read as "not"."""
    found: list[str] = []
    for m in re.finditer(r"[A-Za-z]+(?:n['’]t)?", question):
        word = m.group(0).lower()
        if word.endswith(("n't", "n’t")):
            word = "not"
        if word in RELATION_WORDS and word not in found:
            found.append(word)
    return tuple(found)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    found = terms(word)
    return found[0] if len(found) == 1 else ""


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
"""A bare four-digit number of these centuries is a year ("its 1987 imports"), which counts nothing."""


def _is_number(token: str) -> bool:
    return token[:1].isdigit() or token.lower() in _NUMBER_WORDS


def _is_count(token: str) -> bool:
    return _is_number(token) and _YEAR.fullmatch(token) is None


def sentence_facts(
    sentence: str, nouns: frozenset[str], bridges: frozenset[str], relations: tuple[str, ...]
) -> SentenceFacts:
    """How the sentence bears on the asked noun (`nouns` its terms, `bridges` theirs) and relations."""
    tokens = [m.group(0) for m in _TOKEN.finditer(sentence)] if nouns or relations else []
    lowered = [t.lower() for t in tokens]
    held = {"not" if w.endswith(("n't", "n’t")) else w for w in lowered}
    relation = tuple(r for r in relations if r in held)
    counted = 0.0
    if nouns:
        numbers = [i for i, t in enumerate(tokens) if _is_count(t)]
        for i in numbers:
            for step in (1, -1):
                j = i + step
                while 0 <= j < len(tokens) and abs(j - i) <= REACH + 1:
                    token = lowered[j]
                    if _is_number(token) or token in _SIGNS:
                        j += step
                        continue
                    if not token[:1].isalpha() or token in _BETWEEN_STOPS:
                        break
                    stem = _stem(token)
                    if stem in nouns:
                        return SentenceFacts(1.0, relation)
                    if stem and stem in bridges:
                        counted = 0.5
                    j += step
    return SentenceFacts(counted, relation)
