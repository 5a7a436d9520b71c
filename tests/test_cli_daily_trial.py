"""Rough edges found using the CLI daily on a 2,000-article Reuters archive, each fixed and kept
fixed here through the real command on a real corpus folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

# A sentence carrying a C1 control sequence (CSI as one character) and a right-to-left override.
HOSTILE_SENTENCE = "The keeper said the lamp \u009b31mnever\u009b0m failed in \u202eforty years."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_history_json_escapes_control_and_bidi_characters_from_articles(tmp_path: Path) -> None:
    # `history --json` printed an article's C1 controls and bidi overrides raw to the terminal.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "lighthouse.txt").write_text(f"Lighthouse news\n\n{HOSTILE_SENTENCE}\n", encoding="utf-8")
    code, _, err = run("ask", "What did the keeper say about the lamp?", "--corpus", str(corpus))
    assert code == 0, err
    code, out, err = run("history", "--json", "--corpus", str(corpus))
    assert code == 0, err
    assert "\u009b" not in out and "\u202e" not in out
    assert "\\u009b31mnever" in out
    (entry,) = json.loads(out)
    assert entry["quotes"][0]["text"] == HOSTILE_SENTENCE  # the same text, only written safely


def test_ask_without_a_question_says_what_is_missing(seed_corpus: Path) -> None:
    # Both missing read "give a QUESTION or --batch FILE (not both)", as if two had been given.
    code, _, err = run("ask", "--corpus", str(seed_corpus))
    assert code == 2 and "Missing argument 'QUESTION' (or give --batch FILE)." in err
    assert "not both" not in err
    batch = seed_corpus.parent / "questions.txt"
    batch.write_text("What does ATACMS stand for?\n", encoding="utf-8")
    code, _, err = run("ask", "Who met?", "--batch", str(batch), "--corpus", str(seed_corpus))
    assert code == 2 and "give a QUESTION or --batch FILE, not both" in err


def test_ask_help_names_the_date_forms_and_the_batch_file_as_they_are_accepted(seed_corpus: Path) -> None:
    # The help said `--batch FILENAME` beside "Questions from FILE", and only YYYY-MM-DD for dates.
    code, out, _ = run("ask", "--help")
    assert code == 0
    assert "--batch FILE " in out and "FILENAME" not in out
    assert " ".join(out.split()).count("(YYYY-MM-DD, YYYY-MM or YYYY)") == 2
    for since in ("2023", "2023-09", "2023-09-01"):
        code, _, err = run(
            "ask", "What does ATACMS stand for?", "--since", since, "--corpus", str(seed_corpus)
        )
        assert code in (0, 1) and "not a date" not in err
