"""A why-question whose answer's story gives no reason is refused (story_gaps.kind_missing reading
`reason_missing`): a near miss finds the company's story, which reports what was done but not why,
and was shown a sentence restating the event as if it were the reason. The story that says why
still answers, and so does a question asking a source's view ("Why does X believe...?"), whose
answer is the source's statement, written without a word of causing."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

PLAIN = "The corpus holds no answer to this question."

STORIES = {
    "tern.txt": (
        "Tern Airways Cuts Albany Flights\n"
        "BOSTON, March 9 - Tern Airways Inc said it will cut its daily flights between Boston and "
        "Albany to four from seven starting in May.\n"
        "The airline said its Boston to Portland service will stay unchanged.\n"
        "Tern Airways operates 22 aircraft, the company said.\n"
    ),
    "plover.txt": (
        "Plover Air Cuts Aspen Flights\n"
        "DENVER, March 9 - Plover Air Corp said it will cut its daily flights between Denver and "
        "Aspen to three from six because winter bookings fell 30 pct.\n"
        "Plover Air operates 14 aircraft, the company said.\n"
    ),
    "gannet.txt": (
        "Agency Sees Gannet Power Coverage Stable\n"
        "NEW YORK, March 9 - Rating agency Halden Investors Service said Gannet Power Co can keep its "
        "debt coverage stable despite a weak rate ruling.\n"
        "Halden said the utility has strong financial management and steady sales of power.\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(write_stories(tmp_path_factory.mktemp("reason") / "news", STORIES | filler_stories()))


def test_a_reason_the_story_never_gives_is_refused(engine: Engine) -> None:
    answer = engine.ask("Why is Tern Airways cutting its Boston to Albany flights?")
    assert not answer.answered
    assert answer.message == PLAIN


def test_the_story_that_gives_the_reason_answers(engine: Engine) -> None:
    answer = engine.ask("Why is Plover Air cutting its Denver to Aspen flights?")
    assert answer.answered
    assert "because winter bookings fell" in answer.quotes[0].text


def test_a_source_view_asked_why_is_still_answered(engine: Engine) -> None:
    answer = engine.ask("Why does Halden believe Gannet Power can keep its debt coverage stable?")
    assert answer.answered


# News copy states a cause without a word of causing; each was refused as giving no reason.
NEWS_CAUSES = {
    "dock.txt": (
        "Dock Union Strikes\nHAMBURG, March 9 - The dock workers union called a 24-hour strike at the "
        "port of Hamburg over pay.\nThe port handled 8 mln containers last year, the port authority said.\n"
    ),
    "quill.txt": (
        "Quill Shares Fall\nNEW YORK, March 9 - Shares of Quill Corp fell 5 pct on concerns about weak "
        "demand for its printers.\nQuill employs 3,000 people, the company said.\n"
    ),
    "bridge.txt": (
        "Bridge Closed\nLONDON, March 9 - The Tower Road bridge was closed for urgent repairs on Monday.\n"
        "The bridge carries 20,000 cars a day, the council said.\n"
    ),
    "park.txt": (
        "Park Closed\nLEEDS, March 9 - Following complaints from residents, the council closed Kirk Park "
        "at night.\nThe park covers 40 acres, the council said.\n"
    ),
    "fog.txt": (
        "Flights Grounded\nDUBLIN, March 9 - Aer Tern grounded all flights on Monday, with fog covering "
        "Dublin airport.\nThe airline flies 40 routes, the company said.\n"
    ),
    "mayor.txt": (
        "Mayor Resigns\nLEEDS, March 9 - Mayor Tom Berg resigned on Monday, saying he needed to care for "
        "his sick wife.\nBerg had been mayor for six years, the council said.\n"
    ),
}


@pytest.fixture(scope="module")
def news_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("causes") / "news"
    return Engine.open(write_stories(folder, NEWS_CAUSES | filler_stories()))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Why did the dock workers union call a strike at the port of Hamburg?", "over pay"),
        ("Why did Quill shares fall?", "on concerns about weak demand"),
        ("Why was the Tower Road bridge closed?", "for urgent repairs"),
        ("Why did the council close Kirk Park at night?", "Following complaints from residents"),
        ("Why did Aer Tern ground all flights?", "with fog covering Dublin airport"),
        ("Why did Mayor Tom Berg resign?", "saying he needed to care for his sick wife"),
    ],
)
def test_a_reason_news_copy_states_without_a_cue_is_answered(
    news_engine: Engine, question: str, reason: str
) -> None:
    answer = news_engine.ask(question)
    assert answer.answered, answer.message
    assert reason in answer.quotes[0].text
