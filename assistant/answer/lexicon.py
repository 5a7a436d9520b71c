"""Lexical bridges: index terms a reader may use for one another (speech ~ speak, murder ~ homicide).

The table is derived from WordNet 3.0 by `bench/build_lexicon.py` and ships in `data/` (see
BRIDGE_TERMS) with WordNet's licence notice (`data/WORDNET-LICENSE`), beside `data/words.json`
(spelling variants, the verbs of saying and thinking, demonyms, and names made of ordinary words,
from the same script) and `data/noun-kinds.json` (the nouns asked as who, where, when or why).
Each is read once, on the first question.
"""

from __future__ import annotations

import io
import json
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

from assistant.index.tokens import terms

_PACKAGE = Path(__file__).parent
"""Where the shipped files lie: a path (importlib.resources loads ~10 ms of modules, zipfile too)."""
BRIDGE_TERMS = "data/bridge-terms.txt"
"""Every term that bridges or is bridged to, sorted, one a line."""
BRIDGE_COUNTS = "data/bridge-counts.npy"
"""Per line of BRIDGE_TERMS, how many terms it bridges to (uint8; 0 for a term only bridged to)."""
BRIDGE_TARGETS = "data/bridge-targets.npy"
"""Those terms, as line numbers of BRIDGE_TERMS (uint16), term after term in its own order.

Uncompressed and under 1 MB together: a first question splits one text file and reads two small
arrays (~1 ms), where a gzipped table cost ~12 ms to inflate and split (a JSON one ~20 ms to parse);
a term is then found by binary search."""


def write_bridge_files(table: Mapping[str, str], folder: Path) -> None:
    """`table` (term -> space-separated bridged terms) as the three files above (bench/build_lexicon)."""
    terms = sorted(set(table) | {t for bridges in table.values() for t in bridges.split()})
    if len(terms) > np.iinfo(np.uint16).max or any("\n" in t for t in terms):
        raise ValueError("the bridge terms do not fit the shipped layout")
    line = {t: i for i, t in enumerate(terms)}
    counts = np.array([len(table.get(t, "").split()) for t in terms], dtype=np.uint8)
    targets = np.array([line[b] for t in terms for b in table.get(t, "").split()], dtype=np.uint16)
    (folder / Path(BRIDGE_TERMS).name).write_text("\n".join(terms) + "\n", encoding="utf-8")
    np.save(folder / Path(BRIDGE_COUNTS).name, counts, allow_pickle=False)
    np.save(folder / Path(BRIDGE_TARGETS).name, targets, allow_pickle=False)


@lru_cache(maxsize=1)
def _bridge_data() -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.uint8], npt.NDArray[np.uint16]]:
    """The sorted terms, where each one's bridges start in the targets, how many, and the targets."""
    data = _PACKAGE
    terms = data.joinpath(BRIDGE_TERMS).read_text(encoding="utf-8").split("\n")[:-1]
    counts = np.load(io.BytesIO(data.joinpath(BRIDGE_COUNTS).read_bytes()), allow_pickle=False)
    targets = np.load(io.BytesIO(data.joinpath(BRIDGE_TARGETS).read_bytes()), allow_pickle=False)
    if counts.shape != (len(terms),) or int(counts.sum()) != targets.shape[0]:
        raise ValueError("the shipped bridge table is damaged")
    starts = np.zeros(len(terms), dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    return terms, starts, counts, targets


@lru_cache(maxsize=200_000)
def bridges_of(term: str) -> frozenset[str]:
    """The terms `term` bridges to in the table's own direction."""
    terms, starts, counts, targets = _bridge_data()
    at = bisect_left(terms, term)
    if at == len(terms) or terms[at] != term or not counts[at]:
        return frozenset()
    start = int(starts[at])
    return frozenset(terms[j] for j in targets[start : start + int(counts[at])].tolist())


def in_dictionary(term: str) -> bool:
    """Whether WordNet knows the word of `term` (it has bridges): a capitalised word it does not
    know ("Grissom", "Arriva") is a name."""
    terms, _, counts, _ = _bridge_data()
    at = bisect_left(terms, term)
    return at < len(terms) and terms[at] == term and bool(counts[at])


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str] | list[str]]:
    raw = _PACKAGE.joinpath("data/words.json").read_text(encoding="utf-8")
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


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """The terms of the adjectives of a country or organisation (american, french, japanes)."""
    return frozenset(_words()["demonyms"])


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of places WordNet writes in capitals, lower-cased ("geneva", "hong kong", "gulf of
    finland"): a sentence naming one offers a place with no preposition before it."""
    return frozenset(_words()["places"])


@lru_cache(maxsize=1)
def _noun_kinds() -> dict[str, str]:
    found: dict[str, str] = json.loads(_PACKAGE.joinpath("data/noun-kinds.json").read_text(encoding="utf-8"))
    return found


def noun_kind(term: str) -> str | None:
    """The question word a "what/which NOUN" asks as, by the noun's index term ("professor" -> "who",
    "counti" -> "where", "deadlin" -> "when"), from WordNet's files of its commonest sense; None for
    any other noun. Read on the first question that needs it (data/noun-kinds.json, ~180 KB)."""
    return _noun_kinds().get(term)


@lru_cache(maxsize=1)
def ordinary_phrases() -> frozenset[tuple[str, ...]]:
    """Names in capitals made of ordinary words ("Third World": ('third', 'world')), as terms."""
    return frozenset(tuple(p.split()) for p in _words()["phrases"])


def phrase_bridges(question_words: Sequence[str]) -> dict[str, frozenset[str]]:
    """Per index term of a question, the bridges of the two-word verb it opens there ("step up",
    "turned down", "walk out": step -> increase, turn -> reject, walk -> strike), from the table's
    keys that bench/build_lexicon.phrase_key writes. `question_words`: its words, lower-cased, in
    order. Shape served: a reader's phrasal verb where the wire wrote one word ("Why did Moscow turn
    down the offer?" against "the Soviets rejected the offer"); the particle alone is a stop word."""
    out: dict[str, frozenset[str]] = {}
    for first, second in pairwise(question_words):
        own = terms(first)
        if len(own) != 1 or not second.isalpha():
            continue
        found = bridges_of(f"{own[0]}_{second}")
        if found:
            out[own[0]] = out.get(own[0], frozenset()) | found
    return out


def bridged(query_terms: dict[str, frozenset[str]], sentence_terms: frozenset[str]) -> set[str]:
    """Query terms not in the sentence but joined to one of its terms by a bridge, either way.

    `query_terms` maps each query term to its own bridges (made once per question).
    """
    missing = [t for t in query_terms if t not in sentence_terms]
    out = {t for t in missing if not query_terms[t].isdisjoint(sentence_terms)}
    rest = [t for t in missing if t not in out]
    # The other way: a sentence term bridging to t. Each term's bridges are looked into, never
    # joined into one set (a union of every term's bridges per sentence was a tenth of a question).
    for s in sentence_terms if rest else ():
        found = bridges_of(s)
        if found and not found.isdisjoint(rest):
            out.update(t for t in rest if t in found)
            rest = [t for t in rest if t not in found]
            if not rest:
                break
    return out
