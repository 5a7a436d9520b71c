"""One article turned into what the index stores: sentences, their terms, passages.

Passages are the BM25 retrieval units: whole sentences packed in order up to
a size measured in tiktoken tokens. A sentence longer than the limit is a
passage of its own; a sentence is never cut.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from assistant.corpus import ParsedArticle, decode, parse_article
from assistant.tokens import count_tokens_batch, terms

DEFAULT_PASSAGE_TOKENS = 120


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
    article_id: str, data: bytes, *, markdown: bool, size: int, mtime_ns: int, passage_tokens: int
) -> AnalysedArticle:
    """Parse raw bytes (raises UnreadableArticle) and compute terms, token counts and passages."""
    text = decode(data)
    parsed = parse_article(article_id, text, markdown=markdown)
    sentence_texts = [text[s.start : s.end] for s in parsed.sentences]
    sentence_tokens = count_tokens_batch(sentence_texts)
    return AnalysedArticle(
        parsed=parsed,
        size=size,
        mtime_ns=mtime_ns,
        sha256=hashlib.sha256(data).hexdigest(),
        sentence_terms=[terms(s) for s in sentence_texts],
        sentence_tokens=sentence_tokens,
        passages=pack_passages(sentence_tokens, passage_tokens),
    )


def analyse_file(corpus_dir: Path, path: Path, passage_tokens: int) -> AnalysedArticle:
    """`analyse` for a file on disk (raises UnreadableArticle or OSError)."""
    from assistant.corpus import MARKDOWN_SUFFIXES, MAX_FILE_BYTES, TEXT_SUFFIXES, UnreadableArticle

    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise UnreadableArticle(f"unknown format {suffix!r} (articles are .txt or .md files)")
    stat = path.stat()
    if stat.st_size > MAX_FILE_BYTES:
        raise UnreadableArticle(f"the file is too large ({stat.st_size // (1024 * 1024)} MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableArticle(f"cannot read it: {exc.strerror or exc}") from exc
    return analyse(
        path.relative_to(corpus_dir).as_posix(),
        data,
        markdown=suffix in MARKDOWN_SUFFIXES,
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        passage_tokens=passage_tokens,
    )
