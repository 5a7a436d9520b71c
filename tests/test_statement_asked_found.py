"""A question asking what a named speaker said is answered when the speaker is found saying
something on its topic, even in other words than the question's (assistant/answer/refusal.py,
`statement_found`): the refusal models, trained on SQuAD's wording, refused such questions with the
statement first in line. A statement on another topic, or a topic the corpus never writes of,
is still refused."""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

STORIES = {
    "survey.txt": (
        "Purchasing Managers See Slower Growth\n"
        "NEW YORK, March 2 - Purchasing managers reported a further rise in business activity in "
        "February, the association's monthly survey showed.\n"
        "Robert Bretz, chairman of the association's survey committee, said: \"The economy continued "
        'to expand in February, but at a more subdued rate than in January."\n'
        "The survey's index of new business fell to 52.1 pct from 55.8 pct in January.\n"
    ),
    "terminals.txt": (
        "Minitel Trial Planned In Houston\n"
        "HOUSTON, March 4 - Intelmatique, the French videotex company, plans a pilot program of its "
        "Minitel service in Houston this summer.\n"
        "Participants in the pilot program will be able to rent Minitel terminals for 25 dlrs per "
        "month, Intelmatique said.\n"
        "About 2,000 households are expected to take part.\n"
    ),
    # Other stories use the question's words, as any real archive does: the corpus knows them.
    "steel.txt": (
        "Steel Orders Weaken\n"
        "PITTSBURGH, March 3 - Steel makers said the pace of new orders was weaker in February.\n"
        "Analysts characterize the market as soft, with growth in imports.\n"
    ),
    "copiers.txt": (
        "Copier Maker Expands Leasing\n"
        "ROCHESTER, March 5 - Leasing of office devices rose 12 pct in the year, the copier maker said.\n"
    ),
}


def _engine(tmp_path: Path) -> Engine:
    return Engine.open(write_stories(tmp_path / "news", STORIES | filler_stories()))


def test_a_statement_in_other_words_is_answered_with_the_speakers_words(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    answer = engine.ask("How did Bretz characterize the weaker pace of business growth?")
    assert answer.answered
    assert "more subdued rate" in answer.quotes[0].text
    answer = engine.ask("What did Intelmatique say about renting the devices?")
    assert answer.answered
    assert "rent Minitel terminals" in answer.quotes[0].text


def test_a_statement_on_another_topic_is_refused(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    assert not engine.ask("What did Bretz say about the price of gold?").answered
    assert not engine.ask("What did Intelmatique say about its football team?").answered
