"""The index on disk: immutable segment folders, one small folder per generation, a pointer.

A segment (`seg-*`: postings, passage and sentence columns, article rows) is written once
and never changed. A generation (`gen-*`) is a manifest naming its segments, plus the
skipped files; a change writes only its new segment and a new generation, then swaps the
`CURRENT` pointer with an atomic rename, so a reader sees the old index or the new one,
never half of either. Segments no generation names (a killed writer's) are removed by the
next writer. A lock file keeps two writers from racing. Anything
that does not check out (format version, file sizes, array shapes) is
reported as `StaleIndex`, and the caller rebuilds rather than trusts it. The
manifest lists every file of a generation with its size and CRC-32, and
carries a checksum of its own, so a flipped byte anywhere is caught on open.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
import uuid
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.errors import IndexError_
from assistant.index.article_rows import ArticleRows, check_offsets, write_rows
from assistant.index.article_table import COLUMNS, ArticleTable
from assistant.index.segment import RowArrays, Segment, joined_fingerprints, joined_table
from assistant.index.verified_files import identity, remember_checked, unchanged_since_check
from assistant.locations import INDEX_FOLDER

FORMAT = 9  # 9: segments; 8: body fingerprints; 7: the article table a JSON row a line (6: one JSON document)
ROWS_FILE = "articles.jsonl"
OFFSETS_FILE = "articles-offsets.npy"
SKIPPED_FILE = "skipped.json"
DEAD_FILE = "dead.npy"
"""The generation's deletion marks: sorted global positions of removed articles."""
FINGERPRINTS_FILE = "body_sha256.npy"
"""Each article's body fingerprint as 64 ASCII bytes, memory-mapped: a duplicate found without the table."""
_GENERATION = re.compile(r"gen-[0-9a-f]{12}")
_SEGMENT = re.compile(r"seg-[0-9a-f]{12}")
_CHECK_CHUNK = 1 << 22
ARRAYS = (
    "indptr", "indices", "tf", "doc_len",
    "p_article", "p_sent_lo", "p_sent_hi",
    "s_article", "s_start", "s_end", "s_para", "s_tokens", "s_len",
)  # fmt: skip


class StaleIndex(Exception):
    """The stored index is missing, from another version, or damaged: rebuild it."""


class Stored:
    """What a generation holds: its segments, the skipped files and the summary (`info`).

    Built from one segment's arrays (a merge's result) or from stored segments (`segments=`).
    `arrays`, `articles` and `fingerprints` are the whole corpus's, in global ids.
    """

    def __init__(
        self,
        arrays: Mapping[str, npt.NDArray[Any]] | None,
        terms: list[str] | None,
        articles: ArticleTable | None,
        skipped: list[dict[str, Any]],
        info: dict[str, Any],
        origin: Path | None = None,
        unchanged: frozenset[str] = frozenset(),
        fingerprints: npt.NDArray[Any] | None = None,
        *,
        segments: list[Segment] | None = None,
        dead: frozenset[int] = frozenset(),
        dead_df: list[npt.NDArray[np.int64] | None] | None = None,
    ) -> None:
        if segments is None:
            assert arrays is not None and terms is not None and articles is not None
            segments = [Segment(arrays, terms, articles, fingerprints)]
        self.segments = segments
        self.dead = dead
        """Positions (global) of articles removed since their segment was written: deletion marks."""
        self.dead_df = dead_df if dead_df is not None else [None] * len(segments)
        """Per segment: (term, postings in dead passages), shape (2, k), or None."""
        self.skipped = skipped
        self.info = info
        self.origin = origin
        """The generation folder these segments were loaded from."""
        self.unchanged = unchanged
        self.arrays: Mapping[str, npt.NDArray[Any]] = RowArrays(segments)
        self.articles = joined_table(segments, dead)
        self._fingerprints: npt.NDArray[Any] | None = None

    @property
    def terms(self) -> list[str]:
        """The vocabulary of a one-segment generation (a merge's input)."""
        if len(self.segments) != 1:
            raise ValueError("a generation of several segments has no single vocabulary")
        return self.segments[0].terms

    @property
    def fingerprints(self) -> npt.NDArray[Any] | None:
        """Body fingerprints by article (S64), memory-mapped when loaded; None: use the table."""
        if self._fingerprints is None:
            self._fingerprints = joined_fingerprints(self.segments)
        return self._fingerprints

    @fingerprints.setter
    def fingerprints(self, value: npt.NDArray[Any] | None) -> None:
        self._fingerprints = value


