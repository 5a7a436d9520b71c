"""The kind of answer asked in a reader's words (issue 9): "Within what period" wants a duration,
"How steep are the cuts" a size, "What is X paying for Y" a sum, and "How soon could X buy,
according to Y?" a time, though it also reads as asking Y's statement; "the port city of Kellen"
is a place offered. A sentence sharing more of the question's words but holding no answer of that
kind does not come first. Stories written for these tests; real corpus folders on disk, the real
index and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, first_quote, write_stories

STABLES = (
    "Hillcrest Stables Completes Purchase Of Paddock Farms\n"
    "Hillcrest Stables Inc said it has completed the purchase of Paddock Farms Inc, the racehorse "
    "breeder, for three mln common shares of Hillcrest Stables.\n"
    "Hillcrest said the former owners of Paddock Farms may earn another 1.5 mln shares if Paddock "
    "Farms reaches an agreed level of stockholders' equity in a fiscal quarter within 18 months of "
    "the closing.\n"
    "If Paddock Farms meets the equity goal and Hillcrest hands over all of those shares, the former "
    "owners of Paddock Farms will hold 60 pct of Hillcrest Stables, the company said.\n"
)
FARM_BILL = (
    "Administration Sends Farm Bill To Congress\n"
    "The administration sent Congress a farm bill that would lower support prices for grain growers "
    "and loosen the link between planting and income support.\n"
    "The bill's most disputed provision would make 8 pct yearly reductions in support prices for "
    "grain and cotton.\n"
    "Farm state lawmakers said the bill's support price provisions stand little chance this year.\n"
)
REFINERY = (
    "Harbor Fuels To Buy Coastal Refinery Business\n"
    "Harbor Fuels Corp said it agreed to buy the coastal refining and marketing business of Delta "
    "Petroleum Co, a move that doubles its refining capacity.\n"
    "Harbor Fuels will pay 95 mln dlrs in cash for the business, which includes a refinery and "
    "40 service stations.\n"
    "Delta Petroleum said selling the business lets it focus on exploration.\n"
)
NORVALE = (
    "Norvale Chemical Has Cash For Acquisitions\n"
    "Norvale Chemical Corp chairman Anton Reyes said the company has about 300 mln dlrs available "
    "for acquisitions of specialty chemical makers.\n"
    '"Norvale could soon make an acquisition of a chemical company," Reyes said.\n'
    "Speaking at the annual meeting, he said a purchase could be made in the next 18 months.\n"
    "Reyes said Norvale would not discuss its acquisition talks with regulators.\n"
)
EXCHANGES = (
    "Norland Opens Stock Exchanges\n"
    "Norland's first stock exchange opened last year in the northern city of Varsk, and others have "
    "since opened in Delmar and Ostrava.\n"
    "Norland's fourth stock exchange will open on May 2 in the river port city of Kellen, the state "
    "news agency said.\n"
    "It said the exchange would at first trade government bonds.\n"
)


def _corpus(folder: Path) -> Path:
    fillers = filler_stories()
    stories = {
        "stables.txt": STABLES,
        "farmbill.txt": FARM_BILL,
        "refinery.txt": REFINERY,
        "norvale.txt": NORVALE,
        "exchanges.txt": EXCHANGES,
    }
    return write_stories(folder, {**stories, **fillers})


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("kinds") / "corpus"))


def test_within_what_period_is_answered_by_the_duration(engine: Engine) -> None:
    first = first_quote(
        engine,
        "Within what period must Paddock Farms meet the equity goal for Hillcrest to hand over more shares?",
    )
    assert "within 18 months" in first, first


def test_how_steep_is_answered_by_the_size_of_the_cuts(engine: Engine) -> None:
    first = first_quote(
        engine, "How steep are the annual support price cuts in the administration's farm bill?"
    )
    assert "8 pct yearly reductions" in first, first


def test_how_soon_according_to_someone_is_answered_by_the_time(engine: Engine) -> None:
    first = first_quote(engine, "How soon could Norvale make an acquisition, according to Anton Reyes?")
    assert "in the next 18 months" in first, first


def test_a_city_named_by_its_kind_answers_which_city(engine: Engine) -> None:
    first = first_quote(engine, "Which city will host Norland's fourth stock exchange?")
    assert "port city of Kellen" in first, first


def test_what_is_x_paying_is_answered_by_the_sum(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    result = ask_cli(
        folder, "--top", "1", "What is Harbor Fuels paying for Delta's refining and marketing operations?"
    )
    assert result.returncode == 0, result.stderr
    assert "95 mln dlrs in cash" in result.stdout, result.stdout
