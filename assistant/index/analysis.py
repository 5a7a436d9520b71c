"""Articles turned into what the index stores: sentences, their terms, passages.

Passages are the BM25 retrieval units: whole sentences packed in order up to
a size measured in tiktoken tokens. A sentence longer than the limit is a
passage of its own; a sentence is never cut.

Files are read in batches whose columns are compact (`array`, 4 bytes an int)
with a vocabulary local to the batch, so a large build can read batches in
worker processes and never holds parsed articles in memory.
"""

from __future__ import annotations

import dataclasses
import hashlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.corpus import (
    MARKDOWN_SUFFIXES,
    FolderReader,
    ParsedArticle,
    UnreadableArticle,
    decode,
    display_text,
    one_line_text,
    parse_article,
    read_file,
    real_root,
)
from assistant.corpus.article_file import stored_sha256, words_sha256
from assistant.index.article_table import ArticleTable
from assistant.index.tokens import count_tokens_each, terms_each
from assistant.models import ArticleMeta, Attribution, Sentence
from assistant.speakers import Row, attribute, rows_of

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


@dataclass(slots=True)
class AnalysedArticle:
    """A parsed article with the per-sentence and per-passage data the index keeps."""

    parsed: ParsedArticle
    size: int
    mtime_ns: int
    sha256: str
    sentence_terms: list[list[str]]
    sentence_tokens: list[int]
    passages: list[tuple[int, int]]
    """Sentence ranges [lo, hi) within the article, one per passage."""
    speakers: list[Row] = field(default_factory=list)
    """Who said what, per sentence, as the index stores it (computed here, once)."""


def pack_passages(sentence_tokens: list[int], limit: int) -> list[tuple[int, int]]:
    """Group consecutive sentences into passages of at most `limit` tokens each."""
    passages: list[tuple[int, int]] = []
    lo = 0
    size = 0
    for i, tokens in enumerate(sentence_tokens):
        if i > lo and size + tokens > limit:
            passages.append((lo, i))
            lo, size = i, 0
        size += tokens
    if lo < len(sentence_tokens):
        passages.append((lo, len(sentence_tokens)))
    return passages


def analyse(
    article_id: str,
    data: bytes,
    *,
    markdown: bool,
    size: int,
    mtime_ns: int,
    passage_tokens: int,
    sha256: str | None = None,
) -> AnalysedArticle:
    """Parse raw bytes (raises UnreadableArticle) and compute terms, token counts and passages.

    `sha256`: the bytes' hash when the caller has it already (a batch hashes each file to see
    whether it changed), so it is not taken twice.
    """
    text = decode(data)
    parsed = parse_article(article_id, text, markdown=markdown)
    sentence_texts = [display_text(text, s.start, s.end) for s in parsed.sentences]
    sentence_tokens = count_tokens_each(sentence_texts)
    return AnalysedArticle(
        parsed=parsed,
        size=size,
        mtime_ns=mtime_ns,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        sentence_terms=terms_each(sentence_texts),
        sentence_tokens=sentence_tokens,
        passages=pack_passages(sentence_tokens, passage_tokens),
        speakers=rows_of(_attributions(text, parsed.sentences)),
    )


MAX_ATTRIBUTED_CHARS = 1_000_000
"""Speakers are looked for in articles up to this size; a larger file (a data dump, not a news
story) is still searched and quoted, with no speakers, so one such file cannot slow indexing."""


def _attributions(text: str, sentences: list[Sentence]) -> list[tuple[Attribution, ...]]:
    """Who said each sentence; an article the speaker finder cannot read is still indexed, without."""
    if len(text) > MAX_ATTRIBUTED_CHARS:
        return [() for _ in sentences]
    try:
        # Found in the text with its line breaks as spaces (same offsets), so a name hard-wrapped
        # over two lines is the same name as on one.
        found = attribute(one_line_text(text), sentences)
        return [tuple(_one_line(a) for a in sentence) for sentence in found]
    except (ValueError, IndexError, RecursionError):
        return [() for _ in sentences]


def analyse_file(corpus_dir: Path, path: Path, passage_tokens: int) -> AnalysedArticle:
    """`analyse` for a file on disk (raises UnreadableArticle)."""
    data, stat = read_file(path, corpus_dir)
    return analyse(
        path.relative_to(corpus_dir).as_posix(),
        data,
        markdown=path.suffix.lower() in MARKDOWN_SUFFIXES,
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        passage_tokens=passage_tokens,
    )


_META_FIELDS = tuple(f.name for f in dataclasses.fields(ArticleMeta))


