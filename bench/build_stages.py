"""Where a build's worker CPU goes: each step of `analyse` timed over the articles of a bench corpus.

    nice python bench/build_stages.py [--corpus DIR] [--articles N] [--warm]

One process, no profiler (cProfile inflates Python-heavy code several times over): the steps
`read_batch` runs for each file, called here one by one with `time.process_time` around each,
batches of 256 finished as the build does. tiktoken's load is paid inside "token counts" once,
as each worker pays it. Also: the share of attribution spent on articles that end with no
speaker at all (what a pre-check that skips them could save at most).
`--warm` (a corpus of several copies, index_bench's 100k): the timed articles are copy 1's, after
the same stories of copy 0 went through every step untimed, as a long build meets its words,
pieces and names again (a worker's caches warm); without it every article is met first.
Run it with PYTHONPATH at another checkout to time that version on the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from _corpora import BENCH_ROOT, article_files, reuters_docs, write_corpus  # noqa: E402

TEN_K_ARTICLES = 4627
"""index_bench's 10k corpus: 4,627 Reuters articles, 9,532 passages."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=BENCH_ROOT / "10k",
        help="a bench corpus (written as index_bench's 10k if missing)",
    )
    parser.add_argument("--articles", type=int, default=0, help="the first N articles only (0: all)")
    parser.add_argument("--warm", action="store_true", help="time copy 1 after copy 0 went untimed")
    args = parser.parse_args()

    folder = args.corpus
    if not folder.is_dir():
        write_corpus(folder, reuters_docs(), TEN_K_ARTICLES)
    files = article_files(folder)
    if args.warm:
        copies = [[p for p in files if p.parts[-3] == f"c{n:03d}"][: args.articles or None] for n in (0, 1)]
        if not copies[1]:
            raise SystemExit(f"{folder}: no copy 1 (c001/) to time after copy 0; try index_bench's 100k")
        _steps(copies[0], folder, defaultdict(float), [0, 0.0])  # untimed: the caches a long build has warm
        files = copies[1]
    files = files[: args.articles or None]
    spent: dict[str, float] = defaultdict(float)
    no_speaker = [0, 0.0]
    _steps(files, folder, spent, no_speaker)
    total = sum(spent.values())
    print(
        f"{len(files)} articles from {folder}{' (warm)' if args.warm else ''}: {total:.2f} s CPU, "
        f"{1000 * total / len(files):.2f} ms an article"
    )
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:40} {seconds:6.2f} s {100 * seconds / total:5.1f}%")
    attributed = spent["speaker attribution (speakers rules)"]
    print(
        f"  articles with no speaker: {no_speaker[0]} of {len(files)}, "
        f"{no_speaker[1]:.2f} s of attribution's {attributed:.2f} s"
    )


def _steps(files: list[Path], folder: Path, spent: defaultdict[str, float], no_speaker: list[Any]) -> None:
    """Each of `read_batch`'s steps over `files`, its CPU time added to `spent` by step name."""
    from assistant.corpus import decode, display_text, parse_article, read_file, real_root
    from assistant.index import analysis
    from assistant.index.tokens import count_tokens_each, terms_each
    from assistant.index.version import DEFAULT_PASSAGE_TOKENS
    from assistant.speakers import rows_of

    try:  # the rows as the worker hands them back (a checkout without it: not timed)
        from assistant.index.build_spill import rows_blob
    except ImportError:
        rows_blob = None
    real = real_root(folder)
    try:  # as read_batch reads: each folder resolved once (a checkout without it: a realpath a file)
        from assistant.corpus import FolderReader

        folders = FolderReader(real)
    except ImportError:
        folders = None
    clock = time.process_time
    batch = analysis.Batch()
    for n, path in enumerate(files, start=1):
        t = clock()

        def step(name: str) -> None:
            nonlocal t
            now = clock()
            spent[name] += now - t
            t = now

        if folders is not None:
            data, stat = read_file(path, folders=folders)
        else:
            data, stat = read_file(path, real, root_resolved=True)
        step("read the file")
        sha = hashlib.sha256(data).hexdigest()
        text = decode(data)
        step("hash, decode")
        parsed = parse_article(path.name, text, markdown=False)
        step("parse (corpus rules)")
        texts = [display_text(text, s.start, s.end) for s in parsed.sentences]
        step("display text")
        counts = count_tokens_each(texts)
        step("token counts")
        terms = terms_each(texts)
        step("BM25 terms")
        passages = analysis.pack_passages(counts, DEFAULT_PASSAGE_TOKENS)
        found = analysis._attributions(text, parsed.sentences)
        now = clock()
        spent["speaker attribution (speakers rules)"] += now - t
        if not any(found):
            no_speaker[0] += 1
            no_speaker[1] += now - t
        t = now
        rows = rows_of(found)
        analysed = analysis.AnalysedArticle(
            parsed, stat.st_size, stat.st_mtime_ns, sha, terms, counts, passages, rows
        )
        batch.add(analysed)
        step("row and batch columns")
        if n % 256 == 0 or n == len(files):
            batch.finish()
            step("postings counted (finish)")
            if rows_blob is not None:
                rows_blob(batch.table)
                step("rows as stored bytes (rows_blob)")
            batch = analysis.Batch()
            if folders is not None:  # a batch's folder handles live as long as the batch, as in the build
                folders.close()
                step("read the file")


if __name__ == "__main__":
    main()
