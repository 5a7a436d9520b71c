"""The CLI on a real terminal (a pseudo-terminal), where it pages and colours its output: rough
edges found using it daily on a 2,000-article Reuters archive."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import filelock
import pytest

from assistant.answer import quote_marks
from tests.archive import make_archive

ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\))")

HANG_GUARD_S = 60.0
"""Not a speed limit: a pager waiting for a key would otherwise hang the test run."""


def on_terminal(
    *args: str,
    env: dict[str, str],
    typed: bytes = b"",
    when_shown: tuple[bytes, Callable[[], None]] | None = None,
) -> tuple[int | None, str]:
    """Run `assistant ARGS` with stdin, stdout and stderr on an 80x24 terminal, `typed` typed at
    it, and `when_shown`'s action run once its text appears; (exit code, screen text). The exit
    code is None when it was still waiting (for a key) after HANG_GUARD_S."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(follower)
    if typed:
        os.write(leader, typed)
    shown = bytearray()
    deadline = time.monotonic() + HANG_GUARD_S
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: every process on it has exited
                break
            if not chunk:
                break
            shown += chunk
            if when_shown is not None and when_shown[0] in shown:
                when_shown[1]()
                when_shown = None
        elif process.poll() is not None:
            break
    try:
        code: int | None = process.wait(timeout=max(0.1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        code = None
        process.kill()
        process.wait()
    os.close(leader)
    return code, shown.decode("utf-8", "replace")


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LESS", "PAGER", "MANPAGER")}
    env.update(TERM="xterm", ASSISTANT_CORPUS=str(make_archive(tmp_path / "archive")))
    return env


@pytest.mark.skipif(shutil.which("less") is None, reason="needs less, the default pager")
@pytest.mark.parametrize("command", [("list", "--filter", "regatta"), ("history",)])
def test_a_listing_that_fits_the_screen_does_not_wait_for_a_key(
    command: tuple[str, ...], terminal_env: dict[str, str]
) -> None:
    # `list` on a terminal opened `less`, which showed the two lines and "(END)" and waited for `q`.
    code, _ = on_terminal("ask", "What did the harbor master do?", env=terminal_env)
    assert code == 0
    code, screen = on_terminal(*command, env=terminal_env)
    assert code == 0, f"still waiting for a key: {screen!r}"
    assert "(END)" not in screen
    expected = "Harbor regatta draws record fleet" if command[0] == "list" else "harbor master"
    assert expected in screen


@pytest.mark.skipif(shutil.which("less") is None, reason="needs less, the default pager")
def test_the_users_own_less_options_are_kept(terminal_env: dict[str, str], tmp_path: Path) -> None:
    seen = tmp_path / "less-options"
    pager = tmp_path / "pager.sh"
    pager.write_text(f'#!/bin/sh\nprintf %s "$LESS" > {seen}\ncat\n', encoding="utf-8")
    pager.chmod(0o755)
    code, _ = on_terminal("list", env={**terminal_env, "PAGER": str(pager), "LESS": "-S"})
    assert code == 0 and seen.read_text(encoding="utf-8") == "-S"
    code, _ = on_terminal("list", env={**terminal_env, "PAGER": str(pager)})
    assert code == 0 and seen.read_text(encoding="utf-8") == "-FRX"


def test_add_from_stdin_at_a_prompt_says_what_it_waits_for(terminal_env: dict[str, str]) -> None:
    # `assistant add -` typed at a prompt waited in silence and looked hung.
    article = b"Ferry route reopens\r\rThe ferry to Kell Island reopened on Monday after the storm.\r\x04"
    code, screen = on_terminal("add", "-", env=terminal_env, typed=article)
    assert code == 0, screen
    assert "type or paste the article, then Ctrl-D" in screen
    assert "stored ferry-route-reopens.md" in screen
    assert (Path(terminal_env["ASSISTANT_CORPUS"]) / "ferry-route-reopens.md").is_file()


def test_on_a_terminal_only_the_quote_starts_at_the_margin(terminal_env: dict[str, str]) -> None:
    # Wrapped context sentences and citations ran back to the margin, where they read as the quote.
    question = ("ask", "What did Austin say?", "--context", "1", "--top", "2")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *question, "--json"],
        env=terminal_env,
        capture_output=True,
        text=True,
    )
    quotes = json.loads(done.stdout)["quotes"]
    assert quotes and any(q["context"]["before"] or q["context"]["after"] for q in quotes)
    code, screen = on_terminal(*question, env=terminal_env)
    assert code == 0
    lines = [ANSI.sub("", line).rstrip() for line in screen.replace("\r\n", "\n").split("\n")]
    at_margin = [line for line in lines if line and not line[0].isspace()]
    expected = []
    for quote in quotes:
        opening, closing = quote_marks(quote["text"])
        expected.append(f"{opening}{quote['text']}{closing}")
    assert " ".join(at_margin) == " ".join(expected)
    assert any(line.startswith("  ┆ ") for line in lines)
    assert sum(line.startswith("  — ") for line in lines) == len(quotes)


def test_a_question_waiting_for_another_process_says_so(terminal_env: dict[str, str]) -> None:
    # `ask` while another process held the index lock (an `assistant index` running) sat silent.
    corpus = Path(terminal_env["ASSISTANT_CORPUS"])
    built = subprocess.run(
        [sys.executable, "-m", "assistant", "index"], env=terminal_env, capture_output=True
    )
    assert built.returncode == 0
    (corpus / "ferry.txt").write_text(
        "Ferry route reopens\n\nThe ferry to Kell Island reopened on Monday after the storm.\n",
        encoding="utf-8",
    )
    other_process = filelock.FileLock(str(corpus / ".assistant" / "lock"))
    other_process.acquire()
    try:
        code, screen = on_terminal(
            "ask",
            "When did the ferry to Kell Island reopen?",
            env=terminal_env,
            when_shown=(b"Opening the corpus", other_process.release),
        )
    finally:
        other_process.release()
    words = " ".join(ANSI.sub("", screen).split())
    assert "Opening the corpus" in words
    assert code == 0 and "reopened on Monday after the storm" in words
