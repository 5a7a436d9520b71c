"""Scale (issue 12): a long-running process and scoped questions, this checkout beside another.

Each checkout reads its own index of the same corpus (`--index`, `--against-index`: two index
formats cannot share one folder), runs with PYTHONPATH at its tree, and the two alternate round
by round (which goes first alternates too), so both see the same machine load. Per round:

  batch       `assistant ask --batch FILE --no-history`: --questions questions (the first lines of
              reuters-paraphrased, read in place) answered by one process, the user's view of a
              warm chat: wall and CPU (user + system) of the whole process.
  follow-up   in one process, `Engine.ask` of the first question, then "What else?" in the same
              conversation: CPU of the follow-up alone (its note reads the article's title).
  scopes      one `assistant ask --no-history` process per scope below (the same question), wall and
              CPU: a folder, a source, an author, a folder with dates, a folder that holds nothing;
              whether both checkouts printed the same answer. `--scopes-only` measures just these
              and the next.
  /in warning in one warm process, the CPU of what the chat's `/in FOLDER` reads to warn of a
              folder holding no article (the same folder as the last scope), and the warning.

    nice python bench/scale_chat.py --corpus CORPUS --index IDX --against BASE --against-index IDX2
        [--rounds 3] [--questions 20] [--scopes-only]

Output: medians per checkout and their ratio on stdout; JSON in bench/out/scale_chat-*.json.
"""

from __future__ import annotations

import argparse
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

from scale_bench import _assistant_cpu  # noqa: E402

OUT = BENCH / "out"
QUESTIONS = Path("/work/shared/eval/reuters-paraphrased/questions.jsonl")
SCOPED_QUESTION = "What did the company say about profits?"
SCOPES = {
    "--in FOLDER": ("--in", "c003/"),
    "--source": ("--source", "reuters"),
    "--author": ("--author", "Peter Torday"),
    "--in + --since": ("--in", "c010/reut2-004/", "--since", "1987-03-05"),
    "--in, nothing there": ("--in", "c003/nowhere/"),
}


def _questions(n: int) -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines[:n]]


def follow_up_child(corpus: Path, question: str) -> None:
    """`--follow-up-child`: one question and "What else?" in one process; prints the CPU of each."""
    from assistant.answer import Conversation
    from assistant.engine import Engine

    engine = Engine.open(corpus, trust_folders=True, keep_history=False)
    chat = Conversation()
    start = time.process_time()
    engine.ask(question, conversation=chat, top=1)
    first = time.process_time() - start
    start = time.process_time()
    more = engine.ask("What else?", conversation=chat)
    print(
        json.dumps(
            {
                "first_cpu_s": first,
                "follow_up_cpu_s": time.process_time() - start,
                "followed": bool(more.followed),
            }
        )
    )


def scope_warning_child(corpus: Path) -> None:
    """`--scope-warning-child`: what the chat's `/in FOLDER` reads to warn of a folder holding no
    article, in one warm process; prints its CPU and the warning. A checkout from before
    `question_scope.folder_names` read the whole id column (every row of the article table)."""
    from assistant.answer import Scope, corpus_folders, folder_hint, missing_folders
    from assistant.engine import Engine

    engine = Engine.open(corpus, trust_folders=True, keep_history=False)
    limits = Scope(folders=(SCOPES["--in, nothing there"][1],))
    start = time.process_time()
    try:
        from assistant.engine_parts.question_scope import folder_names

        names: Any = folder_names(engine.index, limits.folders)
    except ImportError:  # the chat's way before folder_names
        names = engine.index.articles.columns["id"]
    folders = corpus_folders(limits, engine.corpus_dir, list(names)).folders
    said = [f"No article is in {f}.{folder_hint(f, names)}" for f in missing_folders(folders, names)]
    print(json.dumps({"cpu_s": time.process_time() - start, "said": said}))


def _env(tree: Path, index: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(tree), ASSISTANT_INDEX_DIR=str(index))
    return env


