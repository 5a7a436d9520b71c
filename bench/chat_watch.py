"""The chat's corpus watching (issue 12 item 3): watchfiles' notifier beside the polling it replaces.

On a Reuters-based corpus of index_bench / scale_bench (100k passages by default; built and indexed
when missing, /tmp/assistant-bench/<size>/), one child process per mode runs the real chat headless
(`App.run_test()`, the real engine, the default watching) and measures:

  idle CPU     the process's CPU (user + system, every thread) over --idle seconds with nothing
               changing in the folder, as seconds per minute: what an open, unused chat costs.
  write->seen  a new article file written into the corpus folder, until the chat has announced it
               ("Added: ...", the index refreshed): wall seconds, per file (--files, one at a time);
               then the engine answers a question about it, quoting it (checked, not timed).
  write->answerable  from the same write until a question asked once the notice shows has
               been answered from the new file (the notice's wait plus one answer).
  checks       the folder checks (each a stat of every file) the chat ran meanwhile.

Modes: `notifier` (make_app's default) and `polling` (notifier=False: a check every 2 s, spaced to
~5% of the time on a large corpus, as the chat did before). Modes alternate (--rounds), so both
see the same machine load; the written files are removed after each child.

    nice python bench/chat_watch.py [--size 100k] [--rounds 2] [--files 3] [--idle 60]

`--against DIR` compares code instead of modes: the notifier mode with the `assistant` package of
DIR (a checkout of main, "before") and with this one ("after"), alternating, on the same corpus.

`--open` measures opening instead (issue 12, the sixteenth pass), the code of `--against DIR`
("before") and this checkout's ("after") alternating, one child process per round and side, the
watching off: from the child's start (the interpreter's) until the question typed at once (queued,
as a user typing while the chat opens) is answered; until the article list holds every article;
and the longest the screen stood still meanwhile (the event loop's longest stall, a timer every
20 ms: a keypress waits that long).

    nice python bench/chat_watch.py --open --against /tmp/base-s24 [--size 100k] [--rounds 2]

`--filter` measures typing in the article filter once the whole list is shown (issue 12, chat25),
the code of `--against DIR` and this checkout's alternating, the watching off: words typed into
the filter a key every 80 ms (a quick typist), each then erased with Backspace; the longest the
event loop stood still while typing (a keypress waits that long), and from the last key of each
word (or of its erasure) until the list shows the rows the filter keeps.

    nice python bench/chat_watch.py --filter --against /tmp/base-s25 [--size 100k] [--rounds 2]

Output: medians per mode on stdout; JSON in bench/out/chat_watch-*.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

OUT = BENCH / "out"
MODES = ("notifier", "polling")
# Made-up places: each written article is the only one naming its ferry, so a quote from it shows the
# question was answered from that file.
PLACES = ("Aldermoor", "Brackwater", "Cindervale", "Dunmarrow", "Eskholt", "Fennick", "Glasby", "Harrowgate")


def article(place: str) -> str:
    return (
        f"{place} ferry gets a new timetable\nBy Sam Ortiz\n\n"
        f"The {place} ferry will sail every hour from May, the operator said on Monday.\n\n"
        f"Passengers at {place} had asked for more crossings in winter, the operator added.\n"
    )


def _timed(engine: Any) -> dict[str, float]:
    """Wall seconds the app's refresh path spends in each engine call, summed until cleared."""
    spent: dict[str, float] = {}
    for name in ("needs_refresh", "refresh", "articles", "refresh_paths", "article_infos"):
        call = getattr(engine, name, None)
        if call is None:  # the code before it had this call
            continue

        def timed(*args: Any, _call: Any = call, _name: str = name, **kwargs: Any) -> Any:
            began = time.monotonic()
            try:
                return _call(*args, **kwargs)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.monotonic() - began

        setattr(engine, name, timed)
    return spent


OPEN_QUESTION = "What did the company say about profits?"


