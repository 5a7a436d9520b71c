"""How well `assistant.speakers.attribute` finds who said what, measured on PolNeAR.

PolNeAR (news articles with brat standoff attributions: Source, Cue, Content) is
read in place from /work/shared/eval/polnear; nothing is copied. Each text is
parsed with `assistant.corpus.parse_article`, as the product reads a .txt
article, and every article is scored against one annotator: the first suffix
in sorted order.

Matching is one-to-one and greedy, in text order:
  speaker exact  the mention's offsets equal the gold Source span (first to last fragment,
                 a trailing comma or period of either span left out: "Murphy, the head of X,");
  speaker head   the mention's last word is the gold Source's last word (same offsets);
  content        token-overlap F1 >= 0.5 between the reported words and the gold Content.
A predicted speaker is counted once per mention, however many sentences it covers;
its content is the union of what it covers. "direct" rows keep the gold items whose
Content starts with a quotation mark (recall) and the predictions marked direct
(precision); "indirect" rows are the rest: reported speech and "according to", but also the
beliefs and findings ("thinks", "poll shows") PolNeAR marks and the product does not call
speech, so recall there (and over all attributions) has a low ceiling.

With `--before SRC` (a checkout of an earlier version, e.g. `git archive HEAD | tar -x -C SRC`),
the same split is first scored by that version in a subprocess: a before/after in one run.

    python bench/speakers_polnear.py [--split dev] [--root PATH] [--before SRC]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from assistant.corpus import parse_article
from assistant.models import Attribution
from assistant.speakers import attribute

DEFAULT_ROOT = Path("/work/shared/eval/polnear")
CONTENT_F1 = 0.5
_WORD = re.compile(r"[^\W_]+")
_QUOTE_OPENERS = ("“", '"', "‘", "'")
# A brat text-bound line: "T3<TAB>Content 13 98;100 120<TAB>words".
_T_LINE = re.compile(r"^(T\d+)\t(\w[\w-]*) ([\d ;]+)\t")
# A brat event line: "E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1".
_E_LINE = re.compile(r"^E\d+\t(.*)$")

Span = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Gold:
    """One annotated attribution."""

    source: Span | None
    content: Span | None
    direct: bool


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted speaker mention, its reported words merged over the sentences it covers."""

    start: int
    end: int
    content: Span | None
    direct: bool


@dataclass(slots=True)
class Tally:
    """Matches, predictions and gold items of one measure."""

    hits_p: int = 0
    predicted: int = 0
    hits_r: int = 0
    gold: int = 0

    def add(self, hits: int, predicted: int, gold: int, *, hits_r: int | None = None) -> None:
        """Count one article: `hits` matched predictions (and `hits_r` matched gold items, if other)."""
        self.hits_p += hits
        self.predicted += predicted
        self.hits_r += hits if hits_r is None else hits_r
        self.gold += gold

    def row(self, label: str) -> str:
        p = self.hits_p / self.predicted if self.predicted else 0.0
        r = self.hits_r / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{label:<28} {p:>6.1%} {r:>6.1%} {f:>6.1%} {self.predicted:>7} {self.gold:>7}"


def read_ann(path: Path, text: str) -> list[Gold]:
    """The attributions of one brat .ann file."""
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        t_match = _T_LINE.match(line)
        if t_match:
            spans[t_match.group(1)] = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in t_match.group(3).split(";"))
            )
            continue
        e_match = _E_LINE.match(line)
        if e_match:
            events.append(dict(arg.split(":", 1) for arg in e_match.group(1).split()))
    gold = []
    for event in events:
        source = spans.get(event.get("Source", ""))
        content = spans.get(event.get("Content", ""))
        words = "" if content is None else text[content[0][0] : content[0][1]]
        direct = words.lstrip().startswith(_QUOTE_OPENERS)
        gold.append(Gold(source=source, content=content, direct=direct))
    return gold


