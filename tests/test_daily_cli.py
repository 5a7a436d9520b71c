"""Daily use on an archive (issue 13) through the real CLI: citations with ids, copies collapsed,
scope options, `list` paging options, the history, and `add` of a folder with notes in it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.index.tokens import count_tokens
from tests.archive import make_archive

SEED_ID = "000_7834a3842ba03b39.txt"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return make_archive(tmp_path / "archive")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def ask_json(archive: Path, question: str, *options: str) -> dict:
    code, out, err = run("ask", question, "--json", "--corpus", str(archive), *options)
    assert code in (0, 1), err
    return json.loads(out)


# ---- citations ---------------------------------------------------------------------------------


def test_plain_answer_cites_article_id_and_offsets_and_collapses_the_copy(archive: Path) -> None:
    code, out, err = run("ask", "Where did the defense officials meet?", "--corpus", str(archive))
    assert code == 0, err
    assert "Ramstein Air Base" in out
    assert out.count("Ramstein Air Base") == 1  # the wire copy's sentence is not shown again
    first_citation = next(line for line in out.splitlines() if line.strip().startswith("—"))
    assert "characters " in first_citation
    assert (
        "article world/" + SEED_ID
    ) in first_citation or "article wire/zelensky-trip.txt" in first_citation
    assert "(also in " in first_citation


def test_json_quote_carries_id_offsets_also_in_and_the_answer_its_tokens(archive: Path) -> None:
    answer = ask_json(archive, "Where did the defense officials meet?")
    assert answer["answered"]
    shown = []
    for quote in answer["quotes"]:
        article_id = quote["article"]["id"]
        text = (archive / article_id).read_text(encoding="utf-8")
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert f"article {article_id}" in quote["citation"]
        assert f"characters {quote['start']}–{quote['end']}" in quote["citation"]
        other = {"world/" + SEED_ID, "wire/zelensky-trip.txt"} - {article_id}
        assert quote["also_in"] == sorted(other)
        shown += [*quote["context"]["before"], quote["text"], *quote["context"]["after"]]
    texts = [q["text"] for q in answer["quotes"]]
    assert len(texts) == len(set(texts))
    assert answer["tokens"] == sum(count_tokens(t) for t in shown) > 0


# ---- scope -------------------------------------------------------------------------------------


def ids_of(answer: dict) -> set[str]:
    return {q["article"]["id"] for q in answer["quotes"]}


def test_in_folder_keeps_answers_inside_it(archive: Path) -> None:
    question = "Where did the defense officials meet?"
    everywhere = ask_json(archive, question)
    assert ids_of(everywhere) <= {"world/" + SEED_ID, "wire/zelensky-trip.txt"}
    only_world = ask_json(archive, question, "--in", "world/")
    assert only_world["answered"] and ids_of(only_world) == {"world/" + SEED_ID}
    assert all(q["also_in"] == [] for q in only_world["quotes"])  # the copy is outside the scope
    assert only_world["limits"] == "in world/"
    by_path = ask_json(archive, question, "--in", str(archive / "world"))  # as tab completion types it
    assert ids_of(by_path) == {"world/" + SEED_ID} and by_path["limits"] == "in world/"
    elsewhere = ask_json(archive, question, "--in", "sport", "--in", "local/")
    assert not elsewhere["answered"] and elsewhere["quotes"] == []


def test_source_author_and_dates_limit_the_articles(archive: Path) -> None:
    question = "What did the harbor master do?"
    herald = ask_json(archive, question, "--source", "valley herald")
    assert herald["answered"] and ids_of(herald) <= {"sport/regatta-2023.md", "sport/regatta-2024.md"}
    assert "regatta-2023" in " ".join(ids_of(herald))
    by_lee = ask_json(archive, question, "--author", "Ann Lee")
    assert ids_of(by_lee) == {"sport/regatta-2023.md"}
    storm = "Who was pulled from the water near the harbor mouth?"
    in_2024 = ask_json(archive, storm, "--since", "2024-01-01", "--until", "2024-12-31")
    assert ids_of(in_2024) == {"sport/regatta-2024.md"}
    before = ask_json(archive, storm, "--until", "2023-12-31")
    assert "sport/regatta-2024.md" not in ids_of(before)


def test_scope_that_matches_nothing_and_a_bad_date_are_said_plainly(archive: Path) -> None:
    code, out, err = run("ask", "Who won?", "--corpus", str(archive), "--since", "2031-01-01")
    assert code == 1 and "No article in the corpus is within the scope (since 2031-01-01)." in out
    assert "4 of 7 articles have no date to compare." in out
    code, out, _ = run("ask", "Who won?", "--corpus", str(archive), "--in", "sprot/")
    assert code == 1 and "(in sprot/). Its folders: local/, sport/, wire/, world/." in out
    code, _, err = run("ask", "Who won?", "--corpus", str(archive), "--since", "last week")
    assert code == 2
    assert err.strip() == "assistant: --since: 'last week' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"


# ---- list --------------------------------------------------------------------------------------


def test_list_limit_filter_sort_and_json(archive: Path) -> None:
    code, out, err = run("list", "--corpus", str(archive), "--limit", "2")
    assert code == 0
    assert len(out.splitlines()) == 2 and "2 of 7 articles shown" in err
    _, out, _ = run("list", "--corpus", str(archive), "--filter", "VALLEY herald")
    assert [line.split()[0] for line in out.splitlines()] == [
        "sport/regatta-2023.md",
        "sport/regatta-2024.md",
    ]
    _, out, _ = run("list", "--corpus", str(archive), "--sort", "date", "--json")
    dates = [a["date"] for a in json.loads(out)]
    assert dates[:3] == ["2024-06-02", "2024-03-14", "2023-05-01"]
    _, out, _ = run("list", "--corpus", str(archive), "--sort", "title", "--filter", "regatta", "--json")
    assert [a["title"] for a in json.loads(out)] == [
        "Harbor regatta draws record fleet",
        "Storm cuts harbor regatta short",
    ]
    _, out, _ = run("list", "--corpus", str(archive), "--filter", "wire/", "--json")
    assert [a["id"] for a in json.loads(out)] == ["wire/zelensky-trip.txt"]


# ---- history -----------------------------------------------------------------------------------


def test_history_keeps_questions_newest_first_with_citations(archive: Path) -> None:
    run("ask", "Where did the defense officials meet?", "--corpus", str(archive))
    run("ask", "What did the harbor master do?", "--corpus", str(archive), "--in", "sport/")
    run("ask", "What is the price of tea in Lisbon?", "--corpus", str(archive))
    code, out, _ = run("history", "--corpus", str(archive), "--json")
    assert code == 0
    entries = json.loads(out)
    assert [e["question"] for e in entries] == [
        "What is the price of tea in Lisbon?",
        "What did the harbor master do?",
        "Where did the defense officials meet?",
    ]
    assert entries[0]["answered"] is False and entries[0]["quotes"] == []
    assert entries[1]["scope"] == "in sport/"
    assert all("article sport/" in q["citation"] for q in entries[1]["quotes"])
    assert entries[2]["tokens"] > 0 and "Ramstein" in entries[2]["quotes"][0]["text"]
    _, out, _ = run("history", "--corpus", str(archive), "--limit", "1")
    assert out.startswith("#3  ") and "price of tea" in out and "harbor" not in out
    _, out, _ = run("history", "--corpus", str(archive), "--filter", "RAMSTEIN")
    assert "Where did the defense officials meet?" in out and "price of tea" not in out
    assert "article world/" in out or "article wire/" in out
    _, out, _ = run("history", "--corpus", str(archive), "--filter", "ZELENSKY’S US TRIP", "--json")
    assert [e["question"] for e in json.loads(out)] == ["Where did the defense officials meet?"]
    run("ask", "What did the ÉLYSÉE say?", "--corpus", str(archive))
    _, out, _ = run("history", "--corpus", str(archive), "--filter", "élysée", "--json")
    assert [e["question"] for e in json.loads(out)] == ["What did the ÉLYSÉE say?"]


def test_history_can_be_turned_off(archive: Path) -> None:
    run("ask", "Where did the defense officials meet?", "--corpus", str(archive), "--no-history")
    run("ask", "What did the harbor master do?", "--corpus", str(archive), env={"ASSISTANT_HISTORY": "0"})
    _, out, _ = run("history", "--corpus", str(archive), "--json")
    assert json.loads(out) == []
    code, _, err = run("history", "--corpus", str(archive), env={"ASSISTANT_HISTORY": "0"})
    assert code == 0 and "turned off" in err


def test_history_keeps_only_the_newest_questions(archive: Path) -> None:
    keep = {"ASSISTANT_HISTORY_KEEP": "3"}
    for n in range(5):
        run("ask", f"What happened on day {n}?", "--corpus", str(archive), env=keep)
    _, out, _ = run("history", "--corpus", str(archive), "--json")
    assert [e["question"] for e in json.loads(out)] == [f"What happened on day {n}?" for n in (4, 3, 2)]


def test_history_from_a_real_process_lives_beside_the_index(archive: Path) -> None:
    env = {**os.environ, "ASSISTANT_CORPUS": str(archive)}
    subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "Where did the defense officials meet?"],
        env=env, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    with sqlite3.connect(archive / ".assistant" / "history.sqlite3") as db:
        assert db.execute("SELECT question FROM asked").fetchall() == [
            ("Where did the defense officials meet?",)
        ]
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "history"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and "Where did the defense officials meet?" in done.stdout


# ---- add a folder ------------------------------------------------------------------------------


def test_add_folder_leaves_out_notes_and_summarises_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = tmp_path / "download"
    source.mkdir()
    for n in range(1, 6):
        (source / f"story-{n}.txt").write_text(
            f"Ferry route {n} reopens\n\nThe ferry on route {n} sailed again on Monday after repairs.\n",
            encoding="utf-8",
        )
    (source / "README.TXT").write_text("Stories scraped for a class. See LICENSE.\n", encoding="utf-8")
    (source / "LICENSE").write_text("Permission is granted to copy these files.\n", encoding="utf-8")
    code, out, err = run("add", str(source), "--corpus", str(corpus))
    assert code == 0, err
    assert out.count("stored ") == 5 and "README" not in out and "Permission" not in out
    notes = [line for line in err.splitlines() if "left out" in line]
    assert len(notes) == 1 and "2 files left out" in notes[0] and "README.TXT" in notes[0]
    assert len(err.splitlines()) == 3  # one line per kind of warning, not two per file
    assert "no author found: 5 files" in err
    _, out, _ = run("list", "--corpus", str(corpus), "--json")
    assert len(json.loads(out)) == 5


def test_dates_written_in_words_are_read_for_since_and_until(archive: Path) -> None:
    (archive / "sport" / "marathon.md").write_text(
        "---\ntitle: City marathon sets course record\nauthor: Lena Fischer\n"
        "date: September 21, 2023\n---\n\n"
        "The winner crossed the harbor finish line in two hours and four minutes.\n",
        encoding="utf-8",
    )
    question = "When did the winner cross the harbor finish line?"
    inside = ask_json(archive, question, "--since", "2023-09", "--until", "2023-09-30")
    assert ids_of(inside) == {"sport/marathon.md"}
    outside = ask_json(archive, question, "--since", "2023-10-01")
    assert "sport/marathon.md" not in ids_of(outside)
    _, out, _ = run("list", "--corpus", str(archive), "--sort", "date", "--limit", "4", "--json")
    assert [a["id"] for a in json.loads(out)][2:4] == ["sport/marathon.md", "sport/regatta-2023.md"]


def test_list_on_a_terminal_goes_through_the_pager(archive: Path) -> None:
    import pty

    env = {**os.environ, "ASSISTANT_CORPUS": str(archive), "PAGER": "sed s/^/PAGED:/", "TERM": "dumb"}
    subprocess.run([sys.executable, "-m", "assistant", "index"], env=env, capture_output=True, check=True)
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "list", "--filter", "regatta"],
        env=env, stdin=follower, stdout=follower, stderr=subprocess.PIPE, timeout=120,
    )  # fmt: skip
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: everything was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0, done.stderr
    text = shown.decode("utf-8")
    assert "PAGED:sport/regatta-2023.md" in text and "PAGED:sport/regatta-2024.md" in text
    assert "world/" not in text
    assert b"2 of 7 articles shown" in done.stderr


def test_a_history_that_cannot_be_written_costs_a_warning_not_the_answer(
    archive: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the history's folder would be\n", encoding="utf-8")
    env = {"ASSISTANT_HISTORY": str(blocker / "history.sqlite3")}
    code, out, err = run("ask", "Where did the defense officials meet?", "--corpus", str(archive), env=env)
    assert code == 0 and "Ramstein Air Base" in out
    assert (
        err.startswith("assistant: warning: the history could not be written") and len(err.splitlines()) == 1
    )
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database, just bytes\n" * 100)
    code, _, err = run("history", "--corpus", str(archive), env={"ASSISTANT_HISTORY": str(garbage)})
    assert code == 5 and err.startswith("assistant: the history at ") and len(err.splitlines()) == 1
