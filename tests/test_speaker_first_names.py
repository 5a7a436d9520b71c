# ruff: noqa: E501  (the union story is kept as such stories are written, one paragraph a line)
"""A person named with a first name the hand-written list lacked ("Martin ... of Morgan Guaranty") was
cited as the bank, and the "he said" after them as "He". First names now come from WordNet's people;
a company called by a word that is also a first name ("Ford") and a name with two given names keep
theirs. Stories written here in the wire's shape; the real CLI in a subprocess on a real corpus folder."""

from __future__ import annotations

from pathlib import Path

from cli_process import assistant as cli
from cli_process import speakers_by_sentence

WARRANTS = """Banks Find Buyers for Silver Warrants
By Anne Keller, Reuters
ZURICH, April 7 - Swiss offices of foreign banks have sold four
issues of warrants on silver this month, bankers said.
    The latest came last night from Hartwell Guaranty (Switzerland)
AG for Hartwell Guaranty Trust Co of Boston.
    Martin Lindqvist of Hartwell Guaranty said his bank's issue was
cheap despite its premium of 31 pct over the spot price.
    He said the three-year maturity would suit pension funds that
cannot buy silver futures.
"""

RECALL = """Ford Recalls Taurus Wagons
DEARBORN, MICH., May 4 - Ford Motor Co said it is recalling
about 21,000 of its 1987-model Ford Taurus station wagons to
replace a rear seat latch.
    Ford said it knew of no injuries caused by the latch.
"""

BANKERS = """German Bankers See Slower Growth
BONN, May 5 - Growth of two pct is still possible this year,
according to the President of the Federation of Savings Banks,
Hanns Christian Vollrath-Ebeling.
    Vollrath-Ebeling said exporters faced a harder year.
"""


def test_a_person_of_a_bank_with_a_first_name_from_wordnet_is_the_person(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "warrants.txt").write_text(WARRANTS, encoding="latin-1")
    (corpus / "recall.txt").write_text(RECALL, encoding="latin-1")
    (corpus / "bankers.txt").write_text(BANKERS, encoding="latin-1")
    said = speakers_by_sentence(corpus, "warrants.txt")
    assert said["Martin Lindqvist"] == ["Martin Lindqvist"]
    assert said["He said the thre"] == ["Martin Lindqvist"]
    asked = cli(corpus, "ask", "What did Lindqvist say about the maturity?", "--top", "1")
    assert asked.returncode == 0, asked.stderr
    assert "— Martin Lindqvist," in asked.stdout
    # A wider list of first names must not take a company's short name for a person's, nor cut a
    # second given name off.
    assert speakers_by_sentence(corpus, "recall.txt")["Ford said it kne"] == ["Ford Motor Co"]
    assert speakers_by_sentence(corpus, "bankers.txt")["Vollrath-Ebeling"] == [
        "Hanns Christian Vollrath-Ebeling"
    ]


NEWSLETTER = """Cocoa Grindings Seen Higher
LONDON, May 6 - Cocoa grindings in western Europe should rise
about four pct this year, the Grain Journal newsletter said.
    Quoting trade estimates, Grain Journal said German grinders had
raised their intake sharply since January.
    It said Dutch grindings would recover in the second half once
new capacity at Zaandam came on stream.
"""

THRIFT = """Harbor Savings in Talks on Buying Thrift
SAN JOSE, Calif., May 6 - Harbor Savings and Loan Association
said it is in talks with regulators on the purchase of Valley
Savings and Loan Association of Fresno.
    Harbor said the purchase would give it 22 more branches.
"""

UNION = """Teachers Rally for Public Schools
Parents and teachers rallied outside schools in 40 cities on Thursday.
Denise Kowalczyk, president of the Lakeshore Federation of Teachers, which represents Chicago educators, said she hopes the day shows that families stand behind their schools.
"""


def test_a_paper_a_thrift_and_a_union_president_are_named_as_written(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "cocoa.txt").write_text(NEWSLETTER, encoding="latin-1")
    (corpus / "thrift.txt").write_text(THRIFT, encoding="latin-1")
    (corpus / "rally.txt").write_text(UNION, encoding="utf-8")
    # "Grain Journal said ... It said": two capitalised words with an ordinary word are a paper's name.
    assert speakers_by_sentence(corpus, "cocoa.txt")["It said Dutch gr"] == ["Grain Journal"]
    # A thrift's name runs on through "and": not the other thrift named after it.
    assert speakers_by_sentence(corpus, "thrift.txt")["Harbor Savings a"] == [
        "Harbor Savings and Loan Association"
    ]
    # The union is described; its president speaks.
    assert speakers_by_sentence(corpus, "rally.txt")["Denise Kowalczyk"] == ["Denise Kowalczyk"]


FUND = """Quebec Pension Fund Earns More in 1986
MONTREAL, March 9 - Fonds de retraite et placement du Quebec, the
agency which invests the province's public pension money, said its
portfolio earned 1.4 billion Canadian dlrs in 1986.
    The agency said equities returned 14.1 pct in the year.
"""


def test_a_french_body_name_with_lower_case_words_is_named_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "fund.txt").write_text(FUND, encoding="latin-1")
    said = speakers_by_sentence(corpus, "fund.txt")
    assert said["Fonds de retrait"] == ["Fonds de retraite et placement du Quebec"]
