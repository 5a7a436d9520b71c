"""CPU per warm `Engine.ask`: median and p90 of `time.process_time` over a question file.

What a long-running chat pays per question once its corpus is open (the index built first,
untimed; five questions asked first to warm caches). Run one checkout, then another with
`PYTHONPATH` at it, alternating, each on its own copy of the corpus (another version rebuilds it):

    nice python bench/ask_cpu.py CORPUS QUESTIONS.jsonl [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("questions", type=Path, help="JSON Lines with a `question` field")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from assistant.engine import Engine

    engine = Engine.open(args.corpus)
    questions = [json.loads(line)["question"] for line in args.questions.open(encoding="utf-8")]
    for question in questions[:5]:
        engine.ask(question)
    spent: list[float] = []
    for _ in range(args.rounds):
        for question in questions:
            start = time.process_time()
            engine.ask(question)
            spent.append(time.process_time() - start)
    median, p90 = statistics.median(spent) * 1000, sorted(spent)[int(0.9 * len(spent))] * 1000
    print(f"median CPU ask {median:.1f} ms, p90 {p90:.1f} ms over {len(spent)}")


if __name__ == "__main__":
    main()
