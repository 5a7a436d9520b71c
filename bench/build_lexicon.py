"""Build the shipped table of lexical bridges from WordNet 3.0: assistant/answer/data/bridge-*.

A bridge leads from an index term (a Snowball stem, as `assistant.index.tokens.term` makes it) to one a
reader may use in its place: synonyms of a word's commonest senses (murder ~ slaying), derivationally
related forms (speech ~ speak, death ~ die), a verb's direct hypernyms and a noun's in its first
sense (murder ~ homicide), irregular forms (spoke -> speak), and the names of one country or
organisation (America ~ U.S. ~ USA, Britain ~ U.K., Germany ~ FRG, EC ~ EEC), its demonym included
(American ~ U.S.): a reader writes "America" where the wire wrote "U.S.". Bridges are stored one way (from a
word's own senses); the answer side looks them up both ways, so "rise" finds "jumped" through jump's
sense "increase suddenly" (a kind of rise). A bridged match is its own feature, never an exact match.

It also writes data/words.json: spelling variants (a term -> the other spelling's term, for pairs
WordNet files under the same senses that differ by at most two letters: harbour ~ harbor, defence ~
defense, catalogue ~ catalog), which a question treats as the same word; and the verbs of saying,
thinking and feeling (those whose commonest sense WordNet files under communication, cognition or
emotion: blame, predict, reckon, fear), which make "What did X blame for ...?" ask for X's statement;
the names of places (Geneva, Hong Kong), which offer a place to "where" questions;
and data/noun-kinds.json: the nouns whose commonest sense is a person, a place, a time or a motive,
so that "In what county", "Which finance professor" ask as "where" and "who" do;
and, for refusal's near-miss check, the demonyms (American, French) and the names WordNet writes
in capitals made of ordinary words only ("Third World", "Wall Street"): in a question these are a
way of asking, not a name an answering story must repeat.

Deterministic: the same WordNet files give the same bytes (sorted terms).

    python -m bench.build_lexicon [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from assistant.answer.lexicon import write_bridge_files
from assistant.index.tokens import term

WORDNET = Path("/work/shared/lexicon/wordnet-3.0")
OUT = Path(__file__).resolve().parent.parent / "assistant" / "answer" / "data"
WORDS_OUT = OUT / "words.json"
NOUN_KINDS_OUT = OUT / "noun-kinds.json"
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


NAME_FILES = {14, 15}
"""WordNet's lexicographer files noun.group and noun.location: organisations and countries."""


def _name_term(word: str) -> str | None:
    """The index term of one name's single-word form, its stops dropped ("U.S." -> "us"); None for a
    form of several words or of one letter."""
    bare = word.replace(".", "")
    if not bare.isalpha() or len(bare) < 2:
        return None
    return term(bare.lower())


def _lex_files(folder: Path, pos: str) -> dict[int, int]:
    out = {}
    for line in (folder / f"data.{POS[pos]}").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            parts = line.split(maxsplit=2)
            out[int(parts[0])] = int(parts[1])
    return out


def _ordinary_terms(folder: Path) -> set[str]:
    """Terms of the words WordNet writes in lower case somewhere (any part of speech)."""
    out = set()
    for pos in POS:
        for words, _ in _synsets(folder, pos).values():
            out.update(t for w in words if w[:1].islower() and (t := _name_term(w)))
    return out


def _demonyms(folder: Path) -> dict[int, list[str]]:
    """Country or organisation synset -> the terms of its capitalised adjectives (American, French)."""
    files = _lex_files(folder, "n")
    out: dict[int, list[str]] = defaultdict(list)
    for words, ptrs in _synsets(folder, "a").values():
        for sym, target, tpos, _, _ in ptrs:
            if sym == "\\" and tpos == "n" and files.get(target) in NAME_FILES:
                out[target].extend(t for w in words if w[:1].isupper() and (t := _name_term(w)))
    return out


