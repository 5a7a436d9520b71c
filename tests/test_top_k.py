"""Top-k with MaxScore pruning gives exactly the exhaustive search's passages and scores."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest

from assistant.index import Index
from assistant.index.tokens import terms

REUTERS = Path("/work/shared/eval/reuters21578/reut2-000.sgm")


@pytest.fixture(scope="module")
def reuters_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    if not REUTERS.is_file():
        pytest.skip("Reuters-21578 is not on this machine")
    corpus = tmp_path_factory.mktemp("reuters")
    raw = REUTERS.read_text(encoding="latin-1")
    bodies = re.findall(r"<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", raw, re.DOTALL)
    for n, (title, body) in enumerate(bodies[:400]):
        text = re.sub(r"&#\d+;|&lt;|&gt;|&amp;", " ", body)
        (corpus / f"{n:04d}.txt").write_text(f"{title.title()}\n{text}\n", encoding="utf-8")
    index, _ = Index.open(corpus)
    return index


def _questions(index: Index) -> list[list[str]]:
    """Queries mixing rare and common words: real sentences' words, shuffled and cut."""
    rng = random.Random(12)
    vocab = index.terms
    out = [terms(q) for q in ("oil prices said", "the company said profit rose", "cocoa bahia rain")]
    for _ in range(150):
        words = rng.sample(vocab, rng.randint(2, 6))
        out.append([*words, *rng.sample(["said", "year", "pct", "mln", "share"], 2)])
    return out


@pytest.mark.parametrize("k", [1, 3, 10])
def test_pruned_top_k_equals_the_exhaustive_search(reuters_index: Index, k: int) -> None:
    everything = np.ones(reuters_index.n_passages, dtype=bool)  # a scope of all: the exhaustive path
    for q in _questions(reuters_index):
        pruned = reuters_index.top_passages(q, k)
        exhaustive = reuters_index.top_passages(q, k, allowed=everything)
        np.testing.assert_allclose([s for _, s in pruned], [s for _, s in exhaustive], rtol=0, atol=1e-9)
        # The same passages, except that either search may pick any of several tied at the k-th score.
        last = exhaustive[-1][1] if exhaustive else 0.0
        assert [p for p, s in pruned if s > last + 1e-9] == [p for p, s in exhaustive if s > last + 1e-9], q


def test_pruned_scores_are_the_dense_bm25_scores(reuters_index: Index) -> None:
    for q in _questions(reuters_index)[:40]:
        dense = reuters_index.scores(q)
        for passage, score in reuters_index.top_passages(q, 10):
            assert abs(dense[passage] - score) < 1e-9
        best = np.sort(dense)[::-1][:10]
        got = [s for _, s in reuters_index.top_passages(q, 10)]
        np.testing.assert_allclose(got, best[: len(got)], rtol=0, atol=1e-9)
