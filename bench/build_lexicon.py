"""Build the shipped table of lexical bridges from WordNet 3.0: assistant/answer/data/bridges.json.gz.

A bridge leads from an index term (a Snowball stem, as `assistant.index.tokens.term` makes it) to one a
reader may use in its place: synonyms of a word's commonest senses (murder ~ slaying), derivationally
related forms (speech ~ speak, death ~ die), a verb's direct hypernyms and a noun's in its first
sense (murder ~ homicide), and irregular forms (spoke -> speak). Bridges are stored one way (from a
word's own senses); the answer side looks them up both ways, so "rise" finds "jumped" through jump's
sense "increase suddenly" (a kind of rise). A bridged match is its own feature, never an exact match.

Deterministic: the same WordNet files give the same bytes (sorted keys, gzip mtime 0).

    python -m bench.build_lexicon [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path

from assistant.index.tokens import term

WORDNET = Path("/work/shared/lexicon/wordnet-3.0")
OUT = Path(__file__).resolve().parent.parent / "assistant" / "answer" / "data" / "bridges.json.gz"
POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSES = 4
"""Only a word's commonest senses bridge: rarer ones join words no reader would swap."""
MAX_BRIDGES = 20
"""A term with more bridges than this keeps its first ones (the commonest senses come first)."""


def _stem(lemma: str) -> str | None:
    if not lemma.isalpha() or len(lemma) < 3:
        return None
    return term(lemma.lower())


def _synsets(folder: Path, pos: str) -> dict[int, tuple[list[str], list[tuple[str, int, str, int, int]]]]:
    """offset -> (words, pointers (symbol, target offset, target pos, source word no., target word no.))."""
    out = {}
    for line in (folder / f"data.{POS[pos]}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split(" | ")[0].split()
        offset, n_words = int(parts[0]), int(parts[3], 16)
        words = [parts[4 + 2 * i].split("(")[0] for i in range(n_words)]
        i = 4 + 2 * n_words
        n_ptrs = int(parts[i])
        ptrs = []
        for k in range(n_ptrs):
            sym, target, tpos, st = parts[i + 1 + 4 * k : i + 5 + 4 * k]
            ptrs.append((sym, int(target), "a" if tpos == "s" else tpos, int(st[:2], 16), int(st[2:], 16)))
        out[offset] = (words, ptrs)
    return out


def build(folder: Path) -> dict[str, list[str]]:
    """term -> bridged terms, in order of discovery (commonest senses first)."""
    related: dict[str, dict[str, None]] = defaultdict(dict)

    def join(a: str, b: str | None) -> None:
        if b and a != b:
            related[a][b] = None

    synsets = {pos: _synsets(folder, pos) for pos in POS}
    for pos in POS:
        for line in (folder / f"index.{POS[pos]}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma, n_senses, n_ptr = parts[0], int(parts[2]), int(parts[3])
            own = _stem(lemma)
            if own is None:
                continue
            offsets = [int(x) for x in parts[4 + n_ptr + 2 :][:n_senses]]
            for rank, offset in enumerate(offsets[:SENSES]):
                words, ptrs = synsets[pos][offset]
                here = [w.lower() for w in words]
                number = here.index(lemma) + 1 if lemma in here else 0
                for w in here:
                    join(own, _stem(w))
                for sym, target, tpos, src, dst in ptrs:
                    twords = synsets[tpos][target][0]
                    if sym == "+" and src == number and 0 < dst <= len(twords):
                        join(own, _stem(twords[dst - 1].lower()))
                    elif sym == "@" and src == 0 and (pos == "v" or rank == 0):
                        for w in twords:
                            join(own, _stem(w.lower()))
    for pos in ("noun", "verb", "adj"):
        for line in (folder / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            parts = line.split()
            if len(parts) >= 2 and (form := _stem(parts[0])):
                for base in parts[1:]:
                    join(form, _stem(base))
                    join(_stem(base) or "", form)
    return {t: list(found)[:MAX_BRIDGES] for t, found in sorted(related.items())}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    args = parser.parse_args()
    table = build(args.wordnet)
    data = json.dumps({t: " ".join(b) for t, b in table.items()}, sort_keys=True, separators=(",", ":"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(table)} terms, {OUT.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
