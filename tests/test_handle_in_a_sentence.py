"""A sentence naming someone by their social handle is story, not an embedded post's signature."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import assistant as cli


def test_a_sentence_naming_a_handle_and_a_date_is_quoted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mayor.txt").write_text(
        "Mayor posts flood photos\n\nBy Lena Fisk\n\n"
        "The river rose two metres overnight, flooding the lower town.\n\n"
        "Mayor Ann Lee (@annlee) posted photos of the flooded square on 3 March 2024.\n\n"
        "\u2014 Ann Lee (@annlee) March 3, 2024\n\n"
        "Residents were told to stay indoors until the water fell.\n",
        encoding="utf-8",
    )

    asked = cli(corpus, "ask", "What did Ann Lee post?")
    shown = json.loads(cli(corpus, "show", "mayor.txt", "--json").stdout)

    # The sentence was taken for a signature ("Name (@handle) … 2024") and never indexed.
    assert "Mayor Ann Lee (@annlee) posted photos of the flooded square on 3 March 2024." in asked.stdout
    assert [s["text"] for s in shown["sentences"]] == [
        "The river rose two metres overnight, flooding the lower town.",
        "Mayor Ann Lee (@annlee) posted photos of the flooded square on 3 March 2024.",
        "Residents were told to stay indoors until the water fell.",
    ]
