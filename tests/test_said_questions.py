""" "What did X say": whose statements a question asks for, and a pronoun asked with --speaker.

Real corpus folders, the real index, and the CLI in a fresh process as a user runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.answer.query import parse_query
from assistant.answer.settings import Steer
from assistant.engine import Engine
from tests.conftest import SEED

FLOODS = (
    "Senators push flood bill\n\n"
    "Senators Jane Roe and Tom Poe have introduced a bill to pay farmers after the autumn floods.\n\n"
    "Roe aide Martin Kell said the floods destroyed many levees, leaving farmland exposed.\n\n"
    "The bill goes to committee next week.\n"
)


@pytest.fixture(scope="module")
def seed_corpus_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("said") / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def _ask_cli(corpus: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", "--no-history", "--corpus", str(corpus), *args],
        capture_output=True, text=True, timeout=120, cwd=corpus.parent,
    )  # fmt: skip


@pytest.mark.parametrize("question", ["What did he say?", "What did he say about ATACMS?"])
def test_a_pronoun_asked_with_a_speaker_means_that_speaker(seed_corpus_copy: Path, question: str) -> None:
    run = _ask_cli(seed_corpus_copy, "--speaker", "Sullivan", question)
    assert run.returncode == 0, run.stdout + run.stderr
    out = json.loads(run.stdout)
    assert out["answered"]
    assert {q["speaker"]["name"] for q in out["quotes"]} == {"Jake Sullivan"}
    assert "would not provide ATACMS" in out["quotes"][0]["text"]


def test_a_pronoun_without_a_speaker_is_not_given_one(seed_corpus_copy: Path) -> None:
    engine = Engine.open(seed_corpus_copy)
    query = parse_query(engine.index, "What did he say about ATACMS?", Steer())
    assert query.names == ()
    assert "sullivan" not in query.own


def test_an_aide_to_a_senator_is_the_one_asked_about(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bill.txt").write_text(FLOODS, encoding="utf-8")
    engine = Engine.open(folder)
    question = "According to an aide to Senator Jane Roe, what did the floods destroy?"
    query = parse_query(engine.index, question, Steer())
    assert query.names == ("aide",)
    # The senator's name says which article, not what was said: it weighs less than the topic.
    assert query.weights["roe"] < query.weights["destroy"]


FDIC = (
    "Bank failures rise in the Southwest\n\n"
    "Bank failures in the Southwest rose sharply last year, regulators said.\n\n"
    '"I do not remember a time when there was such a clear distinction by region," FDIC Chairman '
    "William Seidman told reporters at the FDIC.\n\n"
    "He said deregulation had let the better banks grow stronger.\n\n"
    "Oil prices hurt lenders in Texas and Oklahoma.\n"
)


def test_what_x_said_about_y_prefers_x_on_y_to_x_quoted_on_something_else(tmp_path: Path) -> None:
    """The quote that repeats Seidman's title but says nothing of deregulation is not the answer."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "fdic.txt").write_text(FDIC, encoding="utf-8")
    for i in range(6):
        (folder / f"grain{i}.txt").write_text(
            f"Grain report {i}\n\nWheat exports rose {i} percent in March, the farm department said.\n\n"
            "Prices for soybeans fell as buyers waited for rain.\n",
            encoding="utf-8",
        )
    answer = Engine.open(folder).ask("What did FDIC chairman William Seidman say about deregulation?")
    assert answer.answered, answer.message
    assert answer.quotes[0].text == "He said deregulation had let the better banks grow stronger."
    assert answer.quotes[0].speaker is not None and answer.quotes[0].speaker.name == "William Seidman"
