# ruff: noqa: E501  (the articles are kept as written, one paragraph a line)
"""A body's name written with its joining words, and a person's name run on after a body's.

Reading a speaker's name back from its last word stopped at the first word no person's name holds:
the Organisation for Economic Cooperation and Development was quoted as "Development", the
Democratic National Convention as "Convention", and the General Agreement on Tariffs and Trade was
a person called "Agreement", to whom the Philippine minister's later "He said" went. And "The
director of the Office of Management and Budget James Miller" was "Budget James Miller" on 43
quotes of a 4,000-story Reuters sample (`bench/speaker_names.py`), and "Indonesia's Minister of
Energy and Mines Subroto" made "Mines Subroto" of 61; "French-controlled Schlumberger said" kept
the description in the name. Real Reuters-21578 and PolNeAR text, a real
corpus folder and index, the CLI's JSON as a script reads it.
"""

from __future__ import annotations

from pathlib import Path

from tests.shown_names import names_shown, news, speakers_listed

OECD = """France has little room for manoeuvre, OECD says
PARIS, March 3 - French industry is failing to produce the goods its markets need and its loss of competitiveness has left the government little room for manoeuvre to reflate the economy, the Organisation for Economic Cooperation and Development said.
With gross domestic product likely to grow only 2.1 pct this year, the same rate as last year, unemployment could climb to 11.5 pct of the workforce by mid-1988, from its present 10.9 pct, it said in an annual review of the French economy.
"""

GATT = """Philippines criticises EC for oil levy
TAUPO, New Zealand, March 23 - Philippines Trade and Industry Secretary Jose Concepcion told world trade ministers he wondered if their agreement was of any real value after the European Community (EC) proposed a levy on vegetable oils.
Concepcion, speaking at an informal meeting of the General Agreement on Tariffs and Trade (GATT) here, said ministers declared in Uruguay last September that the trade of less-developed nations should not be disrupted.
He said the EC not only ignored Manila's request for lower tariffs on coconut oil but proposed a levy on vegetable oils and fats that are vital exports for Southeast Asian countries.
"""

MILLER = """U.S. budget director warns against tax increase
Philadelphia, March 25 - The director of the Office of Management and Budget James Miller warned that a tax increase would jeapordise real U.S. economic growth.
"It's a bad idea. We don't need more money to balance the budget," Miller told students at the University of Pennsylvania's Wharton School.
"""

SUBROTO = """Opec within output ceiling, Subroto says
JAKARTA, March 3 - Opec remains within its agreed output ceiling of 15.8 mln barrels a day, and had expected current fluctuations in the spot market of one or two dlrs, Indonesian Energy Minister Subroto said.
Indonesia's Minister of Energy and Mines Subroto said today OPEC faces the choice of either maintaining present output volume at 15.8 mln bpd and seeing prices increase slightly, or raising the production ceiling so members can produce more in the third and fourth quarters of 1987.
"""

FAIRCHILD = """Fairchild deal failure seen making Japanese wary
TOKYO, March 17 - The collapse of the deal is a blow to Fujitsu but it will boost the cost of future U.S. Expansion by the Japanese firm, said analysts polled by Reuters.
French-controlled Schlumberger said yesterday it was ending the agreement because mounting political controversy in the U.S. Made it unlikely that the sale of the Fairchild stake could be completed in a reasonable time.
"""

CONVENTION = """Ferguson is not among the most dangerous places in the world
ST. LOUIS — Presumptive Republican presidential nominee Donald Trump claimed that Ferguson, Missouri, has a higher crime rate than some of the world’s most dangerous places.
The Democratic National Convention released a statement Wednesday evening, saying Trump’s comments are “another example of his dangerous and divisive race-baiting.”
"""


def test_bodies_and_people_are_named_as_the_story_names_them(tmp_path: Path) -> None:
    news(
        tmp_path,
        {
            "oecd.txt": OECD,
            "gatt.txt": GATT,
            "miller.txt": MILLER,
            "dnc.txt": CONVENTION,
            "subroto.txt": SUBROTO,
            "fairchild.txt": FAIRCHILD,
        },
    )

    listed = set(speakers_listed(tmp_path))
    assert "Organisation for Economic Cooperation and Development" in listed
    assert "Democratic National Convention" in listed
    assert "James Miller" in listed
    assert not listed & {"Development", "Convention", "Agreement", "Budget James Miller", "Mines Subroto"}, (
        listed
    )

    # The minister's "He said" is his, not the trade agreement's.
    assert names_shown(tmp_path, "gatt.txt")[-1] == "Jose Concepcion"
    # "Minister of Energy and Mines Subroto": the minister's office ends at "Mines".
    assert names_shown(tmp_path, "subroto.txt") == ["Subroto", "Subroto"]
    # "French-controlled" describes Schlumberger; it is no word of its name.
    assert names_shown(tmp_path, "fairchild.txt")[-1] == "Schlumberger"
    # "it said", the sentence after the OECD's: the OECD.
    assert names_shown(tmp_path, "oecd.txt") == ["Organisation for Economic Cooperation and Development"] * 2


FELDSTEIN = """U.S. Economist Calls Brazil Debt Request Modest
SAN FRANCISCO, March 23 - Brazil's attempt to seek better terms for paying off its 109 billion dlr foreign debt is responsible and modest, a former chairman of President Reagan's Council of Economic Advisers said.
"I think that what Brazil is calling for -- limiting its debt payments to two and one half pct of GNP -- is a responsible request on their part," economist Martin Feldstein said at a weekend news conference.
"""


def test_a_chairman_of_an_owners_council_is_the_chairman_not_the_council(tmp_path: Path) -> None:
    # Reuters-21578: the body's name is the complement of "a former chairman of President Reagan's",
    # so the statement is the chairman's; it was shown as the Council of Economic Advisers'.
    news(tmp_path, {"feldstein.txt": FELDSTEIN})
    shown = names_shown(tmp_path, "feldstein.txt")
    assert shown[0] != "Council of Economic Advisers"
    assert "chairman" in shown[0]
