"""The build's bulk analysis (one pass an article, postings counted per batch) equals the plain definition."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from assistant.index.analysis import Batch, analyse_file, read_batch
from assistant.index.tokens import terms, terms_each

TRICKY = [
    "The U.S. Treasury said 3.5 pct of O'Neill's bonds were sold.",
    "ΟΔΥΣΣΕΥΣ ΚΑΙ ΤΟ ΣΠΙΤΙ ΤΟΥ",  # a final capital sigma lower-cases by its neighbours
    "Zelensky’s “missiles” — café résumé naïve",
    "",
    "a an the of",  # stop words only
    "İstanbul ﬁnance Straße",  # lower-casing that changes length
    "text with a \x00 NUL inside it",  # the separator the bulk pass joins on
    "Defence ministers met; they wrote, spoke and fought.",
]


def test_terms_each_equals_terms_one_text_at_a_time() -> None:
    assert terms_each(TRICKY) == [terms(t) for t in TRICKY]
    assert terms_each(TRICKY[2:3]) == [terms(TRICKY[2])]
    assert terms_each([]) == []


def test_new_words_stemmed_in_bulk_equal_the_word_by_word_stemmer() -> None:
    fresh = [f"zorblaxing{n} unforgettablenesses{n} re-evaluations" for n in range(50)]
    assert terms_each(fresh) == [terms(t) for t in fresh]


def test_batch_postings_are_each_passages_term_counts(tmp_path: Path) -> None:
    """Postings counted in one numpy pass per batch equal a Counter over each passage's terms."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    body = (
        "Officials said the bridge would reopen in May, after repairs cost $3.5 million.\n"
        "“We are not done,” said Mayor Ana Ruiz. The council will vote on the bridge again.\n"
        "Residents said the bridge, the bridge and the ferry were all they had.\n"
    )
    for n in range(6):
        (corpus / f"story-{n}.txt").write_text(f"Bridge Story {n}\nBy A. Writer\n{body * (n + 1)}", "utf-8")
    (corpus / "empty.txt").write_text("", "utf-8")  # not an article: skipped, the rest still read
    ids = sorted(p.name for p in corpus.iterdir())
    batch = read_batch(str(corpus), [(i, None) for i in ids], 30)

    expected: Counter[tuple[str, int]] = Counter()
    lengths: list[int] = []
    for aid in ids:
        if aid == "empty.txt":
            continue
        analysed = analyse_file(corpus, corpus / aid, 30)
        for lo, hi in analysed.passages:
            words = [t for sentence in analysed.sentence_terms[lo:hi] for t in sentence]
            expected.update((t, len(lengths)) for t in words)
            lengths.append(len(words))
    assert [s["id"] for s in batch.skipped] == ["empty.txt"]
    assert list(batch.doc_len) == lengths
    assert len(lengths) > 6  # several passages an article: the counts are per passage

    found: Counter[tuple[str, int]] = Counter()
    position = 0
    for term, count in zip(batch.terms, batch.term_counts.tolist(), strict=True):
        passages = batch.postings[position : position + count].tolist()
        assert passages == sorted(set(passages))  # ascending, each passage once per term
        for passage, tf in zip(passages, batch.tf_sorted[position : position + count].tolist(), strict=True):
            found[(term, passage)] = tf
        position += count
    assert batch.terms == sorted(batch.terms)
    assert found == expected


def test_term_frequencies_above_255_are_kept_whole(tmp_path: Path) -> None:
    """A batch keeps its frequencies in one byte only when every one fits: 400 stays 400."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    sentence = "Wheat " * 200
    body = f"{sentence}rose. {sentence}fell.\n"
    (corpus / "wheat.txt").write_text(f"Wheat Story\nBy A. Writer\n{body}", "utf-8")
    (corpus / "barley.txt").write_text("Barley Story\nBy A. Writer\nBarley rose and barley fell.\n", "utf-8")
    wide = read_batch(str(corpus), [("wheat.txt", None), ("barley.txt", None)], 1000)
    narrow = read_batch(str(corpus), [("barley.txt", None)], 1000)

    def frequencies(batch: Batch) -> dict[str, list[int]]:
        bounds = np.concatenate([[0], np.cumsum(batch.term_counts)])
        return {t: batch.tf_sorted[bounds[i] : bounds[i + 1]].tolist() for i, t in enumerate(batch.terms)}

    assert frequencies(wide)["wheat"] == [400]
    assert frequencies(wide)["barley"] == frequencies(narrow)["barley"] == [2]


def test_terms_each_stays_exact_when_its_word_cache_fills(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long build meets more distinct words than the cache keeps: when it is emptied half-way
    through an article, words cached before still get their terms (they raised KeyError)."""
    from assistant.index import tokens

    monkeypatch.setattr(tokens, "_TERMS", {})
    monkeypatch.setattr(tokens, "_TERMS_LIMIT", 12)
    first = ["Ministers said the harbour reopened", "Dock workers unloaded grain"]
    assert tokens.terms_each(first) == [terms(t) for t in first]
    assert len(tokens._TERMS) <= 12
    again = [*first, "Grain prices fell 3.5 pct as ministers met dock workers at pier 7"]
    assert tokens.terms_each(again) == [terms(t) for t in again]
    assert tokens.terms_each(again * 3) == [terms(t) for t in again * 3]
