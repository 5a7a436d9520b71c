"""bench/same_answers.py, the check that a speed change left every answer as it was: two runs of one
checkout on one corpus agree, and an answer that moved is named, with exit status 1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from assistant.engine import Engine

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "same_answers.py"
QUESTIONS = ("What does ATACMS stand for?", "Where did the defense officials meet?", "Who won the regatta?")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_two_runs_agree_and_a_moved_quote_is_named(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    Engine.open(corpus)  # the index built: the script then asks this corpus, writing none of its own
    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps({"question": q}) + "\n" for q in QUESTIONS), encoding="utf-8")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    for out in (first, second):
        done = _run(str(corpus), str(questions), str(out))
        assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert [r["question"] for r in records] == list(QUESTIONS)
    assert records[0]["answer"]["answered"] and "Army Tactical Missile" in json.dumps(records[0]["answer"])
    assert all(r["rankings"] for r in records[:2])  # each answered question was ranked, and digested

    same = _run("--compare", str(first), str(second))
    assert same.returncode == 0 and "3 of 3 the same" in same.stdout

    moved = records[0]
    moved["answer"]["quotes"] = [*moved["answer"]["quotes"][::-1], moved["answer"]["quotes"][0]]
    lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = json.dumps(moved, sort_keys=True, ensure_ascii=False) + "\n"  # the others as written
    second.write_text("".join(lines), encoding="utf-8")
    differs = _run("--compare", str(first), str(second))
    assert differs.returncode == 1
    assert "differs: What does ATACMS stand for?" in differs.stdout and "2 of 3 the same" in differs.stdout
