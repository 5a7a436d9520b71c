"""What the fault-injection tests share: running the real CLI in a process, hostile bytes, checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

STORY = (
    "Harbour council approves flood wall\n"
    "By Priya Raman\n"
    "The harbour council voted on Wednesday to build a concrete flood wall along the eastern quay.\n"
    "The wall will cost an estimated 14 million pounds and protect about 300 homes.\n"
)
OTHER = (
    "Farmers protest fuel prices\n"
    "By Tom Hale\n"
    "Hundreds of farmers drove tractors into the capital on Monday to protest rising diesel prices.\n"
)
# Every kind of character that must never reach a terminal raw.
HOSTILE = (
    "\x1b[2J\x1b]0;pwned\x07\x1b[31mred\x1b[0m \x9b31m c1 \x07bell \x08back \r cr \u202eevil\u202c "
    "\u2066iso\u2069 zero\u200bwidth \ufeffbom \u2028sep"
)
RAW_BAD = ("\x1b", "\x9b", "\x07", "\x08", "\r", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028")


def env_for(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI run: caches and exports under `tmp`, nothing from the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(XDG_CACHE_HOME=str(tmp / "cache"), ASSISTANT_EXPORT_DIR=str(tmp / "exports"))
    env.update(extra)
    return env


def cli(
    tmp: Path,
    *args: str,
    input: bytes | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
    **popen: object,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m assistant ARGS` in a real process; bytes out, so nothing is decoded away."""
    streams: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=input,
        timeout=timeout,
        env=env or env_for(tmp),
        **streams,  # type: ignore[arg-type]
    )


def assert_terminal_safe(data: bytes) -> None:
    """No raw control, escape, bidi or invisible format character; no traceback."""
    text = data.decode("utf-8")
    for bad in RAW_BAD:
        assert bad not in text, f"raw {bad!r} in output: {text[:300]!r}"
    assert "Traceback" not in text


def one_line(data: bytes) -> str:
    """The single line a failure prints (asserts there is exactly one)."""
    lines = [line for line in data.decode("utf-8").splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


ROOT = Path(__file__).resolve().parents[2]
BACKGROUND = [
    ROOT / "corpus" / "000_7834a3842ba03b39.txt",
    *sorted((ROOT / "tests" / "data" / "articles").iterdir()),
]


def make_corpus(folder: Path, *, background: bool = True) -> Path:
    """Two short stories, with the seed and the test articles around them (BM25 needs a few)."""
    folder.mkdir(parents=True, exist_ok=True)
    if background:
        for article in BACKGROUND:
            shutil.copy(article, folder / article.name)
    (folder / "harbour.txt").write_text(STORY, encoding="utf-8")
    (folder / "farmers.txt").write_text(OTHER, encoding="utf-8")
    return folder
