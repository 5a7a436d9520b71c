""" "What did X say": a sentence is X's where it goes on with X's statement (a quotation carried on,
"he said" after X's), not where the reporter writes on after X has spoken ("Velmark was swept by
strikes last month ...", which repeats the question's words) or someone else speaks.

A story written for this test in the wire's shape; a real corpus folder on disk, the real index.
"""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

WAGES = (
    "Velmark Workers May Be Angered By Lost Subsidies\n"
    "DORNAU, April 8 - Velmark government plans to stop subsidising loss-making firms will anger "
    "hundreds of thousands of workers, Western diplomats said.\n"
    "The law, proposed by Prime Minister Anton Resnik, goes into effect on July 1 and aims to end a "
    "long-standing practice of supporting unprofitable companies.\n"
    '"It was a bitter pill which had to be swallowed, but if an overdose is taken too abruptly, it may '
    'have adverse effects on the system," a Western diplomat said.\n'
    "He said if the law was applied too strictly it would probably provoke a new wave of strikes and "
    "unrest.\n"
    "Velmark was swept by strikes last month when the wage law proposed by Resnik was first enforced.\n"
    "But with inflation moving towards 100 pct, trade union leaders are pressing for higher pay.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    stories = {"wages.txt": WAGES, **filler_stories()}
    return Engine.open(write_stories(tmp_path_factory.mktemp("carried") / "corpus", stories))


def test_the_reporters_sentence_after_x_is_not_xs_statement(engine: Engine) -> None:
    # Before: the reporter's sentence on last month's strikes, read as the diplomat's for coming
    # after his, came first; his warning second.
    answer = engine.ask(
        "What did a Western diplomat warn could follow if Velmark enforced Resnik's wage law too strictly?"
    )
    assert answer.answered, answer.message
    shown = [q.text for q in answer.quotes]
    assert shown[0].startswith("He said if the law was applied too strictly"), shown
