"""A byline naming two writers is not read as a writer and a paper when the second's surname is a
word papers end on ("Sun", "Post")."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import assistant as cli

STORY = "Dredging of Brill harbour will start in May, the port authority said on Tuesday.\n"


def test_a_second_writer_named_like_a_paper_stays_a_writer(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bylines = {
        "sun.txt": "By Anna Lee, Wei Sun",
        "post.txt": "By Jane Doe, Emily Post",
        "baltimore.txt": "By Lena Fisk, The Baltimore Sun",
        "weekly.txt": "By Lena Fisk, River Weekly",
    }
    for name, byline in bylines.items():
        (corpus / name).write_text(f"Harbour dredging to start\n\n{byline}\n\n{STORY}", encoding="utf-8")

    rows = {row["id"]: row for row in json.loads(cli(corpus, "list", "--json").stdout)}

    # Each second writer was stored as the source: author "Anna Lee", source "Wei Sun".
    assert (rows["sun.txt"]["author"], rows["sun.txt"]["source"]) == ("Anna Lee, Wei Sun", None)
    assert (rows["post.txt"]["author"], rows["post.txt"]["source"]) == ("Jane Doe, Emily Post", None)
    assert (rows["baltimore.txt"]["author"], rows["baltimore.txt"]["source"]) == (
        "Lena Fisk",
        "The Baltimore Sun",
    )
    assert (rows["weekly.txt"]["author"], rows["weekly.txt"]["source"]) == ("Lena Fisk", "River Weekly")
