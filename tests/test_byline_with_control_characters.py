"""A byline holding a control character is still the byline (trial 12).

"By Priya\\x07 Raman" was not taken as a byline: the article had no author, and the byline line
became its first paragraph, quoted and counted. The character is dropped from the name shown;
nothing unescaped reaches the terminal. Real corpus folder, real index, the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

ARTICLES = {
    "bell.txt": "Harbour council approves flood wall\nBy Priya\x07 Raman\n\nThe council voted for a wall.\n",
    "escape.txt": "Bridge repairs begin\nBy Ann \x1b[31mLee\x1b[0m\n\nRepairs began on Monday.\n",
    "bare.txt": "Ferry timetable changes\nSam\x0bOrtiz\n\nThe ferry will sail every hour from May.\n",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args])
    return result.exit_code, result.stdout, result.stderr


def test_a_byline_with_a_control_character_gives_the_author_and_is_no_paragraph(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    code, out, err = run("list", "--json", "--corpus", str(corpus))
    assert code == 0, err
    listed = {a["id"]: a for a in json.loads(out)}
    assert listed["bell.txt"]["author"] == "Priya Raman"
    assert listed["escape.txt"]["author"] == "Ann Lee"
    assert listed["bare.txt"]["author"] == "Sam Ortiz"
    assert all(a["paragraphs"] == 1 for a in listed.values())  # the byline is not the first paragraph

    code, out, err = run(
        "ask", "When did repairs to the bridge begin?", "--no-history", "--corpus", f"{corpus}"
    )
    assert code == 0, err
    assert "— Ann Lee, “Bridge repairs begin”, paragraph 1," in out
    code, out, err = run("show", "bell.txt", "--corpus", str(corpus))
    assert code == 0, err
    assert "Priya Raman" in out and "\x07" not in out and "\x1b" not in out
    assert "By Priya" not in out  # not shown again as paragraph 1
