"""`add` indexes only what it wrote: the new article is answered right away, nothing else is lost.

Real corpus folders, the real index, the real `assistant` command in a new process: the way
a user adds an article and asks about it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.engine import Engine
from assistant.index import folder_stamps
from assistant.ingest.fetch import FetchedPage
from assistant.locations import index_dir
from assistant.speakers import corpus_names

HARBOUR = (
    "Harbour Wall Approved\nBy Ana Ruiz\n"
    "The council approved a flood wall for the harbour on Monday.\n"
    "The wall will cost 14 million euros, officials said.\n"
)
FULL_NAME = (
    "Blair Visits Belfast\nBy Sam Cole\n"
    'Prime Minister Tony Blair said on Monday that "the talks will resume in spring."\n'
    'Tony Blair said: "We owe the people of Northern Ireland a settlement."\n'
)
SHORT_NAME = (
    'Peace Talks Stall\nBy Dee Moran\nBlair said the ferry strike "must end before the summit in Dover."\n'
)
NEW_STORY = (
    "Marlowe Zebrafish Cooperative Doubles Harvest\nBy Ola Nordmann\n"
    "Quintessa Marlowe said the zebrafish cooperative in Vardenfjord would double its harvest.\n"
)


def _assistant(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp), "ASSISTANT_HISTORY": "0", "XDG_CACHE_HOME": str(tmp / "cache")}
    env.pop("ASSISTANT_INDEX_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=120
    )


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (corpus / "peace-talks.txt").write_text(SHORT_NAME, encoding="utf-8")
    return corpus


def _stamps_vouch(corpus: Path) -> bool:
    current = (index_dir(corpus) / "CURRENT").read_text().strip()
    return folder_stamps.unchanged(corpus, index_dir(corpus), current)


def test_an_added_article_is_answered_by_the_next_question(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    assert _assistant(tmp_path, "index", "--corpus", str(corpus)).returncode == 0
    source = tmp_path / "zebrafish.txt"
    source.write_text(NEW_STORY, encoding="utf-8")
    added = _assistant(tmp_path, "add", str(source), "--corpus", str(corpus))
    assert added.returncode == 0, added.stderr
    # The folder stamps vouch for the new generation: the next question walks no file.
    assert _stamps_vouch(corpus)
    asked = _assistant(
        tmp_path,
        "ask",
        "What did Quintessa Marlowe say about the zebrafish?",
        "--corpus",
        str(corpus),
        "--json",
    )
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert "zebrafish cooperative" in answer["quotes"][0]["text"]
    assert answer["quotes"][0]["article"]["id"].startswith("marlowe-zebrafish")
    # The old articles still answer.
    old = _assistant(tmp_path, "ask", "How much will the flood wall cost?", "--corpus", str(corpus))
    assert old.returncode == 0 and "14 million" in old.stdout


def test_a_file_another_process_drops_in_while_adding_is_indexed_too(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    engine = Engine.open(corpus)
    dropped = corpus / "dropped.txt"

    def fetch_while_someone_copies_a_file_in(url: str) -> FetchedPage:
        # Runs inside `add`, between the check of the folder and the write: another program
        # copies an article into the corpus right then.
        dropped.write_text(HARBOUR.replace("harbour", "canal").replace("14 million", "3 million"), "utf-8")
        return FetchedPage(url, NEW_STORY.encode(), "text/plain")

    report = engine.add(["https://news.example/zebrafish"], fetcher=fetch_while_someone_copies_a_file_in)
    assert len(report.stored) == 1
    fresh = Engine.open(corpus, trust_folders=True)
    canal = fresh.ask("How much will the canal flood wall cost?")
    assert canal.answered and any(q.article.id == "dropped.txt" for q in canal.quotes)
    zebra = fresh.ask("What did Quintessa Marlowe say about the zebrafish?")
    assert zebra.answered and "zebrafish cooperative" in zebra.quotes[0].text


def test_an_article_removed_by_hand_before_add_is_gone_after_it(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    assert _assistant(tmp_path, "index", "--corpus", str(corpus)).returncode == 0
    (corpus / "harbour.txt").unlink()
    source = tmp_path / "zebrafish.txt"
    source.write_text(NEW_STORY, encoding="utf-8")
    assert _assistant(tmp_path, "add", str(source), "--corpus", str(corpus)).returncode == 0
    gone = _assistant(
        tmp_path, "ask", "How much will the flood wall cost?", "--corpus", str(corpus), "--json"
    )
    assert all(q["article"]["id"] != "harbour.txt" for q in json.loads(gone.stdout)["quotes"])


def _speaker_of(engine: Engine, question: str) -> str | None:
    answer = engine.ask(question)
    for quote in answer.quotes:
        if quote.speaker is not None and "ferry strike" in quote.text:
            return quote.speaker.name
    return None


def test_a_short_name_follows_the_full_name_an_added_article_gives(tmp_path: Path, news_corpus: Path) -> None:
    corpus = news_corpus
    (corpus / "peace-talks.txt").write_text(SHORT_NAME, encoding="utf-8")
    engine = Engine.open(corpus)
    question = "What did Blair say about the ferry strike?"
    assert _speaker_of(engine, question) == "Blair"
    source = tmp_path / "belfast.txt"
    source.write_text(FULL_NAME, encoding="utf-8")
    (stored,) = engine.add([str(source)]).stored
    assert _speaker_of(Engine.open(corpus, trust_folders=True), question) == "Tony Blair"
    engine.remove(stored.article_id)
    assert _speaker_of(Engine.open(corpus, trust_folders=True), question) == "Blair"


@pytest.mark.parametrize("steps", [("add", "add", "remove"), ("add", "remove", "add", "add")])
def test_speaker_names_kept_per_segment_equal_a_count_of_every_article(
    tmp_path: Path, steps: tuple[str, ...]
) -> None:
    corpus = _corpus(tmp_path)
    engine = Engine.open(corpus)
    stories = [
        FULL_NAME,
        NEW_STORY,
        FULL_NAME.replace("Tony Blair", "Cherie Blair"),
        SHORT_NAME.replace("Dover", "Calais"),
    ]
    added: list[str] = []
    for n, step in enumerate(steps):
        if step == "add":
            source = tmp_path / f"story-{n}.txt"
            source.write_text(stories[n % len(stories)].replace("Monday", f"day {n}"), encoding="utf-8")
            added.extend(s.article_id for s in engine.add([str(source)]).stored)
        else:
            engine.remove(added.pop(0))
        reopened = Engine.open(corpus, trust_folders=True)
        every_row = corpus_names(reopened.index.articles.columns["speakers"])
        kept = reopened.index.stored.info["speaker_names"]  # worked out from the counts, stored
        assert {alias: tuple(v) for alias, v in kept.items()} == every_row
        assert reopened.speakers() == Engine.open(corpus, trust_folders=True).speakers()
    assert len(engine.index.stored.segments) > 1  # the changes were segments and marks, not rewrites


def test_a_removed_article_is_gone_for_the_next_question(tmp_path: Path, news_corpus: Path) -> None:
    corpus = news_corpus
    (corpus / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    assert _assistant(tmp_path, "index", "--corpus", str(corpus)).returncode == 0
    source = tmp_path / "zebrafish.txt"
    source.write_text(NEW_STORY, encoding="utf-8")
    added = _assistant(tmp_path, "add", str(source), "--corpus", str(corpus))
    article_id = next(p.name for p in corpus.iterdir() if p.name.startswith("marlowe-zebrafish"))
    assert added.returncode == 0
    removed = _assistant(tmp_path, "remove", article_id, "--corpus", str(corpus))
    assert removed.returncode == 0, removed.stderr
    assert _stamps_vouch(corpus)  # marked dead without a walk; the next question walks no file either
    asked = _assistant(
        tmp_path,
        "ask",
        "What did Quintessa Marlowe say about the zebrafish?",
        "--corpus",
        str(corpus),
        "--json",
    )
    assert all(q["article"]["id"] != article_id for q in json.loads(asked.stdout)["quotes"])
    listed = json.loads(_assistant(tmp_path, "list", "--json", "--corpus", str(corpus)).stdout)
    assert sorted(a["id"] for a in listed) == sorted(p.name for p in corpus.iterdir() if p.is_file())
    assert article_id not in {a["id"] for a in listed}
    old = _assistant(tmp_path, "ask", "How much will the flood wall cost?", "--corpus", str(corpus))
    assert old.returncode == 0 and "14 million" in old.stdout
