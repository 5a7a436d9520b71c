"""A daily user's trial on a 2,000-article archive (trial 13): a statement cited as "— he". An
economist named by their firm ("Data Resources' Wyss", "Midland Montagu's Maude") was read as a
different name from "David Wyss", so "Wyss" stayed a bare surname and the "he" after it resolved
to nobody. The real CLI in a subprocess, on a real corpus folder."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import assistant as cli

ORDERS = """Durable goods orders fall sharply

NEW YORK, Feb 26 - A surprise drop in January durable goods orders points to a slowdown, economists said.

"It's a rather gloomy outlook for the economy," said David Wyss of Data Resources Inc.

"The report points to very sluggish capital spending," said Donald Maude of Midland Montagu Capital Inc.

"It suggests orders in the pipeline are depleting," Midland Montagu's Maude said.

Wyss cautioned that too much should not be made of one month's report.

But he acknowledged that the decline occurred despite a rise in defense orders.

"Given these numbers, there's no reason for the Fed to tighten," Data Resources' Wyss said.
"""


def test_a_person_named_by_their_firm_is_the_person_a_later_he_means(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "orders.txt").write_text(ORDERS, encoding="utf-8")
    shown = json.loads(cli(corpus, "show", "orders.txt", "--json").stdout)
    said = {s["text"][:20]: [a["name"] for a in s["attributions"]] for s in shown["sentences"]}
    assert said["But he acknowledged "] == ["David Wyss"]
    assert said['"Given these numbers'] == ["David Wyss"]
    assert said['"It suggests orders '] == ["Donald Maude"]
    asked = cli(
        corpus,
        "ask",
        "--speaker",
        "David Wyss",
        "--top",
        "3",
        "What did he acknowledge about defense orders?",
    )
    assert asked.returncode == 0, asked.stderr
    assert "“But he acknowledged that the decline occurred despite a rise in defense orders.”" in asked.stdout
    assert "— David Wyss" in asked.stdout and "— he," not in asked.stdout
