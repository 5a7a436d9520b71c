"""A new index generation from the old one, minus dropped articles, plus new batches.

The old postings are already sorted by term, then passage; dropping
passages keeps that order, and new passages are numbered after all kept ones.
So the new postings are interleaved into place term by term, with no sort of
the old ones: an update costs a pass over the postings, not a rebuild.

That whole pass is for changes and removals; added articles alone become one new small
segment (`appended`), and `combine` folds consecutive segments into one (the merge policy).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.analysis import Batch
from assistant.index.article_table import ArticleTable
from assistant.index.build_spill import whole_spill
from assistant.index.generation import Stored
from assistant.index.segment import ROW_ARRAYS, Segment, dead_term_counts, joined_fingerprints, joined_table
from assistant.index.segment_files import ARRAYS
from assistant.index.speaker_counts import raw_rows, segment_tally
from assistant.speakers import tally

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

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
    """The next generation: `old` without the `drop` ids (nor its dead rows), `batches` appended,
    stats of `touched` updated: one segment, rewritten whole."""
    table = old.articles
    keep_article = np.fromiter((aid not in drop for aid in table.ids), dtype=bool, count=len(table))
    keep_article[np.array(sorted(old.dead), dtype=np.int64)] = False
    kept = table.take(np.flatnonzero(keep_article).tolist())
    for aid, (size, mtime) in touched.items():
        position = kept.index_of(aid)
        if position is not None:
            kept.set_stat(position, size, mtime)
    info = _next_info(old)
    if keep_article.all() and not any(len(b.table) for b in batches):
        # Only file times changed: the same arrays, with the new times in the table.
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
    passage_offsets: list[int] = []
    spilled = whole_spill([b.table for b in batches]) if not len(kept) else None
    if spilled is not None:
        # A first build's rows, already on disk in batch order: taken whole, never parsed.
        kept = ArticleTable(rows=spilled)
    for batch in batches:
        if spilled is None:
            kept.extend(batch.table)
        parts["doc_len"].append(_np(batch.doc_len))
        parts["p_article"].append(_np(batch.p_article) + n_articles)
        parts["p_sent_lo"].append(_np(batch.p_sent_lo) + n_sentences)
        parts["p_sent_hi"].append(_np(batch.p_sent_hi) + n_sentences)
        parts["s_article"].append(_np(batch.s_article) + n_articles)
        for name in _SENTENCE_COLUMNS:
            parts[name].append(_np(getattr(batch, name)))
        passage_offsets.append(n_passages)
        n_articles += len(batch.table)
        n_passages += len(batch.doc_len)
        n_sentences += len(batch.s_start)

    arrays = {name: np.concatenate(values) for name, values in parts.items()}
    del parts
    for batch in batches:
        _release_rows(batch)  # laid end to end above: the batches' own copies go before the postings
    vocab, postings = _postings(old, keep_p, passage_map, batches, passage_offsets)
    arrays.update(postings)
    arrays = {name: arrays[name].astype(_DTYPES.get(name, np.int32), copy=False) for name in ARRAYS}
    info.update(articles=len(kept), passages=n_passages, sentences=n_sentences, terms=len(vocab))
    if spilled is None:
        return Stored(arrays, vocab, kept, skipped, info)
    stored = Stored(arrays, vocab, kept, skipped, info, fingerprints=spilled.body_sha256)
    stored.segments[0].speaker_counts = spilled.counts  # counted batch by batch as they arrived
    return stored


def _release_rows(batch: Batch) -> None:
    """Empty the batch's passage and sentence columns (each a new empty array of its own type)."""
    for name in ("doc_len", "p_article", "p_sent_lo", "p_sent_hi", "s_article", *_SENTENCE_COLUMNS):
        setattr(batch, name, array(getattr(batch, name).typecode))


