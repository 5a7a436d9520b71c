"""An id typed without its file's suffix names the article it means (a user trial typed
`assistant show 01043` for c000/reut2-001/01043.txt and got only "no article")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STORY = "Waste site cleared\nBy Lee Chan\n\nThe state cleared the waste disposal site on Friday.\n"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp_path), "ASSISTANT_HISTORY": "0"}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=120
    )


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "c000" / "reut2-001").mkdir(parents=True)
    (corpus / "c000" / "reut2-001" / "01043.txt").write_text(STORY, encoding="utf-8")
    (corpus / "twin").mkdir()
    (corpus / "twin" / "note.txt").write_text(STORY.replace("Friday", "Monday"), encoding="utf-8")
    (corpus / "note.md").write_text(STORY.replace("Friday", "Sunday"), encoding="utf-8")
    return corpus


def test_a_file_name_without_its_suffix_is_answered_with_the_id_it_means(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    for typed in ("01043", "reut2-001/01043"):
        for command in (["show", typed], ["ask", "--article", typed, "What was cleared?"]):
            result = _run(tmp_path, *command, "--corpus", str(corpus))
            assert result.returncode == 4, result.stderr  # README: unknown article id
            assert result.stderr == (
                f"assistant: no article {typed!r} in {corpus}; did you mean c000/reut2-001/01043.txt?\n"
            )
    assert _run(tmp_path, "show", "01043.txt", "--corpus", str(corpus)).returncode == 0


def test_a_name_several_articles_share_gets_no_guess(tmp_path: Path) -> None:
    result = _run(tmp_path, "show", "note", "--corpus", str(_corpus(tmp_path)))
    assert result.returncode == 4
    assert "did you mean" not in result.stderr and "see `assistant list`" in result.stderr
