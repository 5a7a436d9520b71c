"""`assistant speakers` on a few thousand Reuters articles: speed, and what its top 100 looks like.

Writes N Reuters-21578 articles with `bench/_corpora.py` under /tmp (paragraphs joined as
on the wire), builds the index with `assistant index`, then runs `assistant speakers --json`
through the CLI in fresh processes: once cold (the first call after the build), then
`--runs` times warm. The baseline, measured in the same run, is what the command did
before attributions were stored: read, parse and attribute every article on each call.

The top 100 is printed with flags a reader would object to:
  PRON  a pronoun ("he", "they")          DET   starts with a determiner ("The", "a")
  ROLE  a role or common noun, no name    GLUE  glued across a sentence break ("Houston. Yukos")
  DUP   another entry in the top 100 looks like the same person (same surname, or one key ends the other)

With `--before SRC` (a checkout of an earlier version, e.g. made with `git worktree add`),
the same corpus is also listed by that version's `assistant speakers` (its index kept apart
in /tmp), timed the same way and flagged the same way: a before/after in one run.

    python bench/speakers_reuters.py [--articles 3000] [--runs 3] [--before SRC]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import BENCH_ROOT, reuters_docs, write_corpus

from assistant.corpus import decode, parse_article
from assistant.speakers import attribute

# The bench's own word lists (not the product's: a check should not share the rules it checks).
PRONOUNS = frozenset("he she it they i we you him her them his its their this that who".split())
DETERMINERS = frozenset("the a an this that these those some many several few all any each every".split())
ROLE_WORDS = frozenset(
    """official officials spokesman spokeswoman spokesperson source sources analyst analysts trader traders
    dealer dealers banker bankers economist economists executive executives president minister secretary
    chairman director chief manager officer company companies firm bank government ministry department
    agency report statement people residents experts industry market observers members leader leaders
    investors diplomats police authorities""".split()
)
_GLUE = re.compile(r"[a-z]{2}\. [A-Z]|\n")


def _cli(*args: str, src: Path | None = None, index_dir: Path | None = None) -> tuple[float, str]:
    """Seconds and stdout of one `assistant` process (of the checkout at `src`, if given)."""
    env = dict(os.environ)
    env.pop("ASSISTANT_INDEX_DIR", None)
    cwd = None
    if src is not None:
        env["PYTHONPATH"] = str(src)
        cwd = str(src)
    if index_dir is not None:
        env["ASSISTANT_INDEX_DIR"] = str(index_dir)
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=cwd,
    )
    seconds = time.perf_counter() - began
    if result.returncode != 0:
        raise SystemExit(f"assistant {' '.join(args)} failed: {result.stderr.strip()}")
    return seconds, result.stdout


def _entries(out: str) -> list[dict[str, object]]:
    """The speakers JSON of either version: {name, key, statements, ...} (older: {name, statements})."""
    rows = json.loads(out)
    for row in rows:
        row.setdefault("key", str(row["name"]).lower())
        row.setdefault("roles", [])
    return rows


def _report(label: str, cold: float, warm: list[float], entries: list[dict[str, object]], show: bool) -> None:
    """Timings, the top 100 with flags (printed when `show`), and the count of flagged entries."""
    top = entries[:100]
    flagged = 0
    for rank, entry in enumerate(top, 1):
        marks = flags(entry, top)
        flagged += bool(marks)
        if show:
            roles = "; ".join(entry["roles"][:2])  # type: ignore[index]
            name = str(entry["name"])[:40]
            print(f"{rank:3d} {entry['statements']:5d} {name:<40} {' '.join(marks):<10} {roles[:50]}")
    print(
        f"{label}: cold {cold:.2f} s, warm median {statistics.median(warm):.2f} s; "
        f"{len(entries)} people listed; {flagged} of the top {len(top)} flagged"
    )


def _baseline(folder: Path) -> float:
    """Seconds to read, parse and attribute every article: what each call cost before storing."""
    began = time.perf_counter()
    for path in sorted(folder.rglob("*.txt")):
        text = decode(path.read_bytes())
        parsed = parse_article(path.name, text)
        attribute(text, parsed.sentences)
    return time.perf_counter() - began


def flags(entry: dict[str, object], top: list[dict[str, object]]) -> list[str]:
    """What is wrong with one listed speaker, as short labels."""
    name = str(entry["name"])
    words = name.split()
    found = []
    if name.lower() in PRONOUNS:
        found.append("PRON")
    if words and words[0].lower() in DETERMINERS:
        found.append("DET")
    if all(w.lower() in ROLE_WORDS for w in words):
        found.append("ROLE")
    if _GLUE.search(name):
        found.append("GLUE")
    key = str(entry["key"]).split()
    for other in top:
        if other is entry:
            continue
        other_key = str(other["key"]).split()
        shorter, longer = sorted((key, other_key), key=len)
        if shorter and longer[-len(shorter) :] == shorter and len(shorter[-1]) > 2:
            found.append("DUP")
            break
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a checkout of an earlier version to compare with")
    parser.add_argument("--show-before", action="store_true", help="print the earlier version's top 100 too")
    args = parser.parse_args(argv)

    folder = BENCH_ROOT / f"speakers-reuters-{args.articles}"
    write_corpus(folder, reuters_docs(), args.articles)
    build, _ = _cli("index", "--corpus", str(folder))
    print(f"Reuters: {args.articles} articles in {folder}; index build {build:.1f} s (speakers included)")
    again = _baseline(folder)
    print(f"in-process re-attribution of every article (what each call cost before): {again:.2f} s")
    if args.before is not None:
        apart = BENCH_ROOT / f"speakers-reuters-{args.articles}-before-index"
        _cli("index", "--corpus", str(folder), src=args.before, index_dir=apart)
        cold, out = _cli("speakers", "--json", "--corpus", str(folder), src=args.before, index_dir=apart)
        warm = [
            _cli("speakers", "--json", "--corpus", str(folder), src=args.before, index_dir=apart)[0]
            for _ in range(args.runs)
        ]
        _report(f"before ({args.before})", cold, warm, _entries(out), show=args.show_before)
    cold, out = _cli("speakers", "--json", "--corpus", str(folder))
    warm = [_cli("speakers", "--json", "--corpus", str(folder))[0] for _ in range(args.runs)]
    _report("now", cold, warm, _entries(out), show=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
