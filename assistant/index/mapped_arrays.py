"""`.npy` files memory-mapped read-only, quickly: opening an index maps ~20 arrays per segment.

`np.load(mmap_mode="r")` parses each header with `ast.literal_eval`, resolves the path and builds
an `np.memmap`, whose Python-level `__getitem__` then runs on every slice a question takes. Here a
header of the plain shape numpy writes (a little-endian or byte dtype, C order, a shape tuple) is
read with one pattern and the data mapped as an ordinary read-only array over an `mmap`; anything
else goes to `np.load` as before. The bytes read are the same either way.

Index files are untrusted (a manifest's checksums can be rewritten as easily as the file), so
whatever is wrong with one, whichever reader meets it, is a `ValueError`: the caller's cue to
rebuild. Nothing here allocates more than the file holds.
"""

from __future__ import annotations

import math
import mmap
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

_MAGIC = b"\x93NUMPY"
_HEADER = re.compile(
    r"\{'descr': '(?P<descr>[<|][a-zA-Z]\d*)', 'fortran_order': False, 'shape': (?P<shape>\([\d, ]*\)), \}\s*"
)
_MAX_HEADER = 4096


def map_npy(path: Path) -> npt.NDArray[Any]:
    """The array in `path`, memory-mapped read-only (np.load's result for any file it reads)."""
    with open(path, "rb") as file:
        head = file.read(_MAX_HEADER)
        parsed = _parse_header(head)
        if parsed is None:
            return _numpy_load(path)
        dtype, shape, offset = parsed
        count = math.prod(shape)  # Python integers: an absurd header cannot wrap around
        if dtype.itemsize == 0:  # "|S0": numpy would allocate the whole shape at one byte each
            raise ValueError(f"{path.name} claims elements of no size")
        if count == 0:
            empty = np.zeros(shape, dtype=dtype)
            empty.flags.writeable = False
            return empty
        mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    if len(mapped) < offset + count * dtype.itemsize:
        raise ValueError(f"{path.name} is shorter than its header says")
    return np.frombuffer(mapped, dtype=dtype, count=count, offset=offset).reshape(shape)


def _numpy_load(path: Path) -> npt.NDArray[Any]:
    """np.load's reading of a header ours does not parse, its every failure a ValueError.

    Its header parser raises what its tokenizer raises (TokenError, EOFError, SyntaxError,
    MemoryError on an absurd shape), none of which the index's callers can tell from a bug.
    """
    try:
        loaded: npt.NDArray[Any] = np.load(path, mmap_mode="r", allow_pickle=False)
    except OSError:
        raise
    except Exception as exc:  # any failure to parse untrusted bytes is damage, not a bug
        raise ValueError(f"{path.name} is not an array file ({exc.__class__.__name__})") from exc
    return loaded


def _parse_header(head: bytes) -> tuple[np.dtype[Any], tuple[int, ...], int] | None:
    """(dtype, shape, data offset) of a version 1-3 header in numpy's own layout, else None."""
    if len(head) < 10 or not head.startswith(_MAGIC):
        return None
    major = head[6]
    if major == 1:
        size, start = int.from_bytes(head[8:10], "little"), 10
    elif major in (2, 3):
        size, start = int.from_bytes(head[8:12], "little"), 12
    else:
        return None
    if start + size > len(head):
        return None
    try:
        text = head[start : start + size].decode("latin1" if major < 3 else "utf-8")
    except UnicodeDecodeError:
        return None
    found = _HEADER.fullmatch(text)
    if found is None:
        return None
    shape = tuple(int(n) for n in re.findall(r"\d+", found["shape"]))
    dtype = np.dtype(found["descr"])
    if dtype.hasobject:
        return None
    return dtype, shape, start + size
