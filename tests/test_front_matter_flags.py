"""A front matter flag is no field: Jekyll's `published: true` is whether to publish the post, not
its date, and `link: false` is no address. Read as the aliases of `date` and `url` (trial24), the
flag was the story's date, and every quote of it was attributed to '"Lamp keeper retires", True'."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import assistant as cli


def test_a_flag_in_front_matter_is_neither_date_nor_address(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-03-01-lamp.md").write_text(
        "---\ntitle: Lamp keeper retires\npublished: true\nlink: false\nlayout: post\n---\n\n"
        "The lighthouse keeper retired on Friday after forty years at the lamp.\n",
        encoding="utf-8",
    )
    (corpus / "canal.md").write_text(
        "---\ntitle: Canal dredged\ndate: true\npublished: 2024-05-02\n---\n\n"
        "The river council dredged the old canal on Monday before the boating season.\n",
        encoding="utf-8",
    )
    listed = cli(corpus, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {a["id"]: a for a in json.loads(listed.stdout)}
    assert rows["2024-03-01-lamp.md"]["date"] is None and rows["2024-03-01-lamp.md"]["url"] is None
    assert rows["canal.md"]["date"] == "2024-05-02"  # the flag passed over, the alias read
    asked = cli(corpus, "ask", "When did the lighthouse keeper retire?")
    assert asked.returncode == 0, asked.stderr
    assert "forty years at the lamp" in asked.stdout and "True" not in asked.stdout