def articles(root: Path, split: str) -> Iterator[tuple[str, str, list[Gold]]]:
    """(name, text, gold) for each article of a split, scored against its first annotator."""
    chosen: dict[str, Path] = {}
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, ann)
    for stem, ann in sorted(chosen.items()):
        text = (root / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        yield stem, text, read_ann(ann, text)


def merge(text: str, per_sentence: list[tuple[Attribution, ...]]) -> list[Predicted]:
    """One prediction per speaker mention, with the content it covers in all its sentences."""
    merged: dict[tuple[int, int], tuple[list[tuple[int, int]], bool]] = {}
    for items in per_sentence:
        for item in items:
            parts, direct = merged.setdefault((item.start, item.end), ([], item.direct))
            if item.content_start is not None and item.content_end is not None:
                parts.append((item.content_start, item.content_end))
            merged[(item.start, item.end)] = (parts, direct or item.direct)
    return [
        Predicted(start, end, tuple(sorted(parts)) or None, direct)
        for (start, end), (parts, direct) in sorted(merged.items())
    ]


def _words(text: str, span: Span | None) -> set[int]:
    """Start offsets of the words in a (possibly discontinuous) span."""
    if span is None:
        return set()
    return {m.start() for a, b in span for m in _WORD.finditer(text, a, b)}


def _last_word(text: str, start: int, end: int) -> int | None:
    found = [m.start() for m in _WORD.finditer(text, start, end)]
    return found[-1] if found else None


def content_f1(text: str, predicted: Span | None, gold: Span | None) -> float:
    """Token-overlap F1 of two spans."""
    p, g = _words(text, predicted), _words(text, gold)
    common = len(p & g)
    return 2 * common / (len(p) + len(g)) if common else 0.0


Same = Callable[[Predicted, Gold], bool]


def pairs(preds: list[Predicted], golds: list[Gold], same: Same) -> int:
    """How many one-to-one pairs greedy matching finds, predictions taken in text order."""
    used: set[int] = set()
    for pred in preds:
        for index, gold in enumerate(golds):
            if index not in used and same(pred, gold):
                used.add(index)
                break
    return len(used)


MEASURES = ("speaker exact", "speaker head", "content F1>=0.5")
KINDS = ("all", "direct", "indirect")


def score(text: str, gold: list[Gold], preds: list[Predicted], tallies: dict[tuple[str, str], Tally]) -> None:
    """Add one article's matches to the tallies, for all items and for direct quotes."""

    def exact(p: Predicted, g: Gold) -> bool:
        if g.source is None:
            return False
        end = g.source[-1][1]
        while end > g.source[0][0] and text[end - 1] in " ,.":
            end -= 1
        ours = p.end
        while ours > p.start and text[ours - 1] in " ,.":
            ours -= 1  # the same trim on both sides: "McConnell, R-Ky." and gold "McConnell, R-Ky"
        return (p.start, ours) == (g.source[0][0], end)

    def head(p: Predicted, g: Gold) -> bool:
        if g.source is None:
            return False
        ours = _last_word(text, p.start, p.end)
        return ours is not None and ours == _last_word(text, g.source[-1][0], g.source[-1][1])

    def content(p: Predicted, g: Gold) -> bool:
        return g.content is not None and content_f1(text, p.content, g.content) >= CONTENT_F1

    sourced = [g for g in gold if g.source is not None]
    with_content = [g for g in gold if g.content is not None]
    checks: tuple[tuple[Same, list[Gold]], ...] = ((exact, sourced), (head, sourced), (content, with_content))
    for measure, (same, golds) in zip(MEASURES, checks, strict=True):
        tallies[("all", measure)].add(pairs(preds, golds, same), len(preds), len(golds))
        for kind, wanted in (("direct", True), ("indirect", False)):
            kind_golds = [g for g in golds if g.direct == wanted]
            kind_preds = [p for p in preds if p.direct == wanted]
            tallies[(kind, measure)].add(
                pairs(kind_preds, golds, same),
                len(kind_preds),
                len(kind_golds),
                hits_r=pairs(preds, kind_golds, same),
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--before", type=Path, help="a checkout of an earlier version to compare with")
    args = parser.parse_args(argv)
    if args.before is not None:
        print(f"== before ({args.before})", flush=True)
        env = {**os.environ, "PYTHONPATH": str(args.before.resolve())}
        script = str(Path(__file__).resolve())
        command = [sys.executable, script, "--split", args.split, "--root", str(args.root)]
        subprocess.run(command, env=env, cwd=str(args.before), check=True)
        print("== now (this checkout)", flush=True)

    tallies = {(kind, m): Tally() for kind in KINDS for m in MEASURES}
    n_articles = n_sentences = 0
    seconds = 0.0
    for name, text, gold in articles(args.root, args.split):
        parsed = parse_article(name, text)
        began = time.perf_counter()
        per_sentence = attribute(text, parsed.sentences)
        seconds += time.perf_counter() - began
        n_articles += 1
        n_sentences += len(parsed.sentences)
        preds = merge(text, per_sentence)

        score(text, gold, preds, tallies)

    print(f"PolNeAR {args.split}: {n_articles} articles, {n_sentences} sentences; first annotator of each")
    print(f"{'measure':<28} {'P':>6} {'R':>6} {'F1':>6} {'pred':>7} {'gold':>7}")
    for kind in KINDS:
        for measure in MEASURES:
            print(tallies[(kind, measure)].row(f"{kind}: {measure}"))
    rate = n_sentences / seconds if seconds else float("inf")
    print(f"speed: {rate:,.0f} sentences/s ({seconds:.2f} s in attribute)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
