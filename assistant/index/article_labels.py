"""Each article's folder, source and author as a code into its segment's list of distinct values.

`ask --in FOLDER`, `--source` and `--author` over a large corpus parsed every row of the article
table for one field (~10 s at 1M passages, as dates did before article_days). Each segment stores
each field's distinct values once (`article-labels.json`: at 1M, 535 folders, 330 authors, 2
sources) and each article's codes (`article-labels.npy`, int32, -1 for none): a scope is matched
against the few values, then spread over the articles with one gather.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.checked_files import StaleIndex
from assistant.index.mapped_arrays import map_npy

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

FIELDS = ("folder", "source", "author")
VALUES_FILE = "article-labels.json"
CODES_FILE = "article-labels.npy"
_NONE = -1


def folder_of(article_id: str) -> str:
    """The folder part of an id as `--in` names folders (`world/`, `c000/reut2-000/`; "" at the top)."""
    return article_id[: article_id.rfind("/") + 1]


@dataclass(frozen=True, slots=True)
class Labels:
    """Per field, its distinct values; per article, a code into each (or -1)."""

    values: tuple[list[str], ...]
    """One list per field of FIELDS."""
    codes: npt.NDArray[np.int32]
    """Shape (articles, len(FIELDS))."""

    def mask(self, field: str, wanted: Callable[[str], bool]) -> npt.NDArray[np.bool_]:
        """Articles whose `field` has a value `wanted` holds for (none where it has no value)."""
        k = FIELDS.index(field)
        values = self.values[k]
        hit = np.zeros(len(values) + 1, dtype=np.bool_)  # the last: no value
        hit[: len(values)] = [wanted(value) for value in values]
        found: npt.NDArray[np.bool_] = hit[self._codes(k)]
        return found

    def present(self, field: str, among: npt.NDArray[np.bool_]) -> list[str]:
        """The values of `field` some article of `among` (a mask over articles) has."""
        k = FIELDS.index(field)
        codes = self._codes(k)[among]
        counts = np.bincount(codes[codes >= 0], minlength=len(self.values[k]))
        return [value for value, count in zip(self.values[k], counts.tolist(), strict=False) if count]

    def _codes(self, k: int) -> npt.NDArray[Any]:
        """Field `k`'s codes, any out of range (a crafted file) read as no value, never past the list."""
        return np.clip(np.asarray(self.codes[:, k]), _NONE, len(self.values[k]))


def labels_of(columns: dict[str, list[Any]]) -> Labels:
    """The labels of an article table's columns (ids give the folders)."""
    fields = {
        "folder": [folder_of(i) if i else None for i in columns["id"]],
        "source": columns["source"],
        "author": columns["author"],
    }
    values: list[list[str]] = []
    codes = np.full((len(columns["id"]), len(FIELDS)), _NONE, dtype=np.int32)
    for k, name in enumerate(FIELDS):
        seen: dict[str, int] = {}
        column = [seen.setdefault(v, len(seen)) if isinstance(v, str) and v else _NONE for v in fields[name]]
        codes[:, k] = column
        values.append(list(seen))
    return Labels(tuple(values), codes)


def joined_labels(parts: Sequence[Labels]) -> Labels:
    """Several tables' labels laid end to end, in that order (each field's values merged)."""
    if len(parts) == 1:
        return parts[0]
    values: list[list[str]] = []
    columns: list[npt.NDArray[np.int32]] = []
    for k in range(len(FIELDS)):
        seen: dict[str, int] = {}
        pieces = []
        for part in parts:
            own = part.values[k]
            # The last entry maps "no value" (and codes clipped past the list) to no value.
            remap = np.array([seen.setdefault(v, len(seen)) for v in own] + [_NONE], dtype=np.int32)
            pieces.append(remap[part._codes(k)])
        values.append(list(seen))
        columns.append(np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32))
    codes = np.stack(columns, axis=1) if columns[0].shape[0] else np.zeros((0, len(FIELDS)), dtype=np.int32)
    return Labels(tuple(values), codes.astype(np.int32, copy=False))


def write_labels(folder: Path, labels: Labels) -> None:
    """The labels as a segment stores them (ASCII JSON: undecodable names survive); raises OSError."""
    document = dict(zip(FIELDS, labels.values, strict=True))
    (folder / VALUES_FILE).write_text(json.dumps(document, ensure_ascii=True), encoding="ascii")
    np.save(folder / CODES_FILE, np.ascontiguousarray(labels.codes, dtype=np.int32), allow_pickle=False)


def read_labels(folder: Path, articles: int) -> Labels:
    """A stored segment's labels (bytes already checked against its manifest); StaleIndex when they
    do not belong to its `articles` rows."""
    try:
        document = json.loads((folder / VALUES_FILE).read_text(encoding="ascii"))
        codes = map_npy(folder / CODES_FILE)
    except (OSError, ValueError) as exc:
        raise StaleIndex(f"the index article labels are damaged ({exc.__class__.__name__})") from exc
    if not isinstance(document, dict) or set(document) != set(FIELDS):
        raise StaleIndex("the index article labels are damaged")
    values = tuple(document[name] for name in FIELDS)
    if not all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in values):
        raise StaleIndex("the index article labels are damaged")
    if codes.dtype != np.dtype(np.int32) or codes.shape != (articles, len(FIELDS)):
        raise StaleIndex("the index article labels do not match its articles")
    return Labels(values, codes)
