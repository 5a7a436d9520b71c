"""Block-max top-k gives exactly the exhaustive search's passages and scores, on one segment or many."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from assistant.index import Index, top_k
from assistant.index.analysis import analyse_file
from assistant.index.block_bounds import BLOCK, block_arrays, scale
from assistant.index.tokens import terms

REUTERS = Path("/work/shared/eval/reuters21578/reut2-000.sgm")
COMMON = ["said", "year", "pct", "mln", "share", "compani", "billion", "dlrs"]


def _reuters_bodies() -> list[tuple[str, str]]:
    if not REUTERS.is_file():
        pytest.skip("Reuters-21578 is not on this machine")
    raw = REUTERS.read_text(encoding="latin-1")
    bodies = re.findall(r"<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", raw, re.DOTALL)
    return [(title.title(), re.sub(r"&#\d+;|&lt;|&gt;|&amp;", " ", body)) for title, body in bodies]


def _write(corpus: Path, n: int, title: str, body: str) -> None:
    (corpus / f"{n:04d}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def reuters_index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    corpus = tmp_path_factory.mktemp("reuters")
    for n, (title, body) in enumerate(_reuters_bodies()[:400]):
        _write(corpus, n, title, body)
    index, _ = Index.open(corpus)
    return index


@pytest.fixture(params=["shipped", "every-term-long"])
def long_terms(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """As shipped, a small test corpus holds no long postings; with the floor at 0 every term has them,
    so the block skipping, the bounds and the lookups all run."""
    if request.param == "every-term-long":
        monkeypatch.setattr(top_k, "CHEAP_MIN", 0)
        monkeypatch.setattr(top_k, "CHEAP_SHARE", 1 << 30)


def _questions(index: Index, n: int = 150) -> list[list[str]]:
    """Queries mixing rare and common words (real words of the corpus), and single common words."""
    rng = random.Random(12)
    vocab = index.terms
    out = [terms(q) for q in ("oil prices said", "the company said profit rose", "cocoa bahia rain")]
    out += [[word] for word in COMMON]
    for _ in range(n):
        words = rng.sample(vocab, rng.randint(1, 6))
        out.append([*words, *rng.sample(COMMON, rng.randint(1, 3))])
    return out


def _assert_exact(index: Index, queries: list[list[str]], k: int) -> None:
    """The pruned top k has the dense full scores' best k: the same scores, the same passages above
    the k-th score (a passage tied at it may be either), and each score true of its passage."""
    everything = np.ones(index.n_passages, dtype=bool)  # a scope of all: the exhaustive path
    for q in queries:
        pruned = index.top_passages(q, k)
        exhaustive = index.top_passages(q, k, allowed=everything)
        dense = index.scores(q)
        np.testing.assert_allclose([s for _, s in pruned], [s for _, s in exhaustive], rtol=0, atol=1e-9)
        last = exhaustive[-1][1] if exhaustive else 0.0
        assert [p for p, s in pruned if s > last + 1e-9] == [p for p, s in exhaustive if s > last + 1e-9], q
        for passage, score in pruned:
            assert abs(dense[passage] - score) < 1e-9


@pytest.mark.parametrize("k", [1, 3, 10])
def test_pruned_top_k_equals_the_exhaustive_search(reuters_index: Index, long_terms: None, k: int) -> None:
    _assert_exact(reuters_index, _questions(reuters_index), k)


def test_pruned_scores_are_the_dense_bm25_scores(reuters_index: Index, long_terms: None) -> None:
    for q in _questions(reuters_index)[:40]:
        dense = reuters_index.scores(q)
        best = np.sort(dense)[::-1][:10]
        got = [s for _, s in reuters_index.top_passages(q, 10)]
        np.testing.assert_allclose(got, best[: len(got)], rtol=0, atol=1e-9)


def test_several_segments_with_removals_and_edits_stay_exact(tmp_path: Path, long_terms: None) -> None:
    """Articles added in three batches (three more segments), some removed and one edited (deletion
    marks): the pruned search still returns rank-bm25's BM25Okapi top k over the live passages."""
    bodies = _reuters_bodies()
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for n, (title, body) in enumerate(bodies[:200]):
        _write(corpus, n, title, body)
    index, _ = Index.open(corpus)
    for batch in range(3):
        for n in range(200 + 40 * batch, 240 + 40 * batch):
            _write(corpus, n, *bodies[n])
        assert len(index.refresh().added) == 40
    for n in (3, 50, 120, 210, 250):  # from the first segment and from added ones
        (corpus / f"{n:04d}.txt").unlink()
    title, body = bodies[7]
    _write(corpus, 7, title, body + "\nCocoa growers in Bahia said rain was late and the crop was small.")
    changes = index.refresh()
    assert len(changes.removed) == 5 and changes.changed == ("0007.txt",)
    reopened, _ = Index.open(corpus)  # what a new process reads from disk: segments and marks
    for current in (index, reopened):
        assert len(current.stored.segments) >= 3 and len(current.stored.dead) == 6
        queries = _questions(current, 60)
        for k in (1, 5, 10):
            _assert_exact(current, queries, k)
        _assert_rank_bm25(current, queries[:30])


