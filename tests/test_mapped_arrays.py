"""The index's arrays, memory-mapped by our own header reader, are numpy's to the byte."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.index.mapped_arrays import map_npy

ARRAYS = [
    np.arange(1000, dtype=np.int32),
    np.arange(7, dtype=np.uint16),
    np.zeros(0, dtype=np.int64),
    np.array([b"ab" * 32, b"c"], dtype="S64"),
    np.ones((3, 4), dtype=np.float64),
    np.array([True, False, True]),
    np.array(5, dtype=np.uint16),
    np.arange(6, dtype=">i4"),  # big-endian: numpy's own reader
    np.asfortranarray(np.ones((2, 3))),  # Fortran order: numpy's own reader
]


@pytest.mark.parametrize("array", ARRAYS, ids=lambda a: f"{a.dtype.str}{a.shape}")
def test_mapped_arrays_equal_what_numpy_reads_and_cannot_be_written(
    tmp_path: Path, array: np.ndarray
) -> None:
    path = tmp_path / "a.npy"
    np.save(path, array, allow_pickle=False)
    mapped = map_npy(path)
    expected = np.load(path, allow_pickle=False)
    assert mapped.dtype == expected.dtype and mapped.shape == expected.shape
    assert np.array_equal(mapped, expected)
    assert not mapped.flags.writeable


def test_a_file_shorter_than_its_header_says_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.npy"
    np.save(path, np.arange(1000, dtype=np.int64), allow_pickle=False)
    path.write_bytes(path.read_bytes()[:-800])
    with pytest.raises(ValueError):
        map_npy(path)


def test_an_index_opens_with_its_segments_mapped_and_answers(tmp_path: Path) -> None:
    from assistant.index import Index
    from assistant.index.tokens import terms

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    topics = ["ferry terminal", "rail bridge", "school budget", "water tariff", "city library"]
    for i, topic in enumerate(topics):
        text = f"Story {i}\nThe council debated the {topic} on Monday.\n"
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    Index.open(corpus)
    index, _ = Index.open(corpus)  # the stored index, its arrays mapped
    assert not index.stored.segments[0].arrays["doc_len"].flags.writeable
    best = index.top_passages(terms("Which ferry terminal?"), 1)
    assert [index.articles[int(index.stored.arrays["p_article"][p])]["id"] for p, _ in best] == ["0.txt"]


def test_a_header_claiming_an_enormous_array_is_refused(tmp_path: Path) -> None:
    import io

    import numpy.lib.format as npy_format

    header = io.BytesIO()
    npy_format.write_array_header_1_0(header, {"descr": "<i8", "fortran_order": False, "shape": (2**62, 4)})
    path = tmp_path / "a.npy"
    path.write_bytes(header.getvalue() + b"\0" * 80)
    with pytest.raises(ValueError):
        map_npy(path)


@pytest.mark.parametrize(
    "header",
    [
        f"{{'descr': '|S0', 'fortran_order': False, 'shape': ({2**62},), }}",  # numpy: MemoryError
        "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }(",  # numpy: TokenError
    ],
)
def test_a_header_numpy_would_choke_on_is_a_value_error(tmp_path: Path, header: str) -> None:
    import struct

    text = header + " " * ((64 - (len(header) + 11) % 64) % 64) + "\n"
    path = tmp_path / "a.npy"
    path.write_bytes(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode() + bytes(16))
    with pytest.raises(ValueError):
        map_npy(path)
