"""Whose words "The bulk shipping company said", "The Commission said" and "Marlowe said" are (issue
9, "what did X say"): the company the story named before, described in a few words; the commission
its lead named in full, three paragraphs back; the bank named in full and as "Marlowe Bank" too.
Shown under that name, and found when asked by it. Stories
written for these tests in the wire's shape; real corpus folders on disk, the real index."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

SHIPPING = (
    "Tessaly Plans To Cut Debt\n"
    "NEW YORK, June 18 - Tessaly Corp said it expects to cut the debt guaranteed by its former owner "
    "to 30 mln dlrs by the end of the year.\n"
    "The bulk shipping company said it expects to have an employee stock plan in place before year "
    "end, subject to stockholder approval.\n"
    "Freight rates for dry cargo rose again in May, brokers said.\n"
)
FARES = (
    "Commission May Act Against Three Airlines\n"
    "BRUSSELS, March 27 - The European Commission said it could begin legal moves next month against "
    "three airlines over fare-fixing.\n"
    "The Commission also wants ministers to agree on a new airline regime by the end of June.\n"
    "It has pressed carriers for years to drop deals under which they share routes.\n"
    "Last July, it wrote to ten carriers saying their practices break competition rules.\n"
    "The Commission said in a statement today that seven carriers have responded positively to these "
    "letters and that talks are under way.\n"
)
BANK = (
    "Marlowe Bank Sets Distribution\n"
    "TORONTO, March 9 - Marlowe Bank of Canada, a subsidiary of Lloyds Bank PLC, said it will redeem "
    "its preferred shares and pay a stock dividend to common shareholders.\n"
    "Marlowe said the new notes will carry a dividend rate of 72 pct of prime.\n"
    "Marlowe Bank said it expects the final payment to shareholders late next year.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    stories = {"tessaly.txt": SHIPPING, "fares.txt": FARES, "marlowe.txt": BANK, **filler_stories()}
    return Engine.open(write_stories(tmp_path_factory.mktemp("described") / "corpus", stories))


def test_a_company_described_in_words_is_shown_as_the_company_named_before(engine: Engine) -> None:
    answer = engine.ask("What did Tessaly say about the employee share plan?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "employee stock plan" in first.text, [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.name == "Tessaly Corp", first.speaker


def test_the_commission_is_the_one_the_lead_named(engine: Engine) -> None:
    answer = engine.ask("What did the European Commission say about how carriers answered its letters?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "responded positively" in first.text, [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.name == "European Commission", first.speaker


def test_the_speakers_list_counts_every_statement_of_the_commission(engine: Engine) -> None:
    # The lead, "it wrote to ten carriers saying…" (the body that spoke before) and "The Commission said".
    entries = {entry.name: entry for entry in engine.speakers()}
    assert entries["European Commission"].statements == 3, entries.get("European Commission")


def test_a_bank_called_by_its_first_word_is_the_one_named_in_full(engine: Engine) -> None:
    answer = engine.ask("What did Marlowe Bank of Canada say about the dividend rate of the notes?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert "72 pct of prime" in first.text, [q.text for q in answer.quotes]
    assert first.speaker is not None and first.speaker.name == "Marlowe Bank of Canada", first.speaker
