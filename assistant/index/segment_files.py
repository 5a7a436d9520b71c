"""One segment folder on disk: its arrays, vocabulary, article rows and fingerprints.

Written once, never changed; read memory-mapped after every file checks out against the
segment's manifest (checked_files). The manifest also says where the segment's ids start.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index import speaker_keys
from assistant.index.article_labels import CODES_FILE as LABEL_CODES_FILE
from assistant.index.article_labels import VALUES_FILE as LABELS_FILE
from assistant.index.article_labels import labels_of, read_labels, write_labels
from assistant.index.article_rows import ArticleRows, check_offsets, write_rows
from assistant.index.article_table import COLUMNS, ArticleTable
from assistant.index.block_bounds import NAMES as BLOCK_ARRAYS
from assistant.index.block_bounds import block_arrays
from assistant.index.bm25 import Params
from assistant.index.checked_files import (
    StaleIndex,
    checksum,
    fsync_all,
    read_manifest,
    verify_files,
    write_manifest,
)
from assistant.index.mapped_arrays import map_npy
from assistant.index.segment import Segment
from assistant.index.speaker_counts import SEGMENT_FILE as SPEAKERS_FILE
from assistant.index.speaker_counts import segment_tally
from assistant.index.speaker_counts import write as write_speakers

if TYPE_CHECKING:
    import numpy.typing as npt

    from assistant.index.build_spill import SpilledRows

# The build's spill (and through it the article analysis) is imported by the writes that use
# it: opening a stored segment for a question loads none of it.

FORMAT = 12  # 12: each article's folder, source and author (article_labels)
# 11: each article's day (article_days); 10: per-block score bounds
# 9: segments; 8: body fingerprints; 7: the article table a JSON row a line (6: one JSON document)
ROWS_FILE = "articles.jsonl"
OFFSETS_FILE = "articles-offsets.npy"
KEYS_FILE = "file-ids.txt"
"""Each article's id, one JSON string a line: a walk compares ids and stats without the rows."""
STATS_FILE = "file-stats.npy"
HASHES_FILE = "file-sha256.npy"
FINGERPRINTS_FILE = "body_sha256.npy"
"""Each article's body fingerprint as 64 ASCII bytes, memory-mapped: a duplicate found without the table."""
DAYS_FILE = "article-days.npy"
"""Each article's date as a day number (article_days), memory-mapped: a date scope without the table."""
ARRAYS = (
    "indptr", "indices", "tf", "doc_len",
    "p_article", "p_sent_lo", "p_sent_hi",
    "s_article", "s_start", "s_end", "s_para", "s_tokens", "s_len",
)  # fmt: skip