async def _open_child(corpus: Path, started: float) -> dict[str, Any]:
    """One opening of the chat (see the module): seconds from `started` (the process's start)."""
    from textual import events

    from assistant.tui.app import make_app

    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    result: dict[str, Any] = {}
    stalls = [0.0]
    watching = True

    async def stalled() -> None:
        last = time.monotonic()
        while watching:
            await asyncio.sleep(0.02)
            now = time.monotonic()
            stalls.append(now - last - 0.02)
            last = now

    async with app.run_test(size=(100, 32)) as pilot:
        result["mounted_s"] = time.time() - started
        beat = asyncio.get_running_loop().create_task(stalled())
        box = app.chat.query_one("#question")
        box.value = OPEN_QUESTION  # type: ignore[attr-defined]
        app.post_message(events.Key("enter", "\r"))  # asked at once: queued until the engine opens
        while app.engine is None:
            await pilot.pause(0.02)
        result["engine_s"] = time.time() - started
        expected = len(app.engine.article_ids())
        listing = app.chat.query_one("#article-list")
        while not app.chat.answers or listing.option_count < expected:  # type: ignore[attr-defined]
            if app.chat.answers and "answered_s" not in result:
                result["answered_s"] = time.time() - started
            if listing.option_count >= expected and "listed_s" not in result:  # type: ignore[attr-defined]
                result["listed_s"] = time.time() - started
            await pilot.pause(0.02)
        now = time.time() - started
        result.setdefault("answered_s", now)
        result.setdefault("listed_s", now)
        result["articles"] = expected
        result["quoted"] = bool(app.chat.answers[0].quotes)
        watching = False
        await beat
        result["longest_stall_s"] = max(stalls)
    return result


FILTER_WORDS = ("opec", "wheat", "bank of japan")


async def _filter_child(corpus: Path) -> dict[str, Any]:
    """Typing in the filter of the whole list (see the module)."""
    from textual import events

    from assistant.frontend import select_articles
    from assistant.tui.app import make_app

    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    result: dict[str, Any] = {"stall_s": [], "shown_s": []}
    stalls = [0.0]
    watching = True

    async def stalled() -> None:
        last = time.monotonic()
        while watching:
            await asyncio.sleep(0.01)
            now = time.monotonic()
            stalls.append(now - last - 0.01)
            last = now

    async with app.run_test(size=(100, 32)) as pilot:
        while app.engine is None:
            await pilot.pause(0.05)
        expected = len(app.engine.article_ids())
        listing = app.chat.query_one("#article-list")
        while listing.option_count < expected:  # type: ignore[attr-defined]
            await pilot.pause(0.05)
        await pilot.pause(1.0)
        panel = app.chat.query_one("#article-panel")
        box = app.chat.query_one("#article-filter")
        box.focus()
        await pilot.pause(0.2)
        beat = asyncio.get_running_loop().create_task(stalled())
        every = list(panel.articles)  # type: ignore[attr-defined]
        for word in FILTER_WORDS:
            for keys, needle in ((list(word), word), (["backspace"] * len(word), "")):
                stalls[:] = [0.0]
                for key in keys:
                    character = None if key == "backspace" else key
                    name = "space" if key == " " else key
                    app.post_message(events.Key(name, character))
                    await asyncio.sleep(0.08)
                last_key = time.monotonic()
                want = len(select_articles(every, contains=needle)) if needle else len(every)
                while box.value != needle or listing.option_count != want:  # type: ignore[attr-defined]
                    await pilot.pause(0.01)
                result["shown_s"].append(time.monotonic() - last_key)
                result["stall_s"].append(max(stalls))
        watching = False
        await beat
        result["articles"] = expected
        result["longest_stall_s"] = max(result["stall_s"])
        result["shown_median_s"] = statistics.median(result["shown_s"])
    return result


