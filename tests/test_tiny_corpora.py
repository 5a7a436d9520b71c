"""A corpus of one, two or three short articles answers a question that quotes one of its sentences.

BM25Okapi gives idf 0 to a term in exactly half the passages: in a corpus of two one-passage
articles every word only one of them uses weighs nothing, and a user trial's literal sentence was
refused. Scores stay rank-bm25's; the passages holding the words are still found.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from assistant.index import Index
from assistant.index.tokens import terms

LIBRARY = (
    "Library reopens after flood repairs\nBy Grace Mwangi\n\n"
    "The central library reopened on Saturday, eleven months after flooding damaged its basement archive.\n\n"
    "Repairs cost the council 2.3 million euros, head librarian Peter Novak said.\n"
)
SOLAR = (
    "Village builds its own solar farm\nBy Tom Hale\n\n"
    "Residents of Elmsworth have finished building a solar farm on former pasture land.\n\n"
    "The farm will supply about 1,200 homes, according to the cooperative that runs it.\n"
)
FERRY = (
    "Ferry service resumes\nBy Ana Ruiz\n\n"
    "The island ferry returned to service on Monday after a six-week repair of its engines.\n\n"
    "Tickets will cost the same as before, the operator said.\n"
)
ARTICLES = {"library.txt": LIBRARY, "solar.txt": SOLAR, "ferry.txt": FERRY}
LITERAL = {
    "library.txt": "The central library reopened on Saturday, eleven months after flooding damaged its "
    "basement archive.",
    "solar.txt": "Residents of Elmsworth have finished building a solar farm on former pasture land.",
    "ferry.txt": "The island ferry returned to service on Monday after a six-week repair of its engines.",
}


def _corpus(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def _ask(tmp_path: Path, corpus: Path, question: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp_path), "ASSISTANT_HISTORY": "0"}
    return subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--json", question, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "names", [["library.txt"], ["library.txt", "solar.txt"], ["library.txt", "solar.txt", "ferry.txt"]]
)
def test_a_sentence_asked_word_for_word_is_the_answer(tmp_path: Path, names: list[str]) -> None:
    corpus = _corpus(tmp_path, names)
    for name in names:
        result = _ask(tmp_path, corpus, LITERAL[name])
        assert result.returncode == 0, (name, result.stdout, result.stderr)
        answer = json.loads(result.stdout)
        assert answer["quotes"][0]["text"] == LITERAL[name]
        assert answer["quotes"][0]["article"]["id"] == name


def test_a_two_article_corpus_still_refuses_what_it_does_not_hold(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["library.txt", "solar.txt"])
    result = _ask(tmp_path, corpus, "Who won the football match on Sunday?")
    assert result.returncode == 1
    assert json.loads(result.stdout)["answered"] is False


def test_two_passages_score_as_rank_bm25_and_the_one_holding_the_words_is_found(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["library.txt", "solar.txt"])
    index, _ = Index.open(corpus)
    assert index.n_passages == 2
    question = terms(LITERAL["library.txt"])
    docs = [terms(text) for text in (LIBRARY, SOLAR)]  # one passage an article
    expected = BM25Okapi(docs).get_scores(question)
    library = index.articles.ids.index("library.txt")
    order = [library, 1 - library]
    np.testing.assert_allclose(index.scores(question)[order], expected, rtol=0, atol=1e-9)
    assert not expected.any()  # every term is in exactly half the passages: idf 0
    assert index.top_passages(question, 5) == [(int(index.pass_lo[library]), 0.0)]
