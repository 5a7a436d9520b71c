"""A company whose name ends in 's opening a sentence is its speaker ("Harlow's said it would open ten
stores"): such sentences had no speaker at all, so `--speaker "Harlow's"` found nothing and the quote
named nobody. An owner before a noun ("Editor's note:", "Grant's comments were") stays no speaker.
Real corpus folder, real index, the CLI's JSON as a script reads it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

STORY = """Harlow's to open ten stores
By Ana Ruiz

Editor's note: this story was updated on Friday.

Harlow's said it would open ten new stores in the spring and hire 400 workers.

Grant's comments were about the parking plan, not the stores.
"""


def ask_json(corpus: Path, tmp_path: Path, *args: str) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", *args, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_HISTORY": "0", "ASSISTANT_INDEX_DIR": str(tmp_path / "index")},
    )
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_a_name_ending_in_s_that_opens_a_sentence_speaks(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "harlow.txt").write_text(STORY, encoding="utf-8")
    answer = ask_json(corpus, tmp_path, "--speaker", "Harlow's", "How many workers will be hired?")
    quotes = answer["quotes"]
    assert isinstance(quotes, list) and quotes
    assert "hire 400 workers" in quotes[0]["text"]
    assert quotes[0]["speaker"]["name"] == "Harlow's"


def test_an_owner_before_a_noun_is_no_speaker(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "harlow.txt").write_text(STORY, encoding="utf-8")
    for question in ("When was this story updated?", "What were the comments about parking?"):
        quotes = ask_json(corpus, tmp_path, question)["quotes"]
        assert isinstance(quotes, list) and quotes, question
        assert quotes[0]["speaker"] is None, (question, quotes[0])
