"""What daily-use features cost per question: scope masks, copy search, token count, history write.

A Reuters-21578 archive of --articles articles is written under /tmp/assistant-bench/daily-<n>/
(see _corpora.py; one folder per SGML file, like topic folders). Per question, after one untimed run:

  baseline   Answerer.answer: the answer stage alone, as before issue 13 (no copies, tokens, history)
  ask        Engine.ask, whole corpus: + copy search ("also in"), token count
  ask+hist   Engine.ask with the history kept (one SQLite insert per question)
  scoped     Engine.ask --in one folder (about 1/22 of the articles): mask built per question
  mask       building the article and passage masks alone (Scope -> bool per passage)

    nice python bench/scope_bench.py [--articles 2000] [--queries 100]

Prints p50/p95 in ms per row; nothing is written inside the repository.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from _corpora import BENCH_ROOT, reuters_docs, write_corpus  # noqa: E402
from _questions import latency_questions  # noqa: E402

from assistant.answer import Scope, article_mask, passage_mask  # noqa: E402
from assistant.engine import Engine  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402


def _interleaved(
    questions: list[str], rows: list[tuple[str, Callable[[str], object]]]
) -> dict[str, list[float]]:
    """Each question through every row in turn (after one untimed run), so load on the machine
    falls on all rows alike."""
    out: dict[str, list[float]] = {name: [] for name, _ in rows}
    for q in questions:
        for name, run in rows:
            try:
                run(q)  # warm: texts cached, as for a user asking twice
                started = time.perf_counter()
                run(q)
                out[name].append((time.perf_counter() - started) * 1000)
            except AssistantError:
                continue
    return out


def _p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)] if share < 1 else ordered[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    docs = reuters_docs()
    folder = BENCH_ROOT / f"daily-{args.articles}"
    write_corpus(folder, docs, args.articles)
    questions = latency_questions(docs, args.queries)
    os.environ["ASSISTANT_HISTORY"] = str(Path("/tmp") / f"assistant-bench-history-{os.getpid()}.sqlite3")
    engine = Engine.open(folder, keep_history=True)
    quiet = Engine(engine.index, engine.opened_with, engine.settings)
    one = Scope(folders=("c000/reut2-000/",))
    inside = int(article_mask(one, engine.index.articles.columns).sum())
    print(f"{len(engine.index.articles)} articles, {engine.index.n_passages} passages; "
          f"scope {one.describe()} holds {inside}; {len(questions)} questions")  # fmt: skip

    def baseline(q: str) -> object:
        return quiet._answerer.answer(quiet._answerer.check_question(q))

    def mask(_: str) -> object:
        a = article_mask(one, engine.index.articles.columns)
        return passage_mask(a, engine.index.stored.arrays["p_article"])

    rows = [
        ("baseline (answer stage)", baseline),
        ("ask", lambda q: quiet.ask(q)),
        ("ask + history", lambda q: engine.ask(q)),
        ("ask --in one folder", lambda q: quiet.ask(q, limits=one)),
        ("mask alone", mask),
    ]
    print(f"{'':26} {'p50 ms':>8} {'p95 ms':>8}")
    for name, values in _interleaved(questions, rows).items():
        print(f"{name:26} {statistics.median(values):8.2f} {_p(values, 0.95):8.2f}")
    Path(os.environ["ASSISTANT_HISTORY"]).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
