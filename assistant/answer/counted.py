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
"""A bare four-digit number of these centuries is mostly a year ("its 1987 imports"), which counts
nothing; but see `_year_counts`."""
_NOT_BEFORE_A_YEAR_COUNT = frozenset(
    "the a an its their his her our your my this that these those in since until till from during "
    "fiscal calendar mid early late year years".split()
)
"""Words before a year-like number that make it a year: "its 1987 imports", "in 1987", "fiscal 1987"."""
_ERAS_AND_MONTHS = frozenset(
    "bc bce ad ce jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december".split()
)
_PARTITIVE = frozenset("its their his her our the these those".split())
"""Words that may follow "of" when a number counts a part of a whole: "5,000 of its employees"."""


def _is_number(token: str) -> bool:
    return token[:1].isdigit() or token.lower() in _NUMBER_WORDS


def _is_count(token: str) -> bool:
    return _is_number(token) and _YEAR.fullmatch(token) is None


def _tokens(sentence: str) -> list[str]:
    """The sentence's tokens, a number joined to a word by a hyphen ("a 12-screen cinema", "the
    three-stage rocket") read as the number and the word: it counts that word."""
    out: list[str] = []
    end = -1
    for m in _TOKEN.finditer(sentence):
        token = m.group(0)
        if token == "-" and m.start() == end and out and _is_number(out[-1]):
            continue  # "12-screen": the hyphen binds; "12 - the" (spaced) is a dash
        head, _, rest = token.partition("-")
        if rest and head.lower() in _NUMBER_WORDS and rest[:1].isalpha():
            out += [head, rest]
        else:
            out.append(token)
        end = m.end()
    return out


def _year_counts(lowered: list[str], i: int) -> bool:
    """Whether the year-like number at `i` counts the plural word after it ("attended by 2000
    guests", "has 1987 employees"), rather than naming a year ("its 1987 imports", "in 1987")."""
    before = lowered[i - 1] if i > 0 else ""
    after = lowered[i + 1].rstrip(".") if i + 1 < len(lowered) else ""
    return (
        before not in _NOT_BEFORE_A_YEAR_COUNT
        and not before.endswith(("'s", "’s"))
        and after[:1].isalpha()
        and after.endswith("s")
        and after not in _ERAS_AND_MONTHS
    )


_NOT_COUNTED = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "pct percent cent points dlrs dollars cents stg pounds yen marks francs euros lire crowns kronor".split()
)
"""Plural words after a number that measure (a span, a share, a sum) rather than count things."""


_SPANS_AND_SHARES = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades "
    "pct percent points".split()
)
"""The units of `_NOT_COUNTED` that never give the worth of a noun before them: a sum may ("imports
of 565 mln dlrs" is the imports' value, asked "What is the value of the imports?")."""


def _measures(lowered: list[str], i: int) -> bool:
    """Whether the number at `i` (with the number words after it) measures a span or a share written
    after it ("six months", "12 pct"): it then counts no noun before it ("the Vardal shipping channel
    is running six months behind schedule" counts no ships). A count bound to the noun before it
    writes no unit after ("the population was 48,000", "a staff of 300"). A sum after its noun is
    left bound: reading "565 mln dlrs" as a measure too lost "planned imports of 565 mln dlrs" on
    reuters-paraphrased (and mended "Foreign currency holdings fell 7.28 billion francs" first for
    France's intervention purchases on dev22: one each way)."""
    j = i + 1
    while j < len(lowered) and _is_number(lowered[j]):
        j += 1
    return j < len(lowered) and lowered[j] in _SPANS_AND_SHARES


def sentence_facts(
    sentence: str, nouns: frozenset[str], bridges: frozenset[str], relations: tuple[str, ...]
) -> SentenceFacts:
    """How the sentence bears on the asked noun (`nouns` its terms, `bridges` theirs) and relations.
    A count is read as readers write it: in digits or words ("two dozen banks"), in a year's shape
    before a plural ("2000 guests"), with words between ("3,000 more workers", "5,000 of its
    employees"), bound by a hyphen ("a 12-screen cinema"). A count whose noun is left out ("Four
    thousand emigrated") is not read: on squad-dev-train it kept as many answers as it let
    questions asked without their article through."""
    tokens = _tokens(sentence) if nouns or relations else []
    lowered = [t.lower() for t in tokens]
    held = {"not" if w.endswith(("n't", "n’t")) else w for w in lowered}
    relation = tuple(r for r in relations if r in held)
    counted = 0.0
    if nouns:
        numbers = [
            i for i, t in enumerate(tokens) if _is_count(t) or (_is_number(t) and _year_counts(lowered, i))
        ]
        for i in numbers:
            # A year-like count counts only the plural after it (_year_counts); a measure only its unit.
            for step in (1, -1) if _is_count(tokens[i]) and not _measures(lowered, i) else (1,):
                j = i + step
                while 0 <= j < len(tokens) and abs(j - i) <= REACH + 1:
                    token = lowered[j]
                    if _is_number(token) or token in _SIGNS:
                        j += step
                        continue
                    if step == 1 and token == "of" and j + 1 < len(tokens) and lowered[j + 1] in _PARTITIVE:
                        j += 2  # "5,000 of its employees": a part of the whole counted
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


_CLAUSE_ENDS = frozenset(",;:()")


def counted_beside(sentence: str, nouns: frozenset[str]) -> bool:
    """Whether one clause of the sentence (parted at commas, semicolons, colons and brackets) holds
    both a term of `nouns` and a number counting some other thing in the plural: "About 340 workers
    will lose their jobs" counts the jobs asked of by the people losing them. A span, a share or a
    sum ("six months", "12 pct", "40 mln stg") counts nothing, nor does a year."""
    clause_nouns = False
    clause_count = False
    tokens = _tokens(sentence)
    for i, token in enumerate(tokens):
        if token in _CLAUSE_ENDS:
            clause_nouns = clause_count = False
            continue
        if token[:1].isalpha() and not _is_number(token) and _stem(token) in nouns:
            clause_nouns = True
        elif _is_count(token):
            j = i + 1
            while j < len(tokens) and _is_number(tokens[j]):
                j += 1
            after = tokens[j].lower() if j < len(tokens) else ""
            if after[:1].isalpha() and after.endswith("s") and after not in _NOT_COUNTED:
                clause_count = True
        if clause_nouns and clause_count:
            return True
    return False
