"""Lexical bridges: index terms a reader may use for one another (speech ~ speak, murder ~ homicide).

The table is derived from WordNet 3.0 by `bench/build_lexicon.py` and ships in `data/` with
WordNet's licence notice (`data/WORDNET-LICENSE`), beside `data/words.json` (spelling variants and
the verbs of saying and thinking, from the same script). Each is read once, on the first question.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def bridge_table() -> dict[str, str]:
    """term -> space-separated bridged terms (one way; look up both ways with `bridged`)."""
    raw = resources.files("assistant.answer").joinpath("data/bridges.json.gz").read_bytes()
    table: dict[str, str] = json.loads(gzip.decompress(raw))
    return table


@lru_cache(maxsize=200_000)
def bridges_of(term: str) -> frozenset[str]:
    """The terms `term` bridges to in the table's own direction."""
    found = bridge_table().get(term)
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
