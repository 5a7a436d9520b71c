"""The stored labels a scoped question reads (each article's folder, source and author, issue 12)
are checked as the other segment files are: damaged or crafted to pass the manifest's checksums,
the index is rebuilt with one line and the question answered; codes crafted out of range inside a
well-formed file read as "no value", never an index past the list. The real CLI in a process."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
from fault_helpers import cli, make_corpus, one_line
from test_fault_crafted_arrays import ANSWER, CRAFTED, QUESTION, _craft, _segment

VALUES = "article-labels.json"
CODES = "article-labels.npy"


def _scoped(tmp: Path, corpus: Path, *scope: str):  # type: ignore[no-untyped-def]
    return cli(tmp, "ask", QUESTION, "--top", "1", "--no-history", *scope, "--corpus", str(corpus))


def _built(tmp: Path) -> Path:
    corpus = make_corpus(tmp / "corpus")
    assert _scoped(tmp, corpus).returncode == 0
    return corpus


@pytest.mark.parametrize(
    "name, data",
    [
        (VALUES, b'{"folder": [], "source": 7, "author": []}'),  # well-formed JSON, wrong shape
        (VALUES, b"[1, 2"),  # not JSON
        (CODES, CRAFTED["unparseable header"][0]),
    ],
    ids=["values of the wrong type", "values not JSON", "codes' header unparseable"],
)
def test_crafted_labels_with_a_matching_manifest_are_rebuilt_with_one_line(
    tmp_path: Path, name: str, data: bytes
) -> None:
    corpus = _built(tmp_path)
    _craft(_segment(corpus), name, data, None)
    result = _scoped(tmp_path, corpus, "--author", "priya")
    assert result.returncode == 0, (result.returncode, result.stderr[-400:])
    assert ANSWER in result.stdout
    assert "rebuilt" in one_line(result.stderr)
    again = _scoped(tmp_path, corpus, "--author", "priya")
    assert again.returncode == 0 and again.stderr == b""


def test_damaged_labels_are_rebuilt(tmp_path: Path) -> None:
    corpus = _built(tmp_path)
    path = _segment(corpus) / CODES
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # one flipped byte: the manifest's checksum no longer matches
    path.write_bytes(bytes(data))
    result = _scoped(tmp_path, corpus, "--author", "priya")
    assert result.returncode == 0 and ANSWER in result.stdout
    assert "rebuilt" in one_line(result.stderr)


def test_codes_out_of_range_read_as_no_value(tmp_path: Path) -> None:
    corpus = _built(tmp_path)
    segment = _segment(corpus)
    codes = np.load(segment / CODES)
    codes[:, 2] = np.where(codes[:, 2] >= 0, 2**31 - 1, -(2**31))  # every author's code off the list
    header_and_data = _npy(codes)
    _craft(segment, CODES, header_and_data, (list(codes.shape), "int32"))
    by_author = _scoped(tmp_path, corpus, "--author", "priya")
    assert by_author.returncode == 1, by_author.stderr[-400:]  # nobody has an author now: no article
    said = by_author.stdout + by_author.stderr
    assert b"No article in the corpus is within the scope (author priya)" in said
    assert b"Traceback" not in said and b"rebuilt" not in said
    assert ANSWER in _scoped(tmp_path, corpus).stdout  # unscoped questions never read them


def _npy(array: np.ndarray) -> bytes:  # type: ignore[type-arg]
    """`array` as a .npy file's bytes (version 1.0)."""
    shape = ", ".join(str(n) for n in array.shape) + ("," if array.ndim == 1 else "")
    text = f"{{'descr': '{array.dtype.str}', 'fortran_order': False, 'shape': ({shape}), }}"
    text += " " * ((64 - (len(text) + 11) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin1") + array.tobytes()
