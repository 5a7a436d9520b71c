"""One bad article never stops the rest: hostile front matter, names, encodings and HTML."""

from __future__ import annotations

import json
from pathlib import Path

from fault_helpers import cli, make_corpus

BODY = "The lighthouse keeper retired on Friday after forty years at the lamp.\n"


def test_hostile_front_matter_is_read_without_metadata(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    laughs = "a: &a [x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 8)}]\n" for n in range(8)
    )
    front = {
        "bad-date.md": "title: Impossible date\ndate: 2024-02-30\n",
        "alias-bomb.md": laughs + "title: *i\n",
        "deep.md": "title: " + "[" * 5000 + "]" * 5000 + "\n",
        "huge.md": "title: " + "x" * 100_000 + "\n",
    }
    for name, yaml_text in front.items():
        (corpus / name).write_text(f"---\n{yaml_text}---\n\n{BODY}", encoding="utf-8")
    result = cli(tmp_path, "list", "--json", "--corpus", str(corpus), timeout=60)
    assert result.returncode == 0, result.stderr
    ids = {a["id"] for a in json.loads(result.stdout)}
    assert set(front) <= ids and "harbour.txt" in ids
    asked = cli(tmp_path, "ask", "Who retired after forty years at the lamp?", "--corpus", str(corpus))
    assert asked.returncode == 0 and b"forty years at the lamp" in asked.stdout
    # add reads the corpus's front matter to find duplicates: the same files must not stop it
    (tmp_path / "new.txt").write_text("River story\nThe river council voted to dredge the canal.\n")
    added = cli(tmp_path, "add", str(tmp_path / "new.txt"), "--corpus", str(corpus))
    assert added.returncode == 0, added.stderr


def test_a_file_name_that_is_not_utf8_is_one_more_article(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "bad\udcff\udcfename.txt").write_text("Odd name\n" + BODY, encoding="utf-8")  # bytes ff fe
    listed = cli(tmp_path, "list", "--corpus", str(corpus))
    assert listed.returncode == 0 and b"badname.txt  Odd name" in listed.stdout
    question = "Who retired after forty years at the lamp?"
    asked = cli(tmp_path, "ask", question, "--json", "--corpus", str(corpus))
    assert json.loads(asked.stdout)["quotes"][0]["article"]["id"] == "bad\udcff\udcfename.txt"


def test_deeply_nested_and_huge_html_is_refused_or_read_never_a_crash(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000)
    (inbox / "entities.html").write_text("<html><body><p>" + "&amp;" * 500_000 + "</p></body></html>")
    (inbox / "good.html").write_text(
        "<html><head><title>Canal dredged</title></head><body><article><h1>Canal dredged</h1>"
        "<p>The river council voted on Monday to dredge the old canal before the summer boating season.</p>"
        "<p>Work will start in May and should take about six weeks, the council said in a statement.</p>"
        "</article></body></html>"
    )
    added = cli(tmp_path, "add", str(inbox), "--corpus", str(corpus), timeout=120)
    assert added.returncode in (0, 6)
    assert b"Traceback" not in added.stderr and b"unexpected" not in added.stderr
    assert b"good.html" in added.stdout + added.stderr and b"stored" in added.stdout


def test_a_page_of_many_br_lines_is_joined_in_linear_time() -> None:
    """A page of 200k `<br>` lines none of which ends a sentence (a poem, a log pasted into a CMS, a
    hostile page under add's 20 MB cap) was joined a line at a time, each join copying all before it:
    ~110 s at 160k lines, with `add` frozen. Run in a process, so the old way fails here quickly."""
    import subprocess
    import sys

    script = (
        "from assistant.ingest.html_article import joined_lines\n"
        "lines = [f'the river runs {i} ways' for i in range(200_000)] + ['Next paragraph.']\n"
        "out = joined_lines(lines)\n"
        "assert len(out) == 2 and out[0].startswith('the river runs 0 ways the river runs 1 ways'), out[:1]\n"
        "assert out[0].endswith('the river runs 199999 ways') and out[1] == 'Next paragraph.'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr.decode()
