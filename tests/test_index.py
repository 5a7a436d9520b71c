"""The persisted index: BM25Okapi parity, incremental updates, damage, concurrency."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from assistant.corpus import discover
from assistant.index import Index
from assistant.index.analysis import analyse_file
from assistant.index.tokens import terms
from assistant.locations import index_dir

SHARED_POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear" / "dev" / "text"

QUERIES = [
    "ATACMS long-range missiles",
    "defense officials met at Ramstein",
    "bridge repair council vote",
    "wildfire evacuation residents Cedar Ridge",
    "union pay rise strike",
    "Ukraine",
    "officials said",
    "missing words nowhere zzz",
]


def _passage_terms(index: Index) -> tuple[list[list[str]], list[int]]:
    """Each live passage's terms, rebuilt from the article files the same way the index reads
    them, and the passage's id in the index (removed articles' rows are skipped)."""
    docs: list[list[str]] = []
    ids: list[int] = []
    for i, record in enumerate(index.articles):
        if not record["id"]:
            continue  # a removed article, marked dead
        analysed = analyse_file(index.corpus_dir, index.corpus_dir / record["id"], index.passage_tokens)
        assert len(analysed.passages) == int(index.pass_hi[i] - index.pass_lo[i])
        for n, (lo, hi) in enumerate(analysed.passages):
            docs.append([t for sentence in analysed.sentence_terms[lo:hi] for t in sentence])
            ids.append(int(index.pass_lo[i]) + n)
    return docs, ids


def _assert_parity(index: Index, queries: list[str]) -> None:
    docs, ids = _passage_terms(index)
    reference = BM25Okapi(docs)
    assert reference.corpus_size == index.n_live == len(ids)
    dead = np.setdiff1d(np.arange(index.n_passages), ids)
    for query in queries:
        q = terms(query)
        expected_all = reference.get_scores(q)
        ours = index.scores(q)
        np.testing.assert_allclose(ours[ids], expected_all, rtol=0, atol=1e-9)
        assert not ours[dead].any()  # removed articles' passages score nothing
        by_id = dict(zip(ids, expected_all.tolist(), strict=True))
        expected = np.sort(expected_all)[::-1][:5]
        top = index.top_passages(q, 5)
        # The same best scores (ties may come in either order), each true of its passage.
        np.testing.assert_allclose([s for _, s in top], expected[: len(top)], atol=1e-9)
        for passage, score in top:
            assert abs(by_id[passage] - score) < 1e-9
        assert len(top) == min(5, int((expected_all != 0).sum()))


def test_scores_equal_rank_bm25_on_a_multi_article_corpus(news_corpus: Path) -> None:
    index, _ = Index.open(news_corpus, passage_tokens=40)
    assert index.n_passages > 20
    _assert_parity(index, QUERIES)


@pytest.mark.skipif(not SHARED_POLNEAR.is_dir(), reason="shared eval data not beside the repo")
def test_scores_equal_rank_bm25_on_real_news(tmp_path: Path) -> None:
    folder = tmp_path / "polnear"
    folder.mkdir()
    for path in sorted(SHARED_POLNEAR.glob("*.txt"))[:25]:
        shutil.copy(path, folder / path.name)
    index, _ = Index.open(folder)
    _assert_parity(index, ["Clinton emails", "Trump tax returns", "said the campaign", "poll voters"])


def test_a_second_open_reads_nothing_and_finds_the_same(news_corpus: Path) -> None:
    first, changes = Index.open(news_corpus)
    assert len(changes.added) == 4
    second, again = Index.open(news_corpus)
    assert not again.any and again.skipped == ()
    assert second.n_passages == first.n_passages
    assert second.top_passages(terms("bridge repair"), 3) == first.top_passages(terms("bridge repair"), 3)


def test_added_changed_and_deleted_files_are_all_that_is_read(news_corpus: Path) -> None:
    Index.open(news_corpus)
    (news_corpus / "new-story.txt").write_text(
        "Harbor seals return\nAmy Lo\nHarbor seals returned to the bay.\n"
    )
    wildfire = news_corpus / "wildfire-evacuations.txt"
    wildfire.write_text(wildfire.read_text().replace("3,000 residents", "4,500 residents"))
    (news_corpus / "rail-strike-talks.txt").unlink()
    index, changes = Index.open(news_corpus)
    assert changes.added == ("new-story.txt",)
    assert changes.changed == ("wildfire-evacuations.txt",)
    assert changes.removed == ("rail-strike-talks.txt",)
    assert index.top_passages(terms("Tomas Berger"), 3) == []
    best, _ = index.top_passages(terms("harbor seals"), 1)[0]
    assert index.articles[int(index.stored.arrays["p_article"][best])]["id"] == "new-story.txt"
    _assert_parity(index, [*QUERIES, "4,500 residents seals"])


def test_touching_a_file_without_changing_it_keeps_the_index(news_corpus: Path) -> None:
    Index.open(news_corpus)
    path = news_corpus / "harbor-bridge-vote.md"
    os.utime(path, ns=(1, 1))
    _, changes = Index.open(news_corpus)
    assert not changes.any
    _, again = Index.open(news_corpus)
    assert not again.any


def test_bad_files_are_skipped_with_their_reason_and_the_rest_indexed(news_corpus: Path) -> None:
    (news_corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (news_corpus / "empty.txt").write_text("")
    (news_corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    index, changes = Index.open(news_corpus)
    reasons = dict(changes.skipped)
    assert set(reasons) == {"photo.jpg", "empty.txt", "binary.txt"}
    assert "unknown format" in reasons["photo.jpg"]
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert len(index.articles) == 4
    _, again = Index.open(news_corpus)
    assert again.skipped == ()  # reported once, not on every run


def _damage_pointer(folder: Path) -> None:
    (folder / "CURRENT").write_text("gen-nonexistent")


def _segment(folder: Path) -> Path:
    """The first segment folder the current generation names."""
    gen = folder / (folder / "CURRENT").read_text()
    return folder / json.loads((gen / "manifest.json").read_text())["body"]["segments"][0]


def _damage_array(folder: Path) -> None:
    gen = _segment(folder)
    data = (gen / "indices.npy").read_bytes()
    (gen / "indices.npy").write_bytes(data[: len(data) // 2])


def _damage_manifest(folder: Path) -> None:
    gen = folder / (folder / "CURRENT").read_text()
    (gen / "manifest.json").write_text("{not json")


def _damage_terms(folder: Path) -> None:
    gen = _segment(folder)
    (gen / "terms.txt").write_text("a\nb")


@pytest.mark.parametrize("damage", [_damage_pointer, _damage_array, _damage_manifest, _damage_terms])
def test_a_damaged_index_is_rebuilt_not_trusted(news_corpus: Path, damage) -> None:  # type: ignore[no-untyped-def]
    good, _ = Index.open(news_corpus)
    expected = good.top_passages(terms("wildfire Cedar Ridge"), 3)
    damage(index_dir(news_corpus))
    index, changes = Index.open(news_corpus)
    assert changes.rebuilt
    assert index.top_passages(terms("wildfire Cedar Ridge"), 3) == expected


def _open_and_count(folder: str) -> int:
    index, _ = Index.open(Path(folder))
    return index.n_passages


def test_two_processes_opening_at_once_leave_one_good_index(news_corpus: Path) -> None:
    for i in range(30):
        (news_corpus / f"extra-{i}.txt").write_text(
            f"Story {i}\nBy Ann Lee\nParagraph about topic {i} and bridges.\n"
        )
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        counts = pool.map(_open_and_count, [str(news_corpus)] * 4)
    assert len(set(counts)) == 1
    index, changes = Index.open(news_corpus)
    assert not changes.any and not changes.rebuilt
    assert index.n_passages == counts[0]
    gens = [p for p in index_dir(news_corpus).iterdir() if p.name.startswith("gen-")]
    assert len(gens) == 1


def test_the_corpus_folder_lists_only_articles_not_the_index(news_corpus: Path) -> None:
    Index.open(news_corpus)
    assert index_dir(news_corpus).is_dir()
    assert sorted(p.name for p in discover(news_corpus)) == sorted(
        p.name for p in news_corpus.iterdir() if p.is_file()
    )


def _segment_bytes(corpus: Path) -> dict[str, bytes]:
    """Every file of the index's one segment by name (not the check memo, which names inodes)."""
    (segment,) = [index_dir(corpus) / name for name in _segment_names(corpus)]
    return {p.name: p.read_bytes() for p in sorted(segment.iterdir()) if p.name != ".verified.json"}


