""" "<Name> of <a body> said": the statement is the person's, asked by name, though the speaker
resolution keys the mention by the body ("Frederick Wolf of the GAO" is keyed "general accounting
office"). Before, "What did Frederick Wolf say?" showed another official's figures first, and his first
statement not at all.

A real corpus folder on disk and the real index; the first quote is what a user sees.
"""

from __future__ import annotations

from pathlib import Path

from assistant.answer.said.person_of import person_of
from assistant.engine import Engine
from assistant.models import Attribution

FUND = (
    "Audit Office Says Deposit Fund Shows Deficit\n\n"
    "WASHINGTON, March 3 - The Federal Deposit Fund is facing a deficit because of its potential "
    "liability from insolvent savings banks, the General Audit Office told a House hearing.\n\n"
    '"We have determined that the fund needs to set aside about eight billion dlrs to handle cases '
    'that will require action in the near future," Harold Mensch of the GAO said.\n\n'
    '"When that amount is deducted from the reserves, the fund would have a deficit of over three '
    'billion dlrs as of the end of 1986," Mensch said.\n\n'
    "He urged the committee to support the Treasury's plan to raise 25 billion dlrs over five years.\n\n"
    "Mensch said about 85 pct of insured savings banks were solvent, while 15 pct were insolvent.\n\n"
    "The GAO is the investigating agency of Congress.\n\n"
    "Ray Dunmore, president of the Federal Loan Bank of Austin, estimated his district would need five "
    "billion to eight billion dlrs over the next five years to close 12 savings banks, which he said "
    'are "hopelessly insolvent".\n'
)
OTHERS = (
    ("Grain prices fall", "Wheat prices fell on Tuesday as rain eased fears for the harvest, traders said."),
    ("Airline adds routes", "The airline said it would add six routes to Asia next spring."),
    ("Steel output rises", "Steel output rose four pct in September, the industry association said."),
)


def test_the_person_before_of_the_body_is_the_one_asked(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "fund.txt").write_text(FUND, encoding="utf-8")
    for k, (title, body) in enumerate(OTHERS):
        (folder / f"other{k}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    answer = Engine.open(folder).ask("What did Harold Mensch say?")
    assert answer.answered
    shown = [q.text for q in answer.quotes]
    assert any("set aside about eight billion" in text for text in shown), shown


def _mention(written: str, name: str) -> Attribution:
    return Attribution(name=name, as_written=written, cue="said", direct=False, start=0, end=len(written))


def test_a_body_whose_name_holds_of_is_no_person() -> None:
    assert person_of(_mention("The Bank of England", "Bank of England")) is None
    assert person_of(_mention("Union Bank of Switzerland", "Union Bank of Switzerland")) is None
    found = person_of(_mention("Chuck Fields of the American Farm Bureau Federation", "American Farm Bureau"))
    assert found is not None and found.name == "Chuck Fields"