def ordinary_phrases(folder: Path) -> list[str]:
    """The names WordNet writes in capitals made of ordinary words only ("Third World", "Wall
    Street", "Federal Reserve"), as their terms joined by spaces: a way of naming a kind or an
    institution that an answering story may word otherwise, not a name the story must repeat."""
    ordinary = _ordinary_terms(folder)
    out = set()
    for words, _ in _synsets(folder, "n").values():
        for word in words:
            parts = [p for p in word.split("_") if p not in ("of", "the", "and")]
            if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
                continue
            found = [_name_term(p) for p in parts]
            if all(t and t in ordinary for t in found):
                out.add(" ".join(t for t in found if t))
    return sorted(out)


def name_groups(folder: Path) -> list[list[str]]:
    """The single-word names of each country or organisation WordNet lists with capitals (United
    States: america, us, usa), its demonyms after them (american), in file order. An abbreviation
    that is also an ordinary word ("SHAPE", "ACE") is left out: it would bridge ordinary text."""
    nouns, files, ordinary = _synsets(folder, "n"), _lex_files(folder, "n"), _ordinary_terms(folder)
    demonyms = _demonyms(folder)
    groups = []
    for offset, (words, _) in nouns.items():
        if files[offset] not in NAME_FILES or not words[0][:1].isupper():
            continue
        forms = [
            t
            for w in words
            if w[:1].isupper()
            and (t := _name_term(w))
            and not (w.replace(".", "").isupper() and t in ordinary)
        ]
        forms = list(dict.fromkeys(forms))
        if len(forms) >= 2 or (forms and demonyms.get(offset)):
            groups.append(forms + [d for d in dict.fromkeys(demonyms.get(offset, [])) if d not in forms])
    return groups


def build(folder: Path) -> dict[str, list[str]]:
    """term -> bridged terms, in order of discovery (names first, then commonest senses)."""
    related: dict[str, dict[str, None]] = defaultdict(dict)

    def join(a: str, b: str | None) -> None:
        if b and a != b:
            related[a][b] = None

    for group in name_groups(folder):
        for a in group:
            for b in group:
                join(a, b)
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
    for key, found in phrase_bridges(folder, synsets).items():
        for b in found:
            join(key, b)
    return {t: list(found)[:MAX_BRIDGES] for t, found in sorted(related.items())}


def phrase_key(first: str, second: str) -> str | None:
    """The table's key of a two-word verb ("step up" -> "step_up", "stepped up" too): the first
    word's index term and the second as written. Kept in step with lexicon.phrase_bridges."""
    own = _stem(first)
    return f"{own}_{second}" if own and second.isalpha() else None


Synsets = dict[int, tuple[list[str], list[tuple[str, int, str, int, int]]]]


def phrase_bridges(folder: Path, synsets: dict[str, Synsets]) -> dict[str, list[str]]:
    """Two-word verbs (step up, walk out, take over, turn down) -> the single words of their
    commonest senses and those senses' direct hypernyms (increase, strike, acquire, reject): a reader
    asks "did X step up sales" where the wire wrote "increased". One way only: the question's
    phrase is looked up whole (its particle is a stop word the index drops); a single word of the
    question never bridges to a phrase's first word alone ("increase" to "step")."""
    out: dict[str, list[str]] = {}
    for lemma, offsets in _index_lines(folder, "v"):
        parts = lemma.split("_")
        if len(parts) != 2 or not all(p.isalpha() for p in parts):
            continue
        key = phrase_key(parts[0], parts[1])
        if key is None:
            continue
        found: dict[str, None] = {}
        for offset in offsets[:SENSES]:
            words, ptrs = synsets["v"][offset]
            pool = list(words)
            for sym, target, tpos, src, _ in ptrs:
                if sym == "@" and src == 0:
                    pool.extend(synsets[tpos][target][0])
            for w in pool:
                if "_" not in w and (t := _stem(w.lower())) and t != _stem(parts[0]):
                    found[t] = None
        if found:
            out[key] = list(found)
    return out