def _current(index_dir: Path) -> Path:
    if index_dir.exists() and not index_dir.is_dir():
        # Our own folder replaced by a file is damage; a location the user chose is their error,
        # reported when the index is to be written.
        ours = index_dir.name == INDEX_FOLDER
        raise StaleIndex("the index folder is not a folder" if ours else "no index yet")
    pointer = index_dir / "CURRENT"
    try:
        raw = pointer.read_bytes()[:200]
    except FileNotFoundError as exc:
        raise StaleIndex("no index yet") from exc
    except OSError as exc:  # a folder in its place, no permission, an I/O error
        raise StaleIndex(f"the index pointer cannot be read ({exc.strerror or exc})") from exc
    name = raw.decode("ascii", errors="replace").strip()
    if not _GENERATION.fullmatch(name):
        raise StaleIndex("the index pointer is damaged")
    return index_dir / name


def load(index_dir: Path, fingerprint: str) -> Stored:
    """The current generation, memory-mapped; raises StaleIndex when it cannot be trusted.

    Every file of the generation is checked against the manifest's sizes and CRC-32
    checksums first, so damage of any kind means a rebuild, never a traceback or a wrong
    answer. A generation removed by a writer while we read it is retried from the new pointer.
    """
    for _ in range(5):
        gen = _current(index_dir)
        try:
            return _load_generation(gen, fingerprint)
        except StaleIndex:
            if _current(index_dir) == gen:
                raise
            # Another process made a new generation and removed this one meanwhile: read the new one.
    return _load_generation(_current(index_dir), fingerprint)


def _load_generation(gen: Path, fingerprint: str) -> Stored:
    try:
        return _read_generation(gen, fingerprint)
    except StaleIndex:
        raise
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError) as exc:
        raise StaleIndex(f"the index is damaged ({exc.__class__.__name__})") from exc


def _read_manifest(gen: Path) -> dict[str, Any]:
    try:
        document = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
        body = document["body"]
        if zlib.crc32(_canonical(body)) != document["crc32"]:
            raise StaleIndex("the index manifest is damaged")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StaleIndex("the index manifest is missing or damaged") from exc
    if not isinstance(body, dict):
        raise StaleIndex("the index manifest is damaged")
    return body


def _canonical(body: Any) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=True).encode("ascii")


def _verify_files(gen: Path, files: dict[str, Any]) -> None:
    """Every file the manifest lists has its size and checksum (any kind of file, any number).

    Files checked before and not written since (verified_files) are not read again.
    """
    checked = unchanged_since_check(gen)
    identities: dict[str, list[int]] = {}
    for name, expected in files.items():
        if "/" in name or name.startswith("."):
            raise StaleIndex("the index manifest is damaged")
        if name in checked:
            continue
        path = gen / name
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            identities[name] = identity(stat)
            size = stat.st_size
            if size != expected["bytes"]:
                raise StaleIndex(f"index file {name} has the wrong size")
            crc = 0
            while chunk := handle.read(_CHECK_CHUNK):
                crc = zlib.crc32(chunk, crc)
        if crc != expected["crc32"]:
            raise StaleIndex(f"index file {name} is damaged (checksum)")
    if identities:
        remember_checked(gen, {**checked, **identities})


