"""The speaker names a user is shown, read through the CLI's JSON as a script reads them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.stories import write_stories


def assistant_json(tmp_path: Path, *args: str) -> Any:
    """The JSON an `assistant` command prints for the corpus at tmp_path/news (a real process)."""
    run = subprocess.run(
        [sys.executable, "-m", "assistant", *args, "--corpus", str(tmp_path / "news")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_HISTORY": "0", "ASSISTANT_INDEX_DIR": str(tmp_path / "index")},
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def news(tmp_path: Path, articles: Mapping[str, str]) -> None:
    """Write the articles as the corpus tmp_path/news."""
    write_stories(tmp_path / "news", articles)


def names_shown(tmp_path: Path, article: str) -> list[str]:
    """The speaker names `assistant show ARTICLE` gives its attributions, in text order."""
    shown = assistant_json(tmp_path, "show", article, "--json")
    return [a["name"] for s in shown["sentences"] for a in s["attributions"]]


def speakers_listed(tmp_path: Path) -> dict[str, dict[str, Any]]:
    """`assistant speakers`, by the name each person is listed under."""
    return {entry["name"]: entry for entry in assistant_json(tmp_path, "speakers", "--json")}
