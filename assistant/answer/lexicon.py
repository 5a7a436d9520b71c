"""Lexical bridges: index terms a reader may use for one another (speech ~ speak, murder ~ homicide).

The table is derived from WordNet 3.0 by `bench/build_lexicon.py` and ships in `data/` (see
BRIDGES_FILE) with WordNet's licence notice (`data/WORDNET-LICENSE`), beside `data/words.json`
(spelling variants and the verbs of saying and thinking, from the same script).
Each is read once, on the first question.
"""

from __future__ import annotations

import gzip
import json
from bisect import bisect_left
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

BRIDGES_FILE = "data/bridges.txt.gz"
"""The table, gzipped text: the count of terms N on the first line, then the N terms in sorted
order one a line, then each term's bridged terms (space-separated) one a line, in the same order.
Splitting it at newlines is all a first question does (a JSON object of ~50k keys took ~20 ms to
parse); a term is then found by binary search."""


def bridge_file_text(table: Mapping[str, str]) -> str:
    """`table` (term -> space-separated bridged terms) in BRIDGES_FILE's layout (bench/build_lexicon)."""
    terms = sorted(table)
    if any("\n" in t or "\n" in table[t] for t in terms):
        raise ValueError("a term or its bridges hold a line break")
    return "\n".join([str(len(terms)), *terms, *(table[t] for t in terms)]) + "\n"


@lru_cache(maxsize=1)
def _bridge_lists() -> tuple[list[str], list[str]]:
    """The sorted terms and, in the same order, their bridges: read once, on the first question."""
    raw = resources.files("assistant.answer").joinpath(BRIDGES_FILE).read_bytes()
    head, _, body = gzip.decompress(raw).decode("utf-8").partition("\n")
    count = int(head)
    lines = body.split("\n")
    return lines[:count], lines[count : 2 * count]


def bridge_table() -> dict[str, str]:
    """term -> space-separated bridged terms (one way; look up both ways with `bridged`)."""
    terms, bridges = _bridge_lists()
    return dict(zip(terms, bridges, strict=True))


@lru_cache(maxsize=200_000)
def bridges_of(term: str) -> frozenset[str]:
    """The terms `term` bridges to in the table's own direction."""
    terms, bridges = _bridge_lists()
    at = bisect_left(terms, term)
    found = bridges[at] if at < len(terms) and terms[at] == term else ""
    return frozenset(found.split()) if found else frozenset()


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str] | list[str]]:
    raw = resources.files("assistant.answer").joinpath("data/words.json").read_text(encoding="utf-8")
    found: dict[str, dict[str, str] | list[str]] = json.loads(raw)
    return found


def spelling_variant(term: str) -> str | None:
    """The term of the same word's other spelling (harbour -> harbor), or None."""
    table = _words()["variants"]
    assert isinstance(table, dict)
    return table.get(term)


@lru_cache(maxsize=1)
def statement_verbs() -> frozenset[str]:
    """The verbs of saying, thinking and feeling (blame, predict, reckon, fear): "What did X <one of
    these>?" asks for X's statement."""
    return frozenset(_words()["statement_verbs"])


@lru_cache(maxsize=1)
def statement_verb_forms() -> frozenset[str]:
    """Their irregular forms (said, told, thought): "What has X said?"."""
    return frozenset(_words()["statement_verb_forms"])


def bridged(query_terms: dict[str, frozenset[str]], sentence_terms: frozenset[str]) -> set[str]:
    """Query terms not in the sentence but joined to one of its terms by a bridge, either way.

    `query_terms` maps each query term to its own bridges (made once per question).
    """
    out: set[str] = set()
    missing = [t for t in query_terms if t not in sentence_terms]
    if not missing:
        return out
    reverse: set[str] = set()
    for s in sentence_terms:
        reverse |= bridges_of(s)
    for t in missing:
        if t in reverse or query_terms[t] & sentence_terms:
            out.add(t)
    return out
