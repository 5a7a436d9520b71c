"""A daily user's trial on wire copy: "BY TED D'AFFLISIO, Reuters" under a headline names the
author and, apart, the agency, so `--source reuters` finds the story and the citation reads as
any other; a headline opening with a bracket opens with a capital, as the first rows of the chat's
article panel show. The real CLI (CliRunner) on a real corpus folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

OPEC = (
    "OPEC MAY HAVE TO MEET TO FIRM PRICES - ANALYSTS\n"
    "BY TED D'AFFLISIO, Reuters\n"
    "NEW YORK, Feb 26 - OPEC may be forced to meet before a scheduled June session to readdress its "
    "production cutting agreement if the organization wants to halt the current slide in oil prices, "
    "oil industry analysts said.\n"
    "Analysts and oil industry sources said the problem OPEC faces is excess oil supply.\n"
)
FERRY = "Ferry service resumes\nBy Jane Doe, Staff Writer\n\nThe island ferry resumed service on Monday.\n"
COCOA = "Cocoa review\nBY ANN LEE, REUTERS\n\nCocoa prices rose on Monday in Bahia, traders said.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_wire_agency_after_the_byline_is_the_source_not_part_of_the_name(tmp_path: Path) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "00144.txt").write_text(OPEC, encoding="utf-8")
    (corpus / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (corpus / "cocoa.txt").write_text(COCOA, encoding="utf-8")
    for number in range(3):
        (corpus / f"filler{number}.txt").write_text(
            f"Council news {number}\n\nThe council met on Tuesday to discuss the parks budget.\n",
            encoding="utf-8",
        )
    code, out, err = run("list", "--json", "--corpus", str(corpus))
    assert code == 0, err
    rows = {row["id"]: row for row in json.loads(out)}
    # It was author "TED D'AFFLISIO, Reuters" and no source: `--source reuters` found nothing.
    # (A byline in capitals is shown as a name is written since trial 13.)
    assert (rows["00144.txt"]["author"], rows["00144.txt"]["source"]) == ("Ted D'Afflisio", "Reuters")
    assert (rows["cocoa.txt"]["author"], rows["cocoa.txt"]["source"]) == ("Ann Lee", "Reuters")
    # A role after the name is no agency: left as it was.
    assert (rows["ferry.txt"]["author"], rows["ferry.txt"]["source"]) == ("Jane Doe, Staff Writer", None)

    code, out, err = run(
        "ask",
        "--no-history",
        "--corpus",
        str(corpus),
        "--source",
        "reuters",
        "--top",
        "1",
        "Why may OPEC be forced to meet before June?",
    )
    assert code == 0, err
    assert (
        "— oil industry analysts, in Ted D'Afflisio, "
        "“OPEC May Have to Meet to Firm Prices - Analysts”, Reuters," in out
    )


def test_a_headline_opening_with_a_bracket_opens_with_a_capital(tmp_path: Path) -> None:
    # Sorted by title, "(corrected) - Banponce…" and "(crime Control Inc)…" were the first rows of the
    # chat's article panel on the Reuters archive.
    corpus = tmp_path / "wire"
    corpus.mkdir()
    heads = {
        "a.txt": ("(corrected) - Banponce <bdep> Places Notes", "(Corrected) - Banponce Places Notes"),
        "b.txt": ("(crime Control Inc) 4TH QTR NET Loss", "(Crime Control Inc) 4th Qtr Net Loss"),
        "c.txt": (
            "(G.T.C. Transcontinental Group Ltd) 1ST QTR NET",
            "(G.T.C. Transcontinental Group Ltd) 1st Qtr Net",
        ),
    }
    for name, (head, _) in heads.items():
        body = "TORONTO, March 3 - The company said its quarterly results were in line with forecasts.\n"
        (corpus / name).write_text(f"{head}\n{body}", encoding="utf-8")
    code, out, err = run("list", "--json", "--corpus", str(corpus))
    assert code == 0, err
    assert {row["id"]: row["title"] for row in json.loads(out)} == {n: t for n, (_, t) in heads.items()}


def test_the_wire_sign_off_or_the_datelines_agency_is_the_source(tmp_path: Path) -> None:
    # Raw wire copy says where it comes from only in its sign-off ("Reuter") or its dateline's
    # "(AP)"; the card showed no source, and `--source reuters` found none of the archive.
    corpus = tmp_path / "wire"
    corpus.mkdir()
    (corpus / "02165.txt").write_text(
        "OGDEN <OG> DEVICE APPROVED BY U.S. FOR TESTING\n"
        "    NEW YORK, March 5 - Ogden Corp said a unit won approval\n"
        "from the U.S. Environmental Protection Agency to test a bed\n"
        "combuster, a device that burns some hazardous wastes.\n"
        "    Testing begins at the end of March.\n"
        " Reuter\n",
        encoding="utf-8",
    )
    (corpus / "ap.txt").write_text(
        "Ferry strike ends\n\nBERGEN, Norway (AP) - The ferry strike ended on Monday after talks.\n",
        encoding="utf-8",
    )
    (corpus / "caps.txt").write_text(
        "Rates hold\n\nNEW YORK (BLOOMBERG) - Bond yields held steady on Monday after the auction.\n",
        encoding="utf-8",
    )
    (corpus / "plain.txt").write_text(
        "Parks budget\n\nThe council met on Tuesday to discuss the parks budget.\n", encoding="utf-8"
    )
    code, out, err = run("list", "--json", "--corpus", str(corpus))
    assert code == 0, err
    sources = {row["id"]: row["source"] for row in json.loads(out)}
    # An agency written in capitals is shown as the agency names itself.
    assert sources == {"02165.txt": "Reuters", "ap.txt": "AP", "caps.txt": "Bloomberg", "plain.txt": None}

    code, out, err = run(
        "ask",
        "--no-history",
        "--corpus",
        str(corpus),
        "--source",
        "reuters",
        "--top",
        "1",
        "When does Ogden start testing its waste burner?",
    )
    assert code == 0, err
    assert "“Testing begins at the end of March.”" in out
    assert "Reuters" in out
    assert "Reuter\n" not in out  # the sign-off itself is never quoted


def test_an_agency_alone_between_paragraphs_is_a_credit_not_the_source(tmp_path: Path) -> None:
    # "Reuters" under a photo, with the story going on after it, made a staff writer's story Reuters'.
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(
        "Harbour council approves seawall plan\nBy Jane Doe\n\n"
        "The harbour council approved the seawall plan on Monday, the mayor said.\n\nReuters\n\n"
        "Work on the wall will start in May and last two years, officials said.\n",
        encoding="utf-8",
    )
    (corpus / "parks.txt").write_text(
        "Parks budget debated\nBy Sam Ortiz\n\nThe council met on Tuesday to discuss the parks budget.\n"
        "AP\nThe mayor said the parks would stay open all year.\n",
        encoding="utf-8",
    )
    # A sign-off with furniture after it still signs the story.
    (corpus / "cocoa.txt").write_text(
        "Cocoa prices rise\n\nCocoa prices rose on Monday in Bahia, traders said.\n\n"
        "Reuter\n\nAdvertisement\n",
        encoding="utf-8",
    )
    code, out, err = run("list", "--json", "--corpus", str(corpus))
    assert code == 0, err
    rows = {row["id"]: row for row in json.loads(out)}
    assert (rows["harbour.txt"]["source"], rows["parks.txt"]["source"]) == (None, None)
    assert rows["cocoa.txt"]["source"] == "Reuters"
