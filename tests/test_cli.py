"""The one-shot command line: outputs a script can rely on, messages and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

SEED_ID = "000_7834a3842ba03b39.txt"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ask_prints_the_quote_and_its_attribution(seed_corpus: Path) -> None:
    code, out, err = run("ask", "What does ATACMS stand for?", "--corpus", str(seed_corpus))
    assert code == 0, err
    assert "Army Tactical Missile Systems, or ATACMS" in out
    assert "— Mike Brest, “Zelensky’s US trip ends" in out
    assert "Washington Examiner, paragraph 2" in out
    assert "\x1b[" not in out  # piped: plain text


def test_ask_names_the_speaker_of_a_quoted_statement(seed_corpus: Path) -> None:
    code, out, _ = run("ask", "What did Sullivan say?", "--corpus", str(seed_corpus))
    assert code == 0
    assert "— Jake Sullivan, in Mike Brest," in out


def test_json_quotes_are_the_file_text_at_their_offsets(seed_corpus: Path) -> None:
    code, out, _ = run("ask", "Where did the defense officials meet?", "--json", "--corpus", str(seed_corpus))
    assert code == 0
    answer = json.loads(out)
    assert answer["answered"] is True and answer["question"] == "Where did the defense officials meet?"
    file_text = (seed_corpus / SEED_ID).read_text(encoding="utf-8")
    for quote in answer["quotes"]:
        assert file_text[quote["start"] : quote["end"]] == quote["text"]
        assert set(quote["article"]) == {"id", "title", "author", "source", "date", "url"}
        assert quote["article"]["id"] == SEED_ID
        assert isinstance(quote["paragraph"], int) and isinstance(quote["score"], float)
    assert "Ramstein Air Base" in answer["quotes"][0]["text"]


def test_json_gives_the_speaker_with_offsets(seed_corpus: Path) -> None:
    _, out, _ = run("ask", "What did Austin say about air defense?", "--json", "--corpus", str(seed_corpus))
    speaker = json.loads(out)["quotes"][0]["speaker"]
    assert speaker["name"] == "Lloyd Austin"
    file_text = (seed_corpus / SEED_ID).read_text(encoding="utf-8")
    assert file_text[speaker["start"] : speaker["end"]] == speaker["as_written"]


def test_no_answer_is_said_plainly_with_exit_1(seed_corpus: Path) -> None:
    code, out, err = run("ask", "What is the recipe for banana bread?", "--corpus", str(seed_corpus))
    assert code == 1
    assert "no answer" in out.lower()
    assert err.startswith("assistant: ") and len(err.strip().splitlines()) == 1


def test_no_answer_in_json_is_still_one_object(seed_corpus: Path) -> None:
    code, out, _ = run("ask", "banana bread recipe", "--json", "--corpus", str(seed_corpus))
    assert code == 1
    answer = json.loads(out)
    assert answer["answered"] is False and answer["quotes"] == [] and answer["message"]


def test_errors_are_one_line_on_stderr_with_their_exit_code(seed_corpus: Path, tmp_path: Path) -> None:
    code, out, err = run("ask", "   ", "--corpus", str(seed_corpus))
    assert (code, out) == (2, "")
    assert err == "assistant: the question is empty\n"
    code, _, err = run("ask", "ATACMS", "--corpus", str(tmp_path / "missing"))
    assert code == 3 and "corpus folder not found" in err and "Traceback" not in err
    code, _, err = run("ask", "ATACMS", "--article", "nope.txt", "--corpus", str(seed_corpus))
    assert code == 4 and "no article 'nope.txt'" in err


def test_batch_answers_one_question_a_line_as_json_lines(seed_corpus: Path) -> None:
    lines = "\n".join(
        [
            "What does ATACMS stand for?",
            json.dumps({"question": "What did Sullivan say?", "top": 1}),
            json.dumps({"question": "ATACMS", "article": SEED_ID}),
            "banana bread recipe",
            "{not json",
        ]
    )
    code, out, _ = run("ask", "--batch", "-", "--corpus", str(seed_corpus), input=lines)
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 5
    assert "Army Tactical Missile Systems" in records[0]["quotes"][0]["text"]
    assert len(records[1]["quotes"]) == 1 and records[1]["quotes"][0]["speaker"]["name"].endswith(
        "Jake Sullivan"
    )
    assert records[2]["scope"] == SEED_ID
    assert records[3]["answered"] is False
    assert records[4]["line"] == 5 and "error" in records[4]
    assert code == 2


def test_context_shows_neighbouring_sentences(seed_corpus: Path) -> None:
    _, out, _ = run(
        "ask", "What did Sullivan say?", "--context", "1", "--top", "1", "--corpus", str(seed_corpus)
    )
    assert "I don’t have anything to announce about that today." in out
    assert "These weapons could allow Ukraine" in out


def test_n_is_short_for_top(seed_corpus: Path) -> None:
    code, out, _ = run("ask", "What did Sullivan say?", "-n", "1", "--json", "--corpus", str(seed_corpus))
    assert code == 0 and len(json.loads(out)["quotes"]) == 1


def test_list_and_show(news_corpus: Path) -> None:
    code, out, _ = run("list", "--json", "--corpus", str(news_corpus))
    articles = {a["id"]: a for a in json.loads(out)}
    assert code == 0 and len(articles) == 4
    assert articles["harbor-bridge-vote.md"]["author"] == "Dana Whitfield"
    assert articles[SEED_ID]["paragraphs"] == 9
    code, out, _ = run("show", SEED_ID, "--corpus", str(news_corpus))
    assert code == 0 and out.startswith("Zelensky’s US trip")
    assert "[9] Biden has denied several Ukrainian requests" in out
    code, out, _ = run("show", SEED_ID, "--json", "--corpus", str(news_corpus))
    sentences = json.loads(out)["sentences"]
    sullivan = next(s for s in sentences if s["text"].startswith("National security adviser"))
    assert sullivan["attributions"][0]["name"] == "Jake Sullivan"


def test_show_after_an_edit_in_place_shows_the_article_as_it_is_now(news_corpus: Path) -> None:
    """`show` trusts the folders' stamps as `ask` does; a file rewritten in place moves none of them."""
    run("index", "--corpus", str(news_corpus))
    settled = time.time() - 60  # a folder changed just before a walk is not trusted (SETTLE_NS)
    os.utime(news_corpus, (settled, settled))
    run("index", "--corpus", str(news_corpus))  # the walk that leaves the folder's time to vouch
    story = news_corpus / "harbor-bridge-vote.md"
    folder_stamp = news_corpus.stat().st_mtime_ns
    story.write_text(
        story.read_text(encoding="utf-8") + "\nThe council will vote again in May.\n", encoding="utf-8"
    )
    assert news_corpus.stat().st_mtime_ns == folder_stamp
    code, out, err = run("show", "harbor-bridge-vote.md", "--corpus", str(news_corpus))
    assert code == 0, err
    assert "The council will vote again in May." in out
    code, _, err = run("show", "no-such-story.md", "--corpus", str(news_corpus))
    assert code == 4 and "no article 'no-such-story.md'" in err


