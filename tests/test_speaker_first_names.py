"""A person named with a first name the hand-written list lacked ("Martin ... of Morgan Guaranty") was
cited as the bank, and the "he said" after them as "He". First names now come from WordNet's people;
a company called by a word that is also a first name ("Ford") and a name with two given names keep
theirs. Stories written here in the wire's shape; the real CLI in a subprocess on a real corpus folder."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import assistant as cli

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


def speakers_by_sentence(corpus: Path, article: str) -> dict[str, list[str]]:
    shown = json.loads(cli(corpus, "show", article, "--json").stdout)
    return {s["text"][:16]: [a["name"] for a in s["attributions"]] for s in shown["sentences"]}


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
    assert speakers_by_sentence(corpus, "bankers.txt")["Vollrath-Ebeling"] == ["Hanns Christian Vollrath-Ebeling"]