async def _child(mode: str, corpus: Path, files: int, idle: float) -> dict[str, Any]:
    from assistant.tui.app import make_app

    app = make_app(corpus, notifier=mode == "notifier", cursor_blink=False)
    result: dict[str, Any] = {"mode": mode, "seen_s": [], "answered": []}
    # Every notice as it is posted: one shown while the screen is busy can time out unread.
    notices: list[str] = []
    shown = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        notices.append(str(message))
        shown(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(100, 32)) as pilot:
        start = time.monotonic()
        while app.engine is None or (mode == "notifier" and app.corpus_watch is None):
            await pilot.pause(0.05)
        result["open_s"] = time.monotonic() - start
        spent = _timed(app.engine)
        await pilot.pause(3.0)  # the first check (the notifier's, or the first poll's) is over
        while app._busy():
            await pilot.pause(0.1)
        checks = app.corpus_checks
        cpu = time.process_time()
        wall = time.monotonic()
        await pilot.pause(idle)
        result["idle_cpu_s_per_min"] = (time.process_time() - cpu) / (time.monotonic() - wall) * 60
        result["idle_checks"] = app.corpus_checks - checks
        spent.clear()
        written = []
        for place in PLACES[:files]:
            path = corpus / f"watch-bench-{place.lower()}.txt"
            checks = app.corpus_checks
            temp = corpus / f".{path.name}.tmp"  # hidden, then renamed: the article appears whole
            temp.write_text(article(place), encoding="utf-8")
            began = time.monotonic()
            os.replace(temp, path)
            written.append(path)
            while not any(f"Added: {place} ferry" in notice for notice in notices):
                if time.monotonic() - began > 600:
                    raise SystemExit(f"{mode}: {path.name} not seen in 600 s")
                await pilot.pause(0.02)
            result["seen_s"].append(time.monotonic() - began)
            result.setdefault("checks_per_file", []).append(app.corpus_checks - checks)
            result.setdefault("stages_s", []).append({k: round(v, 3) for k, v in spent.items()})
            spent.clear()
            engine = app.engine
            assert engine is not None
            with app.engine_lock:
                answer = engine.ask(f"How often will the {place} ferry sail?")
            result.setdefault("answerable_s", []).append(time.monotonic() - began)
            result["answered"].append(bool(answer.quotes) and answer.quotes[0].article.id == path.name)
            while app._busy():  # the list patched, nothing left running before the next file
                await pilot.pause(0.05)
    for path in written:
        path.unlink(missing_ok=True)
    return result


