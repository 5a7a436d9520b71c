"""A reader names a country or a company in other words than the wire: "America" for "U.S.",
"Britain" for "U.K.", "Third World" for what the story calls developing countries. Such a question
is answered, while one naming something the right story never names is still refused.

Every test asks a real corpus folder on disk through the real index.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from assistant.engine import Engine

PLAIN = "The corpus holds no answer to this question."

WIRE = {
    "deficit.txt": (
        "Volcker warns on trade deficit\n\n"
        "WASHINGTON, March 9 - Federal Reserve Board chairman Paul Volcker said the U.S. will be unable "
        "to keep borrowing 150 billion dlrs a year from abroad to finance its trade deficit.\n\n"
        "Volcker told a House committee that the dollar's fall had yet to narrow the gap.\n"
    ),
    "debt.txt": (
        "Bank official urges debt relief\n\n"
        "BONN, April 2 - Dresdner Bank board member Wolfgang Roeller said commercial banks should "
        "lend more to poorer debtors that pursue growth policies.\n\n"
        "Roeller said the banks could not carry the burden of debt relief alone.\n"
    ),
    "cbs-talks.txt": (
        "Writers Guild to meet networks\n\n"
        "NEW YORK, March 3 - The Writers Guild of America said it agreed to meet representatives of "
        "CBS Inc and Capital Cities/ABC Inc to discuss a new contract.\n\n"
        "The union said its members had been without a contract since March 2.\n"
    ),
    "pound.txt": (
        "Sterling firms on oil prices\n\n"
        "LONDON, March 5 - Sterling rose against the mark as higher oil prices lifted the outlook for "
        "the U.K. economy, dealers said.\n\n"
        "The pound closed at 2.85 marks, up from 2.83 on Wednesday.\n"
    ),
    "coffee.txt": (
        "Brazil coffee exports slow\n\n"
        "RIO DE JANEIRO, March 4 - Brazil's coffee exports fell in February as growers held back "
        "supplies ahead of a new support price, trade sources said.\n\n"
        "Brazil is the world's largest coffee grower; exports fell for a third month.\n"
    ),
}

RECORDS_SALE = (
    "Sony to buy CBS Records\n\n"
    "TOKYO, Nov 19 - Sony Corp agreed to buy CBS Records, the record division of CBS Inc, for two "
    "billion dlrs, the companies said.\n"
)


def _corpus(folder: Path, extra: dict[str, str] | None = None) -> Path:
    folder.mkdir()
    for name, text in {**WIRE, **(extra or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_america_is_answered_by_a_story_that_writes_u_s(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path / "wire"))
    answer = engine.ask("What will America be unable to keep doing, according to Paul Volcker?")
    assert answer.answered, answer.message
    assert "the U.S. will be unable to keep borrowing" in answer.quotes[0].text


def test_britain_is_answered_by_a_story_that_writes_u_k(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path / "wire"))
    answer = engine.ask("Why did sterling rise against the mark, and what does it mean for Britain?")
    assert answer.answered, answer.message
    assert "U.K. economy" in answer.quotes[0].text


def test_a_generic_phrase_in_capitals_is_no_name_the_story_must_repeat(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path / "wire"))
    answer = engine.ask("What did Wolfgang Roeller say banks should do for the Third World?")
    assert answer.answered, answer.message
    assert answer.quotes[0].article.id == "debt.txt"
    # Roeller's own words come first; which of his two statements leads is the said rules' choice
    # (the lead prior prefers his later one), and the other is shown only above the keep share.
    assert answer.quotes[0].speaker is not None and answer.quotes[0].speaker.name == "Wolfgang Roeller"


def test_a_name_of_several_words_the_story_lacks_is_a_near_miss(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "wire")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "Which Japanese company agreed to buy CBS Records?"],
        cwd=tmp_path,
        env={**os.environ, "ASSISTANT_CORPUS": str(folder), "ASSISTANT_HISTORY": "0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout
    assert PLAIN in result.stdout
    assert "Writers Guild" not in result.stdout


def test_the_same_question_is_answered_once_a_story_gives_the_sale(tmp_path: Path) -> None:
    engine = Engine.open(_corpus(tmp_path / "wire", {"sony.txt": RECORDS_SALE}))
    answer = engine.ask("Which Japanese company agreed to buy CBS Records?")
    assert answer.answered, answer.message
    assert "Sony Corp agreed to buy CBS Records" in answer.quotes[0].text
