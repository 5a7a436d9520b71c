"""An index array crafted to pass its checksums still cannot crash or exhaust the open: one line, a rebuild.

The manifest's CRC-32s catch damage, not intent: anyone who can write the index folder can write a
matching manifest too. So each case here rewrites one segment array and then its manifest entry
(size, checksum, and the shape and dtype the header claims), leaving the header reader alone
between the file and the answer.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from fault_helpers import cli, make_corpus, one_line

from assistant.index.checked_files import checksum, write_manifest

QUESTION = "How much will the flood wall cost?"
ANSWER = b"The wall will cost an estimated 14 million pounds"


def _header(text: str) -> bytes:
    """A version 1.0 .npy header holding `text`, padded the way numpy pads it."""
    text += " " * ((64 - (len(text) + 11) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin1")


CRAFTED = {
    # A header numpy's own reader chokes on (its tokenizer raises TokenError, not ValueError).
    "unparseable header": (
        _header("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }(") + bytes(12),
        None,
    ),
    # An element size of zero: numpy would allocate the whole claimed shape in memory.
    "zero-size elements, enormous shape": (
        _header(f"{{'descr': '|S0', 'fortran_order': False, 'shape': ({2**62},), }}"),
        ([2**62], "|S0"),
    ),
    # More data claimed than the file holds.
    "shape past the file end": (
        _header(f"{{'descr': '<i8', 'fortran_order': False, 'shape': ({2**40},), }}") + bytes(64),
        ([2**40], "int64"),
    ),
    # A header whose length field points past the end of the file.
    "header length past the file end": (b"\x93NUMPY\x01\x00\xff\xff{'descr'", None),
    # A version numpy has never written.
    "unknown format version": (b"\x93NUMPY\x09\x00" + bytes(100), None),
}


def _ask(tmp: Path, corpus: Path):  # type: ignore[no-untyped-def]
    return cli(tmp, "ask", QUESTION, "--top", "1", "--corpus", str(corpus))


def _segment(corpus: Path) -> Path:
    index = corpus / ".assistant"
    gen = index / (index / "CURRENT").read_text().strip()
    return index / json.loads((gen / "manifest.json").read_text())["body"]["segments"][0]


def _craft(segment: Path, name: str, data: bytes, claimed: tuple[list[int], str] | None) -> None:
    """Write `data` as the array `name` and a manifest that vouches for it."""
    path = segment / name
    path.write_bytes(data)
    body = json.loads((segment / "manifest.json").read_text())["body"]
    entry = body["files"][name]
    entry.update(checksum(path))
    if claimed is not None:
        entry["shape"], entry["dtype"] = claimed
    write_manifest(segment, body)


@pytest.mark.parametrize("kind", sorted(CRAFTED))
def test_a_crafted_array_with_a_matching_manifest_is_rebuilt_with_one_line(tmp_path: Path, kind: str) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    assert _ask(tmp_path, corpus).returncode == 0
    data, claimed = CRAFTED[kind]
    _craft(_segment(corpus), "s_start.npy", data, claimed)
    result = _ask(tmp_path, corpus)
    assert result.returncode == 0, (kind, result.returncode, result.stderr[-400:])
    assert ANSWER in result.stdout
    assert "rebuilt" in one_line(result.stderr)
    again = _ask(tmp_path, corpus)
    assert again.returncode == 0 and again.stderr == b""


def test_the_article_offsets_are_read_as_carefully(tmp_path: Path) -> None:
    # (file-stats.npy and file-sha256.npy are read later, by a walk, outside the open's rebuild.)
    name = "articles-offsets.npy"
    corpus = make_corpus(tmp_path / "corpus")
    assert _ask(tmp_path, corpus).returncode == 0
    data, claimed = CRAFTED["unparseable header"]
    _craft(_segment(corpus), name, data, claimed)
    result = _ask(tmp_path, corpus)
    assert result.returncode == 0, (name, result.returncode, result.stderr[-400:])
    assert ANSWER in result.stdout
    assert "rebuilt" in one_line(result.stderr)


def test_the_generations_deletion_marks_are_read_as_carefully(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    assert _ask(tmp_path, corpus).returncode == 0
    index = corpus / ".assistant"
    gen = index / (index / "CURRENT").read_text().strip()
    data, claimed = CRAFTED["unparseable header"]
    _craft(gen, "dead.npy", data, claimed)
    result = _ask(tmp_path, corpus)
    assert result.returncode == 0, (result.returncode, result.stderr[-400:])
    assert ANSWER in result.stdout
    assert "rebuilt" in one_line(result.stderr)


@pytest.mark.parametrize("name", ["file-stats.npy", "file-sha256.npy"])
def test_the_files_keys_read_by_a_walk_are_rebuilt_too(tmp_path: Path, name: str) -> None:
    """The files' sizes, times and hashes are read only by a walk (`assistant index`, or a question
    after the folder changed), after the open: damage there is rebuilt with one line, not exit 70."""
    corpus = make_corpus(tmp_path / "corpus")
    assert _ask(tmp_path, corpus).returncode == 0
    data, claimed = CRAFTED["unparseable header"]
    _craft(_segment(corpus), name, data, claimed)
    checked = cli(tmp_path, "index", "--corpus", str(corpus))
    assert checked.returncode == 0, (name, checked.returncode, checked.stderr[-400:])
    assert "rebuilt" in one_line(checked.stderr)
    assert b"6 articles" in checked.stdout
    result = _ask(tmp_path, corpus)
    assert result.returncode == 0 and ANSWER in result.stdout
    assert result.stderr == b""