def _postings(
    old: Stored,
    keep_p: npt.NDArray[np.bool_],
    passage_map: npt.NDArray[Any],
    batches: Sequence[Batch],
    passage_offsets: Sequence[int],
) -> tuple[list[str], dict[str, npt.NDArray[Any]]]:
    """The merged vocabulary (sorted) and CSC postings: indptr, indices, tf.

    A term's block holds its kept old postings, then each batch's, in batch order: passages ascend
    throughout. Batches arrive sorted by term, so each is placed in one vectorised step and released.
    """
    a = old.arrays
    indptr = np.asarray(a["indptr"])
    indices = np.asarray(a["indices"])
    keep_nz = keep_p[indices]
    kept_before = np.concatenate([[0], np.cumsum(keep_nz, dtype=np.int64)])
    old_counts = kept_before[indptr[1:]] - kept_before[indptr[:-1]]  # kept postings per old term

    used_old = [t for t, n in zip(old.terms, old_counts.tolist(), strict=True) if n]
    vocab = sorted(set(used_old).union(*(b.terms for b in batches)))
    position = {t: i for i, t in enumerate(vocab)}
    n_terms = len(vocab)

    old_to_new = np.array([position.get(t, -1) for t in old.terms], dtype=np.int64)
    has = old_counts > 0
    old_counts_new = np.zeros(n_terms, dtype=np.int64)
    old_counts_new[old_to_new[has]] = old_counts[has]
    batch_terms = [
        np.fromiter((position[t] for t in b.terms), dtype=np.int64, count=len(b.terms)) for b in batches
    ]
    new_counts = np.zeros(n_terms, dtype=np.int64)
    for terms_of_batch, batch in zip(batch_terms, batches, strict=True):
        new_counts[terms_of_batch] += batch.term_counts
    out_indptr = np.concatenate([[0], np.cumsum(old_counts_new + new_counts)]).astype(np.int64)
    out_indices = np.empty(int(out_indptr[-1]), dtype=np.int32)
    out_tf = np.empty(int(out_indptr[-1]), dtype=np.uint16)

    if has.any():
        # An old posting moves forward by the new postings of all earlier terms.
        new_before = np.concatenate([[0], np.cumsum(new_counts)])
        dest = new_before[np.repeat(old_to_new[has].astype(np.int32), old_counts[has])]
        dest += np.arange(dest.shape[0], dtype=np.int64)
        out_indices[dest] = passage_map[indices[keep_nz]]
        out_tf[dest] = np.asarray(a["tf"])[keep_nz]
        del dest
    filled = out_indptr[:-1] + old_counts_new  # where each term's next batch block starts
    for terms_of_batch, batch, offset in zip(batch_terms, batches, passage_offsets, strict=True):
        counts = batch.term_counts
        if not counts.shape[0]:
            continue
        block_start = np.repeat(filled[terms_of_batch] - (np.cumsum(counts) - counts), counts)
        dest = block_start + np.arange(block_start.shape[0], dtype=np.int64)
        out_indices[dest] = batch.postings + offset
        out_tf[dest] = batch.tf_sorted
        filled[terms_of_batch] += counts
        # Released as we go (a fresh empty array: a slice would keep a spilled batch's map open).
        batch.postings = np.zeros(0, dtype=np.int32)
        batch.tf_sorted = np.zeros(0, dtype=batch.tf_sorted.dtype)
    return vocab, {"indptr": out_indptr, "indices": out_indices, "tf": out_tf}


def appended(old: Stored, batches: Sequence[Batch], skipped: list[dict[str, Any]], empty: Stored) -> Stored:
    """`old` with the batches' articles as one new segment after its last (nothing old rewritten)."""
    piece = merge(empty, set(), batches, {}, skipped).segments[0]
    base_article = len(old.articles)
    base_passage = sum(s.n_passages for s in old.segments)
    base_sentence = sum(s.n_sentences for s in old.segments)
    arrays = dict(piece.arrays)
    arrays["p_article"] = arrays["p_article"] + np.int32(base_article)
    arrays["s_article"] = arrays["s_article"] + np.int32(base_article)
    arrays["p_sent_lo"] = arrays["p_sent_lo"] + np.int32(base_sentence)
    arrays["p_sent_hi"] = arrays["p_sent_hi"] + np.int32(base_sentence)
    arrays["indices"] = arrays["indices"] + np.int32(base_passage)
    segment = Segment(
        arrays,
        piece.terms,
        piece.articles,
        piece.fingerprints,
        None,
        base_article,
        base_passage,
        base_sentence,
        speaker_counts=piece.speaker_counts,  # a spilled batch's, counted as read (else None)
    )
    info = _next_info(old)
    info.update(
        articles=base_article + len(piece.articles),
        passages=base_passage + segment.n_passages,
        sentences=base_sentence + segment.n_sentences,
    )
    info.pop("terms", None)  # a count over several vocabularies would be wrong; the index counts them
    return _successor(old, [*old.segments, segment], [*old.dead_df, None], skipped, info)