def _run_child(
    mode: str, corpus: Path, args: argparse.Namespace, home: Path, code: Path | None = None
) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("ASSISTANT_INDEX_DIR", None)
    if code is not None:  # the `assistant` package of another checkout
        env["PYTHONPATH"] = str(code)
    env.update(ASSISTANT_HISTORY="0", XDG_CACHE_HOME=str(home / "cache"), ASSISTANT_EXPORT_DIR=str(home))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--corpus", str(corpus)]
    cmd += ["--files", str(args.files), "--idle", str(args.idle), "--started", repr(time.time())]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"child {mode} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _corpus(size: str) -> Path:
    from _corpora import BENCH_ROOT, reuters_docs, write_corpus
    from index_bench import SIZES, calibrate, run_child

    corpus = BENCH_ROOT / size
    docs = reuters_docs()
    write_corpus(corpus, docs, max(1, round(SIZES[size] / calibrate(docs))))
    if not (corpus / ".assistant" / "CURRENT").is_file():
        build = run_child("build", corpus)
        print(f"[{size}] built in {build['seconds']:.1f}s, {build['passages']} passages", file=sys.stderr)
    for stale in corpus.glob("watch-bench-*.txt"):
        stale.unlink()
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default="100k")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--files", type=int, default=3)
    parser.add_argument("--idle", type=float, default=60.0)
    parser.add_argument("--child", choices=(*MODES, "open", "filter"))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--against", type=Path, help="a checkout whose code is compared (notifier mode)")
    parser.add_argument("--open", action="store_true", help="measure opening the chat (with --against)")
    parser.add_argument("--filter", action="store_true", help="measure typing in the filter (with --against)")
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "open":
        print(json.dumps(asyncio.run(_open_child(args.corpus, args.started))))
        return
    if args.child == "filter":
        print(json.dumps(asyncio.run(_filter_child(args.corpus))))
        return
    if args.child:
        print(json.dumps(asyncio.run(_child(args.child, args.corpus, args.files, args.idle))))
        return
    corpus = _corpus(args.size)
    if args.open:
        if args.against is None:
            raise SystemExit("--open compares two checkouts: give --against DIR")
        _compare_open(corpus, args)
        return
    if args.filter:
        if args.against is None:
            raise SystemExit("--filter compares two checkouts: give --against DIR")
        _compare_filter(corpus, args)
        return
    if args.against is not None:
        _compare(corpus, args)
        return
    files = sum(1 for _ in corpus.rglob("*.txt"))
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in MODES}
    with tempfile.TemporaryDirectory(prefix="chat-watch-") as home:
        for round_ in range(args.rounds):
            for mode in MODES if round_ % 2 == 0 else MODES[::-1]:
                run = _run_child(mode, corpus, args, Path(home))
                runs[mode].append(run)
                print(f"[{mode}] {json.dumps(run)}", file=sys.stderr)
    print(f"{args.size}: {files} files; medians over {args.rounds} rounds")
    head = f"  {'mode':10} {'write->seen s':>14} {'(max)':>7} {'idle CPU s/min':>15} {'idle checks/min':>16}"
    print(head + " answered")
    summary: dict[str, Any] = {}
    for mode in MODES:
        seen = [s for r in runs[mode] for s in r["seen_s"]]
        cpu = statistics.median(r["idle_cpu_s_per_min"] for r in runs[mode])
        checks = statistics.median(r["idle_checks"] / args.idle * 60 for r in runs[mode])
        answered = sum(a for r in runs[mode] for a in r["answered"])
        summary[mode] = {
            "seen_s_median": statistics.median(seen),
            "seen_s_max": max(seen),
            "idle_cpu_s_per_min": cpu,
            "idle_checks_per_min": checks,
            "answered": answered,
            "asked": len(seen),
        }
        print(
            f"  {mode:10} {statistics.median(seen):14.2f} {max(seen):7.2f} {cpu:15.2f} {checks:16.1f} "
            f"{answered}/{len(seen)}"
        )
    _report("chat_watch", args.size, {"files": files, "runs": runs, "summary": summary})


def _report(name: str, size: str, report: dict[str, Any]) -> None:
    """Keep a run's figures in bench/out, named by the run's kind, size and time."""
    OUT.mkdir(exist_ok=True)
    out = OUT / f"{name}-{size}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"size": size, **report}, indent=1))
    print(f"  -> {out}")


def _alternate(mode: str, corpus: Path, args: argparse.Namespace) -> dict[str, list[dict[str, Any]]]:
    """Child runs of `mode` with the code of `args.against` (before) and this checkout's (after),
    alternating which goes first each round, each with the load average it started under."""
    codes = {"before": args.against.resolve(), "after": BENCH.parent}
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label in codes}
    with tempfile.TemporaryDirectory(prefix=f"chat-{mode}-") as home:
        for round_ in range(args.rounds):
            for label in list(codes) if round_ % 2 == 0 else list(codes)[::-1]:
                load = os.getloadavg()[0]
                run = _run_child(mode, corpus, args, Path(home), codes[label])
                run["load"] = load
                runs[label].append(run)
                print(f"[{label}] {json.dumps(run)}", file=sys.stderr)
    return runs