def one_round(
    corpus: Path, env: dict[str, str], batch: Path, question: str, scopes_only: bool = False
) -> dict[str, Any]:
    """Every measurement once for one checkout (only the scoped questions with `scopes_only`)."""
    row: dict[str, Any] = {}
    if not scopes_only:
        wall, cpu, done = _assistant_cpu(
            "ask", "--batch", str(batch), "--no-history", "--corpus", str(corpus), env=env
        )
        row["batch_s"], row["batch_cpu_s"] = wall, cpu
        row["batch_answers"] = done.stdout.splitlines()
        child = subprocess.run(
            [sys.executable, __file__, "--follow-up-child", str(corpus), question],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        row["follow_up_cpu_s"] = json.loads(child.stdout.strip().splitlines()[-1])["follow_up_cpu_s"]
    child = subprocess.run(
        [sys.executable, __file__, "--scope-warning-child", str(corpus)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    warned = json.loads(child.stdout.strip().splitlines()[-1])
    row["chat /in warning cpu_s"], row["chat /in warning said"] = warned["cpu_s"], warned["said"]
    for label, args in SCOPES.items():
        wall, cpu, done = _assistant_cpu(
            "ask", *args, SCOPED_QUESTION, "--no-history", "--corpus", str(corpus), env=env
        )
        row[f"{label} s"], row[f"{label} cpu_s"] = wall, cpu
        row[f"{label} said"] = (done.stdout + done.stderr).strip().splitlines()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--index", type=Path, help="this checkout's index of CORPUS")
    parser.add_argument("--against", type=Path, help="another checkout (a worktree)")
    parser.add_argument("--against-index", type=Path, help="its index of the same CORPUS")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument(
        "--scopes-only",
        action="store_true",
        help="only the scoped one-shot questions (no batch, no follow-up)",
    )
    parser.add_argument("--follow-up-child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--scope-warning-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scope_warning_child:
        scope_warning_child(args.scope_warning_child)
        return
    if args.follow_up_child:
        follow_up_child(Path(args.follow_up_child[0]), args.follow_up_child[1])
        return
    questions = _questions(args.questions)
    envs = {
        "this": _env(BENCH.parent, args.index),
        "against": _env(args.against.resolve(), args.against_index),
    }
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "questions.txt"
        batch.write_text("\n".join(questions) + "\n", encoding="utf-8")
        for env in envs.values():  # untimed: the first question after a build checks every index file
            _assistant_cpu("ask", SCOPED_QUESTION, "--no-history", "--corpus", str(args.corpus), env=env)
        rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in envs}
        for n in range(args.rounds):
            for name in list(envs) if n % 2 == 0 else list(envs)[::-1]:
                rounds[name].append(one_round(args.corpus, envs[name], batch, questions[0], args.scopes_only))
    keys = [k for k, v in rounds["this"][0].items() if isinstance(v, float)]
    result: dict[str, Any] = {"corpus": str(args.corpus), "against": str(args.against), "rounds": rounds}
    print(
        f"medians of {args.rounds} alternating rounds, this vs {args.against}"
        f" ({len(questions)} questions a batch):"
    )
    for key in keys:
        a = statistics.median(r[key] for r in rounds["this"])
        b = statistics.median(r[key] for r in rounds["against"])
        result[key] = {"this": a, "against": b}
        print(f"  {key:28} {a:8.3f}s {b:8.3f}s  ratio {a / b if b else float('nan'):.2f}")
    if not args.scopes_only:
        same = rounds["this"][-1]["batch_answers"] == rounds["against"][-1]["batch_answers"]
        print(f"  batch: {'the same answers, line for line' if same else 'ANSWERS DIFFER'}")
    for label in ("chat /in warning", *SCOPES):
        said = {name: rounds[name][-1][f"{label} said"] for name in envs}
        same = said["this"] == said["against"]
        print(f"  {label}: {'the same answer, line for line' if same else [s[:1] for s in said.values()]}")
    OUT.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"scale_chat-{stamp}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
