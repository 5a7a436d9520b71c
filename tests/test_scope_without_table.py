"""A question asked within folders, sources, authors or ids reads the stored labels, not the
article table (issue 12): `ask --in/--source/--author` at 1M passages parsed every row for one
field. The articles let in and the message when none is are the table's own, on an index of
several segments with articles removed from the first and from a later one. A real corpus folder,
real `add` and `remove`, the real index reopened as a question opens it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from assistant.answer import Scope, article_mask
from assistant.cli import main
from assistant.engine import Engine
from assistant.engine_parts import resolve_scope

QUESTION = "When will the ferry run twice a day?"


def story(town: str, source: str | None, author: str | None, date: str | None = "2024-03-14") -> str:
    meta = [f"title: Ferry news from {town}"]
    meta += [f"source: {source}"] if source else []
    meta += [f"author: {author}"] if author else []
    meta += [f"date: {date}"] if date else []
    header = "---\n" + "\n".join(meta) + "\n---\n\n"
    return header + f"The ferry to {town} will run twice a day from June, the harbour office said.\n"


ARTICLES = {
    "world/alby.md": ("Alby", "Nordic Post", "Ana Ruiz"),
    "world/europe/brekke.md": ("Brekke", "Coastal Times", "Tor Aas"),
    "world/europe/dalen.md": ("Dalen", "nordic post weekly", None),
    "sport/eik.md": ("Eik", None, "Ana Ruiz-Berg"),
    "worldwide.md": ("Fjell", "Nordic Post", "Mona Berg"),
    "gamle.md": ("Gamle", "Coastal Times", "Ana Ruiz"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scoped")
    corpus = root / "archive"
    for name, (town, source, author) in ARTICLES.items():
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(story(town, source, author), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["index", "--corpus", str(corpus)]).exit_code == 0
    for k, (town, into) in enumerate((("Hamn", "world/europe/"), ("Iland", "harbour/"))):
        source = root / f"new-{k}.md"
        source.write_text(story(town, "Harbour Gazette", "Ines Lund"), encoding="utf-8")
        added = runner.invoke(main, ["add", str(source), "--into", into, "--corpus", str(corpus)])
        assert added.exit_code == 0, added.output
    for gone in ("world/alby.md", "harbour/ferry-news-from-iland.md"):
        removed = runner.invoke(main, ["remove", gone, "--corpus", str(corpus)])
        assert removed.exit_code == 0, removed.output
    return corpus


SCOPES = [
    Scope(folders=("world/",)),
    Scope(folders=("world/europe/", "sport/")),
    Scope(folders=("c000/",)),
    Scope(folders=("harbour/",)),  # its one article removed
    Scope(sources=("nordic post",)),
    Scope(sources=("TIMES", "gazette")),
    Scope(authors=("ana ruiz",)),
    Scope(authors=("ines",), folders=("world/",)),
    Scope(folders=("world/",), since=dt.date(2025, 1, 1)),
    Scope(articles=("gamle.md", "world/alby.md")),
    Scope(sources=("nobody's paper",)),
]


@pytest.mark.parametrize("limits", SCOPES, ids=lambda s: s.describe())
def test_each_scope_lets_in_what_the_table_would_without_reading_it(corpus: Path, limits: Scope) -> None:
    engine = Engine.open(corpus, trust_folders=True)
    index = engine.index
    assert len(index.stored.segments) > 1 and index.stored.dead
    named = [i for i in limits.articles if index.article_index(i) is not None]
    limits_asked = Scope(**{**{f: getattr(limits, f) for f in Scope.__slots__}, "articles": tuple(named)})
    where = resolve_scope(index, limits_asked, None, None, lambda i: index.article_index(i) or 0)
    assert index.articles.stored_rows is not None  # no row of the table was parsed

    table = Engine.open(corpus, trust_folders=True).index
    live = np.ones(len(table.articles), dtype=np.bool_)
    live[sorted(table.stored.dead)] = False
    expected = live & article_mask(limits_asked, table.articles.columns)
    if not expected.any():
        assert where.allowed is None and where.empty is not None
        from assistant.answer import empty_scope_message

        assert where.empty == empty_scope_message(limits_asked, table.articles.columns)
        return
    assert where.empty is None and where.within == int(expected.sum())
    assert where.allowed is not None
    articles = np.asarray(table.stored.arrays["p_article"])
    assert set(np.unique(articles[where.allowed]).tolist()) == set(np.flatnonzero(expected).tolist())


def test_the_cli_answers_within_a_folder_and_names_the_folders_beside_a_wrong_one(corpus: Path) -> None:
    runner = CliRunner()
    base = ["ask", "--no-history", "--corpus", str(corpus), "--top", "10"]
    inside = runner.invoke(main, [*base, "--in", "world/europe", "--author", "ines", QUESTION])
    assert inside.exit_code == 0, inside.output
    assert "Hamn" in inside.stdout and "Brekke" not in inside.stdout
    wrong = runner.invoke(main, [*base, "--in", "world/asia/", QUESTION])
    assert wrong.exit_code == 1
    assert wrong.stdout.strip() == (
        "No article in the corpus is within the scope (in world/asia/). Folders in world/: world/europe/."
    )