def _compare(corpus: Path, args: argparse.Namespace) -> None:
    """The notifier mode with the code of `args.against` (before) and this checkout's (after), alternating."""
    files = sum(1 for _ in corpus.rglob("*.txt"))
    runs = _alternate("notifier", corpus, args)

    print(
        f"{args.size}: {files} files; notifier mode; medians over {args.rounds} rounds of {args.files} files"
    )
    print(
        f"  {'code':8} {'write->Added s':>15} {'(max)':>7} {'write->answerable s':>20} "
        f"{'walks/file':>11} answered"
    )
    summary: dict[str, Any] = {}
    for label in runs:
        seen = [s for r in runs[label] for s in r["seen_s"]]
        answerable = [s for r in runs[label] for s in r["answerable_s"]]
        walks = [c for r in runs[label] for c in r["checks_per_file"]]
        answered = sum(a for r in runs[label] for a in r["answered"])
        summary[label] = {
            "seen_s_median": statistics.median(seen),
            "seen_s_max": max(seen),
            "answerable_s_median": statistics.median(answerable),
            "walks_per_file": statistics.median(walks),
            "answered": answered,
            "asked": len(seen),
        }
        print(
            f"  {label:8} {statistics.median(seen):15.2f} {max(seen):7.2f} "
            f"{statistics.median(answerable):20.2f} {statistics.median(walks):11.1f} {answered}/{len(seen)}"
        )
    _report("chat_watch-compare", args.size, {"files": files, "runs": runs, "summary": summary})


def _compare_open(corpus: Path, args: argparse.Namespace) -> None:
    """Opening the chat with the code of `args.against` (before) and this checkout's (after), alternating."""
    files = sum(1 for _ in corpus.rglob("*.txt"))
    runs = _alternate("open", corpus, args)

    print(f"{args.size}: {files} files; opening the chat, medians of {args.rounds} (s from the start)")
    keys = ("mounted_s", "engine_s", "answered_s", "listed_s", "longest_stall_s")
    print(f"  {'code':8} " + " ".join(f"{k:>16}" for k in keys) + "  quoted  load")
    summary: dict[str, Any] = {}
    for label in runs:
        medians = {k: statistics.median(r[k] for r in runs[label]) for k in keys}
        quoted = sum(r["quoted"] for r in runs[label])
        load = statistics.median(r["load"] for r in runs[label])
        summary[label] = {**medians, "quoted": quoted, "load": load}
        print(
            f"  {label:8} " + " ".join(f"{medians[k]:16.2f}" for k in keys) + f"  {quoted}/{len(runs[label])}"
            f"  {load:.1f}"
        )
    _report("chat_open-compare", args.size, {"files": files, "runs": runs, "summary": summary})


def _compare_filter(corpus: Path, args: argparse.Namespace) -> None:
    """Typing in the filter with the code of `args.against` (before) and this checkout's (after)."""
    files = sum(1 for _ in corpus.rglob("*.txt"))
    runs = _alternate("filter", corpus, args)
    print(f"{args.size}: {files} files; typing in the article filter, medians of {args.rounds} rounds")
    print(f"  {'code':8} {'longest stall s':>16} {'median stall s':>15} {'last key->rows s':>17}  load")
    summary: dict[str, Any] = {}
    for label in runs:
        longest = statistics.median(r["longest_stall_s"] for r in runs[label])
        typical = statistics.median(s for r in runs[label] for s in r["stall_s"])
        shown = statistics.median(s for r in runs[label] for s in r["shown_s"])
        load = statistics.median(r["load"] for r in runs[label])
        summary[label] = {"longest_stall_s": longest, "median_stall_s": typical, "shown_s": shown}
        summary[label]["load"] = load
        print(f"  {label:8} {longest:16.2f} {typical:15.2f} {shown:17.2f}  {load:.1f}")
    _report("chat_filter-compare", args.size, {"files": files, "runs": runs, "summary": summary})


if __name__ == "__main__":
    main()
