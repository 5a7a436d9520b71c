"""Index speed at scale: build, memory, disk, query latency against rank-bm25, cold ask, updates.

Corpora of about 10k, 100k and 1M passages are written from Reuters-21578
(read in place) into /tmp/assistant-bench/<size>/, see _corpora.py: past the
~40k passages the collection gives, it is repeated with shuffled paragraphs
and "(copy n)" in the title. For each size, one run measures:

  build       Index.open on a fresh index folder (<corpus>/.assistant removed first), in a child
              process; passages/s = passages / seconds inside Index.open.
  peak RSS    the build child's own VmHWM (/proc/self/status, read at its end; ru_maxrss is not
              used: Linux carries it over from the parent across exec): the whole process,
              interpreter and imports included; "RSS before" is the same child after
              imports, before the build.
  disk        bytes of the index folder.
  reopen      Index.open again with nothing changed (child process): stat scan + load.
  query       top_passages(terms(q), 10) per question after a warm load, in this process
              (each question run once untimed first); p50/p95 in ms.
  baseline    rank_bm25.BM25Okapi over the same passages' terms (rebuilt from the index postings,
              so both score identical bags of words): get_scores + argsort, same questions.
              Above --bm25-max passages only --bm25-sample questions are timed (it is O(corpus)
              per query term); the row says how many.
  cold ask    `assistant ask Q --corpus DIR` wall time in a fresh process, index built: median of 5.
  update      touch 10 files (new mtime, same bytes), then modify 10 (a paragraph appended):
              Index.open time in a child each; the files are put back afterwards.

    python bench/index_bench.py [--sizes 10k,100k,1m] [--queries 200] [--profile]

Results: a table on stdout, JSON in bench/out/index_bench-<stamp>.json (and index_bench-latest.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from _corpora import BENCH_ROOT, article_files, article_text, reuters_docs, write_corpus  # noqa: E402
from _questions import latency_questions  # noqa: E402

OUT = BENCH / "out"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
# Answerable in every size: the first Reuters story (Bahia cocoa) is in each corpus.
ASK_QUESTION = "What did Comissaria Smith say about cocoa arrivals in Bahia?"
TARGETS = {
    "query_p50_ms_at_1m": 10.0,
    "cold_ask_s_at_100k": 1.0,
    "build_passages_per_s": 30_000.0,
    "peak_rss_mb_at_1m": 1024.0,
}


# ---- child processes -----------------------------------------------------------------------


def peak_rss_kb() -> int:
    """This process's peak RSS: VmHWM (reset at exec), else ru_maxrss.

    Linux carries ru_maxrss across fork+exec, so a child's ru_maxrss can be its parent's peak;
    VmHWM belongs to the child's own address space.
    """
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child_main(mode: str, corpus: Path, profile_out: str | None) -> None:
    """Run one Index.open in this fresh process and print what it cost as JSON."""
    rss_before = peak_rss_kb()
    t_import = time.perf_counter()
    from assistant.index import Index

    import_s = time.perf_counter() - t_import
    rss_imported = peak_rss_kb()
    profiler = None
    if profile_out:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    index, changes = Index.open(corpus)
    seconds = time.perf_counter() - start
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(40)
        Path(profile_out).write_text(buffer.getvalue(), encoding="utf-8")
    print(
        json.dumps(
            {
                "mode": mode,
                "seconds": seconds,
                "import_s": import_s,
                "rss_start_kb": rss_before,
                "rss_imported_kb": rss_imported,
                "peak_rss_kb": peak_rss_kb(),
                "articles": len(index.articles),
                "passages": index.n_passages,
                "sentences": int(index.stored.arrays["s_len"].shape[0]),
                "terms": len(index.terms),
                "added": len(changes.added),
                "changed": len(changes.changed),
                "removed": len(changes.removed),
                "skipped": len(changes.skipped),
            }
        )
    )


def run_child(mode: str, corpus: Path, profile_out: Path | None = None) -> dict[str, Any]:
    """One child run, with its CPU time (its own and its workers') and its workers' memory sampled."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(corpus)]
    if profile_out is not None:
        cmd += ["--profile-out", str(profile_out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    peaks = _TreePeaks(proc.pid)
    peaks.start()
    stdout, stderr = proc.communicate()
    peaks.stop = True
    peaks.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"child {mode} failed ({proc.returncode}):\n{stderr}")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["wall_s"] = wall
    result["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["workers_peak_kb"] = peaks.workers_kb
    result["tree_peak_kb"] = peaks.tree_kb
    return result


class _TreePeaks(threading.Thread):
    """Samples (every 0.1 s) the RSS of a process's descendants (its worker processes), summed, and
    of the whole tree: on a 2-core machine the workers' memory counts beside the parent's VmHWM."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = False
        self.workers_kb = 0
        self.tree_kb = 0

    def run(self) -> None:
        while not self.stop:
            workers = sum(_rss_kb(p) for p in _descendants(self.pid))
            self.workers_kb = max(self.workers_kb, workers)
            self.tree_kb = max(self.tree_kb, workers + _rss_kb(self.pid))
            time.sleep(0.1)


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    try:
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []
    return [d for c in children for d in (c, *_descendants(c))]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ASSISTANT_INDEX_DIR", None)  # the index goes in <corpus>/.assistant, the default
    return env


# ---- measurements --------------------------------------------------------------------------


def _percentiles(values_s: list[float]) -> dict[str, float]:
    ms = np.array(values_s) * 1000.0
    return {
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
        "mean_ms": float(ms.mean()),
        "max_ms": float(ms.max()),
        "n": len(values_s),
    }


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def passage_bags(index: Any) -> list[list[str]]:
    """Each passage's terms (repeated tf times) rebuilt from the term-major postings."""
    import scipy.sparse as sp

    a = index.stored.arrays
    n_terms = len(index.terms)
    csc = sp.csc_matrix(
        (np.asarray(a["tf"], dtype=np.int64), np.asarray(a["indices"]), np.asarray(a["indptr"])),
        shape=(index.n_passages, n_terms),
    )
    csr = csc.tocsr()
    csr.sort_indices()
    cols = np.repeat(csr.indices, csr.data)
    ends = np.cumsum(np.asarray(csr.sum(axis=1)).ravel())
    vocab = np.array(index.terms, dtype=object)
    flat = vocab[cols].tolist()
    out: list[list[str]] = []
    lo = 0
    for hi in ends.tolist():
        out.append(flat[lo:hi])
        lo = hi
    return out


def query_latency(index: Any, questions: list[str]) -> tuple[dict[str, float], list[list[tuple[int, float]]]]:
    from assistant.index.tokens import terms

    for q in questions:  # warm: term cache, page cache of the mapped postings
        index.top_passages(terms(q), 10)
    times = []
    results = []
    for q in questions:
        start = time.perf_counter()
        hits = index.top_passages(terms(q), 10)
        times.append(time.perf_counter() - start)
        results.append(hits)
    return _percentiles(times), results


def baseline_latency(
    index: Any, questions: list[str], ours: list[list[tuple[int, float]]], sample: int | None
) -> dict[str, Any]:
    """rank-bm25 on the same passages: build time, get_scores + argsort latency, agreement with ours."""
    import gc

    from rank_bm25 import BM25Okapi

    from assistant.index.tokens import terms

    start = time.perf_counter()
    bags = passage_bags(index)
    bags_s = time.perf_counter() - start
    start = time.perf_counter()
    bm = BM25Okapi(bags)
    build_s = time.perf_counter() - start
    del bags
    gc.collect()
    picked = list(range(len(questions)))
    if sample is not None and sample < len(questions):
        step = len(questions) / sample
        picked = [int(i * step) for i in range(sample)]
    times = []
    same_top = 0
    max_diff = 0.0
    bm.get_scores(terms(questions[picked[0]]))  # warm
    for i in picked:
        q_terms = terms(questions[i])
        start = time.perf_counter()
        scores = bm.get_scores(q_terms)
        top = np.argsort(-scores, kind="stable")[:10]
        times.append(time.perf_counter() - start)
        mine = ours[i]
        mine_ids = [pid for pid, _ in mine]
        # Same passages, or ties reordered: compare the score lists, then our scores at their ids.
        their_scores = [float(scores[j]) for j in top if scores[j] > 0]
        if np.allclose([s for _, s in mine], their_scores[: len(mine)], rtol=1e-9, atol=1e-9):
            same_top += 1
        if mine_ids:
            max_diff = max(max_diff, float(np.max(np.abs(scores[mine_ids] - [s for _, s in mine]))))
    del bm
    gc.collect()
    out: dict[str, Any] = {"name": "rank_bm25.BM25Okapi", "bags_s": bags_s, "build_s": build_s}
    out.update(_percentiles(times))
    out["top10_scores_equal"] = same_top
    out["max_abs_score_diff"] = max_diff
    out["sampled"] = len(picked) < len(questions)
    return out


def cold_ask(corpus: Path, question: str, runs: int = 5) -> dict[str, Any]:
    exe = Path(sys.executable).with_name("assistant")
    times = []
    codes = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [str(exe), "ask", question, "--corpus", str(corpus)],
            capture_output=True,
            text=True,
            env=_env(),
            check=False,
        )
        times.append(time.perf_counter() - start)
        codes.append(done.returncode)
    imports = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import assistant.cli"], check=True, env=_env())
        imports.append(time.perf_counter() - start)
    return {
        "question": question,
        "median_s": statistics.median(times),
        "runs_s": times,
        "exit_codes": codes,
        "import_cli_median_s": statistics.median(imports),
        "answer_head": done.stdout[:300],
    }


def incremental(corpus: Path, n: int = 10) -> dict[str, Any]:
    files = article_files(corpus)
    picked = [files[int(i * len(files) / n)] for i in range(n)]
    originals = {p: p.read_bytes() for p in picked}
    stats = {p: p.stat() for p in picked}
    try:
        future = time.time() + 10
        for p in picked:
            os.utime(p, (future, future))
        touched = run_child("touch", corpus)
        for p in picked:
            with p.open("a", encoding="utf-8") as handle:
                handle.write("The company said the figures were revised on Monday after an audit.\n")
        modified = run_child("modify", corpus)
    finally:
        for p, data in originals.items():
            p.write_bytes(data)
            os.utime(p, ns=(stats[p].st_atime_ns, stats[p].st_mtime_ns))
    return {"files": n, "touch": touched, "modify": modified}


def measure_size(
    label: str, target: int, docs: list[Any], per_doc: float, args: argparse.Namespace
) -> dict[str, Any]:
    from assistant.index import Index

    n_articles = max(1, round(target / per_doc))
    corpus = BENCH_ROOT / label
    t0 = time.perf_counter()
    info = write_corpus(corpus, docs, n_articles, force=args.rebuild_corpora)
    write_s = time.perf_counter() - t0
    _log(
        f"[{label}] corpus {corpus}: {n_articles} articles, "
        f"{info['copies']} copies of Reuters ({write_s:.1f}s)"
    )
    shutil.rmtree(corpus / ".assistant", ignore_errors=True)
    build = run_child("build", corpus)
    _log(
        f"[{label}] build {build['seconds']:.1f}s, {build['passages']} passages, "
        f"peak {build['peak_rss_kb'] // 1024} MB (workers {build['workers_peak_kb'] // 1024} MB), "
        f"CPU {build['cpu_s']:.0f}s"
    )
    disk = folder_bytes(corpus / ".assistant")
    reopen = run_child("reopen", corpus)
    start = time.perf_counter()
    index, _ = Index.open(corpus)
    warm_load_s = time.perf_counter() - start
    questions = latency_questions(docs, args.queries)
    ours, results = query_latency(index, questions)
    _log(f"[{label}] ours p50 {ours['p50_ms']:.2f} ms p95 {ours['p95_ms']:.2f} ms")
    baseline: dict[str, Any] | None = None
    if index.n_passages <= args.bm25_skip:
        sample = args.bm25_sample if index.n_passages > args.bm25_max else None
        baseline = baseline_latency(index, questions, results, sample)
        _log(f"[{label}] rank-bm25 p50 {baseline['p50_ms']:.1f} ms over {baseline['n']} questions")
    del index
    ask = cold_ask(corpus, args.ask)
    _log(f"[{label}] cold ask median {ask['median_s']:.2f}s")
    update = incremental(corpus)
    _log(
        f"[{label}] update touch {update['touch']['seconds']:.2f}s modify {update['modify']['seconds']:.2f}s"
    )
    profile = None
    if args.profile and label == args.profile_size:
        shutil.rmtree(corpus / ".assistant", ignore_errors=True)
        OUT.mkdir(exist_ok=True)
        profile = OUT / f"profile-build-{label}.txt"
        run_child("build", corpus, profile_out=profile)
    row: dict[str, Any] = {
        "size": label,
        "target_passages": target,
        "corpus": str(corpus),
        "copies_of_reuters": info["copies"],
        "articles": build["articles"],
        "passages": build["passages"],
        "sentences": build["sentences"],
        "terms": build["terms"],
        "build_s": build["seconds"],
        "build_wall_s": build["wall_s"],
        "passages_per_s": build["passages"] / build["seconds"],
        "peak_rss_mb": build["peak_rss_kb"] / 1024,
        "build_cpu_s": build["cpu_s"],
        "workers_peak_mb": build["workers_peak_kb"] / 1024,
        "tree_peak_mb": build["tree_peak_kb"] / 1024,
        "rss_after_imports_mb": build["rss_imported_kb"] / 1024,
        "memory_method": "VmHWM of the build child (/proc/self/status), whole process",
        "index_disk_mb": disk / 2**20,
        "reopen_unchanged_s": reopen["seconds"],
        "warm_load_s": warm_load_s,
        "query_ours": ours,
        "query_rank_bm25": baseline,
        "ratio_p50": (baseline["p50_ms"] / ours["p50_ms"]) if baseline else None,
        "ratio_p95": (baseline["p95_ms"] / ours["p95_ms"]) if baseline else None,
        "cold_ask": ask,
        "update": update,
        "profile": str(profile) if profile else None,
    }
    return row


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def print_table(rows: list[dict[str, Any]]) -> None:
    print()
    print("Index benchmark (Reuters-21578 news; baseline rank_bm25.BM25Okapi on the same passages)")
    header = (
        f"{'size':>5} {'articles':>8} {'passages':>9} {'copies':>6} {'build s':>8} {'pass/s':>7} "
        f"{'peak MB':>8} {'wkrs MB':>8} {'CPU s':>6} {'disk MB':>8} {'reopen s':>8} "
        f"{'p50 ms':>7} {'p95 ms':>7} "
        f"{'bm25 p50':>9} {'bm25 p95':>9} {'x p50':>6} {'ask s':>6} {'touch s':>7} {'modify s':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        b = r["query_rank_bm25"]
        print(
            f"{r['size']:>5} {r['articles']:>8} {r['passages']:>9} {r['copies_of_reuters']:>6} "
            f"{r['build_s']:>8.1f} {r['passages_per_s']:>7.0f} {r['peak_rss_mb']:>8.0f} "
            f"{r['workers_peak_mb']:>8.0f} {r['build_cpu_s']:>6.0f} "
            f"{r['index_disk_mb']:>8.1f} {r['reopen_unchanged_s']:>8.2f} "
            f"{r['query_ours']['p50_ms']:>7.2f} {r['query_ours']['p95_ms']:>7.2f} "
            f"{_fmt(b and b['p50_ms'], '9.1f'):>9} {_fmt(b and b['p95_ms'], '9.1f'):>9} "
            f"{_fmt(r['ratio_p50'], '6.0f'):>6} {r['cold_ask']['median_s']:>6.2f} "
            f"{r['update']['touch']['seconds']:>7.2f} {r['update']['modify']['seconds']:>8.2f}"
        )
    print()
    for r in rows:
        b = r["query_rank_bm25"]
        notes = [f"{r['size']}: {r['copies_of_reuters']} pass(es) over Reuters"]
        if r["copies_of_reuters"] > 1:
            notes.append("copies have shuffled paragraphs and '(copy n)' titles")
        if b is None:
            notes.append("rank-bm25 skipped (too large)")
        else:
            notes.append(
                f"rank-bm25 build {b['build_s']:.1f}s on {b['n']} questions"
                + (" (sample)" if b["sampled"] else "")
                + f", top-10 scores equal in {b['top10_scores_equal']}/{b['n']}"
                + f", max |score diff| {b['max_abs_score_diff']:.1e}"
            )
        notes.append(
            f"RSS after imports {r['rss_after_imports_mb']:.0f} MB; warm load {r['warm_load_s']:.2f}s; "
            f"`import assistant.cli` {r['cold_ask']['import_cli_median_s']:.2f}s; "
            f"ask exit codes {r['cold_ask']['exit_codes']}"
        )
        print("  " + "; ".join(notes[:2]))
        for n in notes[2:]:
            print("    " + n)
    print("  peak MB = VmHWM of the build child process, interpreter and imports included;")
    print("  wkrs MB = its worker processes' RSS summed, peak of 0.1 s samples; CPU s = the child's and")
    print("  its workers' user + system time")
    print()
    print("Targets")
    by = {r["size"]: r for r in rows}
    checks = []
    if "1m" in by:
        checks.append(("query p50 at 1M < 10 ms", by["1m"]["query_ours"]["p50_ms"], "ms", 10.0))
        checks.append(("peak memory at 1M <= 1 GB", by["1m"]["peak_rss_mb"], "MB", 1024.0))
    if "100k" in by:
        checks.append(("cold ask at 100k < 1 s", by["100k"]["cold_ask"]["median_s"], "s", 1.0))
    for r in rows:
        checks.append((f"build >= 30k passages/s ({r['size']})", r["passages_per_s"], "p/s", 30_000.0))
    for name, value, unit, limit in checks:
        ok = value >= limit if "build" in name else value <= limit
        print(f"  {'PASS' if ok else 'FAIL'}  {name}: {value:.2f} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10k,100k", help="comma-separated: 10k,100k,1m")
    parser.add_argument("--queries", type=int, default=200, help="questions timed per size")
    parser.add_argument("--bm25-max", type=int, default=300_000, help="above this, sample rank-bm25")
    parser.add_argument("--bm25-sample", type=int, default=20, help="questions for a sampled rank-bm25")
    parser.add_argument("--bm25-skip", type=int, default=2_000_000, help="above this, no rank-bm25")
    parser.add_argument("--ask", default=ASK_QUESTION, help="the question of the cold `assistant ask` runs")
    parser.add_argument("--rebuild-corpora", action="store_true", help="rewrite corpora in /tmp")
    parser.add_argument("--profile", action="store_true", help="cProfile one extra build")
    parser.add_argument("--profile-size", default="10k")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", help=argparse.SUPPRESS)
    parser.add_argument("corpus", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child, Path(args.corpus), args.profile_out)
        return
    labels = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in labels if s not in SIZES]
    if unknown:
        parser.error(f"unknown sizes {unknown}; choose from {list(SIZES)}")
    docs = reuters_docs()
    per_doc = calibrate(docs)
    _log(f"Reuters: {len(docs)} documents with a body; ~{per_doc:.2f} passages each (sample of 1000)")
    rows = [measure_size(label, SIZES[label], docs, per_doc, args) for label in labels]
    print_table(rows)
    OUT.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    result = {
        "benchmark": "index",
        "when": stamp,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "baseline": "rank_bm25.BM25Okapi (get_scores + argsort, same passages' terms)",
        "corpus_source": "Reuters-21578; sizes past one pass repeat it with shuffled paragraphs",
        "targets": TARGETS,
        "sizes": rows,
    }
    text = json.dumps(result, indent=2)
    (OUT / f"index_bench-{stamp}.json").write_text(text, encoding="utf-8")
    (OUT / "index_bench-latest.json").write_text(text, encoding="utf-8")
    print(f"\nJSON: {OUT / f'index_bench-{stamp}.json'}")


def calibrate(docs: list[Any]) -> float:
    """Passages per article, from analysing 1000 articles (copies shuffle paragraphs; close enough)."""
    import random

    from assistant.index.analysis import analyse
    from assistant.index.version import DEFAULT_PASSAGE_TOKENS

    sample = random.Random(7).sample(docs, min(1000, len(docs)))
    passages = 0
    for doc in sample:
        data = article_text(doc).encode("utf-8")
        analysed = analyse(
            "x.txt", data, markdown=False, size=len(data), mtime_ns=0, passage_tokens=DEFAULT_PASSAGE_TOKENS
        )
        passages += len(analysed.passages)
    return passages / len(sample)


if __name__ == "__main__":
    main()
