"""Build the shipped word tables the speaker rules read names with, from WordNet 3.0:
assistant/speakers/data/first-names.txt and ordinary-words.txt.

First names. The speaker rules read "Martin Bachem of Morgan Guaranty" as a person only when "Martin"
is known to open people's names; a hand-written list of 227 names missed it. WordNet lists ~3,300
real people as instances of person.n.01 or one of its hyponyms ("Martin Luther King", "John Adams":
`@i` pointers): the first word of each multi-word name is a first name, with these left out:

- titles and epithets: a word that opens names mostly before another first name ("Sir Francis
  Bacon", "Saint Andrew", "Typhoid Mary"), or a noun for a person mostly before "of" ("Duke of
  Windsor"), a word the rules already read as a title, role, party or sentence opener
  (`assistant.speakers.lexicon`), and the particles WordNet writes in lower case in names ("de
  Gaulle", "van der Waals": their capitalised forms "De", "Van" open no first name);
- ordinary words: one WordNet gives in lower case with a sense tagged in its SemCor counts, an
  irregular form ("rose"), or a noun for a person ("guy", "dean"), unless it opens the names of
  `FREQUENT` people or more ("John", "Frank", "Bill" stay; "Will", "Grant", "Rose" go);
- initials, ordinals and words of one or two letters ("J.", "1st", "El"); a regnal name ("Pius
  II") is no first name and surname.

Ordinary words: the words WordNet writes in lower case whose senses SemCor tags `ORDINARY_TAGS`
times or more ("business", "day", "oil", "world"; ~8,000): a capitalised name holding one is a
company's or a paper's ("Business Day", "Oil World"), where "Markus Lusser" holds none.

Deterministic: the same WordNet files give the same bytes (sorted, one lower-case word a line).

    python -m bench.build_name_words [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from assistant.speakers.lexicon import COMMON_PEOPLE, HONORIFICS, LEADING, NOT_NAME, OPENERS, PARTIES

WORDNET = Path("/work/shared/lexicon/wordnet-3.0")
DATA = Path(__file__).resolve().parent.parent / "assistant" / "speakers" / "data"
ORDINARY_TAGS = 3
"""SemCor tags a lower-case word needs to count as an ordinary word in the shipped table."""
PERSON = 7846
"""person.n.01's offset in data.noun."""
NOUN_PERSON = 18
"""The lexicographer file noun.person: a lower-case word filed there is a noun for a kind of person."""
FREQUENT = 5
"""People a word must open the names of to count as a first name although it is an ordinary word."""
TITLE_SHARE = 0.6
"""A word that stands before another first name in more than this share of its names is a title."""
_FIRST = re.compile(r"^[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?$")
_REGNAL = re.compile(r"^[IVX]+$")
_RULE_WORDS = NOT_NAME | HONORIFICS | PARTIES | LEADING | OPENERS | COMMON_PEOPLE

Synset = tuple[int, list[str], list[tuple[str, int]]]
"""(lexicographer file, words as written, pointers (symbol, target offset))."""


def _nouns(folder: Path) -> dict[int, Synset]:
    out = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split(" | ")[0].split()
        n_words = int(parts[3], 16)
        words = [parts[4 + 2 * i].split("(")[0] for i in range(n_words)]
        i = 4 + 2 * n_words
        ptrs = [(parts[i + 1 + 4 * k], int(parts[i + 2 + 4 * k])) for k in range(int(parts[i]))]
        out[int(parts[0])] = (int(parts[1]), words, ptrs)
    return out


def people(nouns: dict[int, Synset]) -> list[list[str]]:
    """The names of every instance of person or of a kind of person, one list per person."""
    kinds, todo = {PERSON}, [PERSON]
    while todo:
        for symbol, target in nouns[todo.pop()][2]:
            if symbol == "~" and target not in kinds:
                kinds.add(target)
                todo.append(target)
    return [words for _, words, ptrs in nouns.values() if any(s == "@i" and t in kinds for s, t in ptrs)]


def _tag_counts(folder: Path) -> Counter[str]:
    """How often SemCor tags each lemma's senses (all parts of speech)."""
    counts: Counter[str] = Counter()
    for line in (folder / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, _, count = line.split()
        counts[key.split("%", 1)[0]] += int(count)
    return counts


def _lower_words(folder: Path) -> set[str]:
    """The words WordNet writes in lower case somewhere."""
    lower: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if not line.startswith("  "):
                parts = line.split(" | ")[0].split()
                lower.update(
                    w for i in range(int(parts[3], 16)) if (w := parts[4 + 2 * i].split("(")[0]).islower()
                )
    return lower


def ordinary_words(folder: Path) -> list[str]:
    """The second table: plain lower-case words SemCor tags `ORDINARY_TAGS` times or more, sorted."""
    counts = _tag_counts(folder)
    return sorted(
        w for w in _lower_words(folder) if w.isalpha() and len(w) >= 3 and counts[w] >= ORDINARY_TAGS
    )


def _ordinary(folder: Path) -> set[str]:
    """Ordinary words: written in lower case somewhere with a sense SemCor tags, or an irregular form."""
    lower, tagged = _lower_words(folder), set(_tag_counts(folder))
    forms = {
        line.split()[0]
        for pos in ("noun", "verb", "adj", "adv")
        for line in (folder / f"{pos}.exc").read_text(encoding="latin-1").splitlines()
    }
    return (lower & tagged) | forms


def first_names(folder: Path) -> list[str]:
    """The table's names, lower case, sorted."""
    nouns = _nouns(folder)
    ordinary = _ordinary(folder)
    kinds_of_people = {
        w for lex, words, _ in nouns.values() if lex == NOUN_PERSON for w in words if w.islower()
    }
    named = people(nouns)
    opens: dict[str, int] = Counter()
    uses: dict[str, int] = Counter()
    titled: dict[str, int] = Counter()
    particles: set[str] = set()
    seconds: dict[str, list[str]] = defaultdict(list)
    for names in named:
        seen = set()
        for name in names:
            words = name.split("_")
            if len(words) < 2:
                continue
            particles.update(w for w in words if w.islower())
            if not _FIRST.match(words[0]) or _REGNAL.match(words[1]):
                continue
            uses[words[0]] += 1
            seconds[words[0]].append(words[1])
            if words[0] not in seen:
                seen.add(words[0])
                opens[words[0]] += 1
    for word, after in seconds.items():
        # A noun for a kind of person before "of" is a title too ("Duke of Windsor"); a first name
        # may stand there ("Catherine of Aragon", "Miguel de Cervantes") and is no title for it.
        title = word.lower() in kinds_of_people
        titled[word] = sum(1 for w in after if w in opens or (title and w.islower()))
    out = set()
    for word, count in opens.items():
        lower = word.lower()
        if lower in _RULE_WORDS or lower in particles or titled[word] > TITLE_SHARE * uses[word]:
            continue
        if (lower in ordinary or lower in kinds_of_people) and count < FREQUENT:
            continue
        out.add(lower)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    for name, words in (
        ("first-names.txt", first_names(args.wordnet)),
        ("ordinary-words.txt", ordinary_words(args.wordnet)),
    ):
        (DATA / name).write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
        print(f"{DATA / name}: {len(words)} words")
    (DATA / "WORDNET-LICENSE").write_bytes((args.wordnet / "LICENSE").read_bytes())


if __name__ == "__main__":
    main()
