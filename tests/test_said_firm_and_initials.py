""" "What did X say" where X is a role qualified by a body ("a Bahrain Monetary Agency spokesman")
and the wire writes the body in full at its first mention, then by its initials where its spokesman
or official speaks ("A BMA spokesman said", "a senior BOJ official said"): the reader asks in the
full name, and the speaker's initials are that name.

Stories written for these tests in the wire's shape; real corpus folders on disk, the real index.
"""

from __future__ import annotations

import pytest

from assistant.answer.said.speaker import acronym_terms
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

BANKS = (
    "Vesland Banks Will Return To Six Day Week\n"
    "VESLAND, June 29 - Vesland's 14 commercial banks have been instructed by the Vesland Monetary "
    "Agency (VMA) to return to a six day working week with effect from July 4.\n"
    "A circular sent to the banks today reverses a shift in early April to a five day week.\n"
    'A VMA spokesman said the circular represented a "compromise solution" between differing views '
    "within the industry.\n"
    "Banks have since been closed on Fridays and Saturdays.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    stories = {"banks.txt": BANKS, **filler_stories()}
    return Engine.open(write_stories(tmp_path_factory.mktemp("initials") / "corpus", stories))


def test_a_spokesman_written_by_the_initials_is_the_one_asked_by_the_full_name(engine: Engine) -> None:
    # Before: the lead, which restates the order in the question's words, came first, and the
    # spokesman's description of it second.
    answer = engine.ask(
        "How did a Vesland Monetary Agency spokesman describe the order returning banks to a six-day week?"
    )
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.text.startswith("A VMA spokesman said the circular"), [q.text for q in answer.quotes]


@pytest.mark.parametrize(
    ("subject", "mention", "spelled"),
    [
        ("a Vesland Monetary Agency spokesman", "A VMA spokesman", {"vesland", "monetari", "agenc"}),
        ("a senior Bank of Japan official", "a senior BOJ official", {"bank", "japan"}),
        ("a Securities and Exchange Commission lawyer", "an SEC lawyer", {"secur", "exchang", "commiss"}),
        ("a Vesland Monetary Agency spokesman", "A spokesman", set()),
        ("a Vesland Monetary Agency spokesman", "A VTA spokesman", set()),
    ],
)
def test_initials_in_a_mention_spell_the_words_of_the_role_asked(
    subject: str, mention: str, spelled: set[str]
) -> None:
    assert acronym_terms(subject, mention) == spelled