def _assert_rank_bm25(index: Index, queries: list[list[str]]) -> None:
    docs: list[list[str]] = []
    ids: list[int] = []
    for i, record in enumerate(index.articles):
        if not record["id"]:
            continue  # removed: its passages answer nothing
        analysed = analyse_file(index.corpus_dir, index.corpus_dir / record["id"], index.passage_tokens)
        for n, (lo, hi) in enumerate(analysed.passages):
            docs.append([t for sentence in analysed.sentence_terms[lo:hi] for t in sentence])
            ids.append(int(index.pass_lo[i]) + n)
    reference = BM25Okapi(docs)
    for q in queries:
        expected = reference.get_scores(q)
        by_id = dict(zip(ids, expected.tolist(), strict=True))
        top = index.top_passages(q, 10)
        np.testing.assert_allclose([s for _, s in top], np.sort(expected)[::-1][: len(top)], atol=1e-9)
        assert len(top) == min(10, int((expected != 0).sum()))
        for passage, score in top:
            assert abs(by_id[passage] - score) < 1e-9


def test_block_bounds_hold_at_any_average_length() -> None:
    """Every posting's BM25 tf part, at the corpus's average length whatever it has become, stays
    under its block's stored bound scaled for that length: what makes skipping a block safe."""
    rng = np.random.default_rng(3)
    n_passages, n_terms = 3000, 40
    doc_len = rng.integers(1, 200, n_passages).astype(np.int32)
    lists = [np.sort(rng.choice(n_passages, rng.integers(1, 900), replace=False)) for _ in range(n_terms)]
    indptr = np.concatenate([[0], np.cumsum([len(p) for p in lists])]).astype(np.int64)
    base = 5000  # global ids of a later segment
    indices = (np.concatenate(lists) + base).astype(np.int32)
    tf = rng.integers(1, 30, indices.shape[0]).astype(np.uint16)
    arrays = {"indptr": indptr, "indices": indices, "tf": tf, "doc_len": doc_len}
    blocks = block_arrays(arrays, base, k1=1.5, b=0.75)
    assert blocks["blk_ptr"][-1] == sum((len(p) + BLOCK - 1) // BLOCK for p in lists)
    for avgdl in (10.0, float(doc_len.mean()), 150.0, 900.0):
        factor = scale(blocks["blk_params"], avgdl, 1.5, 0.75)
        assert factor is not None
        for t in range(n_terms):
            lo, hi = int(indptr[t]), int(indptr[t + 1])
            ids = indices[lo:hi]
            part = tf[lo:hi] / (tf[lo:hi] + 1.5 * (0.25 + 0.75 * doc_len[ids - base] / avgdl))
            b_lo, b_hi = int(blocks["blk_ptr"][t]), int(blocks["blk_ptr"][t + 1])
            bound = np.repeat(blocks["blk_ub"][b_lo:b_hi].astype(np.float64) * factor, BLOCK)[: hi - lo]
            assert (part <= bound).all()
            assert (np.repeat(blocks["blk_last"][b_lo:b_hi], BLOCK)[: hi - lo] >= ids).all()
    assert scale(blocks["blk_params"], 50.0, 1.2, 0.75) is None  # other parameters: no stored bound


def test_damaged_block_bounds_are_never_trusted(tmp_path: Path, long_terms: None) -> None:
    """Bounds lowered on disk would make the search skip passages that belong in the top k: the
    index must notice (its checksums) and rebuild, and answers stay the exhaustive search's."""
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for n, (title, body) in enumerate(_reuters_bodies()[:120]):
        _write(corpus, n, title, body)
    index, _ = Index.open(corpus)
    (segment,) = index.stored.segments
    assert segment.folder is not None
    bounds = segment.folder / "blk_ub.npy"
    zeros = np.zeros_like(np.load(bounds))
    del index, segment
    np.save(bounds, zeros, allow_pickle=False)
    reopened, changes = Index.open(corpus)
    assert changes.rebuilt
    _assert_exact(reopened, _questions(reopened, 30), 5)
