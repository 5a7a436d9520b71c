"""The persisted BM25 index of a corpus folder: build, keep current, search.

On each open only files that were added, changed or removed are read again
(size and modification time first, then content hash). Postings are stored
term-major (CSC), so a query touches only its terms' postings; scores are
BM25Okapi's to the last bit that matters (see bm25.py).
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock
import numpy as np
import numpy.typing as npt

from assistant import bm25
from assistant.analysis import DEFAULT_PASSAGE_TOKENS, AnalysedArticle, analyse_file
from assistant.corpus import MARKDOWN_SUFFIXES, UnreadableArticle, article_id, discover
from assistant.errors import CorpusNotFound, IndexError_
from assistant.index_store import StaleIndex, Stored, load, save
from assistant.locations import index_dir

Progress = Callable[[str, int, int], None]
# Bump when tokenizing, parsing or passage packing changes: stored indexes are then rebuilt.
ANALYSIS_VERSION = "fold-stop-variants-snowball/parse-5"


@dataclass(frozen=True, slots=True)
class Changes:
    """What a refresh found on disk."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    """Files that are not readable articles, with the reason (new ones only)."""
    rebuilt: str | None = None
    """Why the whole index was rebuilt, if it was."""

    @property
    def any(self) -> bool:
        """True when the index content changed."""
        return bool(self.added or self.changed or self.removed)


@dataclass(slots=True)
class _Plan:
    """Files to read again, and ids that are gone."""

    to_read: list[Path] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    touched: dict[str, tuple[int, int]] = field(default_factory=dict)


def _empty_arrays() -> dict[str, npt.NDArray[Any]]:
    ints = {name: np.zeros(0, dtype=np.int32) for name in ("indices", "doc_len", "p_article", "p_sent_lo")}
    ints.update({name: np.zeros(0, dtype=np.int32) for name in ("p_sent_hi", "s_article", "s_para")})
    ints.update({name: np.zeros(0, dtype=np.int32) for name in ("s_tokens", "s_len")})
    ints["s_start"] = np.zeros(0, dtype=np.int64)
    ints["s_end"] = np.zeros(0, dtype=np.int64)
    ints["tf"] = np.zeros(0, dtype=np.uint16)
    ints["indptr"] = np.zeros(1, dtype=np.int64)
    return ints


class Index:
    """An open index: the arrays of a stored generation, the vocabulary, and BM25 statistics."""

    def __init__(self, corpus_dir: Path, stored: Stored, passage_tokens: int, params: bm25.Params) -> None:
        self.corpus_dir = corpus_dir
        self.passage_tokens = passage_tokens
        self.params = params
        self._file_lock: filelock.BaseFileLock | None = None
        self._set(stored)

    def _set(self, stored: Stored) -> None:
        self.stored = stored
        a = stored.arrays
        self.terms = stored.terms
        self.articles = stored.articles
        self.n_passages = int(a["doc_len"].shape[0])
        self.avgdl = float(a["doc_len"].sum()) / self.n_passages if self.n_passages else 1.0
        s_len = a["s_len"]
        self.avg_sentence_len = float(s_len.mean()) if s_len.shape[0] else 1.0
        self._idf: npt.NDArray[np.float64] | None = None
        self._by_id = {record["id"]: i for i, record in enumerate(self.articles)}
        p_article = a["p_article"]
        s_article = a["s_article"]
        ids = np.arange(len(self.articles))
        self.pass_lo = np.searchsorted(p_article, ids, side="left")
        self.pass_hi = np.searchsorted(p_article, ids, side="right")
        self.sent_lo = np.searchsorted(s_article, ids, side="left")
        self.sent_hi = np.searchsorted(s_article, ids, side="right")

    # ---- opening and keeping current -------------------------------------------------

    @classmethod
    def open(
        cls,
        corpus_dir: Path,
        *,
        passage_tokens: int = DEFAULT_PASSAGE_TOKENS,
        params: bm25.Params | None = None,
        progress: Progress | None = None,
    ) -> tuple[Index, Changes]:
        """Load the corpus's index and bring it up to date with the folder."""
        if not corpus_dir.is_dir():
            raise CorpusNotFound(f"corpus folder not found: {corpus_dir}")
        folder = index_dir(corpus_dir)
        fingerprint = _fingerprint(passage_tokens)
        rebuilt: str | None = None
        try:
            stored = load(folder, fingerprint)
        except StaleIndex as exc:
            rebuilt = str(exc)
            stored = Stored(_empty_arrays(), [], [], [], {"articles": 0})
        index = cls(corpus_dir, stored, passage_tokens, params or bm25.Params())
        changes = index.refresh(progress=progress)
        if rebuilt and rebuilt != "no index yet":
            changes = Changes(changes.added, changes.changed, changes.removed, changes.skipped, rebuilt)
        return index, changes

    def lock(self) -> filelock.BaseFileLock:
        """The writers' lock of this index (re-entrant: hold it around an add and its refresh)."""
        if self._file_lock is None:
            folder = index_dir(self.corpus_dir)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise IndexError_(f"cannot create the index folder {folder}: {exc.strerror or exc}") from exc
            self._file_lock = filelock.FileLock(str(folder / "lock"), timeout=600)
        return self._file_lock

    def _scan(self) -> tuple[list[Path], _Plan]:
        """Stat every file and compare with what the index recorded."""
        known = {r["id"]: (r["size"], r["mtime_ns"]) for r in self.articles}
        known.update({s["id"]: (s["size"], s["mtime_ns"]) for s in self.stored.skipped})
        plan = _Plan()
        seen: set[str] = set()
        files = list(discover(self.corpus_dir))
        for path in files:
            aid = article_id(self.corpus_dir, path)
            seen.add(aid)
            try:
                stat = path.stat()
            except OSError:
                continue
            if known.get(aid) != (stat.st_size, stat.st_mtime_ns):
                plan.to_read.append(path)
        plan.removed = set(known) - seen
        return files, plan

    def needs_refresh(self) -> bool:
        """True when files were added, changed or removed since the index was made."""
        if not self.corpus_dir.is_dir():
            return False
        _, plan = self._scan()
        return bool(plan.to_read or plan.removed)

    def refresh(self, progress: Progress | None = None) -> Changes:
        """Re-read only what changed on disk and store a new generation if anything did."""
        if not self.corpus_dir.is_dir():
            raise CorpusNotFound(f"corpus folder not found: {self.corpus_dir}")
        _, plan = self._scan()
        if not plan.to_read and not plan.removed:
            return Changes()
        with self.lock():
            # Another process may have brought the index up to date while we waited.
            try:
                latest = load(index_dir(self.corpus_dir), _fingerprint(self.passage_tokens))
                if latest.info.get("generation") != self.stored.info.get("generation"):
                    self._set(latest)
                    _, plan = self._scan()
            except StaleIndex:
                pass
            if not plan.to_read and not plan.removed:
                return Changes()
            changes, stored = self._apply(plan, progress)
            save(index_dir(self.corpus_dir), stored, _fingerprint(self.passage_tokens))
            self._set(load(index_dir(self.corpus_dir), _fingerprint(self.passage_tokens)))
        return changes

    def _apply(self, plan: _Plan, progress: Progress | None) -> tuple[Changes, Stored]:
        by_id = {r["id"]: r for r in self.articles}
        fresh: list[AnalysedArticle] = []
        skipped_new: list[tuple[str, str]] = []
        skipped = {s["id"]: s for s in self.stored.skipped if s["id"] not in plan.removed}
        touched: dict[str, tuple[int, int]] = {}
        total = len(plan.to_read)
        for done, path in enumerate(plan.to_read, start=1):
            aid = article_id(self.corpus_dir, path)
            try:
                analysed = analyse_file(self.corpus_dir, path, self.passage_tokens)
            except (UnreadableArticle, OSError) as exc:
                reason = str(exc) if isinstance(exc, UnreadableArticle) else (exc.strerror or str(exc))
                skipped_new.append((aid, reason))
                try:
                    stat = path.stat()
                    skipped[aid] = {
                        "id": aid,
                        "size": stat.st_size,
                        "mtime_ns": stat.st_mtime_ns,
                        "why": reason,
                    }
                except OSError:
                    pass
                if aid in by_id:
                    plan.removed.add(aid)  # an article that became unreadable leaves the index
            else:
                skipped.pop(aid, None)
                old = by_id.get(aid)
                if old is not None and old["sha256"] == analysed.sha256:
                    touched[aid] = (analysed.size, analysed.mtime_ns)
                else:
                    fresh.append(analysed)
            if progress is not None:
                progress("reading", done, total)
        replaced = {a.parsed.meta.id for a in fresh}
        drop = plan.removed | replaced
        stored = _merge(self.stored, self.articles, drop, fresh, touched, list(skipped.values()))
        changes = Changes(
            added=tuple(sorted(aid for aid in replaced if aid not in by_id)),
            changed=tuple(sorted(aid for aid in replaced if aid in by_id)),
            removed=tuple(sorted(plan.removed - replaced)),
            skipped=tuple(skipped_new),
        )
        return changes, stored

    # ---- lookups ------------------------------------------------------------------------

    @property
    def idf(self) -> npt.NDArray[np.float64]:
        """idf per term id (computed once per generation)."""
        if self._idf is None:
            df = np.diff(self.stored.arrays["indptr"])
            self._idf = bm25.idf_vector(df, self.n_passages, self.params)
        return self._idf

    def term_id(self, term: str) -> int | None:
        """The id of a term in the (sorted) vocabulary, or None if the corpus lacks it."""
        i = bisect.bisect_left(self.terms, term)
        return i if i < len(self.terms) and self.terms[i] == term else None

    def article_index(self, aid: str) -> int | None:
        """Position of an article in the table, by id."""
        return self._by_id.get(aid)

    def postings(self, tid: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint16]]:
        """Passage ids holding term `tid`, with the term's frequency in each."""
        a = self.stored.arrays
        lo, hi = int(a["indptr"][tid]), int(a["indptr"][tid + 1])
        return a["indices"][lo:hi], a["tf"][lo:hi]

    # ---- scoring ------------------------------------------------------------------------

    def scores(self, query_terms: Sequence[str]) -> npt.NDArray[np.float64]:
        """BM25Okapi.get_scores over every passage (dense); for checks and small corpora."""
        out = np.zeros(self.n_passages, dtype=np.float64)
        doc_len = self.stored.arrays["doc_len"]
        for term, count in Counter(query_terms).items():
            tid = self.term_id(term)
            if tid is None:
                continue
            ids, tf = self.postings(tid)
            out[ids] += count * bm25.term_weights(
                tf, doc_len[ids], self.avgdl, float(self.idf[tid]), self.params
            )
        return out

    def top_passages(
        self, query_terms: Sequence[str], k: int, *, within: tuple[int, int] | None = None
    ) -> list[tuple[int, float]]:
        """The k best passages (id, score) by BM25, touching only the query terms' postings."""
        doc_len = self.stored.arrays["doc_len"]
        parts_ids: list[npt.NDArray[np.int32]] = []
        parts_w: list[npt.NDArray[np.float64]] = []
        for term, count in Counter(query_terms).items():
            tid = self.term_id(term)
            if tid is None:
                continue
            ids, tf = self.postings(tid)
            if within is not None:
                lo = int(np.searchsorted(ids, within[0]))
                hi = int(np.searchsorted(ids, within[1]))
                ids, tf = ids[lo:hi], tf[lo:hi]
            if ids.shape[0] == 0:
                continue
            parts_ids.append(ids)
            w = bm25.term_weights(tf, doc_len[ids], self.avgdl, float(self.idf[tid]), self.params)
            parts_w.append(count * w)
        if not parts_ids:
            return []
        cand: npt.NDArray[Any]
        total: npt.NDArray[np.float64]
        if len(parts_ids) == 1:
            cand, total = parts_ids[0], parts_w[0]
        else:
            cand, inverse = np.unique(np.concatenate(parts_ids), return_inverse=True)
            total = np.bincount(inverse, weights=np.concatenate(parts_w), minlength=cand.shape[0]).astype(
                np.float64
            )
        # argpartition(-x, k-1), not argpartition(x, -k): numpy 2 is slow on mostly-zero vectors.
        best = np.argpartition(-total, k - 1)[:k] if cand.shape[0] > k else np.arange(cand.shape[0])
        order = best[np.lexsort((cand[best], -total[best]))]
        return [(int(cand[i]), float(total[i])) for i in order]


