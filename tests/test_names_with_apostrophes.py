# ruff: noqa: E501  (the articles are kept as written, one paragraph a line)
"""A company's name with an apostrophe in it, and a person's run on after a body's.

"Pay 'N Pak Stores Inc said" was read as "N Pak Stores Inc", and "Pay N' Pak Stores Inc said" as
"Pak Stores Inc": the letter with its apostrophe was taken for a quotation mark. In the same story
"In a filing with the Securities and Exchange Commission Bilzerian said" named a speaker "Commission
Bilzerian" (the commission's name run into his). Real Reuters-21578 text, a real corpus folder and
index, the CLI's JSON as a script reads it.
"""

from __future__ import annotations

from pathlib import Path

from tests.shown_names import names_shown, news

EXPLORE = """Pay 'N Pak to explore its alternatives
KENT, Wash., March 30 - Pay 'N Pak Stores Inc said it intends to explore all alternatives for the purpose of maximizing its value to stockholders.
The company said it also retained Salomon Brothers Inc as its financial advisor to assist it in this regard.
Last week investor Paul Bilzerian reported that he holds a 7.2 pct stake in Pay 'N Pak and is considering seeking control of the retail building materials firm.
In a filing with the Securities and Exchange Commission Bilzerian said he and a Tampa, Fla., investment firm he controls called Bicoastal Financial Corp, may acquire additional Pay 'N Pak shares, or they may seek to acquire one or more positions on the company's board.
"""

OFFERS = """Pay N' Pak gets two offers for company
NEW YORK, June 1 - Pay N' Pak Stores Inc said it received two proposals in response to its previously announced solicitation of potential buyers for the company.
Pay N' Pak said the second proposal is structured as a merger in which each holder would receive a combination of 17.50 dlrs in cash and 2.50 dlrs in liquidation value of 13-1/2 pct cumulative preferred.
"""


def test_names_with_an_apostrophe_and_a_name_after_a_commission(tmp_path: Path) -> None:
    news(tmp_path, {"explore.txt": EXPLORE, "offers.txt": OFFERS})

    explore = names_shown(tmp_path, "explore.txt")
    assert explore[0] == "Pay 'N Pak Stores Inc", explore
    assert explore[-1] == "Paul Bilzerian", explore
    assert names_shown(tmp_path, "offers.txt") == ["Pay N' Pak Stores Inc"] * 2
