"""Which copy of a story filed twice is cited, before and after one copy is re-indexed; and what asking
costs on such questions.

Reuters-21578 files some stories twice word for word. A --articles archive is written (see _corpora.py)
under $ASSISTANT_BENCH_ROOT/cited-copy-<n>/; for every story held twice, one question is made from its
longest sentence. Each question is asked, then every copy named "also in" is re-saved with a trailing
blank line (re-indexed, so it is now the last copy the index holds) and the question asked again:

  changed    questions whose cited copy changed after the re-index (0 is what a user expects)
  cost       Engine.ask per question, p50 / p95 ms, warm (each asked once untimed first)

    nice python bench/cited_copy_bench.py [--articles 2000]

Run it on another checkout with PYTHONPATH=CHECKOUT to compare; the corpus folder is rewritten each run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(BENCH.parent))

from _corpora import BENCH_ROOT, article_files, reuters_docs, write_corpus  # noqa: E402

from assistant.engine import Engine  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402


def _copies(folder: Path) -> list[list[Path]]:
    """Files whose bytes are the same, in groups of two or more."""
    groups: dict[str, list[Path]] = {}
    for path in article_files(folder):
        groups.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), []).append(path)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def _question(engine: Engine, article_id: str) -> str | None:
    """The article's longest sentence, as a question's words (its own words: it finds the story)."""
    view = engine.article(article_id)
    texts = [" ".join(view.text[s.start : s.end].split()) for s in view.sentences]
    best = max(texts, key=len, default="")
    return best if len(best.split()) >= 6 else None


def _cited(engine: Engine, question: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids cited by quotes found in several articles, and the other copies they name."""
    try:
        answer = engine.ask(question, top=3)
    except AssistantError:
        return (), ()
    found = [q for q in answer.quotes if q.also_in]
    return tuple(q.article.id for q in found), tuple(i for q in found for i in q.also_in)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    folder = BENCH_ROOT / f"cited-copy-{args.articles}"
    shutil.rmtree(folder, ignore_errors=True)
    write_corpus(folder, reuters_docs(), args.articles)
    os.environ["ASSISTANT_HISTORY"] = "0"
    engine = Engine.open(folder)
    groups = _copies(folder)
    questions = [q for g in groups if (q := _question(engine, g[0].relative_to(folder).as_posix()))]
    before = {q: _cited(engine, q) for q in questions}
    for q in questions:  # warm, then timed
        engine.ask(q, top=3)
    costs = []
    for q in questions:
        started = time.perf_counter()
        engine.ask(q, top=3)
        costs.append((time.perf_counter() - started) * 1000)
    for other in {i for _, others in before.values() for i in others}:
        path = folder / other
        path.write_bytes(path.read_bytes() + b"\n")
    engine = Engine.open(folder)
    after = {q: _cited(engine, q) for q in questions}
    asked = [q for q in questions if before[q][0]]
    changed = sum(1 for q in asked if before[q][0] != after[q][0])
    costs.sort()
    print(f"{len(engine.index.articles)} articles; {len(groups)} stories filed twice or more; "
          f"{len(asked)} questions cite a copy")  # fmt: skip
    print(f"cited copy changed after the re-index: {changed} of {len(asked)}")
    print(f"Engine.ask on these questions: p50 {statistics.median(costs):.2f} ms, "
          f"p95 {costs[int(0.95 * (len(costs) - 1))]:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
