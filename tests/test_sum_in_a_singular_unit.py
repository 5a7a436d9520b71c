"""A sum the wire writes with its unit in the singular ("a 97.4 mln dlr loan", "a 5 dlr fee") is money:
asked its size, the sentence that writes it comes first, not the story's lead that names the loan
without its size."""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

STORIES = {
    "marlow.txt": (
        "Marlow Steel Arranges Bank Loan\n"
        "PITTSBURGH, March 9 - Marlow Steel Corp said it arranged a loan from a group of banks led by "
        "Keystone National Bank to refinance the loan it took to build its new rolling mill.\n"
        "The company said the new facility is a 97.4 mln dlr loan maturing in 1994.\n"
        "Marlow said the banks include three from Japan.\n"
    ),
}


def test_a_sum_with_a_singular_unit_answers_how_much(tmp_path: Path) -> None:
    folder = write_stories(tmp_path / "news", STORIES | filler_stories())
    answer = Engine.open(folder).ask("How large is the loan Marlow Steel arranged?")
    assert answer.answered, answer.message
    assert "97.4 mln dlr loan" in answer.quotes[0].text
