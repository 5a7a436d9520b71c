"""Scale (issue 12): what a user waits for at 100k and 1M passages, beside tantivy in the same run.

Corpora are the Reuters-based ones of index_bench.py (/tmp/assistant-bench/<size>/, see
_corpora.py; reused when present). Per size, one run measures, for assistant and for tantivy:

  build         assistant: Index.open on a fresh index folder in a child process (index_bench's
                child), passages/s; tantivy: the same passages' terms (exported from our postings,
                each term repeated tf times, indexed with tantivy's whitespace tokenizer, freqs
                only) written by a child with heap 256 MB and 2 threads. tantivy gets the terms
                already analysed, so its build skips the tokenise/stem work ours does: the build
                ratio flatters tantivy.
  peak memory   VmHWM of each build child (whole process, interpreter and imports included).
  cold ask      assistant: the first `assistant ask Q --corpus DIR --no-history` after the build
                (a new process); tantivy: a new `python` that imports tantivy, opens the index and
                runs the same question's terms.
  unchanged     the next --asks runs of the same, median.
  add           assistant: `assistant add NEW.txt` wall time, then `assistant ask` about it (must
                quote it): add start -> answered. Also in this process, warm: `Engine.add` of a
                new article (the update itself, without process start and imports), the question
                about it, and `Engine.remove`. tantivy: in one process, add_document + commit +
                reload + search finding it (the process's start-up and open are not counted).
  query         top_passages(terms(q), 10) in this process after a warm load vs the same terms as
                a tantivy boolean SHOULD query, top 10; each question once untimed first;
                p50/p95 ms over --queries questions (WikiQA + reworded Reuters titles). Beside
                them, ours without block-max pruning (allowed= a mask of every passage, which takes
                the exhaustive path), same questions, same loop; and each search's thread CPU time
                (time.thread_time), which other jobs on a shared machine do not inflate.

    nice python bench/scale_bench.py [--sizes 100k,1m] [--queries 200] [--asks 3]
    nice python bench/scale_bench.py --search-only CORPUS [--queries 200] [--repeat 3]
                (the search alone on CORPUS's index as it stands, fastest of --repeat per question)
    nice python bench/scale_bench.py --sizes 1m --add-only --root DIR   # on the index built there
    nice python bench/scale_bench.py --sizes 1m --add-only --root DIR --rounds 5 --against BASE
                (this checkout and BASE, a worktree of another commit, alternating on the same index)

Output: a table with ratios (assistant / tantivy) on stdout; JSON in bench/out/scale_bench-*.json.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from _corpora import BENCH_ROOT, reuters_docs, write_corpus  # noqa: E402
from _questions import latency_questions  # noqa: E402
from index_bench import ASK_QUESTION, SIZES, _env, _percentiles, calibrate, peak_rss_kb, run_child  # noqa: E402

OUT = BENCH / "out"
NEW_TITLE = "Marlowe Zebrafish Cooperative Doubles Harvest"
NEW_SENTENCE = (
    "Quintessa Marlowe said the zebrafish cooperative in Vardenfjord would double its harvest, "
    '"because the fjord stayed warm all winter."'
)
NEW_QUESTION = "What did Quintessa Marlowe say about the zebrafish cooperative?"
TARGETS = {
    "cold_ask_s": 0.5,
    "unchanged_ask_s": 0.5,
    "add_answerable_s": 0.5,
    "update_s": 0.2,
    "build_pps": 30_000.0,
    "peak_mb": 1024.0,
    "p50_ms": 2.0,
    "p95_ms": 8.0,
}


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- tantivy ---------------------------------------------------------------------------------


def export_passages(index: Any, path: Path) -> int:
    """One line per passage: its terms, each repeated tf times, from our own postings."""
    import scipy.sparse as sp

    a = index.stored.arrays
    csr = sp.csc_matrix(
        (np.asarray(a["tf"], dtype=np.int64), np.asarray(a["indices"]), np.asarray(a["indptr"])),
        shape=(index.n_passages, len(index.terms)),
    ).tocsr()
    vocab = np.array(index.terms, dtype=object)
    with path.open("w", encoding="utf-8") as out:
        for row in range(index.n_passages):
            lo, hi = csr.indptr[row], csr.indptr[row + 1]
            words = np.repeat(vocab[csr.indices[lo:hi]], csr.data[lo:hi])
            out.write(" ".join(words.tolist()) + "\n")
    return index.n_passages


def _tantivy_schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace", index_option="freq")
    return builder.build()


def _tantivy_query(schema: Any, q_terms: list[str]) -> Any:
    import tantivy

    parts = [
        (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in dict.fromkeys(q_terms)
    ]
    return tantivy.Query.boolean_query(parts)


def tantivy_build_child(passages: Path, folder: Path) -> None:
    """Build a tantivy index of the exported passages in this fresh process; print cost as JSON."""
    import tantivy

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    start = time.perf_counter()
    index = tantivy.Index(_tantivy_schema(), path=str(folder))
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    n = 0
    with passages.open(encoding="utf-8") as lines:
        for line in lines:
            writer.add_document(tantivy.Document(body=line.rstrip("\n")))
            n += 1
    writer.commit()
    writer.wait_merging_threads()
    print(json.dumps({"seconds": time.perf_counter() - start, "passages": n, "peak_rss_kb": peak_rss_kb()}))


def tantivy_ask_child(folder: Path, q_terms: list[str]) -> None:
    """A whole cold question: import, open, search; prints the hit count."""
    import tantivy

    index = tantivy.Index.open(str(folder))
    hits = index.searcher().search(_tantivy_query(index.schema, q_terms), 10).hits
    print(len(hits))


def tantivy_add_child(folder: Path, text: str, q_terms: list[str]) -> None:
    """Add one passage, commit, reload, search until found: seconds from add start to answerable."""
    import tantivy

    index = tantivy.Index.open(str(folder))
    start = time.perf_counter()
    writer = index.writer(heap_size=64_000_000, num_threads=1)
    writer.add_document(tantivy.Document(body=text))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    before = index.searcher().num_docs
    hits = index.searcher().search(_tantivy_query(index.schema, q_terms), 1).hits
    print(json.dumps({"seconds": time.perf_counter() - start, "found": bool(hits), "docs": before}))


def _self(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), *args]


def _json_child(cmd: list[str]) -> dict[str, Any]:
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(), check=False)
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---- assistant through the CLI ---------------------------------------------------------------


def _assistant(*args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    seconds, _, done = _assistant_cpu(*args)
    return seconds, done


def _assistant_cpu(
    *args: str, env: dict[str, str] | None = None
) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """One `assistant` process: wall seconds, CPU seconds (user + system of the child), result."""
    exe = Path(sys.executable).with_name("assistant")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env or _env(), check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done


def timed_runs(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=_env(), check=True)
        times.append(time.perf_counter() - start)
    return times


def assistant_add(
    corpus: Path, work: Path, rounds: int = 1, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """`add` one new article, then `ask` about it, then `remove` it: `rounds` times, medians kept.

    Each round's article differs (no duplicate); `remove` (a real process too) leaves the folder
    as it was and its folder stamps vouching, so every round's `add` starts as the first did.
    """
    runs: list[dict[str, Any]] = []
    for n in range(rounds):
        source = work / f"zebrafish-{n}.txt"
        title = NEW_TITLE if n == 0 else f"{NEW_TITLE} (round {n})"
        sentence = NEW_SENTENCE if n == 0 else NEW_SENTENCE.replace("winter", f"winter {n}")
        source.write_text(f"{title}\nBy Ola Nordmann\n{sentence}\n", encoding="utf-8")
        add_s, add_cpu, added = _assistant_cpu("add", str(source), "--corpus", str(corpus), env=env)
        ask_s, ask_cpu, asked = _assistant_cpu(
            "ask", NEW_QUESTION, "--corpus", str(corpus), "--no-history", env=env
        )
        answered = asked.returncode == 0 and "zebrafish" in asked.stdout
        lines = added.stdout.splitlines()
        stored = [line.split()[1].rstrip(":") for line in lines if line.startswith("stored ")]
        remove_s = remove_cpu = 0.0
        for article_id in stored:  # leave the shared bench corpus as it was
            remove_s, remove_cpu, removed = _assistant_cpu(
                "remove", article_id, "--corpus", str(corpus), env=env
            )
            if removed.returncode != 0:
                for path in corpus.glob(f"{article_id}*"):
                    path.unlink()
        runs.append(
            {
                "add_s": add_s, "ask_s": ask_s, "total_s": add_s + ask_s, "remove_s": remove_s,
                "add_cpu_s": add_cpu, "ask_cpu_s": ask_cpu, "total_cpu_s": add_cpu + ask_cpu,
                "remove_cpu_s": remove_cpu, "answered": answered, "add_exit": added.returncode,
                "ask_exit": asked.returncode, "stored": stored,
            }
        )  # fmt: skip
    keys = ("add_s", "ask_s", "total_s", "remove_s", "add_cpu_s", "ask_cpu_s", "total_cpu_s", "remove_cpu_s")
    result: dict[str, Any] = {key: statistics.median(r[key] for r in runs) for key in keys}
    result.update(answered=all(r["answered"] for r in runs), rounds=runs)
    result.update(add_exit=runs[-1]["add_exit"], ask_exit=runs[-1]["ask_exit"], stored=runs[-1]["stored"])
    return result


def in_process_update(index: Any, corpus: Path) -> dict[str, Any]:
    """The index's own update for one new article, then for its removal, in this (warm) process.

    `refresh` after writing the file: the walk over every file, reading the one article, and
    storing the change. Without the `add` command's process start, imports and duplicate check.
    """
    path = corpus / "zz-scale-update.txt"
    path.write_text(f"{NEW_TITLE}\nBy Ola Nordmann\n{NEW_SENTENCE}\n", encoding="utf-8")
    index.refresh()  # one untimed round first: tiktoken's ranks load once per process
    path.unlink()
    index.refresh()
    path.write_text(f"{NEW_TITLE} again\nBy Ola Nordmann\n{NEW_SENTENCE} Again.\n", encoding="utf-8")
    start = time.perf_counter()
    added = index.refresh()
    add_s = time.perf_counter() - start
    path.unlink()
    start = time.perf_counter()
    removed = index.refresh()
    remove_s = time.perf_counter() - start
    return {
        "add_s": add_s,
        "remove_s": remove_s,
        "added": list(added.added),
        "removed": list(removed.removed),
    }


def in_process_add(corpus: Path, work: Path) -> dict[str, Any]:
    """`Engine.add` of one new article in this warm process, then `Engine.ask` about it, then
    `Engine.remove` of it: the path of the long-running chat, wall and CPU seconds of each.

    The update a user waits for once `add` has started and its imports are done: the duplicate
    check, writing the file and indexing it (no process start, no tiktoken load: one untimed
    round first, and one untimed question, as a chat has asked before; then a full garbage
    collection). The question about it is asked from the same engine.
    """
    from assistant.engine import Engine

    engine = Engine.open(corpus, trust_folders=True)
    engine.ask(ASK_QUESTION)  # the answer stage loaded, as in a chat that has answered before
    warm = work / "zebrafish-warm.txt"
    warm.write_text(f"{NEW_TITLE} warm\nBy Ola Nordmann\n{NEW_SENTENCE} Warm.\n", encoding="utf-8")
    for stored in engine.add([str(warm)]).stored:
        engine.remove(stored.article_id)
    source = work / "zebrafish-in-process.txt"
    source.write_text(f"{NEW_TITLE} again\nBy Ola Nordmann\n{NEW_SENTENCE} Again.\n", encoding="utf-8")
    # A full collection now, so the one the warm-up's allocations have brought near (~13 ms at
    # 1M) falls here in both checkouts, not in whichever timed step one of them happens to reach.
    gc.collect()
    clocks = [(time.perf_counter(), time.process_time())]
    report = engine.add([str(source)])
    clocks.append((time.perf_counter(), time.process_time()))
    answer = engine.ask(NEW_QUESTION)
    clocks.append((time.perf_counter(), time.process_time()))
    found = any("Vardenfjord" in q.text for q in answer.quotes)
    for stored in report.stored:
        engine.remove(stored.article_id)
    clocks.append((time.perf_counter(), time.process_time()))
    (add_s, add_cpu), (ask_s, ask_cpu), (remove_s, remove_cpu) = (
        (b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(clocks)
    )
    return {
        "add_s": add_s, "ask_s": ask_s, "remove_s": remove_s, "answered": found,
        "add_cpu_s": add_cpu, "ask_cpu_s": ask_cpu, "remove_cpu_s": remove_cpu,
    }  # fmt: skip


def engine_add_child(corpus: Path, work: Path) -> None:
    """`--engine-add`: in_process_add in this fresh process (whichever checkout PYTHONPATH names)."""
    print(json.dumps(in_process_add(corpus, work)))


def add_steps(label: str, args: argparse.Namespace) -> dict[str, Any]:
    """`--add-only`: the add and remove figures on the index already built in ROOT/<size> (no build).

    For a baseline beside a change without two more builds: run it for one checkout, then the
    other (PYTHONPATH at its worktree), one right after the other.
    """
    root = Path(args.root) if args.root else BENCH_ROOT
    corpus, work = root / label, root / f"scale-{label}"
    work.mkdir(parents=True, exist_ok=True)
    for stray in corpus.glob("*.md"):  # articles an interrupted run added
        stray.unlink()
    ask_cmd = [str(Path(sys.executable).with_name("assistant")), "ask", args.question]
    ask_cmd += ["--corpus", str(corpus), "--no-history"]
    timed_runs(ask_cmd, 1)  # brings the index up to date with the folder
    asks = timed_runs(ask_cmd, args.asks)
    result = {
        "size": label,
        "unchanged_ask_s": statistics.median(asks),
        "engine_add": in_process_add(corpus, work),
        "add": assistant_add(corpus, work, args.rounds),
    }
    e, a = result["engine_add"], result["add"]
    print(
        f"[{label}] ask (unchanged) {result['unchanged_ask_s']:.2f}s; Engine.add {e['add_s']:.3f}s, "
        f"ask {e['ask_s']:.3f}s, Engine.remove {e['remove_s']:.3f}s; assistant add {a['add_s']:.2f}s + "
        f"ask {a['ask_s']:.2f}s = {a['total_s']:.2f}s answered={a['answered']} (median of {args.rounds}; "
        f"CPU {a['add_cpu_s']:.2f} + {a['ask_cpu_s']:.2f} = {a['total_cpu_s']:.2f}s; "
        f"assistant remove {a['remove_s']:.2f}s, CPU {a['remove_cpu_s']:.2f}s)"
    )
    return result


def add_against(label: str, args: argparse.Namespace) -> dict[str, Any]:
    """`--add-only --against DIR`: this checkout and the one at DIR (run with PYTHONPATH=DIR) on the
    same index, alternating round by round (which goes first alternates too), so both see the same
    machine load: `assistant ask` on the unchanged index, and `assistant add` + `ask` + `remove`.

    Both must read the same index format (same fingerprint), or each round rebuilds it.
    """
    root = Path(args.root) if args.root else BENCH_ROOT
    corpus, work = root / label, root / f"scale-{label}"
    work.mkdir(parents=True, exist_ok=True)
    for stray in corpus.glob("*.md"):  # articles an interrupted run added
        stray.unlink()
    this = _env()
    # This checkout by path: without PYTHONPATH the `assistant` script imports whatever the
    # venv's editable install points at (the main checkout), not the tree this script is in.
    this["PYTHONPATH"] = str(BENCH.parent)
    envs = {"this": this, "against": {**this, "PYTHONPATH": str(Path(args.against).resolve())}}
    ask = ("ask", args.question, "--corpus", str(corpus), "--no-history")
    _assistant_cpu(*ask, env=envs["this"])  # brings the index up to date with the folder
    asks: dict[str, list[tuple[float, float]]] = {name: [] for name in envs}
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in envs}
    for n in range(max(args.rounds, args.asks)):
        order = list(envs) if n % 2 == 0 else list(envs)[::-1]
        for name in order:
            if n < args.asks:
                wall, cpu, _ = _assistant_cpu(*ask, env=envs[name])
                asks[name].append((wall, cpu))
            if n < args.rounds:
                rounds[name].append(assistant_add(corpus, work, 1, env=envs[name]))
    in_process: dict[str, list[dict[str, Any]]] = {name: [] for name in envs}
    for n in range(args.rounds):  # Engine.add, ask, remove in one process each, alternating too
        for name in list(envs) if n % 2 == 0 else list(envs)[::-1]:
            done = subprocess.run(
                _self("--engine-add", str(corpus), str(work)),
                capture_output=True, text=True, env=envs[name], check=True,
            )  # fmt: skip
            in_process[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    keys = ("add_s", "ask_s", "total_s", "remove_s", "add_cpu_s", "ask_cpu_s", "total_cpu_s", "remove_cpu_s")
    result: dict[str, Any] = {"size": label, "against": str(args.against)}
    for name in envs:
        row: dict[str, Any] = {key: statistics.median(r[key] for r in rounds[name]) for key in keys}
        row["answered"] = all(r["answered"] for r in rounds[name])
        row["unchanged_ask_s"] = statistics.median(w for w, _ in asks[name])
        row["unchanged_ask_cpu_s"] = statistics.median(c for _, c in asks[name])
        for key in ("add_s", "ask_s", "remove_s", "add_cpu_s", "ask_cpu_s", "remove_cpu_s"):
            row[f"engine_{key}"] = statistics.median(r[key] for r in in_process[name])
        row["engine_total_s"] = statistics.median(r["add_s"] + r["ask_s"] for r in in_process[name])
        cpu = (r["add_cpu_s"] + r["ask_cpu_s"] for r in in_process[name])
        row["engine_total_cpu_s"] = statistics.median(cpu)
        row["engine_answered"] = all(r["answered"] for r in in_process[name])
        result[name] = row
    print(
        f"[{label}] medians of {args.rounds} alternating rounds ({args.asks} asks), this vs {args.against}:"
    )
    engine_keys = [f"engine_{k}" for k in ("add_s", "ask_s", "total_s", "remove_s")]
    engine_keys += [f"engine_{k}" for k in ("add_cpu_s", "ask_cpu_s", "total_cpu_s", "remove_cpu_s")]
    for key in ("unchanged_ask_s", "unchanged_ask_cpu_s", *keys, *engine_keys):
        a, b = result["this"][key], result["against"][key]
        print(f"  {key:22} {a:7.3f}s {b:7.3f}s  ratio {a / b if b else float('nan'):.2f}")
    print(f"  answered: {result['this']['answered']} / {result['against']['answered']}", end="")
    print(f" (in one process: {result['this']['engine_answered']} / {result['against']['engine_answered']})")
    return result


def measure(label: str, docs: list[Any], per_doc: float, args: argparse.Namespace) -> dict[str, Any]:
    from assistant.index import Index
    from assistant.index.tokens import terms

    root = Path(args.root) if args.root else BENCH_ROOT
    corpus = root / label
    work = root / f"scale-{label}"
    work.mkdir(parents=True, exist_ok=True)
    write_corpus(corpus, docs, max(1, round(SIZES[label] / per_doc)))
    shutil.rmtree(corpus / ".assistant", ignore_errors=True)
    build = run_child("build", corpus)
    _log(f"[{label}] assistant build {build['seconds']:.1f}s, {build['passages']} passages")
    ask_cmd = [
        str(Path(sys.executable).with_name("assistant")),
        "ask",
        args.question,
        "--corpus",
        str(corpus),
        "--no-history",
    ]
    ours_asks = timed_runs(ask_cmd, 1 + args.asks)
    _log(f"[{label}] assistant cold ask {ours_asks[0]:.2f}s")

    index, _ = Index.open(corpus)
    passages_file = work / "passages.txt"
    start = time.perf_counter()
    export_passages(index, passages_file)
    export_s = time.perf_counter() - start
    tv_folder = work / "tantivy"
    tv_build = _json_child(_self("--tantivy-build", str(passages_file), str(tv_folder)))
    _log(f"[{label}] tantivy build {tv_build['seconds']:.1f}s (export {export_s:.1f}s)")
    q_terms = terms(args.question)
    tv_asks = timed_runs(_self("--tantivy-ask", str(tv_folder), json.dumps(q_terms)), 1 + args.asks)

    questions = latency_questions(docs, args.queries)
    q_lists = [terms(q) for q in questions]
    import tantivy

    tv_index = tantivy.Index.open(str(tv_folder))
    searcher = tv_index.searcher()
    schema = tv_index.schema
    ours_t, theirs_t, exhaustive_t = [], [], []
    ours_cpu, theirs_cpu = [], []
    every = np.ones(index.n_passages, dtype=bool)  # a scope of all: top_passages without pruning
    for q in q_lists:  # warm both
        index.top_passages(q, 10)
        index.top_passages(q, 10, allowed=every)
        searcher.search(_tantivy_query(schema, q), 10)
    for q in q_lists:
        # Wall time, and this thread's CPU time (what a shared machine's other jobs do not add).
        start, cpu = time.perf_counter(), time.thread_time()
        index.top_passages(q, 10)
        ours_t.append(time.perf_counter() - start)
        ours_cpu.append(time.thread_time() - cpu)
        start = time.perf_counter()
        index.top_passages(q, 10, allowed=every)
        exhaustive_t.append(time.perf_counter() - start)
        start, cpu = time.perf_counter(), time.thread_time()
        searcher.search(_tantivy_query(schema, q), 10)
        theirs_t.append(time.perf_counter() - start)
        theirs_cpu.append(time.thread_time() - cpu)
    del searcher, tv_index
    update = in_process_update(index, corpus)
    _log(f"[{label}] in-process refresh: add {update['add_s']:.3f}s, remove {update['remove_s']:.3f}s")
    del index
    engine_add = in_process_add(corpus, work)
    _log(
        f"[{label}] in-process Engine.add {engine_add['add_s']:.3f}s, ask {engine_add['ask_s']:.3f}s "
        f"(answered={engine_add['answered']}), remove {engine_add['remove_s']:.3f}s"
    )

    ours_add = assistant_add(corpus, work, args.rounds)
    _log(f"[{label}] assistant add+ask {ours_add['total_s']:.2f}s answered={ours_add['answered']}")
    tv_add = _json_child(
        _self("--tantivy-add", str(tv_folder), " ".join(terms(NEW_SENTENCE)), json.dumps(terms(NEW_QUESTION)))
    )
    return {
        "size": label,
        "passages": build["passages"],
        "articles": build["articles"],
        "ours": {
            "build_s": build["seconds"],
            "build_pps": build["passages"] / build["seconds"],
            # CPU of the build process and its workers: what compares across runs on a shared machine.
            "build_cpu_s": build["cpu_s"],
            "build_pps_cpu": build["passages"] / build["cpu_s"] if build["cpu_s"] else float("nan"),
            "peak_mb": build["peak_rss_kb"] / 1024,
            "cold_ask_s": ours_asks[0],
            "unchanged_ask_s": statistics.median(ours_asks[1:]),
            "add": ours_add,
            "add_answerable_s": ours_add["total_s"],
            "update": update,
            "engine_add": engine_add,
            "query": _percentiles(ours_t),
            "query_exhaustive": _percentiles(exhaustive_t),
            "query_cpu": _percentiles(ours_cpu),
        },
        "tantivy": {
            "build_s": tv_build["seconds"],
            "build_pps": tv_build["passages"] / tv_build["seconds"],
            "peak_mb": tv_build["peak_rss_kb"] / 1024,
            "cold_ask_s": tv_asks[0],
            "unchanged_ask_s": statistics.median(tv_asks[1:]),
            "add": tv_add,
            "add_answerable_s": tv_add["seconds"],
            "query": _percentiles(theirs_t),
            "query_cpu": _percentiles(theirs_cpu),
            "export_s": export_s,
        },
    }


def search_only(corpus: Path, n_questions: int, repeat: int) -> dict[str, Any]:
    """The search alone on an index already built: each question timed `repeat` times after a
    warm-up, the fastest kept (wall and thread CPU). Run it with PYTHONPATH at another checkout
    to time that version's search on its own index of the same corpus."""
    from assistant.index import Index
    from assistant.index.tokens import terms

    index, _ = Index.open(corpus)
    q_lists = [terms(q) for q in latency_questions(reuters_docs(), n_questions)]
    for q in q_lists:
        index.top_passages(q, 10)
    wall = [float("inf")] * len(q_lists)
    cpu = [float("inf")] * len(q_lists)
    for _ in range(repeat):
        for i, q in enumerate(q_lists):
            start, start_cpu = time.perf_counter(), time.thread_time()
            index.top_passages(q, 10)
            wall[i] = min(wall[i], time.perf_counter() - start)
            cpu[i] = min(cpu[i], time.thread_time() - start_cpu)
    result = {
        "passages": index.n_passages,
        "segments": len(index.stored.segments),
        "wall": _percentiles(wall),
        "cpu": _percentiles(cpu),
    }
    w, c = result["wall"], result["cpu"]
    print(
        f"{result['passages']} passages, {result['segments']} segment(s), {len(q_lists)} questions, "
        f"fastest of {repeat}: wall p50/p95 {w['p50_ms']:.2f}/{w['p95_ms']:.2f} ms, "
        f"thread CPU p50/p95 {c['p50_ms']:.2f}/{c['p95_ms']:.2f} ms"
    )
    return result


