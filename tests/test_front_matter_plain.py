"""The front matter `add` writes without PyYAML is, byte for byte, what `yaml.safe_dump` writes,
and reads back as `yaml.safe_load` reads it; whatever the subset does not cover goes to PyYAML."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import yaml

from assistant.corpus.article_file import ArticleFields, render
from assistant.corpus.front_matter_plain import dump_plain, load_plain
from assistant.corpus.front_matter_yaml import load_front_matter
from assistant.corpus.markdown import FRONT_MATTER, front_matter

TRICKY = [
    "yes", "No", "NULL", "null", "~", "Off", "on", "true", "False", "y", "n", "=", "<<",
    "2026-11-30", "2026-1-3", "2026-11-30T23:05:01Z", "2026-11-30 23:05:01", "2026-11-30t23:05:01.5+01:00",
    "1e5", "1.5", "0x1f", "0b101", "0777", "089", "12:30", "1_000", ".inf", "-.5", "+1",
    "3f2a" * 16, "0b10" * 16, "e" * 64, "1234" * 16, "abcdef", "deadbeef",
    "Reuters", "A - B", "It's here", "'quoted'", "#tag", "a #b", "a: b", "a:b", "- item", "? q",
    "&anchor", "*alias", "!tag", "%x", "@x", "`x", "{a}", "[a]", "a,b", "a, b", "trailing ", " leading",
    "two  spaces", "Zürich", "“Curly”", "tab\there", "Ola Nordmann", "By REUTERS (Staff)", "50% up $3",
    "", "Untitled",
]  # fmt: skip
ALPHABET = "aZ09 -:'#,.&*!%@`?|>{}[]()/+_~=eTx\"\\\u00e9\u201c"
NEAR_PLAIN = "abcdefnoNOyYtT0189 ,.'()&/$%+-:T"


def _dumped(front: dict[str, str | None]) -> str:
    return yaml.safe_dump(
        front, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )


def _fronts() -> list[dict[str, str | None]]:
    rng = random.Random(12)
    fronts: list[dict[str, str | None]] = [{"title": value, "date": None} for value in TRICKY]

    def value() -> str:
        alphabet = rng.choice([ALPHABET, NEAR_PLAIN])
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))

    for _ in range(4000):
        title = value()
        fronts.append(
            {"title": title, "author": rng.choice([value(), *TRICKY]), "sha256": rng.choice([None, title])}
        )
    return fronts


def test_what_is_written_without_yaml_is_what_safe_dump_writes() -> None:
    taken = 0
    for front in _fronts():
        mine = dump_plain(front)
        if mine is not None:
            taken += 1
            assert mine == _dumped(front), front
    assert taken > 100  # the subset is not empty: ordinary titles and dates are in it


def test_what_is_read_without_yaml_is_what_safe_load_reads() -> None:
    read = 0
    for front in _fronts():
        text = _dumped(front).rstrip("\n")
        mine = load_plain(text)
        if mine is not None:
            read += 1
            assert mine == yaml.safe_load(text), text
        assert load_front_matter(text) == yaml.safe_load(text)
    assert read > 100
    for text in ["title: 2026-11-30", "title: yes", "a: 1\na: 2", "title: 'x'\n", "title:  x", "title: x #c"]:
        assert load_plain(text) is None  # left to YAML, which reads them as a date, a bool, ...


def test_a_rendered_article_reads_back_the_same_with_or_without_yaml() -> None:
    added = dt.datetime(2026, 11, 30, 23, 5, 1, tzinfo=dt.UTC)
    for title, author in [("Zebrafish fins regrow", "Ola Nordmann"), ("Zürich “talks”", "yes"), ("No", None)]:
        fields = ArticleFields(title=title, author=author, date="2026-11-30", source="Reuters")
        text = render(fields, ["First paragraph.", "Second one."], added=added)
        match = FRONT_MATTER.match(text)
        assert match is not None
        assert load_front_matter(match.group(1)) == yaml.safe_load(match.group(1))
        fields_read = front_matter(text)[0]
        assert fields_read["title"] == title
        assert fields_read["date"] == "2026-11-30"


def test_adding_a_plain_text_article_never_imports_yaml(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = tmp_path / "new.txt"
    source.write_text(
        "Marlowe Zebrafish Cooperative Doubles Harvest\nBy Ola Nordmann\n"
        '"We doubled the harvest," said Quintessa Marlowe, the cooperative\'s chair.\n',
        encoding="utf-8",
    )
    script = (
        "import json, sys, contextlib, io\n"
        "from assistant.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        f"        main(['add', {str(source)!r}, '--corpus', {str(corpus)!r}])\n"
        "    except SystemExit as done:\n"
        "        code = done.code\n"
        "print(json.dumps({'yaml': 'yaml' in sys.modules, 'code': code, 'out': out.getvalue()}))\n"
    )
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "ASSISTANT_HISTORY": "0",
        "XDG_CACHE_HOME": str(tmp_path / "c"),
    }
    env.pop("ASSISTANT_INDEX_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, result["out"]
    assert result["yaml"] is False
    (stored,) = corpus.glob("*.md")
    match = FRONT_MATTER.match(stored.read_text(encoding="utf-8"))
    assert match is not None
    loaded = yaml.safe_load(match.group(1))
    assert loaded["title"] == "Marlowe Zebrafish Cooperative Doubles Harvest"
    assert loaded["author"] == "Ola Nordmann"
