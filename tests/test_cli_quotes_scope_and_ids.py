"""Rough edges found using the CLI daily on a 2,000-article Reuters archive (session 14), each fixed
and kept fixed here through the real command on a real corpus folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from stories import write_stories

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
    corpus = write_stories(tmp_path / "corpus", {"bonds.txt": LACY})
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
    corpus = write_stories(tmp_path / "corpus", {})
    write_stories(corpus / "markets", {"bonds.txt": LACY})
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


def test_a_batch_line_can_ask_within_a_speaker_folder_or_dates(tmp_path: Path) -> None:
    # `{"question": …, "speaker": "Lacy"}` was answered with anyone's words: only "article" and
    # "top" were read, every other key ignored without a word.
    corpus = write_stories(tmp_path / "corpus", {})
    write_stories(corpus / "markets", {"bonds.txt": LACY})
    dealers = (
        "Dealers doubt wider screens\n\nDealers said the number of players on the screens would not "
        "be expanded this year, and that prices would stay with the brokers.\n"
    )
    write_stories(corpus / "wire", {"dealers.txt": dealers})
    batch = tmp_path / "questions.jsonl"
    lines = [
        {"question": "What was said about the number of players?", "speaker": "Lacy"},
        {"question": "What was said about the number of players?", "in": "wire"},
        {"question": "What was said about the number of players?", "in": ["markets/"], "top": 1},
        {"question": "What was said about the number of players?", "since": "someday"},
        {"question": "What was said about the number of players?", "speaker": ["Lacy"]},
    ]
    batch.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    code, out, _ = run("ask", "--batch", str(batch), "--no-history", "--corpus", str(corpus))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(records) == 5
    by_lacy, in_wire, in_markets, bad_date, bad_speaker = records
    assert by_lacy["limits"] == "speaker Lacy"
    assert {q["speaker"]["name"] for q in by_lacy["quotes"]} == {"Lacy"}
    assert in_wire["limits"] == "in wire/"
    assert {q["article"]["id"] for q in in_wire["quotes"]} == {"wire/dealers.txt"}
    assert [q["article"]["id"] for q in in_markets["quotes"]] == ["markets/bonds.txt"]
    assert bad_date["line"] == 4 and "not a date" in bad_date["error"]
    assert bad_speaker["line"] == 5 and '"speaker" must be a string' in bad_speaker["error"]


VOLCKER = {
    "void.txt": (
        "Volcker leaves void on debt, bankers say\n\n"
        "Paul Volcker's resignation as Federal Reserve chairman creates a serious leadership vacuum at a "
        "time of deep uncertainty about the third-world debt crisis, bankers said.\n"
    ),
    "rates.txt": (
        "Volcker warns on inflation\n\n"
        "Federal Reserve chairman Paul Volcker said a possibility of renewed inflation remains a concern.\n\n"
        '"The dollar has fallen far enough," Volcker told the Senate Banking Committee.\n'
    ),
}


def test_an_answer_leading_with_anothers_words_about_the_person_asked_says_so(tmp_path: Path) -> None:
    # "What did Volcker say about third world debt?" led with what bankers said about Volcker:
    # correctly attributed, but a reader asked for Volcker's words and was not told they were not.
    corpus = write_stories(tmp_path / "corpus", VOLCKER)
    question = "What did Volcker say about third world debt?"
    code, out, err = run("ask", question, "--corpus", str(corpus), "--no-history")
    assert code == 0, err
    lines = out.splitlines()
    assert (
        lines[0]
        == "The first quote is not by Volcker; --speaker Volcker asks for statements by Volcker only."
    )
    assert "bankers said" in lines[1] and "— bankers" in lines[2]
    code, out, _ = run("ask", question, "--json", "--corpus", str(corpus), "--no-history")
    assert json.loads(out)["speaker_not_first"] == "Volcker"
    # Asked his words about what he did speak of, or within --speaker, there is nothing to say.
    code, out, _ = run("ask", "What did Volcker say about inflation?", "--json", "--corpus", str(corpus))
    answer = json.loads(out)
    assert answer["speaker_not_first"] is None and answer["quotes"][0]["speaker"]["name"] == "Paul Volcker"
    code, out, _ = run("ask", question, "--speaker", "Volcker", "--json", "--corpus", str(corpus))
    assert json.loads(out)["speaker_not_first"] is None


def test_an_article_number_without_its_leading_zeros_is_told_the_id_it_means(tmp_path: Path) -> None:
    # A reader who saw NEWID 873 typed `show 873` for …/00873.txt and was sent to a list of 2,000 ids.
    corpus = write_stories(tmp_path / "corpus", {})
    write_stories(corpus / "reut2-000", {"00873.txt": LACY, "01873.txt": VOLCKER["void.txt"]})
    for command in (["show", "873"], ["ask", "What did Lacy say?", "--article", "873"]):
        code, _, err = run(*command, "--corpus", str(corpus))
        assert code == 4 and "did you mean reut2-000/00873.txt?" in err, err


SULLIVAN = (
    "Sullivan on the missiles\n"
    "WASHINGTON, Sept 22 - National security adviser Jake Sullivan was asked about the long-range"
    " missiles on Friday. “We have made our position on the missiles clear to Kyiv. I don’t have"
    " anything to announce about the missiles today,” Sullivan said.\n"
    "The ferry line will add two evening sailings from May.\n"
)


def test_the_last_sentence_of_a_longer_quotation_is_shown_with_its_opening_mark(tmp_path: Path) -> None:
    # The quotation opens a sentence before: the answer's sentence ends it, with its own closing
    # mark. It was shown without any opening mark (`I don’t … today,” Sullivan said.`).
    corpus = write_stories(tmp_path / "corpus", {"missiles.txt": SULLIVAN})
    code, out, err = run("ask", "Does Sullivan have anything to announce today?", "--corpus", str(corpus))
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith("“I don’t have anything to announce"), first
    assert first.endswith("Sullivan said."), first
