"""Fixes from a user trial, each driven through the real CLI on a real corpus folder:
ids with escape sequences can be pasted back, a refusal is said once on a terminal,
counts agree in number, `show --json` shows sentences as `ask` does, unclosed front
matter is reported, and a date sort with no dates says so."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

HOSTILE = "evil\x1b[31mRED\x1b]0;pwned\x07.txt"
ARTICLE = "A tale of the red file\nBy Jo Doe\n\nThe red file said hello to the crowd in the market.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def hostile_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / HOSTILE).write_text(ARTICLE, encoding="utf-8")
    (folder / "plain.txt").write_text("Harbor news\n\nThe ferry left the harbor late on Monday.\n", "utf-8")
    # A third article: rank-bm25's idf is 0 for a word in exactly half the articles.
    (folder / "storm.txt").write_text("Storm warning\n\nA storm closed the bridge for a day.\n", "utf-8")
    return folder


# ---- 1. an id with escape sequences, pasted back as listed ------------------------------------


def test_the_id_as_listed_and_cited_opens_the_article(tmp_path: Path) -> None:
    corpus = str(hostile_corpus(tmp_path))
    code, out, _ = run("list", "--corpus", corpus)
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert [line.split()[0] for line in out.splitlines()] == ["evilRED.txt", "plain.txt", "storm.txt"]
    code, out, err = run("ask", "What did the red file say?", "--corpus", corpus, "--top", "1")
    assert code == 0, err
    assert "article evilRED.txt" in out and "\x1b" not in out
    code, out, err = run("show", "evilRED.txt", "--corpus", corpus)
    assert code == 0, err
    assert "[1] The red file said hello" in out and "\x1b" not in out
    code, out, err = run(
        "ask", "Who spoke to the crowd?", "--article", "evilRED.txt", "--corpus", corpus, "--json"
    )
    assert code == 0, err
    assert {q["article"]["id"] for q in json.loads(out)["quotes"]} == {HOSTILE}


def test_a_batch_line_takes_the_listed_id(tmp_path: Path) -> None:
    line = json.dumps({"question": "Who spoke to the crowd?", "article": "evilRED.txt"})
    result = CliRunner().invoke(
        main, ["ask", "--batch", "-", "--corpus", str(hostile_corpus(tmp_path))], input=line + "\n"
    )
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(out) for out in result.stdout.splitlines()]
    assert {q["article"]["id"] for q in record["quotes"]} == {HOSTILE}


def test_the_id_as_json_writes_it_opens_the_article(tmp_path: Path) -> None:
    corpus = str(hostile_corpus(tmp_path))
    code, out, _ = run("list", "--json", "--corpus", corpus)
    raw_ids = [line.split('"id": ')[1].rstrip(",") for line in out.splitlines() if '"id": "evil' in line]
    assert raw_ids == ['"evil\\u001b[31mRED\\u001b]0;pwned\\u0007.txt"']
    code, out, err = run("show", raw_ids[0].strip('"'), "--json", "--corpus", corpus)
    assert code == 0, err
    assert json.loads(out)["article"]["id"] == HOSTILE


def test_remove_takes_the_listed_id(tmp_path: Path) -> None:
    folder = hostile_corpus(tmp_path)
    code, out, err = run("remove", "evilRED.txt", "--corpus", str(folder))
    assert code == 0, err
    assert not (folder / HOSTILE).exists() and (folder / "plain.txt").exists()
    assert "\x1b" not in out and out.startswith("removed evilRED.txt")


def test_two_names_alike_but_for_hidden_characters_are_not_guessed(tmp_path: Path) -> None:
    folder = hostile_corpus(tmp_path)
    (folder / "evil\x1b[32mRED.txt").write_text("Another tale\n\nA green file spoke.\n", "utf-8")
    code, out, err = run("show", "evilRED.txt", "--corpus", str(folder))
    assert (code, out) == (4, "")
    assert "2 articles" in err and "assistant list --json" in err and "\x1b" not in err
    assert len(err.splitlines()) == 1
    code, out, err = run("show", "evil\\u001b[32mRED.txt", "--corpus", str(folder))
    assert code == 0, err
    assert "A green file spoke." in out


def test_an_unknown_id_is_still_unknown(tmp_path: Path) -> None:
    code, out, err = run("show", "evilBLUE.txt", "--corpus", str(hostile_corpus(tmp_path)))
    assert (code, out) == (4, "")
    assert "no article 'evilBLUE.txt'" in err


# ---- 2. a refusal, once on a terminal, on stderr for scripts ----------------------------------

REFUSED = "What is the recipe for banana bread?"


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the real command with stdout and stderr on one pseudo-terminal; what the user saw."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command exited and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return process.wait(timeout=60), seen.decode("utf-8", "replace")


def test_a_refusal_is_said_once_on_a_terminal(seed_corpus: Path) -> None:
    env = {**os.environ, "ASSISTANT_HISTORY": "0", "COLUMNS": "200", "TERM": "xterm"}
    code, seen = _on_a_terminal(
        [sys.executable, "-m", "assistant", "ask", REFUSED, "--corpus", str(seed_corpus)], env
    )
    assert code == 1
    assert seen.count("The corpus holds no answer") == 1, seen
    assert "assistant: " not in seen


def test_a_refusal_piped_is_on_stderr_with_exit_1(seed_corpus: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", REFUSED, "--corpus", str(seed_corpus)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "ASSISTANT_HISTORY": "0"},
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("assistant: The corpus holds no answer")
    assert len(done.stderr.splitlines()) == 1


# ---- 3. counts agree in number ----------------------------------------------------------------


def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "note.txt").write_text("Short note\n\nFerries wait.\n", encoding="utf-8")
    code, out, _ = run("index", "--corpus", str(folder))
    assert code == 0
    assert out.startswith("1 article, 1 passage, 1 sentence, ")
    code, out, _ = run("list", "--corpus", str(folder))
    assert "1 paragraph, 2 words, " in out and "1 paragraphs" not in out
    (folder / "two.txt").write_text("Other\n\nThe ferry waited for a while.\n", encoding="utf-8")
    code, out, err = run("list", "--corpus", str(folder), "--limit", "1")
    assert "2 paragraphs" not in out and err.strip().endswith("1 of 2 articles shown")


def test_a_scope_message_about_one_undated_article_is_singular(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "note.txt").write_text("Short note\n\nFerries wait at the pier.\n", encoding="utf-8")
    code, out, _ = run("ask", "Who waits at the pier?", "--since", "2031", "--corpus", str(folder))
    assert code == 1
    assert "1 of 1 article has no date to compare." in out


# ---- 4. show --json shows sentences as ask does ----------------------------------------------

WRAPPED = (
    "Harbor bridge repair approved\n"
    "By Dana Whitfield\n\n"
    "The council approved the repair of the harbor bridge on Tuesday after a\n"
    "long debate about the cost of the long-\nrange plan for the waterfront.\n\n"
    "Work is to start in the spring and end before the regatta in the summer.\n"
)


def test_show_json_gives_the_one_line_text_ask_gives_with_exact_offsets(tmp_path: Path) -> None:
    folder = tmp_path / "wrapped"
    folder.mkdir()
    (folder / "bridge.txt").write_text(WRAPPED, encoding="utf-8")
    code, out, err = run("show", "bridge.txt", "--json", "--corpus", str(folder))
    assert code == 0, err
    sentences = json.loads(out)["sentences"]
    first = sentences[0]
    assert first["text"] == (
        "The council approved the repair of the harbor bridge on Tuesday after a "
        "long debate about the cost of the long-range plan for the waterfront."
    )
    assert "\n" in WRAPPED[first["start"] : first["end"]]  # the offsets still point at the wrapped source
    assert all("\n" not in s["text"] for s in sentences)
    code, out, _ = run(
        "ask", "When did the council approve the repair?", "--json", "--top", "1", "--corpus", str(folder)
    )
    quote = json.loads(out)["quotes"][0]
    same = next(s for s in sentences if s["start"] == quote["start"])
    assert (same["text"], same["end"]) == (quote["text"], quote["end"])


# ---- 5. unclosed front matter is reported, once ---------------------------------------------


def test_unclosed_front_matter_is_reported_once(tmp_path: Path) -> None:
    folder = tmp_path / "md"
    folder.mkdir()
    (folder / "open.md").write_text("---\ntitle: Ferry timetable\n\nThe ferry now leaves at nine.\n", "utf-8")
    (folder / "closed.md").write_text("---\ntitle: Bridge\n---\n\nThe bridge opens in May.\n", "utf-8")
    (folder / "rule.md").write_text("---\n\nA thematic break, then prose: no front matter.\n", "utf-8")
    code, _, err = run("index", "--corpus", str(folder))
    assert code == 0
    unclosed = "its front matter has no closing `---`; read as text, without metadata"
    assert err == f"assistant: warning: open.md: {unclosed}\n"
    code, _, err = run("list", "--corpus", str(folder))
    assert (code, err) == (0, "")
    (folder / "open.md").write_text("---\ntitle: Ferry timetable\n\nThe ferry now leaves at ten.\n", "utf-8")
    _, _, err = run("list", "--corpus", str(folder))
    assert err.count("open.md: its front matter has no closing") == 1


# ---- 6. a date sort with no dates says so -----------------------------------------------------


def test_date_sort_without_dates_says_it_sorted_by_id(tmp_path: Path) -> None:
    folder = hostile_corpus(tmp_path)
    code, out, err = run("list", "--sort", "date", "--corpus", str(folder))
    assert code == 0 and len(out.splitlines()) == 3
    assert err == "assistant: no listed article has a date; sorted by id\n"
    (folder / "dated.md").write_text("---\ntitle: Dated\ndate: 2024-03-01\n---\n\nA dated story.\n", "utf-8")
    code, out, err = run("list", "--sort", "date", "--corpus", str(folder))
    assert out.startswith("dated.md") and err == ""
    code, out, err = run("list", "--sort", "date", "--filter", "plain", "--corpus", str(folder))
    assert err.endswith("no listed article has a date; sorted by id\n")


# ---- 7. context never repeats another quote; a folder's README is not an article ---------------

PORT = (
    "Port plans dredging of the harbour\n\n"
    "The city council met on Tuesday to discuss the budget for parks and schools.\n\n"
    "Dredging the harbour will cost 40 million dollars, the port authority said on Monday. "
    "The harbour dredging contract will go to a Dutch company next spring. "
    "Local fishermen protested outside the town hall against the noise.\n"
)


def test_context_stops_short_of_another_quote_of_the_same_answer(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "port.txt").write_text(PORT, encoding="utf-8")
    code, out, err = run(
        "ask", "What will dredging the harbour cost?", "--corpus", str(folder), "--context", "1", "--json"
    )
    assert code == 0, err
    quotes = json.loads(out)["quotes"]
    texts = [q["text"] for q in quotes]
    assert len(texts) >= 2 and "40 million dollars" in texts[0]
    shown = texts + [s for q in quotes for s in q["context"]["before"] + q["context"]["after"]]
    assert len(shown) == len(set(shown)), shown  # every sentence on the screen once
    assert any(q["context"]["before"] or q["context"]["after"] for q in quotes)  # context still given


def test_a_readme_in_the_corpus_folder_is_reported_and_never_quoted(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "port.txt").write_text(PORT, encoding="utf-8")
    (folder / "README.md").write_text(
        "About this folder\n\nThe archive was scraped by volunteers in 2019.\n", "utf-8"
    )
    code, out, err = run("index", "--corpus", str(folder))
    assert code == 0, err
    assert "README.md" in err and "not an article" in err
    code, out, err = run("ask", "Who scraped the archive?", "--corpus", str(folder), "--json")
    assert "volunteers" not in out
    code, out, err = run("list", "--corpus", str(folder))
    assert "README" not in out and "port.txt" in out
