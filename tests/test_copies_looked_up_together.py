"""A quote found in many copies of a story cites the preferred copy without a map of every id
(issue 12): its copies ("also in") are looked up together, one search of the id files, where one
lookup a copy used to reach the threshold that parses all 462,749 ids of a 1M-passage index
(~1 s of every such question). Real corpus folders, a real index of two segments."""

from __future__ import annotations

from pathlib import Path

from assistant.engine import Engine

STORY = (
    "Harbour Dredging Starts\n{byline}\n"
    '"The channel will be deeper by spring," said harbour master Ines Lund.\n\n'
    '"The harbour channel dredging will cost the port four million," harbour master Ines Lund added.\n\n'
    '"Ships will use the deeper harbour channel from May," said harbour pilot Erik Moe.\n'
)
QUESTION = "What was said about the harbour channel dredging?"


def _archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for k in range(12):  # one story filed twelve times; only copy 7 says who wrote it
        byline = "By Ada Reporter" if k == 7 else "Staff"
        (corpus / f"copy-{k:02d}.txt").write_text(STORY.format(byline=byline), encoding="utf-8")
    (corpus / "market.txt").write_text(
        'Market Stalls Return\nBy Tor Aas\n"Twelve stalls are back," said trader Mona Berg.\n',
        encoding="utf-8",
    )
    return corpus


def test_a_quote_in_many_copies_cites_the_preferred_one_without_every_id(tmp_path: Path) -> None:
    corpus = _archive(tmp_path)
    Engine.open(corpus).add([str(_new_source(tmp_path))])  # a second segment: ids read from files
    engine = Engine.open(corpus, trust_folders=True)
    assert len(engine.index.stored.segments) == 2
    answer = engine.ask(QUESTION, top=3)
    copies = {f"copy-{k:02d}.txt" for k in range(12)}
    assert sum(len(quote.also_in) for quote in answer.quotes) > 8  # more copies than single lookups
    assert answer.quotes[0].article.id == "copy-07.txt"  # the copy with an author, not the first
    for quote in answer.quotes:
        assert "copy-07.txt" not in quote.also_in  # never left among the others when found
        assert set(quote.also_in) <= copies
        assert list(quote.also_in) == sorted(quote.also_in)
    assert not any(segment.keys_loaded for segment in engine.index.stored.segments)


def _new_source(tmp_path: Path) -> Path:
    source = tmp_path / "ferry.txt"
    source.write_text(
        'Ferry Route Reopens\nBy Ada Reporter\n"The ferry runs again from Monday," said Mayor Lund.\n',
        encoding="utf-8",
    )
    return source
