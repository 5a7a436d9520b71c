"""One bad line never stops `ask --batch`; the process behaves as a Unix tool."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_helpers import assert_terminal_safe, cli, env_for, make_corpus, one_line

GOOD = b"Who voted to build a flood wall?\n"


def _ctrl_c_as_at_a_terminal() -> None:
    """In the child before exec: Ctrl-C delivered as a terminal delivers it. A shell running these
    tests as a background job hands its children SIGINT ignored, and Python then never raises
    KeyboardInterrupt; the user at a terminal never has it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _first_batch_spilled(corpus: Path) -> bool:
    """True once a large build has written a batch's rows to its spill file (build_spill)."""
    for rows in (corpus / ".assistant").glob("seg-build-*/articles.jsonl"):
        try:
            if rows.stat().st_size:
                return True
        except OSError:  # removed as it was looked at
            pass
    return False


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "corpus")


def test_bad_batch_lines_get_an_error_record_and_the_rest_are_answered(tmp_path: Path, corpus: Path) -> None:
    lines = [
        GOOD,
        b'{"question": "flood wall?", "top": 1e999}\n',  # OverflowError once
        b'{"question": "flood wall \\ud800 lone surrogate?"}\n',
        b"[" * 100_000 + b"\n",  # nested too deep for any parser
        b'{"question": "x", "extra": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n",
        b"\xff\xfe invalid utf-8 \xc3\x28\n",
        b'{"question": "flood wall?", "top": -1}\n',
        b'{"question": "flood wall?", "top": 51}\n',
        b'{"question": "flood wall?", "top": 1000000000}\n',
        b'{"question": "flood wall?", "top": "3"}\n',
        b'{"question": "flood wall?", "article": ["a"]}\n',
        b"x" * 200_000 + b"\n",  # a line longer than any question
        b"\x1b[31m\x07 escape \xc2\x9b in a question\n",
        GOOD,
    ]
    result = cli(tmp_path, "ask", "--batch", "-", "--corpus", str(corpus), input=b"".join(lines))
    assert result.returncode == 2, result.stderr
    assert b"Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(records) == len(lines)
    assert records[0]["answered"] and records[-1]["answered"]
    assert records[0]["quotes"][0]["text"] == records[-1]["quotes"][0]["text"]
    errors = [r for r in records[1:-1] if "error" in r]
    assert len(errors) >= len(lines) - 4  # the surrogate and the escape lines may be answered
    assert all(r["line"] >= 2 for r in errors)
    assert b"\x1b" not in result.stdout and "\u009b" not in result.stdout.decode()


@pytest.mark.parametrize("top", ["-1", "51", "1e9", "0"])
def test_top_out_of_range_is_a_usage_error(tmp_path: Path, corpus: Path, top: str) -> None:
    result = cli(tmp_path, "ask", "flood wall?", "--top", top, "--corpus", str(corpus))
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


def test_ctrl_c_exits_130_quietly(tmp_path: Path, corpus: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ask", "--batch", "-", "--corpus", str(corpus)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env_for(tmp_path),
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(GOOD)
    process.stdin.flush()
    first = process.stdout.readline()  # answered: the process now waits for the next line
    assert json.loads(first)["answered"]
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err and b"Aborted" not in err


def test_the_chat_refuses_to_start_without_a_terminal(tmp_path: Path, corpus: Path) -> None:
    result = cli(tmp_path, "chat", "--corpus", str(corpus), input=b"")
    assert result.returncode == 2
    assert "needs a terminal" in one_line(result.stderr)


@pytest.mark.parametrize(
    "command",
    [["list"], ["ask", "When did the ferry return?"], ["ask", "--json", "When did the ferry return?"]],
)
def test_a_closed_output_ends_quietly_with_exit_8(tmp_path: Path, corpus: Path, command: list[str]) -> None:
    """`assistant ask … | head -1` ends as `seq 1 100000 | head -1` does: nothing on stderr.

    A user trial found "the output was closed" after every `| head`; the reader chose to stop.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", *command, "--corpus", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env_for(tmp_path),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader went away before the output was written
    err = process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode == 8  # README: the output could not be written
    assert err == b""


def test_usage_errors_quote_what_was_typed_escaped(tmp_path: Path, corpus: Path) -> None:
    for args in (["\x1b]0;owned\x07"], ["ask", "--top", "\x1b[2J"], ["show", "--bogus\u202e"]):
        result = cli(tmp_path, *args)
        assert result.returncode == 2
        assert_terminal_safe(result.stderr)


def test_an_empty_question_and_garbage_arguments_are_usage_errors(tmp_path: Path, corpus: Path) -> None:
    cases = (["ask", "   "], ["ask", "--budget", "nan", "x"], ["ask", "\udcff\udcfe"], ["show", "a\x7f\x1b"])
    for args in cases:
        result = cli(tmp_path, *args, "--corpus", str(corpus))
        assert result.returncode in (1, 2, 4), (args, result.stderr)
        assert b"Traceback" not in result.stderr


def test_ctrl_c_during_a_parallel_build_exits_130_without_tracebacks(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    for n in range(1500):  # enough files for worker processes
        (corpus / f"filler{n:04d}.txt").write_text(f"Filler story {n}\n" + "Words of filler text. " * 60)
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "index", "--corpus", str(corpus)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(tmp_path), start_new_session=True,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )  # fmt: skip
    # Until the first batch is back from the workers (its rows spilled beside the index): the build is
    # reading in parallel, past starting them. (A fixed half second after the lock was not always
    # enough on a loaded machine: the workers start with Ctrl-C ignored, and it was lost.)
    deadline = time.monotonic() + 60  # a bound on the loop, not a measurement
    while not _first_batch_spilled(corpus):
        assert process.poll() is None and time.monotonic() < deadline, "the build read no batch"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
