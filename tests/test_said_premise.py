""" "What did X say": the lead that states the question's premise is not X's answer, and X asked
as a trade ("bankers") finds the speakers described by it ("Banking sources").

A real corpus folder on disk, the real index, the engine as the CLI calls it, and the CLI itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

ARTICLES = {
    "sterling.txt": (
        "Money market rates firm after sterling targets\n"
        "LONDON, March 20 - Interest rates on the London money market were slightly firmer on news U.K. "
        "Chancellor of the Exchequer Nigel Lawson had stated target rates for sterling against the dollar "
        "and mark, dealers said.\n"
        "They said this had come as a surprise and expected the targets, 2.90 marks and 1.60 dlrs, to be "
        "promptly tested in the foreign exchange markets.\n"
        "Sterling opened 0.3 points lower in trade weighted terms at 71.3.\n"
    ),
    "finland.txt": (
        "Bank of Finland to announce measures\n"
        "HELSINKI, March 10 - The Bank of Finland called a news conference at 1200 GMT to announce new "
        'measures for the "development of the system of monetary control."\n'
        "Banking sources said they expected the bank to announce it will actively take part in the "
        "interbank market and buy and sell certificates of deposit.\n"
        "The central bank gave no details of the measures.\n"
    ),
    "grain.txt": (
        "Wheat Exports Rise\n"
        "CHICAGO, March 3 - U.S. wheat exports rose in the latest week as buyers in Asia took more grain, "
        "the Agriculture Department said.\n"
        "Traders said corn prices were steady on the news.\n"
    ),
    "autos.txt": (
        "Carmaker Sales Climb\n"
        "DETROIT, March 3 - General Motors Corp said its car sales climbed 12 pct in February from a year "
        "earlier.\n"
        "The company said truck sales were flat.\n"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("said-premise") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_lead_stating_the_premise_gives_way_to_what_x_said_about_it(corpus: Path) -> None:
    # The lead restates the premise ("Lawson's naming of sterling targets") in most of the question's
    # words and is the dealers' too; what they expected comes in the next paragraph.
    answer = Engine.open(corpus).ask(
        "How did London dealers expect currency markets to respond to Nigel Lawson's naming of "
        "sterling targets?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("They said this had come as a surprise and expected the targets")
    assert first.speaker is not None and first.speaker.name == "dealers"


def test_bankers_asked_finds_banking_sources(corpus: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", "--no-history", "--corpus", str(corpus),
         "--speaker", "bankers", "What did they expect the bank to announce?"],
        capture_output=True, text=True, timeout=120, cwd=corpus.parent,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    out = json.loads(run.stdout)
    first = out["quotes"][0]
    assert first["text"].startswith("Banking sources said they expected the bank to announce")
    assert first["speaker"]["name"] == "Banking sources"


def test_a_company_whose_name_opens_with_a_role_word_is_found_by_that_name(tmp_path: Path) -> None:
    # "National" is also a role word ("National Security Adviser"); the company is still asked by name.
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "chips.txt").write_text(
        "National Semiconductor sees better year\n"
        "SANTA CLARA, Calif., June 1 - National SemiConductor Corp said it expects improved results.\n"
        'The company said orders have improved, adding "Our strong balance sheet should help us."\n',
        encoding="utf-8",
    )
    answer = Engine.open(folder).ask(
        "What did National Semiconductor say about orders?", speaker="National Semiconductor"
    )
    assert answer.answered, answer.message
    assert answer.quotes[0].speaker is not None
    assert answer.quotes[0].speaker.name == "National SemiConductor Corp"
