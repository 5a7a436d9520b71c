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

import contextlib
import dataclasses
import errno
import json
import os
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import IndexError_
from assistant.index.checked_files import (
    StaleIndex,
    checksum,
    flush,
    fsync_all,
    read_manifest,
    verify_files,
    write_manifest,
)
from assistant.index.generation import Stored
from assistant.index.mapped_arrays import map_npy
from assistant.index.segment import Segment
from assistant.index.segment_files import FORMAT, read_segment, write_segment
from assistant.index.speaker_counts import DEAD_FILE as DEAD_SPEAKERS_FILE
from assistant.index.speaker_counts import write as write_tally
from assistant.index.verified_files import remember_written
from assistant.locations import INDEX_FOLDER
from assistant.speakers import tally

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

SKIPPED_FILE = "skipped.json"
DEAD_FILE = "dead.npy"
"""The generation's deletion marks: sorted global positions of removed articles."""
_GENERATION = re.compile(r"gen-[0-9a-f]{12}")
_SEGMENT = re.compile(r"seg-[0-9a-f]{12}")


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
    # A generation is a few small files now, so a busy writer can replace several while one read
    # runs; each retry happens only when the pointer moved, so the bound only stops a livelock.
    for _ in range(50):
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


def _read_generation(
    gen: Path, fingerprint: str, *, verify: bool = True, known: dict[str, Segment] | None = None
) -> Stored:
    """Generation `gen` as stored; `known` segments (by folder name, read by this process before
    and immutable since) are taken as they are instead of being mapped and their terms read again."""
    manifest = read_manifest(gen)
    if manifest.get("format") != FORMAT or manifest.get("fingerprint") != fingerprint:
        raise StaleIndex("the index was made by another version")
    files = manifest["files"]
    for name in (SKIPPED_FILE, DEAD_FILE):
        if name not in files:
            raise StaleIndex(f"the index lacks {name}")
    if verify:
        verify_files(gen, files)
    skipped = json.loads((gen / SKIPPED_FILE).read_text(encoding="ascii"))
    if not isinstance(skipped, list) or not all(isinstance(s, dict) for s in skipped):
        raise StaleIndex("the index skipped-files list is damaged")
    names = manifest["segments"]
    if not isinstance(names, list) or not names or not all(_SEGMENT.fullmatch(str(n)) for n in names):
        raise StaleIndex("the index manifest is damaged")
    segments: list[Segment] = []
    bases = [0, 0, 0]
    for name in names:
        held = known.get(name) if known is not None else None
        segment = held if held is not None else read_segment(gen.parent / name, fingerprint, verify=verify)
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
    dead_counts = gen / DEAD_SPEAKERS_FILE if DEAD_SPEAKERS_FILE in files else None
    return Stored(
        None,
        None,
        None,
        skipped,
        manifest["info"],
        origin=gen,
        segments=segments,
        dead=dead,
        dead_df=dead_df,
        dead_counts=dead_counts,
    )


def _read_marks(
    gen: Path, manifest: dict[str, Any], segments: list[Segment], rows: int
) -> tuple[frozenset[int], list[npt.NDArray[np.int64] | None]]:
    """The deletion marks and each segment's dead term counts, checked against the segments."""
    dead = np.array(map_npy(gen / DEAD_FILE))  # any unreadable header a ValueError: rebuilt
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
        counts = np.array(map_npy(gen / str(name)))
        if counts.dtype != np.int64 or counts.ndim != 2 or counts.shape[0] != 2:
            raise StaleIndex("the index deletion marks are damaged")
        if counts.shape[1] and (int(counts[0].min()) < 0 or int(counts[0].max()) >= len(segment.terms)):
            raise StaleIndex("the index deletion marks are damaged")
        dead_df.append(counts)
    return frozenset(dead.tolist()), dead_df


def save(index_dir: Path, stored: Stored, fingerprint: str) -> Stored:
    """Write the segments not yet stored and a new generation naming them all; make it current.

    Stored segments are named, not rewritten: an added article costs one small segment.
    A write that fails (full disk, read-only) removes what it half wrote and raises
    IndexError_; the current generation is untouched. Returns the generation as stored.
    """
    import shutil  # here and below: only a process that writes loads it (tempfile ~3 ms)

    written: list[Path] = []
    try:
        _clear_non_folder(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        names: list[str] = []
        kept: dict[str, Segment] = {}
        bases = [0, 0, 0]
        for segment in stored.segments:
            if segment.name is None or not (index_dir / segment.name).is_dir():
                folder = index_dir / f"seg-{uuid.uuid4().hex[:12]}"
                written.append(folder)
                write_segment(folder, segment, fingerprint, bases, flushed=False)  # flushed below
                remember_written(folder)
                names.append(folder.name)
            else:
                names.append(segment.name)
                kept[segment.name] = segment
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
        write_tally(gen / DEAD_SPEAKERS_FILE, stored.dead_tally() if stored.dead else tally.empty())
        files = {path.name: checksum(path) for path in sorted(gen.iterdir())}
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
        write_manifest(gen, body)
        # The new segments and the generation flushed in one go, before the pointer names them.
        fsync_all(*(folder for folder in written if folder != gen), gen)
        remember_written(gen)
        _write_pointer(index_dir, gen.name)
    except OSError as exc:
        for folder in written:
            shutil.rmtree(folder, ignore_errors=True)
        raise IndexError_(f"cannot write the index in {index_dir}: {exc.strerror or exc}") from exc
    _remove_old(index_dir, keep={gen.name, *names})
    try:
        # What was just written, mapped from disk (its checksums were computed as it was written).
        written_back = _read_generation(gen, fingerprint, verify=False, known=kept)
    except (StaleIndex, OSError, ValueError, KeyError) as exc:
        raise IndexError_(f"cannot read back the index just written in {index_dir}: {exc}") from exc
    return _keep_parsed_tables(written_back, stored)


def _keep_parsed_tables(written_back: Stored, held: Stored) -> Stored:
    """The stored generation, with the article tables already parsed in memory kept (same rows):
    a long-running process (the chat) does not parse a large table again after each change."""
    segments = list(written_back.segments)
    for k, (segment, before) in enumerate(zip(segments, held.segments, strict=True)):
        segment.speaker_counts = before.speaker_counts  # counted already: not read back
        if before.articles.stored_rows is None and len(before.articles) == len(segment.articles):
            segments[k] = dataclasses.replace(segment, articles=before.articles)
    kept = Stored(
        None,
        None,
        None,
        written_back.skipped,
        written_back.info,
        origin=written_back.origin,
        segments=segments,
        dead=written_back.dead,
        dead_df=written_back.dead_df,
        dead_counts=held.dead_tally() if held.dead else tally.empty(),
    )
    kept._speaker_tally = held._speaker_tally
    return kept


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
    import shutil
    import tempfile

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
    if os.name != "nt":
        # The rename on disk before the old generation is deleted. Best effort: the pointer has moved,
        # and a failure here must not reach the save's clean-up, which would delete what it names.
        with contextlib.suppress(OSError):
            flush(index_dir)


def _remove_old(index_dir: Path, keep: set[str]) -> None:
    """Delete other generations and unnamed segments; a reader that maps one keeps its open files (POSIX)."""
    import shutil

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
