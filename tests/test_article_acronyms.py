"""An article's own acronyms (issue 9): a story that writes "the Energy Information Administration
(EIA)" says, for itself, that EIA and those words name one body. A question writing one form is
matched by a sentence writing the other, both ways round, and the sentence of the body asked comes
first, before another body's sentence on the same figures. Stories written for these tests; a real
corpus folder on disk, the real index and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.acronyms import acronym_pairs
from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, first_quote, write_stories

STOCKS = (
    "U.S. Gasoline Stocks Fall In Week, Agencies Say\n"
    "The Energy Information Administration (EIA) and the American Petroleum Institute (API) both "
    "reported lower U.S. oil inventories for the week to March 6.\n"
    "The American Petroleum Institute said gasoline stocks fell 2.9 mln barrels in the week.\n"
    "Gasoline stocks fell 1.4 mln barrels in the week, the Energy Information Administration said.\n"
    "The API said distillate stocks rose 0.6 mln barrels, while the EIA put crude runs at 12.3 mln "
    "barrels a day.\n"
)
COFFEE = (
    "Coffee Groups Propose Export Quotas\n"
    "Producers in the International Coffee Organization (ICO) and the Inter-African Coffee "
    "Organization met in London to discuss export quotas, delegates said.\n"
    "The Inter-African Coffee Organization proposed a quota of 58 mln bags, delegates said.\n"
    "The ICO proposed a quota of 56 mln bags, delegates said.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = {"stocks.txt": STOCKS, "coffee.txt": COFFEE, **filler_stories()}
    return write_stories(tmp_path_factory.mktemp("acronyms") / "corpus", stories)


def test_an_article_defines_its_acronyms() -> None:
    assert dict(acronym_pairs(STOCKS)) == {
        "EIA": "Energy Information Administration",
        "API": "American Petroleum Institute",
    }
    assert acronym_pairs("Net profit (loss) rose. It said (see below) more.") == ()


def test_the_acronym_asked_finds_the_name_written(folder: Path) -> None:
    first = first_quote(
        Engine.open(folder), "How much did gasoline stocks fall in the week according to the EIA?"
    )
    assert "1.4 mln barrels" in first, first


def test_the_name_asked_finds_the_acronym_written(folder: Path) -> None:
    result = ask_cli(
        folder,
        "--top",
        "1",
        "What quota did the International Coffee Organization propose?",
    )
    assert result.returncode == 0, result.stderr
    assert "56 mln bags" in result.stdout, result.stdout