def article_record(analysed: AnalysedArticle) -> dict[str, Any]:
    """The article table row: metadata, file identity and sizes."""
    parsed = analysed.parsed
    meta = parsed.meta
    text = parsed.text
    words = [text[p.start : p.end].split() for p in parsed.paragraphs]
    return {
        **{name: getattr(meta, name) for name in _META_FIELDS},
        "size": analysed.size,
        "mtime_ns": analysed.mtime_ns,
        "sha256": analysed.sha256,
        # The body fingerprint `add` looks duplicates up by, so it never re-reads the corpus.
        "body_sha256": stored_sha256(text) or words_sha256(words),
        "paragraphs": len(parsed.paragraphs),
        "words": sum(map(len, words)),
        "tokens": sum(analysed.sentence_tokens),
        "meta_spans": {k: [v.start, v.end] for k, v in parsed.meta_spans.items()},
        "warnings": parsed.warnings,
        "markdown": Path(meta.id).suffix.lower() in MARKDOWN_SUFFIXES,
        "speakers": analysed.speakers,
    }


_START, _END, _PARAGRAPH = attrgetter("start"), attrgetter("end"), attrgetter("paragraph")


class _Vocab(dict[str, int]):
    """A batch's terms to their local ids: a term not seen yet gets the next id when looked up."""

    def __missing__(self, term: str) -> int:
        self[term] = number = len(self)
        return number


def _ints() -> array[int]:
    return array("i")


def _longs() -> array[int]:
    return array("q")


@dataclass(slots=True)
class Batch:
    """Compact columns for consecutive new articles, numbered from 0 within the batch."""

    records: list[dict[str, Any]] = field(default_factory=list)
    s_article: array[int] = field(default_factory=_ints)
    s_start: array[int] = field(default_factory=_longs)
    s_end: array[int] = field(default_factory=_longs)
    s_para: array[int] = field(default_factory=_ints)
    s_tokens: array[int] = field(default_factory=_ints)
    s_len: array[int] = field(default_factory=_ints)
    p_article: array[int] = field(default_factory=_ints)
    p_sent_lo: array[int] = field(default_factory=_ints)
    p_sent_hi: array[int] = field(default_factory=_ints)
    doc_len: array[int] = field(default_factory=_ints)
    t_term: array[int] = field(default_factory=_ints)
    """Every term occurrence of the batch, in text order, as an index into `vocab`: passage by
    passage, `doc_len[p]` occurrences each (so `finish` knows each one's passage without a column)."""
    vocab: dict[str, int] = field(default_factory=_Vocab)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    """Files that are not readable articles: id, size, mtime_ns, why."""
    touched: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Files whose stat changed but whose content did not: id → (size, mtime_ns)."""
    table: ArticleTable = field(default_factory=ArticleTable)
    """After `finish`: the batch's article records, by column."""
    terms: list[str] = field(default_factory=list)
    """After `finish`: the batch's terms in sorted order."""
    term_counts: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    """After `finish`: postings per term of `terms`."""
    postings: npt.NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    tf_sorted: npt.NDArray[Any] = field(default_factory=lambda: np.zeros(0, dtype=np.uint8))
    """After `finish`: posting passages and frequencies (uint8 when every one fits, else uint16),
    sorted by term, then passage."""

    def finish(self) -> None:
        """Count and sort the postings by term (in string order), then passage, as the index stores them.

        Done in the worker, in one numpy pass over the batch's term occurrences (no per-passage
        Python counting): the merge then only places each batch's blocks, with no global sort.
        """
        self.terms = sorted(self.vocab)
        rank = dict(zip(self.terms, range(len(self.terms)), strict=True))
        if len(self.t_term):
            remap = np.fromiter(map(rank.__getitem__, self.vocab), dtype=np.int64, count=len(self.vocab))
            ranks = remap[np.frombuffer(self.t_term, dtype=np.int32)]
            lengths = np.frombuffer(self.doc_len, dtype=np.int32)
            if int(lengths.sum()) != len(ranks):
                raise ValueError("term occurrences differ from the passages' lengths")
            # Occurrences come passage by passage, so a stable sort by term alone orders them by
            # term, then passage; on a batch's few thousand terms numpy sorts 16-bit keys by radix.
            narrow = ranks.astype(np.uint16) if len(self.terms) <= 1 << 16 else ranks
            order = np.argsort(narrow, kind="stable")
            del narrow
            n_passages = max(len(lengths), 1)
            key = ranks[order] * n_passages
            key += np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)[order]
            del ranks, order
            first = np.empty(len(key), dtype=bool)  # where each (term, passage) pair starts
            first[0] = True
            np.not_equal(key[1:], key[:-1], out=first[1:])
            starts = np.flatnonzero(first)
            unique = key[starts]
            counts = np.diff(starts, append=len(key))
            del key, first, starts
            cols = unique // n_passages
            self.postings = (unique - cols * n_passages).astype(np.int32)
            # Held by the parent until the merge: as narrow as the batch's own numbers allow.
            self.term_counts = np.bincount(cols, minlength=len(self.terms)).astype(np.int32)
            tf = np.minimum(counts, 65535)
            self.tf_sorted = tf.astype(np.uint8 if tf.max() <= 255 else np.uint16)
        else:
            self.term_counts = np.zeros(len(self.terms), dtype=np.int32)
        self.t_term, self.vocab = array("i"), {}
        self.table = ArticleTable.from_records(self.records)  # columns: far less memory than dicts
        self.records = []

    def add(self, analysed: AnalysedArticle) -> None:
        """Append one article's sentences, passages and term occurrences (counted in `finish`)."""
        article = len(self.records)
        first_sentence = len(self.s_start)
        sentences = analysed.parsed.sentences
        sentence_terms = analysed.sentence_terms
        if len(analysed.sentence_tokens) != len(sentences) or len(sentence_terms) != len(sentences):
            raise ValueError("sentence columns differ in length")
        s_len = list(map(len, sentence_terms))
        self.s_article.extend(repeat(article, len(sentences)))
        self.s_start.extend(map(_START, sentences))
        self.s_end.extend(map(_END, sentences))
        self.s_para.extend(map(_PARAGRAPH, sentences))
        self.s_tokens.extend(analysed.sentence_tokens)
        self.s_len.extend(s_len)
        vocab = self.vocab
        if type(vocab) is not _Vocab:
            vocab = self.vocab = _Vocab(vocab)
        # Ids are only local names: `finish` ranks terms by their text, so the order new terms get
        # their ids in changes nothing stored. Each occurrence is looked up once, in C; only a
        # term new to the batch runs a line of Python (`_Vocab.__missing__`).
        self.t_term.extend(map(vocab.__getitem__, chain.from_iterable(sentence_terms)))
        for lo, hi in analysed.passages:
            self.doc_len.append(sum(s_len[lo:hi]))
            self.p_article.append(article)
            self.p_sent_lo.append(first_sentence + lo)
            self.p_sent_hi.append(first_sentence + hi)
        self.records.append(article_record(analysed))


