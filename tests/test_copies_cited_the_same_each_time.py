"""A story filed twice is cited from the same copy every time the same question is asked.

Trial 11 saw "also in" swap which copy was cited between two askings: the copies score alike, and
the one indexed last (a file touched or re-saved, so re-indexed) won. Through the real CLI, on a
corpus folder on disk, with the real index rebuilt in between.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

STORY = """Opec within output ceiling, Subroto says

JAKARTA, March 3 - Opec remains within its agreed output ceiling of 15.8 mln barrels a day, \
Indonesian Energy Minister Subroto said.

He told reporters that present weakness in the spot oil market was the result of warmer weather.

He denied that Opec was exceeding its agreed production ceiling.
"""
QUESTION = "Was Opec exceeding its agreed production ceiling?"


def cited(corpus: Path, *options: str) -> tuple[str, list[str], int]:
    """The id the first quote cites, its "also in" ids and its start offset."""
    result = CliRunner().invoke(
        main, ["ask", QUESTION, "--json", "--top", "1", "--no-history", "--corpus", str(corpus), *options]
    )
    assert result.exit_code == 0, result.stderr
    quote = json.loads(result.stdout)["quotes"][0]
    assert "exceeding its agreed production ceiling" in quote["text"]
    return quote["article"]["id"], quote["also_in"], quote["start"]


def reindex(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["index", "--corpus", str(corpus)])
    assert result.exit_code == 0, result.stderr


def test_the_same_question_cites_the_same_copy_after_either_copy_is_reindexed(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "00873.txt").write_text(STORY, encoding="utf-8")
    (corpus / "00952.txt").write_text(STORY, encoding="utf-8")
    first = cited(corpus)
    assert first[:2] == ("00873.txt", ["00952.txt"])  # the first by id, the other named beside it
    for name in ("00873.txt", "00952.txt"):
        # Re-saved with a trailing line: re-indexed, so now the last copy the index holds.
        (corpus / name).write_text(STORY + "\n", encoding="utf-8")
        reindex(corpus)
        assert cited(corpus) == first, f"after {name} was re-indexed"


def test_the_copy_with_a_byline_and_date_is_cited_and_its_own_offsets_given(tmp_path: Path) -> None:
    corpus = tmp_path / "archive"
    (corpus / "a-wire").mkdir(parents=True)
    (corpus / "b-desk").mkdir()
    (corpus / "a-wire" / "opec.txt").write_text(STORY, encoding="utf-8")
    dated = "---\ntitle: Opec within output ceiling\nauthor: Ted Afflisio\ndate: 1987-03-03\n---\n\n"
    body = STORY.split("\n", 2)[2]
    (corpus / "b-desk" / "opec.md").write_text(dated + body, encoding="utf-8")
    article, also_in, start = cited(corpus)
    assert (article, also_in) == ("b-desk/opec.md", ["a-wire/opec.txt"])
    text = (corpus / "b-desk" / "opec.md").read_text(encoding="utf-8")
    assert text[start:].startswith("He denied that Opec")  # the offsets are the cited file's own
    # Asked of the other copy alone, that copy is cited: the scope wins over the preference.
    assert cited(corpus, "--article", "a-wire/opec.txt")[0] == "a-wire/opec.txt"
