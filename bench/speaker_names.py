"""The names a reader sees on quotes, over PolNeAR and a Reuters sample, and how two checkouts differ.

PolNeAR's figures (`speakers_polnear.py`) score the speaker's offsets, never the name shown: a change
that turns "Securities and Exchange Commission Bilzerian" into "Paul Bilzerian" moves none of them.
This bench writes, per attributed sentence, the article, the sentence's first words and the names
shown on its quotes (as an answer card shows them: a short name given as the person the same corpus
names in full, as `engine_parts.known_speakers` does), and then the `assistant speakers` list of each
corpus. Two corpora, each folded on its own as a user's corpus would be:

  polnear  every PolNeAR article (train and dev, read in place: /work/shared/eval/polnear);
  reuters  a seeded sample of Reuters-21578 stories holding a quotation mark or " said"
           (`--reuters N`, default 300), written as `_corpora.article_text` writes them.

    python bench/speaker_names.py --out FILE                 # this checkout's names, TSV
    python bench/speaker_names.py --against CHECKOUT         # both checkouts at once, then the diff
    python bench/speaker_names.py --diff OLD.tsv NEW.tsv     # the diff of two files written before

The diff counts attributed sentences whose names changed, sentences newly attributed and sentences
that lost every attribution, lists each (article, first words: old -> new), then the name changes
that recur most and the listed people that appear or go.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import article_text, reuters_docs

from assistant.corpus import parse_article
from assistant.models import Attribution
from assistant.speakers import attribute, census, corpus_names, rows_of

POLNEAR = Path("/work/shared/eval/polnear")
FIRST_WORDS = 8
SEED = 14

Key = tuple[str, str, str]
"""(corpus, article, sentence number): one attributed sentence."""


def polnear_articles(root: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of every PolNeAR article, train then dev, by name."""
    for split in ("train", "dev"):
        for path in sorted((root / split / "text").glob("*.txt")):
            yield f"{split}/{path.stem}", path.read_text(encoding="utf-8")


def reuters_articles(n: int) -> Iterator[tuple[str, str]]:
    """(id, text) of `n` Reuters stories drawn with a fixed seed among those that quote or report."""
    docs = [d for d in reuters_docs() if any('"' in p or " said" in p for p in d.paragraphs)]
    for doc in sorted(random.Random(SEED).sample(docs, min(n, len(docs))), key=lambda d: d.newid):
        yield f"{doc.newid:05d}.txt", article_text(doc)


def _shown(attribution: Attribution, names: dict[str, tuple[str, str]]) -> str:
    """The name an answer card shows: the corpus's full name for a short key, else the article's."""
    known = names.get(attribution.key)
    return attribution.name if known is None or known[0] == attribution.key else known[1]


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def names_of_corpus(label: str, articles: Iterator[tuple[str, str]]) -> list[str]:
    """TSV lines: one per attributed sentence, then one per person of the corpus's speakers list."""
    found: list[tuple[str, list[str], list[tuple[Attribution, ...]]]] = []
    for article_id, text in articles:
        parsed = parse_article(article_id, text)
        per_sentence = attribute(text, parsed.sentences)
        firsts = [" ".join(text[s.start : s.end].split()[:FIRST_WORDS]) for s in parsed.sentences]
        found.append((article_id, firsts, per_sentence))
    rows = [rows_of(per_sentence) for _, _, per_sentence in found]
    names = corpus_names(rows)
    lines = []
    for article_id, firsts, per_sentence in found:
        for number, items in enumerate(per_sentence):
            if items:
                shown = " | ".join(_clean(_shown(a, names)) for a in items)
                lines.append(f"S\t{label}\t{article_id}\t{number}\t{_clean(firsts[number])}\t{shown}")
    for entry in census(rows):
        roles = "; ".join(entry.roles)
        lines.append(f"P\t{label}\t{_clean(entry.name)}\t{entry.statements}\t{_clean(roles)}")
    return lines


