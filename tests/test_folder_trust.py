"""A question trusts unchanged folder times instead of a stat of every file (issue 12).

Folders here are dated an hour back before the index is built, as in an archive nobody has
touched for a while: folders changed within two seconds of a walk are never trusted.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main
from assistant.index import Index
from assistant.index.folder_stamps import SEEN_FILE
from assistant.locations import index_dir

OLD = time.time() - 3600


def _article(title: str, sentence: str) -> str:
    return f"{title}\nBy Ada Reporter\n{sentence}\n"


def _archive(tmp_path: Path) -> Path:
    """A corpus with a subfolder, folder times an hour old, indexed once by `assistant index`."""
    corpus = tmp_path / "archive"
    (corpus / "harbour").mkdir(parents=True)
    (corpus / "harbour" / "ferry.txt").write_text(
        _article("Ferry Route Reopens", '"The ferry runs again from Monday," said Mayor Lund.'),
        encoding="utf-8",
    )
    (corpus / "farms.txt").write_text(
        _article("Orchard Harvest Early", '"The apples ripened early this year," said farmer Berg.'),
        encoding="utf-8",
    )
    for n, topic in enumerate(["tram fares", "library hours", "river levels", "market stalls"]):
        # BM25Okapi gives a word in half of a two-article corpus no weight: a few more articles.
        (corpus / f"notes-{n}.txt").write_text(
            _article(f"Council Notes {n}", f'"We reviewed {topic} today," said clerk Aas.'), encoding="utf-8"
        )
    _age_folders(corpus)
    assert _cli("index", "--corpus", str(corpus)).exit_code == 0
    _age_folders(corpus)  # creating .assistant/ dated the corpus folder now
    return corpus


def _age_folders(corpus: Path) -> None:
    for folder in [corpus, *(p for p in corpus.rglob("*") if p.is_dir() and ".assistant" not in p.parts)]:
        os.utime(folder, (OLD, OLD))


def _cli(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _ask(corpus: Path, question: str) -> str:
    result = _cli("ask", question, "--corpus", str(corpus), "--no-history")
    return result.output


def test_a_question_after_no_change_reads_nothing_and_answers(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    assert (index_dir(corpus) / SEEN_FILE).is_file()
    index, changes = Index.open(corpus, trust_folders=True)
    assert not changes.any
    assert len(index.articles) == 6
    assert "ferry runs again" in _ask(corpus, "What did Mayor Lund say about the ferry?")


def test_a_new_article_in_an_old_folder_is_answered_at_once(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    (corpus / "harbour" / "bridge.txt").write_text(
        _article("Bridge Repairs Begin", '"The bridge closes for six weeks," said engineer Holm.'),
        encoding="utf-8",
    )
    assert "bridge closes for six weeks" in _ask(corpus, "What did engineer Holm say about the bridge?")


def test_a_new_folder_and_a_removed_article_are_both_seen(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    (corpus / "harbour" / "ferry.txt").unlink()
    (corpus / "schools" / "term").mkdir(parents=True)
    (corpus / "schools" / "term" / "exams.txt").write_text(
        _article("Exams Move", '"Exams move to June," said headteacher Dahl.'), encoding="utf-8"
    )
    _, changes = Index.open(corpus, trust_folders=True)
    assert changes.added == ("schools/term/exams.txt",)
    assert changes.removed == ("harbour/ferry.txt",)
    assert "Exams move to June" in _ask(corpus, "What did headteacher Dahl say about exams?")


def test_an_article_edited_in_place_waits_for_assistant_index(tmp_path: Path) -> None:
    """The documented trade-off: an in-place edit keeps its folder's time; `index` walks every file."""
    corpus = _archive(tmp_path)
    farms = corpus / "farms.txt"
    farms.write_text(
        _article("Orchard Harvest Early", '"The pears failed completely this year," said farmer Berg.'),
        encoding="utf-8",
    )
    _age_folders(corpus)
    _, trusted = Index.open(corpus, trust_folders=True)
    assert not trusted.any
    result = _cli("index", "--corpus", str(corpus))
    assert "changed 1" in result.output
    assert "pears failed completely" in _ask(corpus, "What did farmer Berg say about pears?")


def test_a_damaged_or_hostile_hint_means_a_full_walk(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    seen = index_dir(corpus) / SEEN_FILE
    farms = corpus / "farms.txt"
    for n, hint in enumerate(
        [
            b"\xff\x00 not json",
            b'{"generation": "gen-000000000000", "folders": {"": 1}}',
            b'{"generation": 7, "folders": []}',
        ]
    ):
        seen.write_bytes(hint)
        farms.write_text(
            _article("Orchard Harvest Early", f'"Harvest number {n} came in late," said farmer Berg.'),
            encoding="utf-8",
        )
        _age_folders(corpus)
        _, changes = Index.open(corpus, trust_folders=True)
        assert changes.changed == ("farms.txt",), hint


def test_a_hint_naming_a_folder_outside_the_corpus_is_not_trusted(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    index, _ = Index.open(corpus)
    generation = index.stored.origin.name  # type: ignore[union-attr]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    os.utime(outside, (OLD, OLD))
    stamp = outside.stat().st_mtime_ns
    root = corpus.stat().st_mtime_ns
    (index_dir(corpus) / SEEN_FILE).write_text(
        f'{{"generation": "{generation}", "folders": {{"": {root}, "../elsewhere": {stamp}}}}}',
        encoding="ascii",
    )
    (corpus / "farms.txt").write_text(
        _article("Orchard Harvest Early", '"Plums did well," said farmer Berg.'), encoding="utf-8"
    )
    _age_folders(corpus)
    _, changes = Index.open(corpus, trust_folders=True)
    assert changes.changed == ("farms.txt",)