def read_segment(folder: Path, fingerprint: str, *, verify: bool) -> Segment:
    """One segment folder, memory-mapped, after its files check out against its manifest."""
    if not folder.is_dir() or folder.is_symlink():
        raise StaleIndex(f"the index lacks its segment {folder.name}")
    manifest = read_manifest(folder)
    if manifest.get("format") != FORMAT or manifest.get("fingerprint") != fingerprint:
        raise StaleIndex("the index was made by another version")
    files = manifest["files"]
    needed = (
        *(f"{a}.npy" for a in (*ARRAYS, *BLOCK_ARRAYS)),
        "terms.txt",
        ROWS_FILE,
        OFFSETS_FILE,
        FINGERPRINTS_FILE,
        DAYS_FILE,
        LABELS_FILE,
        LABEL_CODES_FILE,
        KEYS_FILE,
        STATS_FILE,
        HASHES_FILE,
    )
    missing = [name for name in needed if name not in files]
    if missing:
        raise StaleIndex(f"the index lacks {missing[0]}")
    mapped: list[npt.NDArray[Any]] = []

    def offsets_hold(vouched: frozenset[str]) -> None:
        """The article offsets, checked (the pass over every one only if not checked before)."""
        offsets = map_npy(folder / OFFSETS_FILE)
        try:
            check_offsets(offsets, files[ROWS_FILE]["bytes"], every=OFFSETS_FILE not in vouched)
        except ValueError as exc:
            raise StaleIndex("the index article table is damaged") from exc
        mapped.append(offsets)

    if verify:
        verify_files(folder, files, offsets_hold)
    else:
        offsets_hold(frozenset(files))  # written by this process: its offsets are its own
    offsets = mapped[0]
    arrays: dict[str, npt.NDArray[Any]] = {}
    for name in (*ARRAYS, *BLOCK_ARRAYS):
        expected = files[f"{name}.npy"]
        array = map_npy(folder / f"{name}.npy")
        if list(array.shape) != expected["shape"] or str(array.dtype) != expected["dtype"]:
            raise StaleIndex(f"index file {name} has the wrong shape")
        arrays[name] = array
    blocks = {name: arrays.pop(name) for name in BLOCK_ARRAYS}
    terms_text = (folder / "terms.txt").read_text(encoding="utf-8")
    terms = terms_text.split("\n") if terms_text else []
    # Rows are parsed when used: a question reads the few it shows, not the whole table.
    table = ArticleTable(rows=ArticleRows(folder / ROWS_FILE, offsets, COLUMNS))
    fingerprints = map_npy(folder / FINGERPRINTS_FILE)
    if fingerprints.dtype != np.dtype("S64") or fingerprints.shape != (len(table),):
        raise StaleIndex("the index fingerprints do not match its articles")
    days = map_npy(folder / DAYS_FILE)
    if days.dtype != np.dtype(np.int32) or days.shape != (len(table),):
        raise StaleIndex("the index article days do not match its articles")
    labels = read_labels(folder, len(table))
    info = manifest["info"]
    _check_consistent(arrays, terms, table, info)
    _check_blocks(blocks, arrays)
    return Segment(
        arrays,
        terms,
        table,
        fingerprints,
        name=folder.name,
        base_article=int(info["base_article"]),
        base_passage=int(info["base_passage"]),
        base_sentence=int(info["base_sentence"]),
        folder=folder,
        blocks=blocks,
        tally_stored=SPEAKERS_FILE in files,
        keyed_stored=speaker_keys.BY_KEY_FILE in files,
        days=days,
        labels=labels,
    )


def _check_consistent(
    arrays: dict[str, npt.NDArray[Any]], terms: list[str], table: ArticleTable, info: dict[str, Any]
) -> None:
    """Cheap cross-checks that catch a segment whose files do not belong together."""
    n_terms = len(terms)
    indptr = arrays["indptr"]
    if indptr.shape[0] != n_terms + 1 or int(indptr[-1]) != arrays["indices"].shape[0]:
        raise StaleIndex("index postings do not match its vocabulary")
    if arrays["p_article"].shape[0] != arrays["doc_len"].shape[0]:
        raise StaleIndex("index passages do not match")
    if len(table) != info.get("articles"):
        raise StaleIndex("index article table does not match")


def _check_blocks(blocks: dict[str, npt.NDArray[Any]], arrays: dict[str, npt.NDArray[Any]]) -> None:
    """The block bounds must cover the postings exactly: a query trusts them to skip passages."""
    ptr = blocks["blk_ptr"]
    if ptr.shape[0] != arrays["indptr"].shape[0] or blocks["blk_params"].shape != (3,):
        raise StaleIndex("index block bounds do not match its postings")
    n_blocks = int(ptr[-1]) if ptr.shape[0] else 0
    if blocks["blk_last"].shape[0] != n_blocks or blocks["blk_ub"].shape[0] != n_blocks:
        raise StaleIndex("index block bounds do not match its postings")


