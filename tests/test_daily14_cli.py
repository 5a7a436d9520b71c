"""Rough edges found using the CLI daily on a 2,000-article Reuters archive (session 14), each fixed
and kept fixed here through the real command on a real corpus folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

LACY = (
    "Government bond broker sees wider data access\nBy Ann Lee\n\n"
    "Government bond brokers will soon share their price screens with more dealers, a broker said.\n\n"
    'In a telephone interview, Lacy said "Within 18 months, we think the number of players will be '
    'expanded, and the screens will carry every price that the dealers post during the trading day."\n'
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_sentence_ending_with_its_own_closing_mark_is_not_given_a_second(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bonds.txt").write_text(LACY, encoding="utf-8")
    code, out, err = run("ask", "What did Lacy say about the number of players?", "--corpus", str(corpus))
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith("In a telephone interview, Lacy said") and first.endswith('trading day."')
    # `history` shortens it and keeps the closing mark its words carry, once.
    code, out, err = run("history", "--corpus", str(corpus))
    assert code == 0, err
    shown = out.splitlines()[1].strip()
    assert shown.startswith("In a telephone interview") and shown.endswith('…"'), shown


def test_history_keeps_the_scope_as_data_for_asking_again(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "markets").mkdir(parents=True)
    (corpus / "markets" / "bonds.txt").write_text(LACY, encoding="utf-8")
    code, _, err = run(
        "ask", "What did he say about players?", "--speaker", "Lacy", "--in", "markets",
        "--article", "bonds.txt", "--corpus", str(corpus),
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run("history", "--json", "--corpus", str(corpus))
    assert code == 0, err
    (entry,) = json.loads(out)
    assert entry["limits"]["speaker"] == "Lacy"
    assert entry["limits"]["folders"] == ["markets/"]
    assert entry["limits"]["article"] == "markets/bonds.txt"
