"""A daily user's trial on a 2,000-article archive (trial 13), the one-shot commands: what they kept,
named and read. The real CLI in a subprocess, on a real corpus folder, with a real history file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_process import assistant as cli


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A news desk's folder: a byline in capitals, a Markdown byline in emphasis, quoted officials."""
    corpus = tmp_path / "desk"
    corpus.mkdir()
    (corpus / "bridge.txt").write_text(
        "Harbor bridge repair approved\n\nBy JOHN O'NEIL\n\n"
        "The city council approved a $48 million repair of the harbor bridge on Tuesday.\n\n"
        '"We cannot wait another winter," Mayor Ellen Park said.\n\n'
        "“Every storm that passes over the estuary loosens the old piers a little further, and the"
        " ferry link that carries half the town to work every morning is put at risk each time the"
        " wind turns to the east.”\n",
        encoding="utf-8",
    )
    (corpus / "ferry.md").write_text(
        "# Ferry service returns to the island\n\n*By Jane Doe* | **The Island Times**\n\n"
        "The island ferry returned to service on Monday after a storm closed the harbor for a week.\n\n"
        '"The boats are running again," harbor master Tom Reyes said.\n',
        encoding="utf-8",
    )
    return corpus


def test_history_keeps_the_speaker_a_question_was_limited_to(desk: Path, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite3"
    asked = cli(desk, "ask", "--speaker", "Reyes", "What did he say about the boats?", history=history)
    assert asked.returncode == 0, asked.stderr
    shown = cli(desk, "history", history=history)
    assert "What did he say about the boats?  [speaker Reyes]" in shown.stdout
    entries = json.loads(cli(desk, "history", "--json", history=history).stdout)
    assert entries[0]["scope"] == "speaker Reyes"
    found = cli(desk, "history", "--filter", "reyes", history=history)
    assert "What did he say about the boats?" in found.stdout


def test_remove_of_an_unknown_id_says_how_to_find_ids(desk: Path) -> None:
    done = cli(desk, "remove", "no-such-story.txt")
    assert done.returncode == 4
    assert "no article 'no-such-story.txt'" in done.stderr
    assert "assistant list --filter" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (desk / "bridge.txt").exists() and (desk / "ferry.md").exists()


def test_bylines_in_capitals_or_in_markdown_emphasis_are_read(desk: Path) -> None:
    listed = {a["id"]: a for a in json.loads(cli(desk, "list", "--json").stdout)}
    assert listed["bridge.txt"]["author"] == "John O'Neil"
    assert (listed["ferry.md"]["author"], listed["ferry.md"]["source"]) == ("Jane Doe", "The Island Times")
    # The byline is the header, not the story's first paragraph.
    shown = json.loads(cli(desk, "show", "ferry.md", "--json").stdout)
    assert shown["sentences"][0]["text"].startswith("The island ferry returned")
    # A quote of the byline stays verbatim, its offsets on the name in the file.
    for article, written in (("ferry.md", "Jane Doe"), ("bridge.txt", "JOHN O'NEIL")):
        asked = cli(desk, "ask", "--json", "--article", article, "Who wrote this article?")
        answer = json.loads(asked.stdout)
        quote = answer["quotes"][0]
        text = (desk / article).read_text(encoding="utf-8")
        assert quote["field"] == "author" and text[quote["start"] : quote["end"]] == written
    by_author = cli(desk, "list", "--filter", "jane doe")
    assert by_author.stdout.startswith("ferry.md")


def test_a_long_quotation_shortened_in_the_history_keeps_its_closing_mark(desk: Path, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite3"
    asked = cli(desk, "ask", "--top", "1", "What loosens the old piers?", history=history)
    assert asked.returncode == 0 and "loosens the old piers" in asked.stdout, asked.stderr
    (line,) = [x for x in cli(desk, "history", history=history).stdout.splitlines() if "Every storm" in x]
    shown = line.strip()
    assert shown.startswith("“Every storm") and shown.endswith("…”"), shown
    assert shown.count("“") == shown.count("”") == 1
    whole = (desk / "bridge.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert whole.startswith(shown[:-2]) and whole[len(shown) - 2] == " "  # cut at a word


def test_add_into_a_folder_keeps_a_batch_together(desk: Path, tmp_path: Path) -> None:
    batch = tmp_path / "download"
    batch.mkdir()
    (batch / "grain.txt").write_text(
        "Grain silo opens at the port\n\nBy Ann Lee\n\n"
        "A new grain silo opened at the port on Friday, able to hold 40,000 tonnes of wheat.\n",
        encoding="utf-8",
    )
    (batch / "tug.txt").write_text(
        "Harbour buys a second tug\n\nBy Ben Ortega\n\n"
        "The harbour board bought a second tug boat for 3 million dollars, its chairman said.\n",
        encoding="utf-8",
    )
    done = cli(desk, "add", "--into", "wire/1987/", str(batch))
    assert done.returncode == 0, done.stderr
    stored = sorted(p.relative_to(desk).as_posix() for p in (desk / "wire" / "1987").iterdir())
    assert stored == ["wire/1987/grain-silo-opens-at-the-port.md", "wire/1987/harbour-buys-a-second-tug.md"]
    assert "stored wire/1987/grain-silo-opens-at-the-port.md" in done.stdout
    answer = json.loads(
        cli(desk, "ask", "--json", "--in", "wire/1987/", "How much wheat can the silo hold?").stdout
    )
    assert answer["quotes"][0]["article"]["id"] == "wire/1987/grain-silo-opens-at-the-port.md"
    assert "added 0, changed 0, removed 0" in cli(desk, "index").stdout  # the add kept the index current
    # The same again is found present wherever it would go; nothing is written twice.
    again = cli(desk, "add", "--into", "elsewhere", str(batch / "tug.txt"))
    assert again.returncode == 0 and "already present" in again.stdout
    assert not (desk / "elsewhere").exists()  # no empty folder left behind


@pytest.mark.parametrize("into", ["../outside", "/tmp/abs", ".hidden", "a/../../b", ""])
def test_add_into_a_folder_outside_the_corpus_is_refused_before_anything_is_read(
    desk: Path, tmp_path: Path, into: str
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Ferry fares frozen\n\nThe council froze ferry fares for a year on Monday.\n", encoding="utf-8"
    )
    done = cli(desk, "add", "--into", into, str(story))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Invalid value for '--into'" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in desk.iterdir() if not p.name.startswith(".")) == ["bridge.txt", "ferry.md"]
    assert not (tmp_path / "outside").exists() and not (tmp_path / "b").exists()


def test_an_empty_speaker_is_a_usage_error_not_a_question_of_stop_words(desk: Path) -> None:
    done = cli(desk, "ask", "--speaker", " ", "What did he say?")
    assert done.returncode == 2
    assert "Invalid value for '--speaker'" in done.stderr and "assistant speakers" in done.stderr
    assert "no words to search for" not in done.stderr
