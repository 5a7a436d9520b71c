"""A new index generation from the old one, minus dropped articles, plus new batches.

The old postings are already sorted by term, then passage; dropping
passages keeps that order, and new passages are numbered after all kept ones.
So the new postings are interleaved into place term by term, with no sort of
the old ones: an update costs a pass over the postings, not a rebuild.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.analysis import Batch
from assistant.index_store import ARRAYS, Stored

_SENTENCE_COLUMNS = ("s_start", "s_end", "s_para", "s_tokens", "s_len")
_DTYPES = {"indptr": np.int64, "s_start": np.int64, "s_end": np.int64, "tf": np.uint16}


_TYPECODES: dict[str, type[np.generic]] = {"i": np.int32, "q": np.int64, "H": np.uint16}


def _np(values: array[int]) -> npt.NDArray[Any]:
    """A batch column as a numpy array, without copying."""
    return np.frombuffer(values, dtype=_TYPECODES[values.typecode])


def merge(
    old: Stored,
    drop: set[str],
    batches: Sequence[Batch],
    touched: dict[str, tuple[int, int]],
    skipped: list[dict[str, Any]],
) -> Stored:
    """The next generation: `old` without the `drop` ids, `batches` appended, stats of `touched` updated."""
    table = old.articles
    keep_article = np.fromiter((aid not in drop for aid in table.ids), dtype=bool, count=len(table))
    kept = table.take(np.flatnonzero(keep_article).tolist())
    for aid, (size, mtime) in touched.items():
        position = kept.index_of(aid)
        if position is not None:
            kept.set_stat(position, size, mtime)
    info = dict(old.info)
    info["generation"] = int(old.info.get("generation", 0)) + 1
    if keep_article.all() and not any(b.records for b in batches):
        # Only file times changed: the arrays stay as they are (linked, not rewritten).
        return Stored(old.arrays, old.terms, kept, skipped, info, origin=old.origin, unchanged=old.unchanged)

    a = old.arrays
    article_map = np.cumsum(keep_article) - 1
    keep_p = keep_article[a["p_article"]]
    keep_s = keep_article[a["s_article"]]
    sentence_map = np.cumsum(keep_s) - 1
    passage_map = np.cumsum(keep_p) - 1
    n_articles, n_passages, n_sentences = len(kept), int(keep_p.sum()), int(keep_s.sum())

    parts: dict[str, list[npt.NDArray[Any]]] = {
        "doc_len": [np.asarray(a["doc_len"])[keep_p]],
        "p_article": [article_map[a["p_article"][keep_p]]],
        "p_sent_lo": [sentence_map[a["p_sent_lo"][keep_p]]],
        "p_sent_hi": [sentence_map[np.asarray(a["p_sent_hi"])[keep_p] - 1] + 1],
        "s_article": [article_map[a["s_article"][keep_s]]],
        **{name: [np.asarray(a[name])[keep_s]] for name in _SENTENCE_COLUMNS},
    }
    new_rows: list[npt.NDArray[Any]] = []
    for batch in batches:
        kept.extend(batch.records)
        parts["doc_len"].append(_np(batch.doc_len))
        parts["p_article"].append(_np(batch.p_article) + n_articles)
        parts["p_sent_lo"].append(_np(batch.p_sent_lo) + n_sentences)
        parts["p_sent_hi"].append(_np(batch.p_sent_hi) + n_sentences)
        parts["s_article"].append(_np(batch.s_article) + n_articles)
        for name in _SENTENCE_COLUMNS:
            parts[name].append(_np(getattr(batch, name)))
        new_rows.append(_np(batch.rows) + n_passages)
        n_articles += len(batch.records)
        n_passages += len(batch.doc_len)
        n_sentences += len(batch.s_start)

    vocab, postings = _postings(old, keep_p, passage_map, batches, new_rows)
    arrays = {name: np.concatenate(values) for name, values in parts.items()}
    arrays.update(postings)
    arrays = {name: arrays[name].astype(_DTYPES.get(name, np.int32), copy=False) for name in ARRAYS}
    info.update(articles=len(kept), passages=n_passages, sentences=n_sentences, terms=len(vocab))
    return Stored(arrays, vocab, kept, skipped, info)


def _postings(
    old: Stored,
    keep_p: npt.NDArray[np.bool_],
    passage_map: npt.NDArray[Any],
    batches: Sequence[Batch],
    new_rows: list[npt.NDArray[Any]],
) -> tuple[list[str], dict[str, npt.NDArray[Any]]]:
    """The merged vocabulary (sorted) and CSC postings: indptr, indices, tf."""
    a = old.arrays
    indptr = np.asarray(a["indptr"])
    indices = np.asarray(a["indices"])
    keep_nz = keep_p[indices]
    kept_before = np.concatenate([[0], np.cumsum(keep_nz, dtype=np.int64)])
    old_counts = kept_before[indptr[1:]] - kept_before[indptr[:-1]]  # kept postings per old term

    used_old = [t for t, n in zip(old.terms, old_counts.tolist(), strict=True) if n]
    vocab = sorted(set(used_old).union(*(b.vocab.keys() for b in batches)))
    position = {t: i for i, t in enumerate(vocab)}
    n_terms = len(vocab)

    # New postings, in global term ids, sorted by term (stable: passages stay ascending).
    # Each batch's columns are released as soon as they are copied: a large build holds them once.
    cols: list[npt.NDArray[np.int32]] = []
    tfs: list[npt.NDArray[np.uint16]] = []
    for batch in batches:
        local_to_global = np.fromiter(
            (position[t] for t in batch.vocab), dtype=np.int32, count=len(batch.vocab)
        )
        cols.append(local_to_global[_np(batch.cols)])
        tfs.append(_np(batch.tf).copy())
        batch.cols, batch.tf, batch.rows = array("i"), array("H"), array("i")
    new_cols = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32)
    new_passages = np.concatenate(new_rows) if new_rows else np.zeros(0, dtype=np.int32)
    new_tf = np.concatenate(tfs) if tfs else np.zeros(0, dtype=np.uint16)
    del cols, tfs, new_rows[:]
    order = np.argsort(new_cols, kind="stable")
    new_cols, new_passages, new_tf = new_cols[order], new_passages[order], new_tf[order]
    del order
    new_counts = np.bincount(new_cols, minlength=n_terms)

    old_to_new = np.array([position.get(t, -1) for t in old.terms], dtype=np.int64)
    old_counts_new = np.zeros(n_terms, dtype=np.int64)
    has = old_counts > 0
    old_counts_new[old_to_new[has]] = old_counts[has]
    if not old_counts_new.any():
        # A fresh build: the sorted new postings are the result.
        out_indptr = np.concatenate([[0], np.cumsum(new_counts)]).astype(np.int64)
        return vocab, {"indptr": out_indptr, "indices": new_passages.astype(np.int32), "tf": new_tf}
    out_indptr = np.concatenate([[0], np.cumsum(old_counts_new + new_counts)]).astype(np.int64)
    out_indices = np.empty(int(out_indptr[-1]), dtype=np.int32)
    out_tf = np.empty(int(out_indptr[-1]), dtype=np.uint16)
    # A term's block is its old postings, then its new ones. An old posting moves forward by the new
    # postings of all earlier terms; a new one by the old postings of its own and all earlier terms.
    new_before = np.concatenate([[0], np.cumsum(new_counts)])
    old_through = np.cumsum(old_counts_new)
    dest = new_before[np.repeat(old_to_new[has].astype(np.int32), old_counts[has])]
    dest += np.arange(dest.shape[0], dtype=np.int64)
    out_indices[dest] = passage_map[indices[keep_nz]]
    out_tf[dest] = np.asarray(a["tf"])[keep_nz]
    del dest
    if new_cols.shape[0]:
        dest = old_through[new_cols]
        dest += np.arange(new_cols.shape[0], dtype=np.int64)
        out_indices[dest] = new_passages
        out_tf[dest] = new_tf
    return vocab, {"indptr": out_indptr, "indices": out_indices, "tf": out_tf}