def test_index_reports_counts_and_skipped_files(news_corpus: Path) -> None:
    (news_corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = run("index", "--corpus", str(news_corpus))
    assert code == 0
    assert out.startswith("4 articles,")
    assert "warning: skipped scan.pdf: unknown format '.pdf'" in err


def test_add_stores_and_indexes_stdin_then_remove_takes_it_out(seed_corpus: Path) -> None:
    story = (
        "Local bakery wins award\nBy Jo Park\nThe Corner Bakery won the regional bread prize on Saturday.\n"
    )
    code, out, _ = run("add", "-", "--corpus", str(seed_corpus), input=story)
    assert code == 0 and "stored local-bakery-wins-award.md" in out
    code, out, _ = run("ask", "Which bakery won the bread prize?", "--corpus", str(seed_corpus))
    assert code == 0 and "The Corner Bakery won the regional bread prize" in out
    code, out, _ = run("add", "-", "--corpus", str(seed_corpus), input=story)
    assert code == 0 and "already present" in out
    code, _, err = run("add", str(seed_corpus / "missing.txt"), "--corpus", str(seed_corpus))
    assert code == 6 and "failed" in err
    code, out, _ = run("remove", "local-bakery-wins-award.md", "--corpus", str(seed_corpus))
    assert code == 0
    code, _, _ = run("ask", "Which bakery won the bread prize?", "--corpus", str(seed_corpus))
    assert code == 1


def test_article_text_cannot_inject_control_sequences(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "Evil \x1b]0;pwned\x07title\nBy Mal Ory\n"
        "The mayor \x1b[31msaid\x1b[0m the [bold]budget[/] was cut by $2 million.\n"
    )
    code, out, _ = run("ask", "How much was the budget cut?", "--corpus", str(corpus))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "[bold]budget[/]" in out  # markup shown as text, not obeyed


def test_the_installed_command_runs_in_a_real_process(seed_corpus: Path) -> None:
    env = {**os.environ, "ASSISTANT_CORPUS": str(seed_corpus)}
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "Who is the new defence minister?"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Rustem Umerov took over" in result.stdout


def test_speakers_lists_each_person_once_with_their_statements(news_corpus: Path) -> None:
    code, out, _ = run("speakers", "--json", "--corpus", str(news_corpus))
    people = {p["name"]: p["statements"] for p in json.loads(out)}
    assert code == 0
    assert people["Jake Sullivan"] == 2
    assert people["Elena Ortiz"] >= 2
    assert people["Laura Brennan"] >= 2
    assert not [name for name in people if "Brennan" in name and name != "Laura Brennan"]


def test_history_of_a_missing_folder_with_escapes_in_its_name_is_one_clean_line(tmp_path: Path) -> None:
    """Every command's diagnostics go through one writer: a typed folder name never reaches the
    terminal raw (it once did, for `history`)."""
    folder = tmp_path / "gone\x1b]0;pwned\x07\x1b[31m"
    code, out, err = run("history", "--corpus", str(folder))
    assert (code, out) == (3, "")
    assert err.startswith("assistant: corpus folder not found: ") and err.count("\n") == 1
    assert "\x1b" not in err and "\x07" not in err


def test_a_usage_error_keeps_its_lines_and_loses_its_escapes() -> None:
    code, _, err = run("ask", "--top", "\x1b[31mten")
    assert code == 2
    assert "Usage:" in err and "Error:" in err and err.count("\n") >= 3
    assert "\x1b" not in err