def test_a_build_in_worker_processes_equals_one_built_here(
    news_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.index.build as build_module

    for i in range(24):
        (news_corpus / f"wire-{i:02d}.txt").write_text(
            f"Port story {i}\nBy Lee Chan\nDock workers at pier {i} unloaded {i * 100} containers of grain.\n"
            f"“We moved {i * 300} tonnes before noon,” said harbour master Ana Ruiz at pier {i}.\n"
        )
    serial, _ = Index.open(news_corpus)
    serial_ids = list(serial.articles.ids)  # rows are read from the index files, removed next
    # Speakers with their offsets, spans, sizes: as stored (JSON: a tuple held here is a list there).
    serial_rows = json.dumps(list(serial.articles))
    serial_arrays = {name: np.array(array) for name, array in serial.stored.arrays.items()}
    serial_files = _segment_bytes(news_corpus)
    shutil.rmtree(index_dir(news_corpus))
    monkeypatch.setattr(build_module, "PARALLEL_FILES", 8)
    monkeypatch.setattr(build_module, "BATCH_FILES", 5)
    parallel, changes = Index.open(news_corpus)
    assert len(changes.added) == 28
    assert parallel.terms == serial.terms
    for name, array in serial_arrays.items():
        np.testing.assert_array_equal(parallel.stored.arrays[name], array, err_msg=name)
    assert list(parallel.articles.ids) == serial_ids
    assert json.dumps(list(parallel.articles)) == serial_rows
    # The rows went through a spill file, the speakers were counted batch by batch: same bytes stored.
    assert _segment_bytes(news_corpus) == serial_files
    assert not list(index_dir(news_corpus).glob("seg-build-*"))  # the spill is gone once saved
    assert any(row["speakers"] for row in json.loads(serial_rows))  # attributed, and stored alike
    _assert_parity(parallel, [*QUERIES, "grain containers pier 7"])


# ---- segments: an addition writes a small segment; statistics summed over segments ----------


def _cli_output(*args: str) -> str:
    from click.testing import CliRunner

    from assistant.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _cli(*args: str) -> None:
    _cli_output(*args)


def _segment_names(corpus: Path) -> list[str]:
    folder = index_dir(corpus)
    gen = folder / (folder / "CURRENT").read_text()
    return list(json.loads((gen / "manifest.json").read_text())["body"]["segments"])


def _add(corpus: Path, tmp_path: Path, n: int) -> None:
    source = tmp_path / f"incoming-{n}.txt"
    source.write_text(
        f"Harbor seals return number {n}\nBy Amy Lo\nHarbor seals returned to the bay in group {n}, "
        f'said ranger Jo Park. "The water is cleaner," she said of the {n} seals.\n',
        encoding="utf-8",
    )
    _cli("add", str(source), "--corpus", str(corpus))


def test_an_added_article_is_one_new_segment_and_scores_stay_exact(news_corpus: Path, tmp_path: Path) -> None:
    Index.open(news_corpus)
    (first,) = _segment_names(news_corpus)
    before = {p.name: p.stat().st_mtime_ns for p in (index_dir(news_corpus) / first).iterdir()}
    for n in range(3):
        _add(news_corpus, tmp_path, n)
    names = _segment_names(news_corpus)
    assert len(names) == 4 and names[0] == first  # three small segments after the first, untouched
    after = {p.name: p.stat().st_mtime_ns for p in (index_dir(news_corpus) / first).iterdir()}
    assert {k: v for k, v in after.items() if not k.startswith(".")} == {
        k: v for k, v in before.items() if not k.startswith(".")
    }
    index, changes = Index.open(news_corpus)
    assert not changes.any and len(index.stored.segments) == 4
    _assert_parity(index, [*QUERIES, "harbor seals ranger", "seals water cleaner bay 2"])
    best, _ = index.top_passages(terms("seals group 2"), 1)[0]
    assert (
        index.articles[int(index.stored.arrays["p_article"][best])]["title"] == "Harbor seals return number 2"
    )


def test_removals_and_edits_over_several_segments_keep_scores_exact(
    news_corpus: Path, tmp_path: Path
) -> None:
    Index.open(news_corpus)
    for n in range(2):
        _add(news_corpus, tmp_path, n)
    added = sorted(p for p in news_corpus.iterdir() if p.name.startswith("harbor-seals"))
    assert len(added) == 2 and len(_segment_names(news_corpus)) == 3
    added[0].unlink()
    wildfire = news_corpus / "wildfire-evacuations.txt"
    wildfire.write_text(wildfire.read_text().replace("3,000 residents", "4,500 residents"))
    segments = _segment_names(news_corpus)
    index, changes = Index.open(news_corpus)
    assert changes.removed == (added[0].name,) and changes.changed == ("wildfire-evacuations.txt",)
    # Marked dead, not rewritten: the same segments plus one holding the edited article.
    assert _segment_names(news_corpus)[:3] == segments and len(index.stored.dead) == 2
    assert index.article_index(added[0].name) is None
    _assert_parity(index, [*QUERIES, "4,500 residents seals", "harbor seals ranger", "3,000 residents"])
    reopened, again = Index.open(news_corpus)  # the marks are stored: a new process sees the same
    assert not again.any and reopened.stored.dead == index.stored.dead
    _assert_parity(reopened, ["4,500 residents seals", "harbor seals ranger", "group 0"])
    listed = json.loads(_cli_output("list", "--json", "--corpus", str(news_corpus)))
    assert sorted(a["id"] for a in listed) == sorted(p.name for p in news_corpus.iterdir() if p.is_file())
    shutil.copy(tmp_path / "incoming-0.txt", news_corpus / added[0].name)  # the same file back
    index, changes = Index.open(news_corpus)
    assert changes.added == (added[0].name,)
    best, _ = index.top_passages(terms("seals group 0"), 1)[0]
    assert index.articles[int(index.stored.arrays["p_article"][best])]["id"] == added[0].name
    _assert_parity(index, ["harbor seals ranger", "group 0 seals", *QUERIES[:4]])


def test_the_full_check_drops_removed_rows(news_corpus: Path, tmp_path: Path) -> None:
    Index.open(news_corpus)
    _add(news_corpus, tmp_path, 0)
    (news_corpus / "rail-strike-talks.txt").unlink()
    index, _ = Index.open(news_corpus)
    assert index.stored.dead
    _cli("index", "--corpus", str(news_corpus))
    index, changes = Index.open(news_corpus)
    assert not changes.any and not index.stored.dead and len(index.stored.segments) == 1
    assert all(record["id"] for record in index.articles) and len(index.articles) == 4
    _assert_parity(index, [*QUERIES, "harbor seals ranger"])


def test_segments_stay_few_and_the_full_check_folds_them_into_one(news_corpus: Path, tmp_path: Path) -> None:
    from assistant.index.updates import MAX_SEGMENTS

    Index.open(news_corpus)
    for n in range(MAX_SEGMENTS + 3):
        _add(news_corpus, tmp_path, n)
        assert len(_segment_names(news_corpus)) <= MAX_SEGMENTS
    index, _ = Index.open(news_corpus)
    _assert_parity(index, ["harbor seals ranger", "seals water cleaner bay 9", *QUERIES[:3]])
    _cli("index", "--corpus", str(news_corpus))
    assert len(_segment_names(news_corpus)) == 1
    leftovers = [p.name for p in index_dir(news_corpus).iterdir() if p.name.startswith("seg-")]
    assert leftovers == _segment_names(news_corpus)  # folded segments are removed from disk
    index, changes = Index.open(news_corpus)
    assert not changes.any and len(index.articles) == 4 + MAX_SEGMENTS + 3
    _assert_parity(index, ["harbor seals ranger", "seals water cleaner bay 9", *QUERIES[:3]])


def test_one_open_index_kept_current_across_changes_stays_exact(news_corpus: Path) -> None:
    """The chat's way: one process, one Index, refreshed after each change (parsed tables kept)."""
    index, _ = Index.open(news_corpus)
    for n in range(3):
        (news_corpus / f"wire-{n}.txt").write_text(
            f"Ferry strike day {n}\nBy Lee Chan\nCrews walked out for day {n}, said union chief Bo Ray.\n"
        )
        assert index.refresh().added == (f"wire-{n}.txt",)
        _assert_parity(index, ["ferry strike union", f"day {n}", *QUERIES[:3]])
    (news_corpus / "wire-1.txt").unlink()
    assert index.refresh().removed == ("wire-1.txt",)
    assert len(index.stored.segments) == 4 and index.article_index("wire-1.txt") is None
    assert [a["id"] for a in index.articles if a["id"].startswith("wire")] == ["wire-0.txt", "wire-2.txt"]
    _assert_parity(index, ["ferry strike union", "day 1", *QUERIES[:3]])


def test_adds_and_removals_by_command_keep_scores_exact(news_corpus: Path, tmp_path: Path) -> None:
    # `add` and `remove` index only their own file (no walk): segments and marks as ever.
    Index.open(news_corpus)
    for n in range(3):
        _add(news_corpus, tmp_path, n)
    added = sorted(p.name for p in news_corpus.iterdir() if p.name.startswith("harbor-seals"))
    _cli("remove", added[1], "--corpus", str(news_corpus))
    _cli("remove", "rail-strike-talks.txt", "--corpus", str(news_corpus))
    index, changes = Index.open(news_corpus)
    assert not changes.any and len(index.stored.segments) == 4 and len(index.stored.dead) == 2
    assert index.article_index(added[1]) is None and index.article_index(added[0]) is not None
    _assert_parity(index, [*QUERIES, "harbor seals ranger", "seals group 1", "seals water cleaner bay 2"])


@pytest.mark.parametrize("how", ["remove", "by hand"])
def test_removing_most_of_the_passages_rewrites_the_index_whole(
    news_corpus: Path, tmp_path: Path, how: str
) -> None:
    # One rule for `remove` and a refresh: once most passages would be dead, no more marks.
    Index.open(news_corpus)
    _add(news_corpus, tmp_path, 0)
    _cli("remove", "rail-strike-talks.txt", "--corpus", str(news_corpus))  # a few passages: a mark
    index, _ = Index.open(news_corpus)
    assert len(index.stored.segments) == 2 and len(index.stored.dead) == 1
    seed = max(news_corpus.glob("*.txt"), key=lambda p: p.stat().st_size)  # most of the passages
    if how == "remove":
        _cli("remove", seed.name, "--corpus", str(news_corpus))
    else:
        seed.unlink()
    index, changes = Index.open(news_corpus)
    assert changes.removed == (() if how == "remove" else (seed.name,))
    assert len(index.stored.segments) == 1 and not index.stored.dead
    on_disk = sorted(p.name for p in news_corpus.iterdir() if p.is_file())
    assert sorted(a["id"] for a in index.articles) == on_disk
    _assert_parity(index, [*QUERIES, "harbor seals ranger"])


def test_a_large_read_reports_its_progress_from_zero_to_every_file(
    news_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bar of `assistant index` shows as the reading starts, not after the first batches."""
    import assistant.index.build as build_module

    for i in range(24):
        (news_corpus / f"wire-{i:02d}.txt").write_text(f"Port story {i}\nGrain unloaded at pier {i}.\n")
    monkeypatch.setattr(build_module, "PARALLEL_FILES", 8)
    monkeypatch.setattr(build_module, "BATCH_FILES", 5)
    seen: list[tuple[str, int, int]] = []
    Index.open(news_corpus, progress=lambda stage, done, total: seen.append((stage, done, total)))
    reading = [(done, total) for stage, done, total in seen if stage == "reading"]
    assert reading[0] == (0, 28)
    assert reading[-1] == (28, 28)
    assert [done for done, _ in reading] == sorted(done for done, _ in reading)