_SPELLINGS = (
    (re.compile(r"our"), "or"),
    (re.compile(r"([^aeiou])re(?=s?$|d$)"), r"\1er"),
    (re.compile(r"([iy])s(?=[aei])"), r"\1z"),
    (re.compile(r"ence\b"), "ense"),
    (re.compile(r"ogue"), "og"),
    (re.compile(r"ll"), "l"),
    (re.compile(r"(?<=\w)[ao]e"), "e"),
    (re.compile(r"mme\b"), "m"),
    (re.compile(r"yre"), "ire"),
)
"""British -> American spelling rules (colour, centre, organise/analyse, defence, catalogue, travelled,
anaemia, programme, tyre): a WordNet pair is a spelling variant only if these make the two one word."""


def _american(word: str) -> str:
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def _index_lines(folder: Path, pos: str) -> list[tuple[str, list[int]]]:
    """(lemma, its synset offsets, commonest sense first) for each line of index.<pos>."""
    out = []
    for line in (folder / f"index.{POS[pos]}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        n_senses, n_ptr = int(parts[2]), int(parts[3])
        out.append((parts[0], [int(x) for x in parts[4 + n_ptr + 2 :][:n_senses]]))
    return out


def variants(folder: Path) -> dict[str, str]:
    """term -> its other spelling's term, both ways: lemmas that share at least half of the senses of
    the one with fewer and differ only by a British/American spelling rule (harbour ~ harbor)."""
    by_sense: dict[int, list[str]] = defaultdict(list)
    senses: dict[tuple[str, str], set[int]] = {}
    for pos in POS:
        for lemma, offsets in _index_lines(folder, pos):
            if lemma.isalpha() and len(lemma) >= 4:
                senses[(pos, lemma)] = set(offsets)
                for offset in offsets:
                    by_sense[offset * 4 + list(POS).index(pos)].append(lemma)
    found: dict[str, str] = {}
    for (pos, lemma), offsets in sorted(senses.items()):
        for offset in sorted(offsets):
            for other in by_sense[offset * 4 + list(POS).index(pos)]:
                if other <= lemma or _american(other) != _american(lemma):
                    continue
                shared = len(offsets & senses[(pos, other)])
                if 2 * shared < min(len(offsets), len(senses[(pos, other)])):
                    continue
                a, b = _stem(lemma), _stem(other)
                # A stem that is the other's start ("mobil" of mobilize, "mobilis" of mobilise) is
                # a stem of other words too ("mobile"): no variant of them.
                if not a or not b or a.startswith(b) or b.startswith(a):
                    continue
                if a not in found and b not in found:
                    found[a], found[b] = b, a
    return dict(sorted(found.items()))


PLACE_FILES = {15, 17}
_PLACE_JOINS = frozenset("of the de la del du des le los las el upon on and".split())
"""WordNet's lexicographer files noun.location and noun.object: countries, cities, regions, rivers."""


def place_names(folder: Path) -> list[str]:
    """The names of places WordNet writes in capitals (Geneva, Hong Kong, Dutch Republic, Cevennes),
    lower-cased, words joined by spaces: a sentence naming one offers a place, as "in Houston" does,
    though no preposition stands before it ("Geneva was the centre of the Calvinist movement"). A
    single word that is also an ordinary word ("Reading", "Mobile", "Split") is left out, unless it
    names a country with a demonym (Turkey, China, Chile): capitalised at a sentence's start or in a
    company's name it would name no place."""
    nouns, files, ordinary = _synsets(folder, "n"), _lex_files(folder, "n"), _ordinary_terms(folder)
    countries = set(_demonyms(folder))
    out = set()
    for offset, (words, _) in nouns.items():
        if files[offset] not in PLACE_FILES:
            continue
        for word in words:
            parts = word.split("_")
            if not all(p.replace(".", "").replace("-", "").isalpha() for p in parts):
                continue
            # Every word in capitals but a joining one ("Gulf of Finland"): "J particle" is no place.
            if not all(p[:1].isupper() or p in _PLACE_JOINS for p in parts) or not word[:1].isupper():
                continue
            if len(parts) == 1 and _name_term(word) in ordinary and offset not in countries:
                continue
            out.add(" ".join(parts).lower())
    return sorted(out)


NOUN_KIND_FILES = {18: "who", 15: "where", 28: "when", 16: "why"}
"""WordNet's lexicographer files noun.person, noun.location, noun.time, noun.motive, and the question
word each noun of theirs asks as ("which professor" as "who", "what county" as "where")."""
_RELATIVE_PLACES = frozenset(
    "position post side front end point top bottom middle center centre edge back rear left right "
    "direction way spot".split()
)
"""Nouns WordNet files first as locations that say where in relation to something ("what position",
"which side"), not a place a story names: they ask no place."""


def noun_kinds(folder: Path) -> dict[str, str]:
    """index term -> the question word a "what/which NOUN" asks as, for the one-word nouns whose
    commonest sense is a person, a place, a time or a motive (professor -> who, county -> where,
    deadline -> when); a term whose lemmas disagree is left out."""
    files = _lex_files(folder, "n")
    found: dict[str, set[str]] = defaultdict(set)
    for lemma, offsets in _index_lines(folder, "n"):
        if not lemma.isalpha() or lemma in _RELATIVE_PLACES or not (t := _stem(lemma)):
            continue
        found[t].add(NOUN_KIND_FILES.get(files[offsets[0]], ""))
    return {t: kinds.pop() for t, kinds in sorted(found.items()) if len(kinds) == 1 and "" not in kinds}


STATEMENT_FILES = {31, 32, 37}
"""WordNet's lexicographer files verb.cognition, verb.communication, verb.emotion."""


def statement_verbs(folder: Path) -> tuple[list[str], list[str]]:
    """Verbs whose commonest sense is saying, thinking or feeling (or whose second is, after a sense
    of perceiving: "see"): their lemmas, and their irregular forms apart (said, thought, told)."""
    lex_file = {}
    for line in (folder / "data.verb").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            parts = line.split(maxsplit=2)
            lex_file[int(parts[0])] = int(parts[1])
    lemmas = set()
    for lemma, offsets in _index_lines(folder, "v"):
        files = [lex_file[o] for o in offsets[:2]]
        said = files[0] in STATEMENT_FILES or (files[0] == 39 and files[1:2] and files[1] in STATEMENT_FILES)
        if said and lemma.isalpha():
            lemmas.add(lemma)
    forms = set()
    for line in (folder / "verb.exc").read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isalpha() and any(base in lemmas for base in parts[1:]):
            forms.add(parts[0])
    return sorted(lemmas), sorted(forms)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    args = parser.parse_args()
    table = build(args.wordnet)
    OUT.mkdir(parents=True, exist_ok=True)
    write_bridge_files({t: " ".join(b) for t, b in table.items()}, OUT)
    size = sum(f.stat().st_size for f in OUT.glob("bridge-*"))
    print(f"{OUT}/bridge-*: {len(table)} terms, {size / 1024:.0f} KB")
    lemmas, forms = statement_verbs(args.wordnet)
    words = {
        "statement_verbs": lemmas,
        "statement_verb_forms": forms,
        "variants": variants(args.wordnet),
        "phrases": ordinary_phrases(args.wordnet),
        "demonyms": sorted({t for ts in _demonyms(args.wordnet).values() for t in ts}),
        "places": place_names(args.wordnet),
    }
    kinds = noun_kinds(args.wordnet)
    NOUN_KINDS_OUT.write_text(
        json.dumps(kinds, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{NOUN_KINDS_OUT}: {len(kinds)} nouns asked as who, where, when or why")
    WORDS_OUT.write_text(json.dumps(words, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{WORDS_OUT}: {len(words['variants']) // 2} spelling pairs, {len(words['statement_verbs'])} verbs, "
        f"{len(words['phrases'])} phrases of ordinary words, {len(words['places'])} places"
    )


if __name__ == "__main__":
    main()