def _fingerprint(passage_tokens: int) -> str:
    return f"{ANALYSIS_VERSION}/passages-{passage_tokens}"


def _merge(
    old: Stored,
    records: list[dict[str, Any]],
    drop: set[str],
    fresh: Sequence[AnalysedArticle],
    touched: dict[str, tuple[int, int]],
    skipped: list[dict[str, Any]],
) -> Stored:
    """A new generation: old articles minus `drop`, then `fresh` ones appended; vocabulary re-sorted."""
    a = old.arrays
    keep_article = np.array([r["id"] not in drop for r in records], dtype=bool)
    article_map = np.cumsum(keep_article) - 1
    keep_p = keep_article[a["p_article"]] if a["p_article"].shape[0] else np.zeros(0, dtype=bool)
    keep_s = keep_article[a["s_article"]] if a["s_article"].shape[0] else np.zeros(0, dtype=bool)
    sentence_map = np.cumsum(keep_s) - 1
    passage_map = np.cumsum(keep_p) - 1

    # Old postings of kept passages, as (passage, old term id, tf) triples.
    indptr = np.asarray(a["indptr"])
    old_cols = np.repeat(np.arange(len(old.terms), dtype=np.int32), np.diff(indptr))
    old_rows = np.asarray(a["indices"])
    keep_nz = keep_p[old_rows] if old_rows.shape[0] else np.zeros(0, dtype=bool)
    old_cols = old_cols[keep_nz]
    kept_records = []
    for r, keep in zip(records, keep_article, strict=True):
        if keep:
            r = dict(r)
            if r["id"] in touched:
                r["size"], r["mtime_ns"] = touched[r["id"]]
            kept_records.append(r)

    n_articles = len(kept_records)
    n_passages = int(keep_p.sum())
    n_sentences = int(keep_s.sum())
    new = _Columns()
    for offset, analysed in enumerate(fresh):
        new.add(analysed, n_articles + offset, n_passages, n_sentences)
        n_passages += len(analysed.passages)
        n_sentences += len(analysed.sentence_tokens)
        kept_records.append(_record(analysed))

    # One sorted vocabulary: old terms still used, plus the new articles' terms.
    old_used = np.bincount(old_cols, minlength=len(old.terms)) > 0
    vocab = sorted({t for t, used in zip(old.terms, old_used, strict=True) if used} | new.vocab.keys())
    position = {t: i for i, t in enumerate(vocab)}
    old_to_new = np.array([position.get(t, -1) for t in old.terms], dtype=np.int32)
    fresh_to_new = np.array([position[t] for t in new.vocab], dtype=np.int32)
    cols = np.concatenate([old_to_new[old_cols], fresh_to_new[np.frombuffer(new.cols_ids, dtype=np.int32)]])
    all_rows = np.concatenate(
        [passage_map[old_rows[keep_nz]].astype(np.int32), np.frombuffer(new.rows, dtype=np.int32)]
    )
    all_tf = np.concatenate([np.asarray(a["tf"])[keep_nz], np.frombuffer(new.tf, dtype=np.uint16)])
    # Old postings come first and in passage order; new passages follow them: a stable sort by
    # term keeps each term's postings sorted by passage.
    order = np.argsort(cols, kind="stable")
    counts = np.bincount(cols, minlength=len(vocab))
    arrays: dict[str, npt.NDArray[Any]] = {
        "indptr": np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
        "indices": all_rows[order].astype(np.int32),
        "tf": all_tf[order],
        "doc_len": np.concatenate([np.asarray(a["doc_len"])[keep_p], new.array("doc_len", np.int32)]),
        "p_article": np.concatenate([article_map[a["p_article"][keep_p]], new.array("p_article", np.int32)]),
        "p_sent_lo": np.concatenate([sentence_map[a["p_sent_lo"][keep_p]], new.array("p_sent_lo", np.int32)]),
        "p_sent_hi": np.concatenate(
            [sentence_map[np.asarray(a["p_sent_hi"])[keep_p] - 1] + 1, new.array("p_sent_hi", np.int32)]
        ),
        "s_article": np.concatenate([article_map[a["s_article"][keep_s]], new.array("s_article", np.int32)]),
        "s_start": np.concatenate([np.asarray(a["s_start"])[keep_s], new.array("s_start", np.int64)]),
        "s_end": np.concatenate([np.asarray(a["s_end"])[keep_s], new.array("s_end", np.int64)]),
        "s_para": np.concatenate([np.asarray(a["s_para"])[keep_s], new.array("s_para", np.int32)]),
        "s_tokens": np.concatenate([np.asarray(a["s_tokens"])[keep_s], new.array("s_tokens", np.int32)]),
        "s_len": np.concatenate([np.asarray(a["s_len"])[keep_s], new.array("s_len", np.int32)]),
    }
    dtypes = {"indptr": np.int64, "s_start": np.int64, "s_end": np.int64, "tf": np.uint16}
    arrays = {k: v.astype(dtypes.get(k, np.int32)) for k, v in arrays.items()}
    generation = int(old.info.get("generation", 0)) + 1
    info = {
        "articles": len(kept_records),
        "passages": n_passages,
        "sentences": n_sentences,
        "terms": len(vocab),
        "generation": generation,
    }
    return Stored(arrays, vocab, kept_records, skipped, info)


