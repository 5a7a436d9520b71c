"""Wire stories name who speaks once, then go on with "It said" or a first surname, and the
quotes were cited as "— It" or as a bare "Marin", with the "He said" after it cited as "— He".
Stories written here in the wire's shape (hard-wrapped, dateline, a company in brackets); the
real CLI in a subprocess on a real corpus folder."""

from __future__ import annotations

from pathlib import Path

from cli_process import assistant as cli
from cli_process import speakers_by_sentence

BRACKETED = """Kelvin Marine Sees Weak First Quarter
HALIFAX, Feb 26 - (Kelvin Marine Inc) said lower freight
rates and the stronger Canadian dollar would leave first
quarter earnings "minimal".
    It said later quarters should show a clear improvement, but
1987 earnings would not reach 1986 levels.
"""

NAMED_BY_HEADLINE = """Dorrance Unit to Make Glass Bottles
NEW YORK, March 2 - Dorrance Holdings' packaging unit will
enter the glass bottle market, the company said.
    Dorrance said it will begin making bottles for dairies in
April and raise output in the autumn.
    It said demand for glass bottles is rising about eight pct a
year in the northeast.
"""

FIRST_SURNAME = """Chile Copper Output Seen Steady
SANTIAGO, March 3 - Heavy snow has not cut copper output,
the head of one of Chile's mining groups said.
    Tomas Ruiz Ortega, president of the Andes Mining group, told
Reuters output of up to 1.4 mln tonnes was expected this year.
    Ruiz said the snow would only matter if it lasted into May.
    He said producers hoped for a larger export quota this year.
"""


def test_it_said_is_the_company_that_spoke_before(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "kelvin.txt").write_text(BRACKETED, encoding="latin-1")
    (corpus / "dorrance.txt").write_text(NAMED_BY_HEADLINE, encoding="latin-1")
    assert speakers_by_sentence(corpus, "kelvin.txt")["It said later qu"] == ["Kelvin Marine Inc"]
    assert speakers_by_sentence(corpus, "dorrance.txt")["It said demand f"] == ["Dorrance Holdings"]
    asked = cli(corpus, "ask", "How much is demand for glass bottles rising each year?", "--top", "1")
    assert asked.returncode == 0, asked.stderr
    assert "— Dorrance Holdings," in asked.stdout and "— It," not in asked.stdout


def test_a_first_surname_and_the_he_after_it_are_the_person_named_in_full(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "copper.txt").write_text(FIRST_SURNAME, encoding="latin-1")
    said = speakers_by_sentence(corpus, "copper.txt")
    assert said["Ruiz said the sn"] == ["Tomas Ruiz Ortega"]
    assert said["He said producer"] == ["Tomas Ruiz Ortega"]
    asked = cli(corpus, "ask", "--speaker", "Tomas Ruiz Ortega", "What did he say about the export quota?")
    assert asked.returncode == 0, asked.stderr
    assert "— Tomas Ruiz Ortega," in asked.stdout and "— He," not in asked.stdout