def _read_generation(gen: Path, fingerprint: str, *, verify: bool = True) -> Stored:
    manifest = _read_manifest(gen)
    if manifest.get("format") != FORMAT or manifest.get("fingerprint") != fingerprint:
        raise StaleIndex("the index was made by another version")
    files = manifest["files"]
    for name in (SKIPPED_FILE, DEAD_FILE):
        if name not in files:
            raise StaleIndex(f"the index lacks {name}")
    if verify:
        _verify_files(gen, files)
    skipped = json.loads((gen / SKIPPED_FILE).read_text(encoding="ascii"))
    if not isinstance(skipped, list) or not all(isinstance(s, dict) for s in skipped):
        raise StaleIndex("the index skipped-files list is damaged")
    names = manifest["segments"]
    if not isinstance(names, list) or not names or not all(_SEGMENT.fullmatch(str(n)) for n in names):
        raise StaleIndex("the index manifest is damaged")
    segments: list[Segment] = []
    bases = [0, 0, 0]
    for name in names:
        segment = _read_segment(gen.parent / name, fingerprint, verify=verify)
        if [segment.base_article, segment.base_passage, segment.base_sentence] != bases:
            raise StaleIndex("the index segments do not follow one another")
        bases = [
            bases[0] + len(segment.articles),
            bases[1] + segment.n_passages,
            bases[2] + segment.n_sentences,
        ]
        segments.append(segment)
    if bases[0] != manifest["info"].get("article_rows"):
        raise StaleIndex("index article table does not match")
    dead, dead_df = _read_marks(gen, manifest, segments, bases[0])
    return Stored(
        None, None, None, skipped, manifest["info"], origin=gen, segments=segments, dead=dead, dead_df=dead_df
    )


def _read_marks(
    gen: Path, manifest: dict[str, Any], segments: list[Segment], rows: int
) -> tuple[frozenset[int], list[npt.NDArray[np.int64] | None]]:
    """The deletion marks and each segment's dead term counts, checked against the segments."""
    dead = np.load(gen / DEAD_FILE, allow_pickle=False)
    if dead.dtype != np.int64 or dead.ndim != 1:
        raise StaleIndex("the index deletion marks are damaged")
    if dead.shape[0] and (int(dead[0]) < 0 or int(dead[-1]) >= rows or bool(np.any(np.diff(dead) <= 0))):
        raise StaleIndex("the index deletion marks are damaged")
    named = manifest.get("dead_df", {})
    if not isinstance(named, dict):
        raise StaleIndex("the index manifest is damaged")
    dead_df: list[npt.NDArray[np.int64] | None] = []
    for k, segment in enumerate(segments):
        name = named.get(str(k))
        if name is None:
            dead_df.append(None)
            continue
        if name not in manifest["files"]:
            raise StaleIndex("the index manifest is damaged")
        counts = np.load(gen / str(name), allow_pickle=False)
        if counts.dtype != np.int64 or counts.ndim != 2 or counts.shape[0] != 2:
            raise StaleIndex("the index deletion marks are damaged")
        if counts.shape[1] and (int(counts[0].min()) < 0 or int(counts[0].max()) >= len(segment.terms)):
            raise StaleIndex("the index deletion marks are damaged")
        dead_df.append(counts)
    return frozenset(dead.tolist()), dead_df


