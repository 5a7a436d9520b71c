"""`assistant` run as a user runs it from a script: a new process on a real corpus folder, output piped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def assistant(
    corpus: Path, *args: str, history: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`assistant ARGS --corpus CORPUS`; questions kept in `history`, else in no history at all
    (never the user's own); `env` adds to or overrides the environment."""
    environment = {
        **os.environ,
        "ASSISTANT_HISTORY": str(history) if history is not None else "0",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


def speakers_by_sentence(corpus: Path, article: str) -> dict[str, list[str]]:
    """The names `assistant show --json` gives each sentence of an article, by its first 16 characters."""
    shown = json.loads(assistant(corpus, "show", article, "--json").stdout)
    return {s["text"][:16]: [a["name"] for a in s["attributions"]] for s in shown["sentences"]}