def print_table(rows: list[dict[str, Any]]) -> None:
    print("\nScale benchmark (Reuters-21578 based corpora; reference tantivy on the same passages' terms)")
    lines = [
        ("build passages/s", "build_pps", "{:.0f}"),
        ("build s", "build_s", "{:.1f}"),
        ("peak memory MB", "peak_mb", "{:.0f}"),
        ("cold ask s", "cold_ask_s", "{:.2f}"),
        ("ask, unchanged index s", "unchanged_ask_s", "{:.2f}"),
        ("one added, answerable s", "add_answerable_s", "{:.2f}"),
    ]
    for r in rows:
        o, t = r["ours"], r["tantivy"]
        print(f"\n[{r['size']}] {r['passages']} passages, {r['articles']} articles")
        print(f"  {'':26} {'assistant':>10} {'tantivy':>10} {'ratio':>8}")
        for name, key, spec in lines:
            ratio = o[key] / t[key] if t[key] else float("nan")
            print(f"  {name:26} {spec.format(o[key]):>10} {spec.format(t[key]):>10} {ratio:>8.3g}")
        print(
            f"  {'build CPU s (and workers)':26} {o['build_cpu_s']:>10.1f} {'':>10} "
            f"({o['build_pps_cpu']:.0f} passages per CPU-second)"
        )
        for pct in ("p50_ms", "p95_ms"):
            ratio = o["query"][pct] / t["query"][pct]
            print(f"  {'query ' + pct:26} {o['query'][pct]:>10.2f} {t['query'][pct]:>10.2f} {ratio:>8.3g}")
        oc, tc = o["query_cpu"], t["query_cpu"]
        print(
            f"  {'query thread CPU p50/p95':26} {oc['p50_ms']:>5.2f}/{oc['p95_ms']:<4.2f} "
            f"{tc['p50_ms']:>5.2f}/{tc['p95_ms']:.2f} (tantivy's own threads, if any, not counted)"
        )
        ex = o["query_exhaustive"]
        print(f"  {'query, no pruning p50/p95':26} {ex['p50_ms']:>5.2f}/{ex['p95_ms']:.2f} (allowed=all)")
        print(
            f"  add: assistant add {o['add']['add_s']:.2f}s + ask {o['add']['ask_s']:.2f}s, "
            f"answered={o['add']['answered']}; tantivy found={t['add']['found']}"
        )
        if "update" in o:
            u = o["update"]
            print(
                f"  in-process refresh (walk included): one new article {u['add_s']:.3f}s, "
                f"its removal {u['remove_s']:.3f}s"
            )
        if "engine_add" in o:
            e = o["engine_add"]
            print(
                f"  in-process Engine.add (warm, no process start) {e['add_s']:.3f}s, then ask "
                f"{e['ask_s']:.3f}s answered={e['answered']}; Engine.remove {e['remove_s']:.3f}s"
            )
        checks = [(k, o[k] if k in o else o["query"][k]) for k in TARGETS if k != "update_s"]
        if "engine_add" in o:
            checks.append(("update_s", o["engine_add"]["add_s"]))
        for key, value in checks:
            ok = value >= TARGETS[key] if key == "build_pps" else value <= TARGETS[key]
            print(f"  {'PASS' if ok else 'FAIL'} {key} {value:.2f} (target {TARGETS[key]:g}, for 1M)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100k")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--asks", type=int, default=3, help="asks on the unchanged index, after the cold one")
    parser.add_argument("--question", default=ASK_QUESTION)
    parser.add_argument(
        "--root", help=f"folder of the corpora and work files (default {BENCH_ROOT}); one per concurrent run"
    )
    parser.add_argument(
        "--search-only", metavar="CORPUS", help="only time top_passages on CORPUS's existing index"
    )
    parser.add_argument("--repeat", type=int, default=3, help="with --search-only: timings per question")
    parser.add_argument(
        "--add-only", action="store_true", help="only the add/remove figures, on the index already built"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="`assistant add` + ask + remove rounds (medians reported)"
    )
    parser.add_argument(
        "--against",
        metavar="CHECKOUT",
        help="with --add-only: alternate each round with the checkout at CHECKOUT (PYTHONPATH), same index",
    )
    parser.add_argument("--tantivy-build", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--tantivy-ask", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--tantivy-add", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--engine-add", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine_add:
        engine_add_child(Path(args.engine_add[0]), Path(args.engine_add[1]))
        return
    if args.tantivy_build:
        tantivy_build_child(Path(args.tantivy_build[0]), Path(args.tantivy_build[1]))
        return
    if args.tantivy_ask:
        tantivy_ask_child(Path(args.tantivy_ask[0]), json.loads(args.tantivy_ask[1]))
        return
    if args.tantivy_add:
        tantivy_add_child(Path(args.tantivy_add[0]), args.tantivy_add[1], json.loads(args.tantivy_add[2]))
        return
    if args.search_only:
        search_only(Path(args.search_only), args.queries, args.repeat)
        return
    if args.add_only:
        for size in (s.strip() for s in args.sizes.split(",") if s.strip()):
            result = add_against(size, args) if args.against else add_steps(size, args)
            OUT.mkdir(exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            (OUT / f"scale_bench-add-{size}-{stamp}.json").write_text(
                json.dumps(result, indent=2), encoding="utf-8"
            )
        return
    docs = reuters_docs()
    per_doc = calibrate(docs)
    rows = [measure(s.strip(), docs, per_doc, args) for s in args.sizes.split(",") if s.strip()]
    print_table(rows)
    OUT.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = json.dumps({"benchmark": "scale", "when": stamp, "cpus": os.cpu_count(), "sizes": rows}, indent=2)
    (OUT / f"scale_bench-{stamp}.json").write_text(text, encoding="utf-8")
    (OUT / "scale_bench-latest.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
