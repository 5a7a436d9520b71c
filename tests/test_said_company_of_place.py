"""Names asked with an "of" (issue 9, "what did X say"): a company by the first words of a name the
wire writes with its place after the suffix ("Harlan Guaranty" is "Harlan Guaranty Trust Co of New
York", as "Onyx" is "Onyx Petroleum Exploration Co Ltd"), and an analyst asked with her firm
("Dana Pruitt of Wexler Schroder", quoted as Dana Pruitt). A story written for these tests; a real corpus
folder on disk, the real index and the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.stories import ask_cli, filler_stories, write_stories

CREDIT = (
    "Ridgeway Seeks Record Credit\n"
    "LONDON, April 2 - Ridgeway Petroleum is seeking a two billion dlr revolving credit to fund its "
    "offer for the rest of its U.S. unit, Harlan Guaranty Trust Co of New York said.\n"
    "The banks joining the facility would be compensated fairly for the size of their commitments, "
    "Harlan Guaranty Trust Co of New York said.\n"
    "Bond analysts said the banks would be paid less than usual on a credit this large.\n"
)
MINUTES = (
    "Bond Prices Steady After Minutes\n"
    "NEW YORK, May 22 - Dana Pruitt of Wexler Schroder Co Inc said recent slowing in money growth "
    "gave the Fed room not to tighten.\n"
    '"The minutes are neutral for the bond market," Pruitt said.\n'
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(
        tmp_path_factory.mktemp("place") / "corpus",
        {"credit.txt": CREDIT, "minutes.txt": MINUTES, **filler_stories()},
    )


def test_asked_as_the_speaker_on_the_command_line(folder: Path) -> None:
    result = ask_cli(folder, "--speaker", "Harlan Guaranty", "What did they say about the banks?")
    assert result.returncode == 0, result.stderr
    assert "compensated fairly" in result.stdout, result.stdout


def test_an_analyst_asked_with_her_firm_is_found(folder: Path) -> None:
    result = ask_cli(
        folder, "--speaker", "Dana Pruitt of Wexler Schroder", "What did she say about the minutes?"
    )
    assert result.returncode == 0, result.stderr
    assert "neutral for the bond market" in result.stdout, result.stdout
