"""`ask --speaker NAME` of a name no one in the corpus answers to says so: "no statement by
Nobodyatall that answers this question" left a user rewording the question about someone the
archive never quotes. A name the corpus does quote keeps the old refusal. Real corpus folder, real
index, the CLI's JSON as a script reads it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ARTICLE = """Lyng sees end to farm export subsidy growth

WASHINGTON, April 8 - U.S. Agriculture Secretary Richard Lyng said the United States will keep its
export subsidy program for the rest of the year.
"""


def refusal(tmp_path: Path, corpus: Path, speaker: str) -> str:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "--json",
            "--speaker",
            speaker,
            "What about the Japanese budget deficit?",
            "--corpus",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_HISTORY": "0", "ASSISTANT_INDEX_DIR": str(tmp_path / "index")},
    )
    assert run.returncode == 1, run.stderr  # the corpus holds no answer (README's exit status)
    answer = json.loads(run.stdout)
    assert not answer["answered"]
    return str(answer["message"])


def test_a_speaker_nobody_in_the_corpus_answers_to_is_named_as_such(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "lyng.txt").write_text(ARTICLE, encoding="utf-8")
    assert refusal(tmp_path, corpus, "Nobodyatall").startswith("Nobody named “Nobodyatall” is quoted")
    for quoted in ("Lyng", "Richard Lyng", "the spokesman"):
        assert refusal(tmp_path, corpus, quoted).startswith("The corpus holds no statement by"), quoted