class _Columns:
    """Compact growing columns for new articles (array module: 4 bytes an int, not 28)."""

    def __init__(self) -> None:
        self.rows = array("i")
        self.tf = array("H")
        self.cols_ids = array("i")
        self.vocab: dict[str, int] = {}
        self.cols: dict[str, array[int]] = {
            name: array("i")
            for name in (
                "doc_len",
                "p_article",
                "p_sent_lo",
                "p_sent_hi",
                "s_article",
                "s_para",
                "s_tokens",
                "s_len",
            )
        }
        self.cols["s_start"] = array("q")
        self.cols["s_end"] = array("q")

    def add(self, analysed: AnalysedArticle, article: int, first_passage: int, first_sentence: int) -> None:
        c = self.cols
        for s, tokens, sterms in zip(
            analysed.parsed.sentences, analysed.sentence_tokens, analysed.sentence_terms, strict=True
        ):
            c["s_article"].append(article)
            c["s_start"].append(s.start)
            c["s_end"].append(s.end)
            c["s_para"].append(s.paragraph)
            c["s_tokens"].append(tokens)
            c["s_len"].append(len(sterms))
        for offset, (lo, hi) in enumerate(analysed.passages):
            counts: Counter[str] = Counter()
            for sterms in analysed.sentence_terms[lo:hi]:
                counts.update(sterms)
            passage = first_passage + offset
            c["doc_len"].append(sum(counts.values()))
            c["p_article"].append(article)
            c["p_sent_lo"].append(first_sentence + lo)
            c["p_sent_hi"].append(first_sentence + hi)
            vocab = self.vocab
            self.rows.extend([passage] * len(counts))
            self.tf.extend([min(v, 65535) for v in counts.values()])
            self.cols_ids.extend([vocab.setdefault(t, len(vocab)) for t in counts])

    def array(self, name: str, dtype: type[np.generic]) -> npt.NDArray[Any]:
        return np.frombuffer(
            self.cols[name], dtype=np.int64 if self.cols[name].typecode == "q" else np.int32
        ).astype(dtype)


def _record(analysed: AnalysedArticle) -> dict[str, Any]:
    """The article table row: metadata, file identity and sizes."""
    parsed = analysed.parsed
    meta = parsed.meta
    text = parsed.text
    return {
        "id": meta.id,
        "title": meta.title,
        "author": meta.author,
        "source": meta.source,
        "date": meta.date,
        "url": meta.url,
        "size": analysed.size,
        "mtime_ns": analysed.mtime_ns,
        "sha256": analysed.sha256,
        "paragraphs": len(parsed.paragraphs),
        "words": sum(len(text[p.start : p.end].split()) for p in parsed.paragraphs),
        "tokens": sum(analysed.sentence_tokens),
        "meta_spans": {k: [v.start, v.end] for k, v in parsed.meta_spans.items()},
        "warnings": parsed.warnings,
        "markdown": Path(meta.id).suffix.lower() in MARKDOWN_SUFFIXES,
    }


def iter_records(index: Index) -> Iterable[dict[str, Any]]:
    """The article table rows, in index order."""
    return iter(index.articles)
