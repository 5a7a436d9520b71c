"""A live blog written one line a paragraph, entry titles indented by a space: the line after an
entry title is a new paragraph, not the title's wrapped end, and the name that opens it is the
speaker's whole name. On PolNeAR's GOP-debate blog every Christie statement went to "Zika Virus
Chris Christie" and Cruz's to "Fault Ted Cruz"; a known first name after a word about the person
("Liar-of the Year Barack Obama") starts the name. Real corpus folder, real index, the CLI as a
script reads it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ENTRY = (
    " FlagShareLikeReplyAni Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016 10:35PMChris Meyer Says He"
    " Would Close The Harbour Over Flood Fears"
)
BLOG = (
    "The Latest: Harbour Board Debate Kicks Off\n"
    "The debate opened with a question about the harbour wall and the flood of last winter.\n"
    f"{ENTRY}\n"
    "Chris Meyer said he would close the harbour to shipping for six weeks while the wall is rebuilt.\n"
    '"You bet I would," Meyer said when asked whether the closure would cover the fishing fleet.\n'
)
RANT = (
    "Readers Write: The Harbour Wall\n"
    "If the board will not believe Liar-of the Year Barack Obama, nobody will. Barack Obama said the"
    " wall would cost four million dollars in all.\n"
)


def cli(tmp_path: Path, corpus: Path, *args: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "assistant", *args, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_HISTORY": "0", "ASSISTANT_INDEX_DIR": str(tmp_path / "index")},
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_an_indented_entry_title_is_its_own_paragraph_and_names_nobody(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "blog.txt").write_text(BLOG, encoding="utf-8")
    shown = json.loads(cli(tmp_path, corpus, "show", "blog.txt", "--json"))
    texts = [s["text"] for s in shown["sentences"]]
    assert any(t.startswith("Chris Meyer said he would close") for t in texts), texts
    answer = json.loads(cli(tmp_path, corpus, "ask", "--json", "How long would the harbour be shut?"))
    first = answer["quotes"][0]
    assert first["text"].startswith("Chris Meyer said"), first["text"]
    assert first["speaker"]["name"] == "Chris Meyer"


def test_a_known_first_name_after_a_word_about_the_person_starts_the_name(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "rant.txt").write_text(RANT, encoding="utf-8")
    answer = json.loads(cli(tmp_path, corpus, "ask", "--json", "What would the wall cost?"))
    assert answer["quotes"][0]["speaker"]["name"] == "Barack Obama"