def marked(old: Stored, positions: Sequence[int], skipped: list[dict[str, Any]]) -> Stored:
    """`old` with more articles marked dead (by position): only the touched segments' counts redone."""
    dead = old.dead | frozenset(positions)
    array = np.array(sorted(dead), dtype=np.int64)
    dead_df = list(old.dead_df)
    for k, segment in enumerate(old.segments):
        lo, hi = segment.base_article, segment.base_article + len(segment.articles)
        if any(lo <= p < hi for p in positions):
            dead_df[k] = dead_term_counts(segment, array[(array >= lo) & (array < hi)])
    info = _next_info(old)
    info["passages"] = sum(s.n_passages for s in old.segments)
    newly = sorted(set(positions) - old.dead)  # only the newly removed articles' rows are read
    counts = tally.combine([old.dead_tally(), tally.count(raw_rows(old.segments, newly))])
    return _successor(old, old.segments, dead_df, skipped, info, dead, counts)


def combine(segments: Sequence[Segment]) -> Segment:
    """One segment holding consecutive segments (ids unchanged): their vocabularies and postings merged.

    Each segment's postings ascend by passage within a term, and segments follow one another,
    so a stable sort by the new term id alone keeps passages ascending.
    """
    if len(segments) == 1:
        return segments[0]
    vocab = sorted(set().union(*(s.terms for s in segments)))
    position = {t: i for i, t in enumerate(vocab)}
    term_parts: list[npt.NDArray[Any]] = []
    for s in segments:
        local = np.fromiter((position[t] for t in s.terms), dtype=np.int32, count=len(s.terms))
        term_parts.append(np.repeat(local, np.diff(np.asarray(s.arrays["indptr"]))))
    term = np.concatenate(term_parts)
    order = np.argsort(term, kind="stable")
    indices = np.concatenate([np.asarray(s.arrays["indices"]) for s in segments])[order]
    tf = np.concatenate([np.asarray(s.arrays["tf"]) for s in segments])[order]
    del order
    counts = np.bincount(term, minlength=len(vocab))
    arrays = {name: np.concatenate([np.asarray(s.arrays[name]) for s in segments]) for name in ROW_ARRAYS}
    arrays.update(
        indptr=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
        indices=indices.astype(np.int32, copy=False),
        tf=tf.astype(np.uint16, copy=False),
    )
    first = segments[0]
    table = joined_table(segments)
    return Segment(
        arrays,
        vocab,
        ArticleTable(table.columns),
        joined_fingerprints(segments),
        None,
        first.base_article,
        first.base_passage,
        first.base_sentence,
        speaker_counts=tally.combine([segment_tally(s) for s in segments]),  # no row counted again
    )


def combined(stored: Stored, start: int = 0) -> Stored:
    """The generation with its segments from `start` on folded into one (the rest kept as stored)."""
    if len(stored.segments) - start <= 1:
        return stored
    folded = combine(stored.segments[start:])
    dead = np.array(sorted(stored.dead), dtype=np.int64)
    counts = dead_term_counts(folded, dead[dead >= folded.base_article]) if dead.shape[0] else None
    segments = [*stored.segments[:start], folded]
    return _successor(stored, segments, [*stored.dead_df[:start], counts], stored.skipped, stored.info)


def _next_info(old: Stored) -> dict[str, Any]:
    """`old`'s summary, numbered as the generation after it (the caller updates the counts)."""
    info = dict(old.info)
    info["generation"] = int(old.info.get("generation", 0)) + 1
    return info


def _successor(
    old: Stored,
    segments: list[Segment],
    dead_df: list[npt.NDArray[np.int64] | None],
    skipped: list[dict[str, Any]],
    info: dict[str, Any],
    dead: frozenset[int] | None = None,
    dead_counts: tally.Tally | None = None,
) -> Stored:
    """A generation of these segments after `old`: `old`'s deletion marks (and their speaker
    counts) unless `dead` and `dead_counts` replace them; saved later into a folder of its own."""
    if dead is None:
        dead, dead_counts = old.dead, (old.dead_tally() if old.dead else None)
    return Stored(
        None,
        None,
        None,
        skipped,
        info,
        origin=old.origin,
        segments=segments,
        dead=dead,
        dead_df=dead_df,
        dead_counts=dead_counts,
    )
