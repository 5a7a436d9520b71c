"""Who is shown as the speaker in wire copy: bracketed company names, short names, titles.

Each case is a real article folder on disk, indexed for real, and read back as a user sees it:
`assistant speakers --json` in a fresh process, or the speaker of the quotes an answer shows.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.engine import Engine


def _corpus(tmp_path: Path, articles: dict[str, str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    # Filler stories, so that the terms of the stories under test are rare enough to rank.
    for i in range(5):
        (folder / f"grain{i}.txt").write_text(
            f"Grain report {i}\n\nWheat exports rose {i} percent in March, the farm department said.\n\n"
            "Prices for soybeans fell as buyers waited for rain.\n",
            encoding="utf-8",
        )
    return folder


def _speakers(folder: Path) -> dict[str, dict[str, object]]:
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "speakers", "--json", "--corpus", str(folder)],
        capture_output=True, text=True, timeout=120, cwd=folder.parent,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return {str(row["name"]): row for row in json.loads(run.stdout)}


MARK = (
    "Mark Resources to sell securities\n\n"
    "CALGARY, March 3 - <Mark Resources Inc> said it agreed to sell 50.3 mln dlrs of securities to "
    "Canadian investment dealers.\n\n"
    "Mark said the securities would consist of 2.3 mln series A special warrants at 11 dlrs each.\n\n"
    "Closing is expected March 17, it said.\n"
)
KODAK = (
    "Kodak introduces information systems\n\n"
    "Eastman Kodak Co said it is introducing four information technology systems.\n\n"
    "The Kodak KIMS system 5000 is a networked information management system using optical disks.\n\n"
    "Kodak said it will begin deliveries of the KIMS system 5000 in mid-1987.\n"
)
OPEC = (
    "OPEC may meet early\n\n"
    "David T. Mizrahi, editor of Mideast reports, expects OPEC to meet before June.\n\n"
    '"They will not meet now," Mizrahi said.\n'
)
MANILA = (
    "Manila drops debt pledge demand\n\n"
    "Economic Planning Secretary Solita Monsod told Reuters Finance Secretary Jaime Ongpin had decided "
    "not to insist on a pledge from creditor banks.\n\n"
    "Ongpin said every 1/16 point over LIBOR meant more interest to pay.\n"
)
BEEF = (
    "More pressure urged for Asia to take U.S. beef\n\n"
    "Testifying at a House subcommittee hearing, Rep. Hal Daub (R-Nebr.), said the administration "
    "should push hard for greater beef imports by Japan.\n\n"
    'U.S. assistant trade representative Suzanne Earley, replied "we are not going to let Japan off '
    'the hook." She noted trade representative Clayton Yeutter met a senior Korean official last week.\n'
)


def test_a_company_written_in_wire_brackets_speaks_and_is_its_short_name(tmp_path: Path) -> None:
    people = _speakers(_corpus(tmp_path, {"mark.txt": MARK}))
    assert "Mark" not in people
    assert people["Mark Resources Inc"]["statements"] == 3  # the lead, "Mark said", "it said"


def test_a_company_is_not_named_after_its_product_line(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"kodak.txt": KODAK})
    assert "Kodak KIMS" not in _speakers(folder)
    answer = Engine.open(folder).ask("What did Kodak say about deliveries?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("Kodak said it will begin deliveries")
    assert first.speaker is not None and first.speaker.name == "Eastman Kodak Co"


def test_a_newsletter_named_reports_is_no_reporting_verb(tmp_path: Path) -> None:
    people = _speakers(_corpus(tmp_path, {"opec.txt": OPEC}))
    assert "Mideast" not in people
    assert "David T. Mizrahi" in people


def test_the_agency_told_is_no_part_of_a_title(tmp_path: Path) -> None:
    people = _speakers(_corpus(tmp_path, {"manila.txt": MANILA}))
    roles = people["Jaime Ongpin"]["roles"]
    assert roles and not any(str(r).startswith("Reuters") for r in roles)  # type: ignore[union-attr]


def test_she_is_the_woman_just_named_not_the_congressman_before(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"beef.txt": BEEF})
    people = _speakers(folder)
    assert people["Hal Daub"]["statements"] == 1
    assert people["Suzanne Earley"]["statements"] == 2
    answer = Engine.open(folder).ask("What did Earley note about Clayton Yeutter?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("She noted")
    assert first.speaker is not None and first.speaker.name == "Suzanne Earley"


def test_a_senator_asked_about_is_never_a_company_of_his_name(tmp_path: Path) -> None:
    folder = _corpus(
        tmp_path,
        {
            "fleming.txt": "Broker lifts forecast\n\n"
            "Fleming Securities said it expects the yen to climb against the dollar.\n"
        },
    )
    engine = Engine.open(folder)
    asked_company = engine.ask("What did Fleming say about the yen?")
    assert asked_company.answered and asked_company.quotes[0].speaker is not None
    assert asked_company.quotes[0].speaker.name == "Fleming Securities"
    answer = engine.ask("What did Senator Fleming say about the yen?", speaker="Senator Fleming")
    assert not answer.answered


WIRE_VOICES = (
    "Coffee talks stall\n\n"
    "No further meeting to discuss quotas was set, delegates said.\n\n"
    "The exchange said it raised the spot March margin requirement to 130,000 yen.\n\n"
    "Ford's new production schedule represents a 12 pct increase from previous plans, Ward's said.\n\n"
    "Canadian Foreign Secretary Joe Clark, winding up a two-day visit to Washington, said he expected "
    "action on acid rain.\n\n"
    "Trade sources in Rio today said Brazil's export policy was unlikely to be revealed soon.\n\n"
    "Peru's biggest state mining firm, Centromin SA, said there was no force majeure on its copper "
    "shipments.\n"
)


def test_wire_voices_without_a_personal_name_are_found(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"voices.txt": WIRE_VOICES})
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "show", "voices.txt", "--json", "--corpus", str(folder)],
        capture_output=True, text=True, timeout=120, cwd=folder.parent,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    shown = [a for s in json.loads(run.stdout)["sentences"] for a in s["attributions"]]
    names = [a["name"] for a in shown]
    assert names == [
        "delegates",
        "The exchange",
        "Ward's",
        "Joe Clark",
        "Trade sources in Rio",
        "Centromin SA",
    ]
    assert shown[3]["role"] == "Canadian Foreign Secretary"


def test_the_exchange_is_the_exchange_the_story_names_not_the_company_last_quoted(tmp_path: Path) -> None:
    story = (
        "Margins raised\n\n"
        "The Tokyo Grain Exchange raised its margin requirements for soybean futures.\n\n"
        "Mitsui and Co Ltd said it would keep trading.\n\n"
        "The exchange said the higher margins take effect on March 13.\n"
    )
    answer = Engine.open(_corpus(tmp_path, {"tge.txt": story})).ask(
        "What did the exchange say about margins?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("The exchange said the higher margins")
    assert first.speaker is not None and first.speaker.name == "Tokyo Grain Exchange"
