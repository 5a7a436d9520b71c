"""Did a change leave every answer as it was? Each question's `--json` answer and a digest of its ranking.

A speed change must not move a quote, reorder quotes or turn a refusal: run this once per checkout
(`PYTHONPATH` at it) on its own copy of a question file's corpus, then compare the two files:

    nice python bench/same_answers.py CORPUS QUESTIONS.jsonl OUT.jsonl          # this checkout
    PYTHONPATH=/tmp/base nice python bench/same_answers.py CORPUS-COPY QUESTIONS.jsonl BASE.jsonl
    python bench/same_answers.py --compare OUT.jsonl BASE.jsonl

Each line holds the question, its answer as `assistant ask --json --top 3` prints it (quote scores
are rounded there), and a digest of every ranking made for it: each candidate's sentence, learned
and final probability (unrounded), and the feature rows' bytes, so a change that moves any
candidate's score by one bit shows, even where the quotes shown stay the same. CORPUS is written
(the question file's articles, then the first Reuters documents up to 2,225, as answer_quality.py
writes it) when it holds no index yet. Also prints the median CPU per warm ask, as ask_cpu.py does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import write_question_corpus

ARTICLES = 2225


def dump(corpus: Path, questions: Path, out: Path) -> None:
    """Every question's answer and ranking digests into `out`, one JSON object a line."""
    rows = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not (corpus / ".assistant").exists():
        write_question_corpus(corpus, {int(r["newid"]) for r in rows if r.get("newid")}, ARTICLES)
    from assistant.answer import answerer
    from assistant.cli.answer_json import answer_json
    from assistant.engine import Engine
    from assistant.errors import AssistantError

    digests: list[str] = []
    rank = answerer.Answerer.rank

    def digested(self: answerer.Answerer, *args: Any, **kwargs: Any) -> Any:
        feature_rows, scored = rank(self, *args, **kwargs)
        seen = repr([(s.cand.sentence, s.prob, s.learned) for s in scored]).encode()
        digests.append(hashlib.sha1(seen + feature_rows.tobytes()).hexdigest()[:16])
        return feature_rows, scored

    answerer.Answerer.rank = digested  # type: ignore[method-assign]
    engine = Engine.open(corpus)
    spent: list[float] = []
    with out.open("w", encoding="utf-8") as lines:
        for row in rows:
            digests.clear()
            start = time.process_time()
            try:
                answer: dict[str, Any] = answer_json(engine.ask(row["question"], top=3))
            except AssistantError as exc:
                answer = {"error": f"{type(exc).__name__}: {exc}"}
            spent.append(time.process_time() - start)
            record = {"question": row["question"], "answer": answer, "rankings": list(digests)}
            lines.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(rows)} questions; median CPU ask {statistics.median(spent) * 1000:.1f} ms (the first cold)")


def compare(ours: Path, theirs: Path) -> int:
    """Print the questions whose answer or ranking differs; the number of them."""
    a = ours.read_text(encoding="utf-8").splitlines()
    b = theirs.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"{len(a)} questions against {len(b)}: not the same question file")
        return max(len(a), len(b))
    differ = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            differ += 1
            print("differs:", json.loads(x)["question"])
    print(f"{len(a) - differ} of {len(a)} the same")
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="CORPUS QUESTIONS OUT, or with --compare: A B")
    parser.add_argument("--compare", action="store_true", help="compare two files this script wrote")
    args = parser.parse_args()
    if args.compare:
        if len(args.paths) != 2:
            parser.error("--compare takes two files")
        sys.exit(1 if compare(*args.paths) else 0)
    if len(args.paths) != 3:
        parser.error("give CORPUS QUESTIONS OUT")
    dump(*args.paths)


if __name__ == "__main__":
    main()
