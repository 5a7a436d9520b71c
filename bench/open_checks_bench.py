"""What the index checksums cost on open, against opening without them, in the same run.

    nice python bench/open_checks_bench.py                  # ~100k passages of Reuters
    nice python bench/open_checks_bench.py --articles 2000  # smaller

Builds (or reuses) a Reuters corpus under /tmp/assistant-bench/, then loads the stored index
`--runs` times with the CRC-32 check of every file (what ships) and `--runs` times with the check
replaced by nothing (the baseline: sizes, shapes and cross-checks only, as before). Both are
warm-cache figures (the page cache is not dropped: other work shares this machine). Also times a
whole `assistant ask` process (median of 5) with the checks, for scale.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpora import reuters_docs, write_corpus

from assistant.index import Index
from assistant.index import store as index_store
from assistant.index.version import index_fingerprint
from assistant.locations import index_dir, passage_tokens

ROOT = Path("/tmp/assistant-bench/open-checks")


def _time_loads(folder: Path, runs: int) -> list[float]:
    fingerprint = index_fingerprint(passage_tokens())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        index_store.load(folder, fingerprint)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=19_000, help="articles (~42k passages a 19k)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    corpus = ROOT / f"{args.articles}"
    write_corpus(corpus, reuters_docs(), args.articles)
    index, _ = Index.open(corpus)
    folder = index_dir(corpus)
    generation = folder / (folder / "CURRENT").read_text().strip()
    size = sum(p.stat().st_size for p in generation.iterdir())
    checked = _time_loads(folder, args.runs)
    original = index_store._verify_files
    index_store._verify_files = lambda gen, files: None  # the baseline: no checksums
    try:
        unchecked = _time_loads(folder, args.runs)
    finally:
        index_store._verify_files = original
    asks = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "assistant", "ask", "What did the company say about profits?",
             "--corpus", str(corpus)],
            capture_output=True, check=False,
        )  # fmt: skip
        asks.append(time.perf_counter() - start)
    print(f"corpus: {args.articles} articles, {index.n_passages} passages, index {size / 1e6:.1f} MB")
    print(f"load with checksums (ships): median {statistics.median(checked) * 1000:.1f} ms")
    print(f"load without (baseline):     median {statistics.median(unchecked) * 1000:.1f} ms")
    print(f"cold `assistant ask` process: median {statistics.median(asks):.2f} s")


if __name__ == "__main__":
    main()
