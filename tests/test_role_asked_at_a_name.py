"""Who holds a role at a name, asked of a story that gives the role only at another name, is refused
(assistant/answer/story_gaps.py, `role_unbound`): "Who is the chairman of Texaco?" found Pennzoil's
story, which names Texaco and Pennzoil's chairman (nine words apart in one sentence: "Pennzoil Co
chairman J. Hugh Liedtke said the company has made several proposals to Texaco Inc"), and quoted
him. The name whose chairman the story gives still answers, in any of the ways a wire writes a role
at a name; who heads a body, by its title ("Acme Widget Corp chairman John Smith" for "Who heads
Acme Widget?": role_asked.written_as)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.stories import ask_cli, filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "pennzoil.txt": (
        "Pennzoil Presses Claim Against Texaco\n"
        "HOUSTON, April 6 - Pennzoil Co chairman J. Hugh Liedtke said the company has made several "
        "proposals to Texaco Inc to settle its 10.3 billion dlr court judgment.\n"
        "Liedtke said the offer Texaco made last week to settle the dispute was far too small.\n"
        "Texaco shares fell 1-1/2 to 31-3/4 on the news.\n"
    ),
    "marlow.txt": (
        "Marlow Chemicals Names Chairman\n"
        "DALLAS, March 9 - Marlow Chemicals Inc said it named Alan Reeve its new chairman, succeeding "
        "Harold Webb, who retires in June.\n"
        "Marlow said resin shipments rose 9 pct last year.\n"
    ),
    "acme.txt": (
        "Acme Widget Sees Higher Profit\n"
        "CHICAGO, March 3 - Acme Widget Corp chairman John Smith said first-quarter profit would rise "
        "on strong demand for its widgets.\n"
    ),
    "kestrel.txt": (
        "Kestrel Plans Ohio Plant\n"
        "DAYTON, March 6 - Kestrel Tool Co said it will build a new assembly plant in Ohio to make "
        "cutting tools for car makers.\n"
        "Ruth Okafor, now Kestrel's director of manufacturing, will head the new plant, the company said.\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_stories(tmp_path_factory.mktemp("roles") / "news", STORIES | filler_stories())


@pytest.fixture(scope="module")
def engine(folder: Path) -> Engine:
    return Engine.open(folder)


HOLDERS = (
    ("Who is the chairman of Pennzoil?", "Liedtke"),  # "Pennzoil Co chairman J. Hugh Liedtke"
    ("Who is the new chairman of Marlow Chemicals?", "Alan Reeve"),  # "named Alan Reeve its new chairman"
    ("Who will head Kestrel's new Ohio plant?", "Ruth Okafor"),  # "Ruth Okafor, now Kestrel's ..., will head"
    ("Who heads Acme Widget?", "John Smith"),  # a heading asked, a title written: "Acme ... chairman"
    ("Who is the head of Acme Widget?", "John Smith"),
)


def test_a_role_given_at_another_name_is_refused_and_at_its_own_name_answers(engine: Engine) -> None:
    answer = engine.ask("Who is the chairman of Texaco?")
    assert not answer.answered
    assert answer.message == PLAIN
    for question, holder in HOLDERS:
        answer = engine.ask(question)
        assert answer.answered, (question, answer.message)
        assert holder in answer.quotes[0].text


def test_the_refusal_is_the_plain_message_on_the_command_line(folder: Path) -> None:
    done = ask_cli(folder, "Who is the chairman of Texaco?")
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip() == PLAIN
    answered = ask_cli(folder, "Who is the chairman of Pennzoil?")
    assert answered.returncode == 0, answered.stderr
    assert "Liedtke" in answered.stdout


def test_a_role_at_a_name_written_by_its_initials_answers(tmp_path: Path) -> None:
    folder = write_stories(
        tmp_path / "news",
        {
            "gm.txt": (
                "GM Sets Truck Plan\n"
                "DETROIT, March 3 - General Motors Corp said it will build a new light truck in "
                "Michigan from next year.\n"
                "GM chairman Roger Smith told reporters the truck would sell well.\n"
            )
        }
        | filler_stories(),
    )
    answer = Engine.open(folder).ask("Who is the chairman of General Motors?")
    assert answer.answered, answer.message
    assert any("Roger Smith" in quote.text for quote in answer.quotes)


def test_an_added_article_is_read_by_its_story_not_by_its_front_matter(tmp_path: Path) -> None:
    """An added article is stored with YAML front matter ("title:", "author: null", ...): its keys
    are no words of the story ("author" is also what "Authority" stems to)."""
    folder = write_stories(tmp_path / "news", filler_stories())
    source = tmp_path / "kestrel.txt"
    source.write_text(
        "Kestrel Shipping names a new chairman\n"
        "Kestrel Shipping said on Tuesday that Jonas Berg, 58, will become its chairman in June.\n"
        "The Baltic Port Authority approved Kestrel's new route to Gdansk last week, a spokesman for "
        "the authority said.\n",
        encoding="utf-8",
    )
    engine = Engine.open(folder)
    (stored,) = engine.add([str(source)]).stored
    assert (folder / stored.article_id).read_text(encoding="utf-8").startswith("---\ntitle:")
    refused = engine.ask("Who is the chairman of the Baltic Port Authority?")
    assert not refused.answered
    assert refused.message == PLAIN
    answer = engine.ask("Who will be the chairman of Kestrel Shipping?")
    assert answer.answered, answer.message
    assert "Jonas Berg" in answer.quotes[0].text