def _read_segment(folder: Path, fingerprint: str, *, verify: bool) -> Segment:
    """One segment folder, memory-mapped, after its files check out against its manifest."""
    if not folder.is_dir() or folder.is_symlink():
        raise StaleIndex(f"the index lacks its segment {folder.name}")
    manifest = _read_manifest(folder)
    if manifest.get("format") != FORMAT or manifest.get("fingerprint") != fingerprint:
        raise StaleIndex("the index was made by another version")
    files = manifest["files"]
    needed = (*(f"{a}.npy" for a in ARRAYS), "terms.txt", ROWS_FILE, OFFSETS_FILE, FINGERPRINTS_FILE)
    missing = [name for name in needed if name not in files]
    if missing:
        raise StaleIndex(f"the index lacks {missing[0]}")
    if verify:
        _verify_files(folder, files)
    arrays: dict[str, npt.NDArray[Any]] = {}
    for name in ARRAYS:
        expected = files[f"{name}.npy"]
        array = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
        if list(array.shape) != expected["shape"] or str(array.dtype) != expected["dtype"]:
            raise StaleIndex(f"index file {name} has the wrong shape")
        arrays[name] = array
    terms_text = (folder / "terms.txt").read_text(encoding="utf-8")
    terms = terms_text.split("\n") if terms_text else []
    offsets = np.load(folder / OFFSETS_FILE, allow_pickle=False)
    try:
        check_offsets(offsets, files[ROWS_FILE]["bytes"])
    except ValueError as exc:
        raise StaleIndex("the index article table is damaged") from exc
    # Rows are parsed when used: a question reads the few it shows, not the whole table.
    table = ArticleTable(rows=ArticleRows(folder / ROWS_FILE, offsets, COLUMNS))
    fingerprints = np.load(folder / FINGERPRINTS_FILE, mmap_mode="r", allow_pickle=False)
    if fingerprints.dtype != np.dtype("S64") or fingerprints.shape != (len(table),):
        raise StaleIndex("the index fingerprints do not match its articles")
    info = manifest["info"]
    _check_consistent(arrays, terms, table, info)
    return Segment(
        arrays,
        terms,
        table,
        fingerprints,
        name=folder.name,
        base_article=int(info["base_article"]),
        base_passage=int(info["base_passage"]),
        base_sentence=int(info["base_sentence"]),
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


def save(index_dir: Path, stored: Stored, fingerprint: str) -> Stored:
    """Write the segments not yet stored and a new generation naming them all; make it current.

    Stored segments are named, not rewritten: an added article costs one small segment.
    A write that fails (full disk, read-only) removes what it half wrote and raises
    IndexError_; the current generation is untouched. Returns the generation as stored.
    """
    written: list[Path] = []
    try:
        _clear_non_folder(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        names: list[str] = []
        bases = [0, 0, 0]
        for segment in stored.segments:
            if segment.name is None or not (index_dir / segment.name).is_dir():
                folder = index_dir / f"seg-{uuid.uuid4().hex[:12]}"
                written.append(folder)
                _write_segment(folder, segment, fingerprint, bases)
                names.append(folder.name)
            else:
                names.append(segment.name)
            bases = [
                bases[0] + len(segment.articles),
                bases[1] + segment.n_passages,
                bases[2] + segment.n_sentences,
            ]
        gen = index_dir / f"gen-{uuid.uuid4().hex[:12]}"
        written.append(gen)
        gen.mkdir()
        # ASCII escapes: a file name that is not valid UTF-8 (kept as surrogates) still writes and reads back.
        (gen / SKIPPED_FILE).write_text(json.dumps(stored.skipped, ensure_ascii=True), encoding="ascii")
        np.save(gen / DEAD_FILE, np.array(sorted(stored.dead), dtype=np.int64), allow_pickle=False)
        dead_df: dict[str, str] = {}
        for k, counts in enumerate(stored.dead_df):
            if counts is not None:
                dead_df[str(k)] = f"dead-df-{k}.npy"
                np.save(gen / dead_df[str(k)], np.asarray(counts, dtype=np.int64), allow_pickle=False)
        files = {path.name: _checksum(path) for path in sorted(gen.iterdir())}
        live = bases[0] - len(stored.dead)
        info = {**stored.info, "articles": live, "article_rows": bases[0], "segments": len(names)}
        body = {
            "format": FORMAT,
            "fingerprint": fingerprint,
            "files": files,
            "info": info,
            "segments": names,
            "dead_df": dead_df,
        }
        _write_manifest(gen, body)
        _fsync_all(gen)
        _write_pointer(index_dir, gen.name)
    except OSError as exc:
        for folder in written:
            shutil.rmtree(folder, ignore_errors=True)
        raise IndexError_(f"cannot write the index in {index_dir}: {exc.strerror or exc}") from exc
    _remove_old(index_dir, keep={gen.name, *names})
    try:
        # What was just written, mapped from disk (its checksums were computed as it was written).
        return _read_generation(gen, fingerprint, verify=False)
    except (StaleIndex, OSError, ValueError, KeyError) as exc:
        raise IndexError_(f"cannot read back the index just written in {index_dir}: {exc}") from exc


def _write_segment(folder: Path, segment: Segment, fingerprint: str, bases: list[int]) -> None:
    """One segment folder, every file flushed, its manifest last (raises OSError)."""
    folder.mkdir()
    files: dict[str, Any] = {}
    for name in ARRAYS:
        array = np.ascontiguousarray(segment.arrays[name])
        path = folder / f"{name}.npy"
        np.save(path, array, allow_pickle=False)
        files[path.name] = {"shape": list(array.shape), "dtype": str(array.dtype)}
    (folder / "terms.txt").write_text("\n".join(segment.terms), encoding="utf-8")
    offsets = write_rows(folder / ROWS_FILE, segment.articles.columns)
    np.save(
        folder / FINGERPRINTS_FILE,
        fingerprint_array(segment.articles.columns["body_sha256"]),
        allow_pickle=False,
    )
    np.save(folder / OFFSETS_FILE, offsets, allow_pickle=False)
    for path in sorted(folder.iterdir()):
        files.setdefault(path.name, {}).update(_checksum(path))
    info = {
        "articles": len(segment.articles),
        "passages": segment.n_passages,
        "sentences": segment.n_sentences,
        "base_article": bases[0],
        "base_passage": bases[1],
        "base_sentence": bases[2],
    }
    _write_manifest(folder, {"format": FORMAT, "fingerprint": fingerprint, "files": files, "info": info})
    _fsync_all(folder)


def _write_manifest(folder: Path, body: dict[str, Any]) -> None:
    document = {"body": body, "crc32": zlib.crc32(_canonical(body))}
    (folder / "manifest.json").write_text(json.dumps(document), encoding="utf-8")


def fingerprint_array(values: list[Any]) -> npt.NDArray[Any]:
    """Body fingerprints as fixed 64-byte strings (a missing or odd one never matches a real one)."""
    clean = [v if isinstance(v, str) and len(v) == 64 and v.isascii() else "-" * 64 for v in values]
    return np.array(clean, dtype="S64") if clean else np.zeros(0, dtype="S64")


def _checksum(path: Path) -> dict[str, int]:
    crc = 0
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHECK_CHUNK):
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    return {"bytes": size, "crc32": crc}


def prepare_folder(index_dir: Path) -> None:
    """Make the index folder exist (replacing a stray file in its place); raises OSError."""
    _clear_non_folder(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)


def _clear_non_folder(index_dir: Path) -> None:
    """A file (or a link) where the index folder belongs is damage: it is removed, the index rebuilt.

    Only our own hidden `.assistant` name is ever cleared; a path the user chose
    ($ASSISTANT_INDEX_DIR) that is not a folder is reported, never deleted.
    """
    if index_dir.is_symlink() or (index_dir.exists() and not index_dir.is_dir()):
        if index_dir.name != INDEX_FOLDER:
            raise NotADirectoryError(errno.ENOTDIR, "the index location is not a folder", str(index_dir))
        index_dir.unlink()


def current_generation(index_dir: Path) -> str | None:
    """The name of the current generation folder, without loading it (None when there is none)."""
    try:
        return _current(index_dir).name
    except StaleIndex:
        return None


def _write_pointer(index_dir: Path, name: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".CURRENT-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(name)
            handle.flush()
            os.fsync(handle.fileno())
        pointer = index_dir / "CURRENT"
        if pointer.is_dir() and not pointer.is_symlink():
            shutil.rmtree(pointer)  # damage: a folder where the pointer belongs
        os.replace(tmp, pointer)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _fsync_all(gen: Path) -> None:
    """Flush every file of the new generation before the pointer names it."""
    for child in gen.iterdir():
        with open(child, "rb") as handle:
            os.fsync(handle.fileno())


def _remove_old(index_dir: Path, keep: set[str]) -> None:
    """Delete other generations and unnamed segments; a reader that maps one keeps its open files (POSIX)."""
    try:
        children = list(index_dir.iterdir())
    except OSError:
        return
    for child in children:
        try:
            if child.name.startswith(("gen-", "seg-")) and child.name not in keep:
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink()
            elif child.name.startswith(".CURRENT-"):
                child.unlink(missing_ok=True)
        except OSError:
            continue
