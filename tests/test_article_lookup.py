"""Finding one article by its id searches the segments' id files: the same answer as a map of every id.

`remove ID`, `show ID` and `ask --article ID` name one article; they no longer parse every stored
id to find it. Real corpus folders, real indexes with several segments and deletion marks.
"""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine
from assistant.index.article_lookup import live_position, live_positions, many_positions

STORY = (
    "{title}\nBy Ana Ruiz\nThe council of {town} approved a flood wall on Monday.\n"
    "It will cost {n} million euros.\n"
)


def _write(folder: Path, name: str, town: str, n: int) -> Path:
    path = folder / name
    path.write_text(STORY.format(title=f"Flood Wall for {town}", town=town, n=n), encoding="utf-8")
    return path


def _engine_with_segments_and_deletions(tmp_path: Path) -> Engine:
    corpus = tmp_path / "corpus"
    (corpus / "north").mkdir(parents=True)
    for k in range(6):
        _write(corpus, f"town-{k}.txt", f"Town{k}", k + 3)
    _write(corpus / "north", 'quoted "name" é.txt', "Nordvik", 40)
    engine = Engine.open(corpus)
    sources = tmp_path / "sources"
    sources.mkdir()
    for k in range(3):  # each `add` writes one small segment
        engine.add([str(_write(sources, f"new-{k}.txt", f"Harbour{k}", 20 + k))])
    engine.remove("town-2.txt")  # a deletion mark in the first segment
    added = [info.meta.id for info in engine.articles() if "Harbour1" in info.meta.title]
    engine.remove(added[0])  # and one in a later segment
    return engine


def test_one_lookup_finds_what_the_map_of_every_id_finds(tmp_path: Path) -> None:
    engine = _engine_with_segments_and_deletions(tmp_path)
    stored = engine.index.stored
    assert len(stored.segments) > 1 and stored.dead
    every = many_positions(stored)
    assert "town-2.txt" not in every
    for article_id, position in every.items():
        assert live_position(stored, article_id) == position
        assert engine.index.articles.ids[position] == article_id
    for gone in ("town-2.txt", "no-such.txt", "", "town-2", "north/"):
        assert live_position(stored, gone) is None
    # Many at once (a quote's copies): the same positions, the absent ones left out.
    asked = [*every, "town-2.txt", "no-such.txt", "", "north/"]
    assert live_positions(stored, asked) == every
    assert engine.index.article_indexes(asked) == every


def test_commands_naming_one_article_find_it_after_adds_and_removals(tmp_path: Path) -> None:
    engine = _engine_with_segments_and_deletions(tmp_path)
    reopened = Engine.open(engine.corpus_dir, trust_folders=True)
    view = reopened.article('north/quoted "name" é.txt')
    assert "Nordvik" in view.text
    answer = reopened.ask("How much will the flood wall cost?", article="town-4.txt")
    assert answer.answered and all(q.article.id == "town-4.txt" for q in answer.quotes)
    added = [info.meta.id for info in reopened.articles() if "Harbour2" in info.meta.title]
    reopened.remove(added[0])
    assert reopened.index.article_index(added[0]) is None
    assert not any("Harbour2" in info.meta.title for info in reopened.articles())
    # Past a few lookups the index maps every id once; the answers stay the same.
    for _ in range(12):
        assert (
            reopened.index.article_index("town-5.txt") == many_positions(reopened.index.stored)["town-5.txt"]
        )
