"""The index on disk: one folder per generation, a pointer to the current one.

A writer builds a whole new generation folder, then swaps the `CURRENT`
pointer with an atomic rename, so a reader sees the old index or the new one,
never half of either. A lock file keeps two writers from racing. Anything
that does not check out (format version, file sizes, array shapes) is
reported as `StaleIndex`, and the caller rebuilds rather than trusts it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.article_table import ArticleTable
from assistant.errors import IndexError_

FORMAT = 5  # 5: the article table holds each article's attributions
ARRAYS = (
    "indptr", "indices", "tf", "doc_len",
    "p_article", "p_sent_lo", "p_sent_hi",
    "s_article", "s_start", "s_end", "s_para", "s_tokens", "s_len",
)  # fmt: skip


class StaleIndex(Exception):
    """The stored index is missing, from another version, or damaged: rebuild it."""


@dataclass(slots=True)
class Stored:
    """What a generation folder holds: arrays, the vocabulary and the article table."""

    arrays: dict[str, npt.NDArray[Any]]
    terms: list[str]
    articles: ArticleTable
    skipped: list[dict[str, Any]]
    info: dict[str, Any]
    origin: Path | None = None
    """The generation folder these arrays were loaded from."""
    unchanged: frozenset[str] = frozenset()
    """Arrays identical to the origin's: saved as hard links, not rewritten."""


def _current(index_dir: Path) -> Path:
    pointer = index_dir / "CURRENT"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError as exc:
        raise StaleIndex("no index yet") from exc
    if not name.startswith("gen-") or "/" in name:
        raise StaleIndex("the index pointer is damaged")
    return index_dir / name


def load(index_dir: Path, fingerprint: str) -> Stored:
    """The current generation, memory-mapped; raises StaleIndex when it cannot be trusted."""
    gen = _current(index_dir)
    try:
        manifest = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StaleIndex("the index manifest is missing or damaged") from exc
    if manifest.get("format") != FORMAT or manifest.get("fingerprint") != fingerprint:
        raise StaleIndex("the index was made by another version")
    arrays: dict[str, npt.NDArray[Any]] = {}
    try:
        for name in ARRAYS:
            path = gen / f"{name}.npy"
            expected = manifest["files"][name]
            if path.stat().st_size != expected["bytes"]:
                raise StaleIndex(f"index file {name} has the wrong size")
            array = np.load(path, mmap_mode="r", allow_pickle=False)
            if list(array.shape) != expected["shape"] or str(array.dtype) != expected["dtype"]:
                raise StaleIndex(f"index file {name} has the wrong shape")
            arrays[name] = array
        terms_text = (gen / "terms.txt").read_text(encoding="utf-8")
        tables = json.loads((gen / "articles.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StaleIndex(f"the index is damaged ({exc.__class__.__name__})") from exc
    terms = terms_text.split("\n") if terms_text else []
    try:
        table = ArticleTable(tables["columns"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StaleIndex("the index article table is damaged") from exc
    _check_consistent(arrays, terms, table, manifest)
    return Stored(
        arrays, terms, table, tables["skipped"], manifest["info"], origin=gen, unchanged=frozenset(ARRAYS)
    )


def _check_consistent(
    arrays: dict[str, npt.NDArray[Any]], terms: list[str], table: ArticleTable, manifest: dict[str, Any]
) -> None:
    """Cheap cross-checks that catch a generation whose files do not belong together."""
    n_terms = len(terms)
    indptr = arrays["indptr"]
    if indptr.shape[0] != n_terms + 1 or int(indptr[-1]) != arrays["indices"].shape[0]:
        raise StaleIndex("index postings do not match its vocabulary")
    if arrays["p_article"].shape[0] != arrays["doc_len"].shape[0]:
        raise StaleIndex("index passages do not match")
    if len(table) != manifest["info"].get("articles"):
        raise StaleIndex("index article table does not match")


def save(index_dir: Path, stored: Stored, fingerprint: str) -> Stored:
    """Write a new generation and make it current atomically; older generations are removed.

    Returns the same data, now known to be that generation's (its arrays can be linked next time).
    """
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        gen = index_dir / f"gen-{uuid.uuid4().hex[:12]}"
        gen.mkdir()
        files: dict[str, Any] = {}
        for name in ARRAYS:
            array = np.ascontiguousarray(stored.arrays[name])
            path = gen / f"{name}.npy"
            np.save(path, array, allow_pickle=False)
            files[name] = {
                "shape": list(array.shape),
                "dtype": str(array.dtype),
                "bytes": path.stat().st_size,
            }
        (gen / "terms.txt").write_text("\n".join(stored.terms), encoding="utf-8")
        tables = {"columns": stored.articles.columns, "skipped": stored.skipped}
        _write_tables(gen / "articles.json", tables)
        manifest = {"format": FORMAT, "fingerprint": fingerprint, "files": files, "info": stored.info}
        (gen / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        _fsync_new(gen, stored)
        _write_pointer(index_dir, gen.name)
    except OSError as exc:
        raise IndexError_(f"cannot write the index in {index_dir}: {exc.strerror or exc}") from exc
    _remove_old(index_dir, keep=gen.name)
    return Stored(
        stored.arrays,
        stored.terms,
        stored.articles,
        stored.skipped,
        stored.info,
        origin=gen,
        unchanged=frozenset(ARRAYS),
    )


def _write_tables(path: Path, tables: dict[str, Any]) -> None:
    """The article table as JSON, one column at a time: C-speed encoding without one huge string."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"skipped": ')
        handle.write(json.dumps(tables["skipped"], ensure_ascii=False))
        handle.write(', "columns": {')
        for n, (name, values) in enumerate(tables["columns"].items()):
            handle.write(("" if n == 0 else ", ") + json.dumps(name) + ": ")
            handle.write(json.dumps(values, ensure_ascii=False))
        handle.write("}}")


def current_generation(index_dir: Path) -> str | None:
    """The name of the current generation folder, without loading it."""
    try:
        return (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _link_unchanged(stored: Stored, name: str, path: Path) -> bool:
    """Hard-link an array that did not change from the generation it came from (False if not possible)."""
    if stored.origin is None or name not in stored.unchanged:
        return False
    try:
        os.link(stored.origin / f"{name}.npy", path)
    except OSError:
        return False
    return True


def _write_pointer(index_dir: Path, name: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".CURRENT-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(name)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, index_dir / "CURRENT")


def _fsync_new(gen: Path, stored: Stored) -> None:
    """Flush what was written (linked arrays were flushed when first written)."""
    for child in gen.iterdir():
        if child.suffix == ".npy" and child.stem in stored.unchanged and stored.origin is not None:
            continue
        with open(child, "rb") as handle:
            os.fsync(handle.fileno())


def _remove_old(index_dir: Path, keep: str) -> None:
    """Delete other generations; a reader that still maps one keeps its open files (POSIX)."""
    for child in index_dir.iterdir():
        if child.name.startswith("gen-") and child.name != keep:
            shutil.rmtree(child, ignore_errors=True)
        elif child.name.startswith(".CURRENT-"):
            child.unlink(missing_ok=True)
