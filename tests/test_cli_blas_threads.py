"""A command starts numpy's BLAS with one thread (issue 12): OpenBLAS otherwise starts a thread per
core, with its buffers, the moment numpy loads, ~0.06 s of every `assistant ask` and `add` on a
2-core machine. A user who chose a thread count keeps it. Real processes: the setting only counts
before numpy loads, which a test process has long done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, os, sys
from assistant.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
import numpy
threads = int(open("/proc/self/status").read().split("Threads:")[1].split()[0])
print(json.dumps({"code": code, "blas": os.environ.get("OPENBLAS_NUM_THREADS"), "threads": threads}))
"""


def _ask(tmp_path: Path, **env: str) -> dict[str, object]:
    corpus = tmp_path / "archive"
    corpus.mkdir(exist_ok=True)
    (corpus / "ferry.txt").write_text(
        'Ferry Route Reopens\nBy Ada Reporter\n"The ferry runs again from Monday," said Mayor Lund.\n',
        encoding="utf-8",
    )
    inherited = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    environment = {**inherited, "HOME": str(tmp_path), "ASSISTANT_HISTORY": "0", **env}
    args = ["ask", "When does the ferry run again?", "--corpus", str(corpus), "--no-history"]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, env=environment, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_command_runs_numpy_with_one_blas_thread(tmp_path: Path) -> None:
    ran = _ask(tmp_path)
    assert ran["code"] == 0  # answered, as ever
    assert ran["blas"] == "1"
    assert ran["threads"] == 1  # no OpenBLAS thread beside the main one


def test_a_thread_count_the_user_set_is_kept(tmp_path: Path) -> None:
    ran = _ask(tmp_path, OPENBLAS_NUM_THREADS="2")
    assert ran["code"] == 0
    assert ran["blas"] == "2"
