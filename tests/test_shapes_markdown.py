"""Markdown as people write it: front matter with a timestamp and lists, an editor's comment, a
Setext title, footnotes, a table, reference links, escapes, inline HTML and a lone image. What `show` and
`ask` put before the user reads as text, never as markup."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

STORY = """---
title: Tide gauge records highest water in 40 years
author:
  - Sam Ortiz
  - Lee Chang
date: 2024-02-11T23:30:00-05:00
source: Coastal Ledger
tags: [flooding, climate]
---

<!-- editor: the gauge numbers are provisional,
     check them with the agency before publishing -->

Tide gauge records highest water in 40 years
============================================

The tide gauge at Port Alder recorded a water level of 3.2 meters
above the datum on Saturday night, the highest reading since the
gauge was installed in <span class="year">1984</span>.[^1]<br>

Officials said the surge flooded 14 streets near the harbor \\*and\\*
closed the coastal road for six hours, according to the [state
agency][agency].

![The flooded harbor road](road.jpg)

| Year | Peak level |
| ---- | ---------- |
| 1984 | 2.9 meters |

[^1]: Readings stay provisional until the agency checks them.

[agency]: https://state.example/tides "State tide agency"
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "tide.md").write_text(STORY, encoding="utf-8")
    return folder


def test_show_reads_markdown_furniture_as_layout_and_marks_as_text(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    code, out, _ = run("show", "--json", "--corpus", str(corpus), "tide.md")
    assert code == 0
    shown = json.loads(out)
    assert shown["article"]["date"] == "2024-02-11"  # the day as written, not a timestamp
    assert shown["article"]["author"] == "Sam Ortiz, Lee Chang"
    texts = [s["text"] for s in shown["sentences"]]
    assert texts == [
        "The tide gauge at Port Alder recorded a water level of 3.2 meters above the datum on Saturday "
        "night, the highest reading since the gauge was installed in 1984.",
        "Officials said the surge flooded 14 streets near the harbor *and* closed the coastal road for "
        "six hours, according to the state agency.",
        "Year | Peak level",
        "1984 | 2.9 meters",
        "Readings stay provisional until the agency checks them.",
    ]
    assert [s["paragraph"] for s in shown["sentences"]] == [1, 2, 3, 4, 5]


def test_an_answer_from_markdown_quotes_the_sentence_whole_with_its_attribution(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    code, out, _ = run("ask", "--json", "--corpus", str(corpus), "When was the tide gauge installed?")
    assert code == 0
    quote = json.loads(out)["quotes"][0]
    assert quote["text"].startswith("The tide gauge at Port Alder recorded")
    assert quote["text"].endswith("the gauge was installed in 1984.")
    assert quote["paragraph"] == 1
    assert quote["article"]["title"] == "Tide gauge records highest water in 40 years"
    assert "Sam Ortiz, Lee Chang" in quote["citation"] and "2024-02-11" in quote["citation"]
    code, out, _ = run("ask", "--corpus", str(corpus), "Who should check the gauge numbers with the agency?")
    assert "editor" not in out and "publishing" not in out  # the editor's note is no text
