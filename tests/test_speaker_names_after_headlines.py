"""A live blog's entry titles run into the names after them: "9:33 PM The Harbour Board Does Not Like
Maria Lopez", "Lopez Calls The Wall 'Long Overdue' Maria Lopez spoke ...". Every "Lopez said" of the
story was attributed to "Harbour Board Does Not Like Maria Lopez" (on PolNeAR, 792 statements across
177 articles went to "Lot Worse Than Waterboarding' Donald Trump"). Real corpus folder, real index,
the CLI's JSON as a script reads it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAD = "The Latest: Harbour Board Meets On The Flood Wall\nBy Sam Ortiz\n\n"
TAIL = (
    '\n\n"The wall will protect four hundred homes on the north quay," Lopez said.\n\n'
    '"We start pouring concrete in May," Lopez added.\n'
)
ENTRY_TITLES = (
    "Updated 9:33 PM The Harbour Board Does Not Like Maria Lopez",
    "Updated 9:40 PM Lopez Calls The Wall 'Long Overdue' Maria Lopez spoke to reporters after the vote.",
)


def speakers_shown(corpus: Path, tmp_path: Path, question: str) -> list[str | None]:
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", question, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_HISTORY": "0", "ASSISTANT_INDEX_DIR": str(tmp_path / "index")},
    )
    assert run.returncode == 0, run.stderr
    return [(q.get("speaker") or {}).get("name") for q in json.loads(run.stdout)["quotes"]]


def test_a_headline_run_into_a_name_is_not_part_of_the_name(tmp_path: Path) -> None:
    for n, entry in enumerate(ENTRY_TITLES):
        corpus = tmp_path / f"news{n}"
        corpus.mkdir()
        (corpus / "blog.txt").write_text(HEAD + entry + TAIL, encoding="utf-8")
        names = speakers_shown(corpus, tmp_path / f"index{n}", "How many homes will the wall protect?")
        assert names[0] == "Maria Lopez", entry
        names = speakers_shown(corpus, tmp_path / f"index{n}", "When does the concrete pouring start?")
        assert names[0] == "Maria Lopez", entry
