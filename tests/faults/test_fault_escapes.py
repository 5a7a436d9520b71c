"""Hostile bytes in file names and article text never reach a terminal raw, on any output channel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fault_helpers import HOSTILE, OTHER, RAW_BAD, assert_terminal_safe, cli, env_for, make_corpus

from assistant.answer import plain_citation
from assistant.engine import Engine
from assistant.safe_text import clean, json_text
from assistant.tui.export import conversation_markdown

HOSTILE_NAME = "evil\x1b[31m\u202e\nname.txt"


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / HOSTILE_NAME).write_text(
        f"Lighthouse {HOSTILE} keeper retires\nBy Ann {HOSTILE} Lee\n"
        f"The lighthouse keeper {HOSTILE} retired on Friday after forty years at the lamp.\n"
        # Ordinary paragraphs, so the few control characters do not make the file look binary.
        + "The town band played on the quay while boats sounded their horns in the harbour.\n"
        * 60,
        encoding="utf-8",
    )
    (corpus / "binary\x1b]0;owned\x07.txt").write_bytes(b"\x00\x01\x02" * 100)
    return corpus


def test_stdout_and_stderr_of_every_command_are_escaped(tmp_path: Path, hostile_corpus: Path) -> None:
    c = str(hostile_corpus)
    runs = [
        ("index", "--corpus", c),
        ("list", "--corpus", c),
        ("ask", "Who retired from the lighthouse?", "--corpus", c),
        ("ask", "Who retired from the lighthouse?", "--context", "1", "--corpus", c),
        ("ask", "zebra quantum", "--corpus", c),  # no answer: message on stderr
        ("ask", "Who retired?", "--article", HOSTILE_NAME, "--corpus", c),
        ("ask", "What?", "--article", "nope\x1b[31m.txt", "--corpus", c),
        ("show", HOSTILE_NAME, "--corpus", c),
        ("speakers", "--corpus", c),
        ("add", str(hostile_corpus / HOSTILE_NAME), "--corpus", c),  # already present
        ("remove", "nope\x1b]0;x\x07", "--corpus", c),
    ]
    for args in runs:
        result = cli(tmp_path, *args)
        assert_terminal_safe(result.stdout)
        assert_terminal_safe(result.stderr)


def test_a_newline_in_a_file_name_cannot_forge_a_listing_line(tmp_path: Path, hostile_corpus: Path) -> None:
    result = cli(tmp_path, "list", "--corpus", str(hostile_corpus))
    assert result.returncode == 0
    articles = json.loads(cli(tmp_path, "list", "--json", "--corpus", str(hostile_corpus)).stdout)
    assert len(result.stdout.decode().splitlines()) == len(articles)  # one line an article


def test_json_escapes_what_it_carries(tmp_path: Path, hostile_corpus: Path) -> None:
    result = cli(tmp_path, "list", "--json", "--corpus", str(hostile_corpus))
    assert_terminal_safe(result.stdout)
    ids = {a["id"] for a in json.loads(result.stdout)}
    assert HOSTILE_NAME in ids  # escaped, not lost: the id still names the file
    shown = cli(tmp_path, "show", HOSTILE_NAME, "--json", "--corpus", str(hostile_corpus))
    assert_terminal_safe(shown.stdout)
    assert json.loads(shown.stdout)["article"]["title"].startswith("Lighthouse \x1b[2J")


def test_export_and_clipboard_text_are_clean(hostile_corpus: Path) -> None:
    engine = Engine.open(hostile_corpus)
    answer = engine.ask(f"Who retired from the lighthouse? {HOSTILE}")
    assert answer.answered
    exported = conversation_markdown([answer], str(hostile_corpus))
    clipboard = "\n".join(plain_citation(q) for q in answer.quotes)
    for text in (exported, clipboard):
        assert not any(bad in text.replace("\n", "") for bad in RAW_BAD), text


def test_clean_removes_every_kind_of_control() -> None:
    assert clean(HOSTILE, one_line=True) == ("red  c1 bell back   cr evil iso zerowidth bom  sep")
    assert clean("a\tb\nc") == "a\tb\nc"
    assert clean("lone \ud800 surrogate \x7f del \x85 nel") == "lone  surrogate  del  nel"
    assert clean("Zoë — “quoted” 東京") == "Zoë — “quoted” 東京"
    assert json.loads(json_text({"t": HOSTILE}))["t"] == HOSTILE
    assert all(bad not in json_text({"t": HOSTILE}) for bad in RAW_BAD)


def test_a_non_utf8_terminal_and_a_closed_output_end_with_one_line(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "cafe.txt").write_text("Café reopens\nThe café “Zoë” reopened on Monday.\n" + OTHER, "utf-8")
    ascii_env = env_for(tmp_path, PYTHONIOENCODING="ascii")
    asked = cli(tmp_path, "ask", "Which café reopened?", "--corpus", str(corpus), env=ascii_env)
    assert asked.returncode == 0 and b"Traceback" not in asked.stderr
    assert b"reopened on Monday" in asked.stdout
    with open("/dev/full", "wb") as full:
        result = cli(tmp_path, "list", "--corpus", str(corpus), stdout=full)
    assert result.returncode == 8
    assert b"No space left" in result.stderr and result.stderr.count(b"\n") == 1
