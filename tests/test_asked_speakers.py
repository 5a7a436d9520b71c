"""Asking for a speaker by another form of their name than the article stores: a body by the first
words of its name ("Moody's"), by its initials ("PORLA") or in full when the article wrote only the
acronym, and a person in full ("Sherman Chao") when the article named them by surname alone.
Real corpus folder, real index, the engine and the CLI as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine

ARTICLES = {
    "ratings.txt": (
        "Moody's confirms utility ratings\n\n"
        "Moody's Investors Service said it has confirmed the ratings of the Harbor Gas utility.\n\n"
        "The utility's strong financial management will keep its debt coverage stable, the agency said.\n"
    ),
    "palm.txt": (
        "Malaysian palm oil output falls\n\n"
        "Crude palm oil output fell to 270,400 tonnes in May, the Palm Oil Registration and Licensing "
        "Authority said.\n\n"
        "The Palm Oil Registration and Licensing Authority said stocks at the refineries rose sharply.\n"
    ),
    "acronym.txt": (
        "Fishing quota talks stall\n\n"
        "The NFPB said the new quota would cut the cod catch by a third.\n\n"
        "Boats stayed in the harbour all week.\n"
    ),
    "notes.txt": (
        "Gypsum maker sells notes\n\n"
        "The notes were priced to yield 80 basis points more than comparable Treasury securities.\n\n"
        '"The market took the issue well," Chao said.\n'
    ),
    "other.txt": (
        "Harbor bridge vote\n\n"
        "Mayor Helen Okafor said the bridge repair would start in June.\n\n"
        "Traders said the gas market was quiet.\n"
    ),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("asked") / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Engine.open(folder)


def _speakers(engine: Engine, speaker: str, question: str = "") -> list[tuple[str, str]]:
    answer = engine.ask(question, speaker=speaker, top=5)
    assert answer.answered, answer.message
    return [(q.article.id, q.speaker.name if q.speaker else "") for q in answer.quotes]


@pytest.mark.parametrize("asked", ["Moody's", "Moody’s", "moody's", "Moody's Investors Service"])
def test_a_body_is_found_by_the_first_words_of_its_name(engine: Engine, asked: str) -> None:
    found = _speakers(engine, asked, "ratings")
    assert found and all(aid == "ratings.txt" for aid, _ in found)
    assert found[0][1] == "Moody's Investors Service"


def test_a_body_is_found_by_its_initials(engine: Engine) -> None:
    found = _speakers(engine, "PORLA", "palm oil")
    assert {aid for aid, _ in found} == {"palm.txt"}
    assert all(name == "Palm Oil Registration and Licensing Authority" for _, name in found)


def test_an_acronym_in_the_article_is_found_by_the_name_spelled_out(engine: Engine) -> None:
    found = _speakers(engine, "National Fisheries Protection Board", "quota")
    assert [aid for aid, _ in found] == ["acronym.txt"]


def test_a_person_asked_in_full_finds_the_surname_the_article_gives(engine: Engine) -> None:
    found = _speakers(engine, "Sherman Chao", "market issue")
    assert [aid for aid, _ in found] == ["notes.txt"]


@pytest.mark.parametrize("asked", ["Bank", "PO", "Harbor Gas", "Helen Chao", "Oil"])
def test_other_names_find_nobody_else(engine: Engine, asked: str) -> None:
    answer = engine.ask("ratings palm oil quota market", speaker=asked, top=5)
    wrong = {"Moody's Investors Service", "Palm Oil Registration and Licensing Authority", "NFPB"}
    assert not answer.answered or not {q.speaker.name for q in answer.quotes if q.speaker} & wrong


def test_the_cli_answers_what_a_body_said_by_its_short_name(engine: Engine) -> None:
    corpus = engine.corpus_dir
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", "--corpus", str(corpus), "--speaker", "Moody's",
         "--no-history", "What did Moody's say about the utility ratings?"],
        capture_output=True, text=True, timeout=120, cwd=Path(corpus).parent,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["answered"]
    assert out["quotes"][0]["article"]["id"] == "ratings.txt"
    assert out["quotes"][0]["speaker"]["name"] == "Moody's Investors Service"
