"""A column over several segments reads as the column laid end to end, without copying it.

After `add`, the index is several segments; the answer stage reads a few hundred rows of the
corpus-wide columns. These must be the very rows of the joined column, however they are read,
and an added article must answer the same whether its segment stands alone or is merged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.engine import Engine
from assistant.index.segment import JoinedColumn

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7834a3842ba03b39.txt"
STORY = (
    "Ferry Terminal Approved\nBy Jane Doe\n"
    "The harbour council voted on Tuesday to approve a new ferry terminal at the northern quay.\n"
    '"This terminal will carry two million passengers a year," said council chair Maria Lopez.\n'
)


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_every_way_of_reading_a_joined_column_gives_the_joined_rows(dtype: type) -> None:
    rng = np.random.default_rng(5)
    parts = [np.sort(rng.integers(0, 50, n)).astype(dtype) for n in (40, 0, 3, 7)]
    parts[2] += 50
    parts[3] += 60
    whole = np.concatenate(parts)
    column = JoinedColumn(parts)
    assert column.shape == whole.shape and len(column) == whole.shape[0] and column.dtype == whole.dtype
    for i in [0, 5, 39, 40, 42, 43, 49, -1, -10]:
        assert column[i] == whole[i] and type(column[i]) is type(whole[i])
    for key in [
        slice(0, 10),
        slice(38, 45),
        slice(43, 50),
        slice(45, 45),
        slice(None),
        slice(5, 2),
        slice(0, 50, 3),
    ]:
        assert np.array_equal(column[key], whole[key])
    rows = rng.integers(0, whole.shape[0], 30)
    assert np.array_equal(column[rows], whole[rows])
    assert np.array_equal(column[np.array([], dtype=np.int64)], whole[np.array([], dtype=np.int64)])
    mask = whole % 2 == 0
    assert np.array_equal(column[mask], whole[mask])
    for value in [-1, 0, 10, 49, 50, 55, 60, 200]:
        for side in ("left", "right"):
            assert np.searchsorted(column, whole.dtype.type(value), side=side) == np.searchsorted(
                whole, whole.dtype.type(value), side=side
            )
    assert column.mean() == whole.mean()
    assert np.array_equal(np.asarray(column), whole)
    assert np.array_equal(column + 1, whole + 1)
    assert np.array_equal(np.isin(column, [3, 55]), np.isin(whole, [3, 55]))
    with pytest.raises(IndexError):
        column[whole.shape[0]]
    with pytest.raises(IndexError):
        column[np.array([0, whole.shape[0]])]


def test_an_added_article_answers_alike_from_its_own_segment_and_after_a_merge(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    Engine.open(corpus)
    source = tmp_path / "ferry.txt"
    source.write_text(STORY, encoding="utf-8")
    Engine.open(corpus).add([str(source)])
    questions = [
        "How many passengers will the ferry terminal carry?",
        "What does ATACMS stand for?",
        "Who approved the ferry terminal?",
    ]
    split = Engine.open(corpus, trust_folders=True)
    assert len(split.index.stored.segments) == 2
    before = [split.ask(q) for q in questions]
    assert any("two million passengers" in q.text for q in before[0].quotes)
    merged = Engine.open(corpus, compact=True)  # `assistant index`: one segment again
    assert len(merged.index.stored.segments) == 1
    after = [merged.ask(q) for q in questions]
    for a, b in zip(before, after, strict=True):
        assert a.answered == b.answered
        assert [(q.article.id, q.start, q.end, q.paragraph, q.score, q.tokens) for q in a.quotes] == [
            (q.article.id, q.start, q.end, q.paragraph, q.score, q.tokens) for q in b.quotes
        ]
