"""Titles the reader gives Reuters stories, beside another checkout's reader on the same files.

Two corpora of the same stories: the bench corpus (`_corpora.write_corpus`, headlines half
re-cased: "Standard OIL <srd> TO Form Financial Unit") and the raw wire copy
(`write_raw_corpus`, headlines in capitals). Each title is judged against the story's own
Reuters TITLE and body, per article:

- number: the title is the file name's number although the file has a headline;
- ticker: a "<...>" is left in the title;
- shouting: a word in capitals that the body writes only in lower or ordinary case (TO, OIL);
- acronym lost: a word the headline and the body both write in capitals (OPEC, EC) shown otherwise;
- extra words: the title holds words the headline does not (it ran into the body).

An article is *worse* when any count rises against the baseline. Usage:

    ASSISTANT_BENCH_ROOT=/tmp/bench-trial2 nice python bench/reuters_titles.py --articles 3000 \\
        --baseline /tmp/base-trial2
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpora import (
    BENCH_ROOT,
    article_files,
    reuters_docs,
    reuters_raw_docs,
    write_corpus,
    write_raw_corpus,
)

_DUMP = """
import json, sys
from pathlib import Path
from assistant.corpus.reader import read_article
root = Path(sys.argv[1])
out = {}
for line in sys.stdin:
    path = Path(line.strip())
    out[str(path.relative_to(root))] = read_article(root, path).meta.title
json.dump(out, sys.stdout)
"""
_WORD = re.compile(r"[A-Za-z][A-Za-z'.&-]*")
METRICS = ("number", "ticker", "shouting", "acronym lost", "extra words")


def titles(code: Path, root: Path, files: list[Path]) -> dict[str, str]:
    """Every file's title as the reader at `code` gives it, read in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP, str(root)],
        input="\n".join(map(str, files)), capture_output=True, text=True, env=env, check=True, cwd=code,
    )  # fmt: skip
    return dict(json.loads(done.stdout))


def _case_in_body(body: str) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {}
    for word in re.findall(r"[A-Za-z]+", body):
        kind = "caps" if word.isupper() and len(word) > 1 else "other"
        found.setdefault(word.lower(), Counter())[kind] += 1
    return found


def faults(shown: str, headline: str, body: str, stem: str) -> Counter[str]:
    """What is wrong with `shown` as the title of a story headlined `headline` (in capitals)."""
    counts: Counter[str] = Counter()
    if shown.replace(" ", "").isdigit() or shown == stem:
        counts["number"] += 1
    counts["ticker"] += shown.count("<")
    case = _case_in_body(body)
    for word in re.findall(r"[A-Za-z]+", shown):
        seen = case.get(word.lower(), Counter())
        if len(word) > 1 and word.isupper() and seen and not seen["caps"]:
            counts["shouting"] += 1
    shown_words = {w.lower(): w for w in re.findall(r"[A-Za-z]+", shown)}
    for word in re.findall(r"[A-Za-z]+", re.sub(r"<[^>]*>", " ", headline)):
        seen = case.get(word.lower(), Counter())
        if len(word) > 1 and seen["caps"] > seen["other"] and shown_words.get(word.lower(), word) != word:
            counts["acronym lost"] += 1
    head_words = {w.lower() for w in re.findall(r"[A-Za-z]+", headline)}
    counts["extra words"] += sum(1 for w in shown_words if w not in head_words)
    return counts


def compare(label: str, root: Path, files: list[Path], heads: dict[str, tuple[str, str]], ours: Path,
            base: Path) -> None:  # fmt: skip
    """Print each metric's total for both readers and how many titles got worse or better."""
    mine, theirs = titles(ours, root, files), titles(base, root, files)
    totals = {"ours": Counter[str](), "base": Counter[str]()}
    worse: list[str] = []
    better = 0
    for key in sorted(mine):
        newid = Path(key).stem
        headline, body = heads[newid]
        a = faults(mine[key], headline, body, newid)
        b = faults(theirs[key], headline, body, newid)
        totals["ours"].update(a)
        totals["base"].update(b)
        if any(a[m] > b[m] for m in METRICS):
            worse.append(f"  {key}: {theirs[key]!r} -> {mine[key]!r}")
        elif any(a[m] < b[m] for m in METRICS):
            better += 1
    print(f"\n{label}: {len(mine)} articles (ours / baseline)")
    for metric in METRICS:
        print(f"  {metric:<13} {totals['ours'][metric]:>6} / {totals['base'][metric]}")
    print(f"  titles better: {better}; worse: {len(worse)}")
    print("\n".join(worse[:20]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument(
        "--baseline", type=Path, required=True, help="a checkout of the reader to compare with"
    )
    args = parser.parse_args()
    ours = Path(__file__).resolve().parent.parent
    raw = reuters_raw_docs()[: args.articles]
    heads = {f"{d.newid:05d}": (d.title, d.body) for d in raw}
    daily_root = BENCH_ROOT / f"titles-daily-{args.articles}"
    write_corpus(daily_root, reuters_docs(), args.articles)
    daily = [p for p in article_files(daily_root) if p.stem in heads]
    compare("bench corpus (half re-cased headlines)", daily_root, daily, heads, ours, args.baseline)
    raw_root = BENCH_ROOT / f"titles-raw-{args.articles}"
    write_raw_corpus(raw_root, raw)
    compare("raw wire copy (headlines in capitals)", raw_root, sorted(raw_root.glob("*/*.txt")), heads, ours,
            args.baseline)  # fmt: skip


if __name__ == "__main__":
    main()