def write_names(out: Path, reuters: int) -> None:
    """This checkout's names over both corpora, to `out`."""
    lines = names_of_corpus("polnear", polnear_articles(POLNEAR))
    lines += names_of_corpus("reuters", reuters_articles(reuters))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read(path: Path) -> tuple[dict[Key, tuple[str, str]], dict[tuple[str, str], tuple[int, str]]]:
    sentences: dict[Key, tuple[str, str]] = {}
    people: dict[tuple[str, str], tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0] == "S" and len(fields) == 6:
            sentences[(fields[1], fields[2], fields[3])] = (fields[4], fields[5])
        elif fields[0] == "P" and len(fields) == 5:
            people[(fields[1], fields[2])] = (int(fields[3]), fields[4])
    return sentences, people


def diff(old_path: Path, new_path: Path, *, limit: int) -> None:
    """Print what changed from `old_path`'s names to `new_path`'s."""
    old, old_people = _read(old_path)
    new, new_people = _read(new_path)
    for corpus in sorted({k[0] for k in old} | {k[0] for k in new}):
        keys = sorted({k for k in old if k[0] == corpus} | {k for k in new if k[0] == corpus},
                      key=lambda k: (k[1], int(k[2])))  # fmt: skip
        changed = [k for k in keys if k in old and k in new and old[k][1] != new[k][1]]
        added = [k for k in keys if k not in old]
        lost = [k for k in keys if k not in new]
        same = sum(1 for k in keys if k in old and k in new and old[k][1] == new[k][1])
        print(f"== {corpus}: {len(keys)} attributed sentences; {same} alike, {len(changed)} changed, "
              f"{len(added)} newly attributed, {len(lost)} lost")  # fmt: skip
        for title, group in (("changed", changed), ("newly attributed", added), ("lost", lost)):
            if not group:
                continue
            print(f"-- {title} ({len(group)})")
            for key in group[:limit]:
                words = (new.get(key) or old[key])[0]
                before = old[key][1] if key in old else "-"
                after = new[key][1] if key in new else "-"
                print(f"  {key[1]} #{key[2]} {words[:60]!r}: {before} -> {after}")
            if len(group) > limit:
                print(f"  ... {len(group) - limit} more")
        moves = Counter((old[k][1], new[k][1]) for k in changed)
        if moves:
            print(f"-- name changes, most frequent first ({len(moves)} distinct)")
            for (before, after), count in moves.most_common(limit):
                print(f"  {count:4d}  {before} -> {after}")
        gone = sorted(p for p in old_people if p[0] == corpus and p not in new_people)
        came = sorted(p for p in new_people if p[0] == corpus and p not in old_people)
        print(f"-- speakers list: {len(gone)} names gone, {len(came)} new")
        for label, listed, table in (("gone", gone, old_people), ("new", came, new_people)):
            for person in sorted(listed, key=lambda p: -table[p][0])[:limit]:
                statements, roles = table[person]
                print(f"  {label}: {person[1]} ({statements}; {roles})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, help="write this checkout's names here (TSV)")
    parser.add_argument("--against", type=Path, help="a checkout to compare with (run beside this one)")
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("OLD", "NEW"), help="diff two files")
    parser.add_argument("--reuters", type=int, default=300, help="Reuters stories in the sample")
    parser.add_argument("--limit", type=int, default=200, help="lines listed per group")
    args = parser.parse_args(argv)
    if args.diff:
        diff(*args.diff, limit=args.limit)
        return 0
    if args.against is None:
        if args.out is None:
            parser.error("give --out FILE, --against CHECKOUT or --diff OLD NEW")
        write_names(args.out, args.reuters)
        return 0
    scratch = Path(tempfile.mkdtemp(prefix="speaker-names-"))
    old, new = scratch / "against.tsv", args.out or scratch / "this.tsv"
    env = {**os.environ, "PYTHONPATH": str(args.against.resolve())}
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--out",
        str(old),
        "--reuters",
        str(args.reuters),
    ]
    other = subprocess.Popen(command, env=env, cwd=str(args.against))  # both at once: two cores
    write_names(new, args.reuters)
    if other.wait() != 0:
        raise SystemExit(f"the run at {args.against} failed")
    print(f"# {args.against} -> this checkout; files {old} and {new}")
    diff(old, new, limit=args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