def read_batch(corpus_dir: str, items: Sequence[tuple[str, str | None]], passage_tokens: int) -> Batch:
    """Read articles (id, sha256 the index holds or None) into one batch; a worker process's job.

    A file whose content hash is unchanged is only noted as touched, not parsed again.
    """
    folder = Path(corpus_dir)
    with FolderReader(real_root(folder)) as folders:  # each folder resolved once a batch, not each file
        return _read_into(Batch(), folder, folders, items, passage_tokens)


def _read_into(
    batch: Batch,
    folder: Path,
    folders: FolderReader,
    items: Sequence[tuple[str, str | None]],
    passage_tokens: int,
) -> Batch:
    for article_id, known_sha in items:
        path = folder / article_id
        try:
            data, stat = read_file(path, folders=folders)
            sha = hashlib.sha256(data).hexdigest()
            if sha == known_sha:
                batch.touched[article_id] = (stat.st_size, stat.st_mtime_ns)
                continue
            analysed = analyse(
                article_id,
                data,
                markdown=path.suffix.lower() in MARKDOWN_SUFFIXES,
                size=stat.st_size,
                mtime_ns=stat.st_mtime_ns,
                passage_tokens=passage_tokens,
                sha256=sha,
            )
        except (UnreadableArticle, RecursionError, MemoryError, ValueError, OverflowError) as exc:
            # One bad article never stops the rest: a parser that gives up on it only skips it.
            why = str(exc)
            if not isinstance(exc, UnreadableArticle):
                why = f"it could not be parsed ({type(exc).__name__})"
            try:
                stat = path.stat()
                size, mtime = stat.st_size, stat.st_mtime_ns
            except OSError:
                size, mtime = -1, -1
            batch.skipped.append({"id": article_id, "size": size, "mtime_ns": mtime, "why": why})
            continue
        batch.add(analysed)
    batch.finish()
    return batch


def _one_line(attribution: Attribution) -> Attribution:
    """A speaker's name with its white space folded, as a hard-wrapped article breaks it ("people
    familiar with the talks" over two CRLF lines); the offsets still point at the source."""
    name, as_written = " ".join(attribution.name.split()), " ".join(attribution.as_written.split())
    key = " ".join(attribution.key.split())
    if (name, as_written, key) == (attribution.name, attribution.as_written, attribution.key):
        return attribution
    return dataclasses.replace(attribution, name=name, as_written=as_written, key=key)
