"""A batch read from a real folder of varied articles equals the plain, one-article definitions.

The build reads a batch's articles in bulk: every sentence's words turned into terms and token
counts through per-process caches (each word and piece looked up once when all are known), term
ids given by a dict as they are met, the postings sorted by a 16-bit radix sort of term ranks
(occurrences come passage by passage), each paragraph cut into words once for the word count and
the body fingerprint. Here each of those is held to its plain definition, article by article and
sentence by sentence (`terms`, tiktoken's own count of the sentence, a Counter per passage,
`body_sha256`), on hard-wrapped wire copy, Markdown with front matter and inline HTML, quoted
speakers, and an article with more distinct words than a 16-bit sort key holds.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import numpy as np

from assistant.corpus.article_file import body_sha256
from assistant.index.analysis import Batch, analyse_file, read_batch
from assistant.index.tokens import _encoding, terms

WIRE = """BANK OF JAPAN SAYS IT WILL KEEP RATES STEADY
    TOKYO, March 3 - The Bank of Japan will keep its discount
rate at 2.5 pct, Governor Satoshi Sumita told reporters, adding
that the yen's rise had not yet hurt long-range export plans.
    "We see no need to change policy now," Sumita said. Officials
at the Finance Ministry said the U.S. and Japan would meet in
April to discuss the dollar's fall against the yen.
 Reuter
"""

MARKDOWN = """---
title: "Harbour council votes on the bridge"
author: Jane Doe
date: 2024-05-02
source: The Coastal Times
---

# Harbour council votes on the bridge

The council voted 7-2 on **Tuesday** to reopen the [harbour bridge](https://example.org/b)
after repairs that cost $3.5 million.<br>Residents had waited since March.

> "We are not done," said Mayor Ana Ruiz, who called the vote<sup>1</sup> a first step.

Ferry operators said *fares* would fall; a spokeswoman for the port declined to comment.
"""

QUOTES = """Strike talks resume
By Priya Raman

“The offer is still on the table,” the union’s chief negotiator, Tomás Ibáñez, said on Friday.

According to two people familiar with the talks, the company raised its pay offer to 4.2%.

Management said it hoped for a deal. “We want our people back at work,” said chief executive Lena Ortiz.
"""


def _big_vocabulary(words: int) -> str:
    """An article of more distinct words than a 16-bit sort key holds (the batch's wide sort)."""
    rng = random.Random(12)
    letters = "bcdfghjklmnpqrstvwxz"
    made = [
        "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(4)) + str(n) for n in range(words)
    ]
    sentences = [" ".join(made[i : i + 12]).capitalize() + "." for i in range(0, words, 12)]
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "Word list\n\n" + "\n".join(paragraphs) + "\n"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "news"
    (corpus / "wire").mkdir(parents=True)
    (corpus / "wire" / "boj.txt").write_text(WIRE, encoding="utf-8")
    (corpus / "council.md").write_text(MARKDOWN, encoding="utf-8")
    (corpus / "strike.txt").write_text(QUOTES, encoding="utf-8")
    (corpus / "strike-crlf.txt").write_bytes(QUOTES.replace("\n", "\r\n").encode("cp1252"))
    (corpus / "words.txt").write_text(_big_vocabulary(70_000), encoding="utf-8")
    return corpus


def _postings(batch: Batch) -> Counter[tuple[str, int]]:
    found: Counter[tuple[str, int]] = Counter()
    bounds = np.concatenate([[0], np.cumsum(batch.term_counts)])
    for i, term in enumerate(batch.terms):
        passages = batch.postings[bounds[i] : bounds[i + 1]].tolist()
        assert passages == sorted(set(passages))  # ascending, each passage once a term
        for passage, tf in zip(passages, batch.tf_sorted[bounds[i] : bounds[i + 1]].tolist(), strict=True):
            found[(term, passage)] = tf
    return found


def test_a_batch_of_varied_articles_equals_each_article_read_alone(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    ids = ["council.md", "strike-crlf.txt", "strike.txt", "wire/boj.txt", "words.txt"]
    batch = read_batch(str(corpus), [(i, None) for i in ids], 120)
    assert batch.skipped == []
    assert len(batch.terms) > 1 << 16  # the wide sort ran, beside the narrow one of other batches

    encode = _encoding().encode_ordinary
    expected: Counter[tuple[str, int]] = Counter()
    lengths: list[int] = []
    for n, article_id in enumerate(ids):
        analysed = analyse_file(corpus, corpus / article_id, 120)
        parsed, text = analysed.parsed, analysed.parsed.text
        shown = [" ".join(text[s.start : s.end].split()) for s in parsed.sentences]
        if article_id != "council.md":  # Markdown marks are left out of what is shown: no plain form
            assert analysed.sentence_terms == [terms(s) for s in shown]
            assert analysed.sentence_tokens == [len(encode(s)) for s in shown]
        for lo, hi in analysed.passages:
            words = [t for sentence in analysed.sentence_terms[lo:hi] for t in sentence]
            expected.update((t, len(lengths)) for t in words)
            lengths.append(len(words))
        row = batch.table[n]
        paragraphs = [text[p.start : p.end] for p in parsed.paragraphs]
        assert row["words"] == sum(len(p.split()) for p in paragraphs)
        if article_id != "council.md":  # its front matter records no fingerprint: taken from the body
            assert row["body_sha256"] == body_sha256(paragraphs)
    assert list(batch.doc_len) == lengths
    assert _postings(batch) == expected
    assert batch.terms == sorted(batch.terms)

    # Read again, every word and piece now known to this process's caches: the same batch.
    again = read_batch(str(corpus), [(i, None) for i in ids], 120)
    assert again.terms == batch.terms
    assert again.term_counts.tolist() == batch.term_counts.tolist()
    assert again.postings.tolist() == batch.postings.tolist()
    assert again.tf_sorted.tolist() == batch.tf_sorted.tolist()
    assert list(again.s_tokens) == list(batch.s_tokens)
    assert list(again.s_len) == list(batch.s_len)
    assert [again.table[n] for n in range(len(ids))] == [batch.table[n] for n in range(len(ids))]