def write_segment(
    folder: Path, segment: Segment, fingerprint: str, bases: list[int], *, flushed: bool = True
) -> None:
    """One segment folder, its manifest last, every file flushed (raises OSError).

    `flushed=False` leaves the flush to the caller, who must flush the folder (fsync_all) before
    anything names it: the save flushes a new segment and its generation in one go.
    """
    folder.mkdir()
    files: dict[str, Any] = {}
    for name in ARRAYS:
        array = np.ascontiguousarray(segment.arrays[name])
        path = folder / f"{name}.npy"
        np.save(path, array, allow_pickle=False)
        files[path.name] = {"shape": list(array.shape), "dtype": str(array.dtype)}
    postings = {name: segment.arrays[name] for name in ("indptr", "indices", "tf", "doc_len")}
    # Always taken from the postings written here, with BM25Okapi's default k1 and b.
    defaults = Params()
    for name, array in block_arrays(postings, bases[1], k1=defaults.k1, b=defaults.b).items():
        np.save(folder / f"{name}.npy", array, allow_pickle=False)
        files[f"{name}.npy"] = {"shape": list(array.shape), "dtype": str(array.dtype)}
    (folder / "terms.txt").write_text("\n".join(segment.terms), encoding="utf-8")
    from assistant.index.build_spill import SpilledRows

    rows = segment.articles.stored_rows
    if isinstance(rows, SpilledRows) and int(rows.offsets[0]) == 0:
        _write_spilled_table(folder, rows)
    else:
        _write_table(folder, segment.articles.columns)
    counts = segment_tally(segment)
    write_speakers(folder / SPEAKERS_FILE, counts)
    if len(counts["people"]) >= speaker_keys.BY_KEY_MIN:  # the fold after a change reads it by key
        speaker_keys.write(folder / speaker_keys.BY_KEY_FILE, counts)
    for path in sorted(folder.iterdir()):
        files.setdefault(path.name, {}).update(checksum(path))
    info = {
        "articles": len(segment.articles),
        "passages": segment.n_passages,
        "sentences": segment.n_sentences,
        "base_article": bases[0],
        "base_passage": bases[1],
        "base_sentence": bases[2],
    }
    write_manifest(folder, {"format": FORMAT, "fingerprint": fingerprint, "files": files, "info": info})
    if flushed:
        fsync_all(folder)


def _write_table(folder: Path, columns: dict[str, list[Any]]) -> None:
    """The article rows, their offsets and the file keys, from a table held in memory."""
    from assistant.index.article_days import day_numbers
    from assistant.index.build_spill import fingerprint_array

    offsets = write_rows(folder / ROWS_FILE, columns)
    np.save(folder / FINGERPRINTS_FILE, fingerprint_array(columns["body_sha256"]), allow_pickle=False)
    np.save(folder / DAYS_FILE, day_numbers(columns["date"]), allow_pickle=False)
    write_labels(folder, labels_of(columns))
    np.save(folder / OFFSETS_FILE, offsets, allow_pickle=False)
    _write_keys(folder, columns["id"])
    stats = np.array([columns["size"], columns["mtime_ns"]], dtype=np.int64).T.reshape(-1, 2)
    np.save(folder / STATS_FILE, stats, allow_pickle=False)
    np.save(folder / HASHES_FILE, fingerprint_array(columns["sha256"]), allow_pickle=False)


def _write_spilled_table(folder: Path, rows: SpilledRows) -> None:
    """The same files from a build's spill: its rows file linked in, the keys from the kept arrays."""
    rows.store_into(folder / ROWS_FILE)
    np.save(folder / FINGERPRINTS_FILE, rows.body_sha256, allow_pickle=False)
    np.save(folder / DAYS_FILE, rows.days, allow_pickle=False)
    write_labels(folder, rows.labels)
    np.save(folder / OFFSETS_FILE, rows.offsets, allow_pickle=False)
    _write_keys(folder, rows.ids or [])
    np.save(folder / STATS_FILE, rows.stats.reshape(-1, 2), allow_pickle=False)
    np.save(folder / HASHES_FILE, rows.sha256, allow_pickle=False)


def _write_keys(folder: Path, ids: Sequence[str]) -> None:
    keys = "".join(json.dumps(aid, ensure_ascii=True) + "\n" for aid in ids)
    (folder / KEYS_FILE).write_text(keys, encoding="ascii")


def read_file_keys(folder: Path, n: int) -> tuple[list[str], npt.NDArray[np.int64], list[str | None]]:
    """A stored segment's article ids, file (size, mtime_ns) and content hashes (checked on open)."""
    try:
        text = (folder / KEYS_FILE).read_text(encoding="ascii")
        ids = [str(json.loads(line)) for line in text.splitlines()]
        stats = map_npy(folder / STATS_FILE)
        hashes = map_npy(folder / HASHES_FILE)
        if len(ids) != n or stats.shape != (n, 2) or hashes.shape != (n,):
            raise ValueError("file keys do not match the articles")
    except (OSError, ValueError) as exc:
        raise StaleIndex(f"the index segment {folder.name} is damaged ({exc.__class__.__name__})") from exc
    unset = b"-" * 64
    sha = [None if h == unset else h.decode("ascii") for h in hashes.tolist()]
    return ids, stats.astype(np.int64, copy=False), sha
