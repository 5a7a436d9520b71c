"""Copies of a quoted sentence ("also in"): skipping the search when the sentence can have none
changes nothing. Every sentence of a real corpus with copies, near-copies and a removed copy is
looked for both ways, across the whole corpus and inside a scope."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.answer import meta_of
from assistant.answer.copies import find_copies, searched_copies
from assistant.engine import Engine
from assistant.models import Quote

HARBOUR = (
    "Harbour Council Votes on Ferry Terminal\n\n"
    "The harbour council voted on Tuesday to approve a new ferry terminal at the northern quay.\n\n"
    "She said the terminal would open in the spring of next year.\n\n"
    "By noon 120 trawlers had left the northern quay for the winter grounds.\n\n"
    "Fishermen objected that the quay was already crowded with trawlers every morning.\n"
)
WIRE = (
    "Ferry Terminal Approved\n\n"
    "The harbour council voted on Tuesday to approve a new ferry terminal at the northern quay.\n\n"
    "He said the terminal would open in the spring of next year.\n\n"
    "20 trawlers had left the northern quay for the winter grounds.\n\n"  # inside "… 120 trawlers …"
    "A spokesman for the operator declined to comment on the price of tickets.\n"
)
WRAPPED = (
    "Quay Works Begin\n\n"
    "Fishermen objected that the quay was already\ncrowded with trawlers every morning.\n\n"
    "Contractors unloaded cranes beside the lighthouse on Wednesday.\n"
)
REMOVED = (
    "Lighthouse Keepers Retire\n\n"
    "Contractors unloaded cranes beside the lighthouse on Wednesday.\n\n"
    "The last keeper handed over the keys after forty years of service.\n"
)
OTHER = (
    "Cocoa Prices Rise\n\n"
    "Cocoa prices rose sharply in Bahia as the drought continued through the week.\n\n"
    "Traders said arrivals at the ports were well below last season's.\n"
)


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "local").mkdir(parents=True)
    (corpus / "wire").mkdir()
    (corpus / "local" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (corpus / "wire" / "ferry.txt").write_text(WIRE, encoding="utf-8")
    (corpus / "wire" / "quay.txt").write_text(WRAPPED, encoding="utf-8")
    (corpus / "local" / "keepers.txt").write_text(REMOVED, encoding="utf-8")
    (corpus / "local" / "cocoa.txt").write_text(OTHER, encoding="utf-8")
    return corpus


def _quotes(engine: Engine) -> list[Quote]:
    """Every sentence of every live article, as the quote an answer would show."""
    index = engine.index
    quotes = []
    for i in range(len(index.articles)):
        article_id = index.articles.ids[i]
        if not article_id:
            continue
        view = engine.article(article_id)
        for sentence in view.sentences:
            text = " ".join(view.text[sentence.start : sentence.end].split())
            meta = meta_of(index, i)
            quotes.append(Quote(text, sentence.start, sentence.end, sentence.paragraph, 1.0, meta))
    return quotes


def test_skipping_the_search_finds_the_same_copies(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    engine = Engine.open(corpus)
    engine.remove("local/keepers.txt")  # a dead row whose sentence another article still holds
    index = engine.index
    p_article = np.asarray(index.stored.arrays["p_article"])
    local = np.array([aid.startswith("local/") for aid in index.articles.ids], dtype=np.bool_)
    scopes = (None, local[p_article], ~local[p_article])
    quotes = _quotes(engine)
    found = []
    for quote in quotes:
        for allowed in scopes:
            copies = find_copies(index, engine._text, quote, allowed)
            assert copies == searched_copies(index, engine._text, quote, allowed), quote.text
            found.append(copies)
    assert len(quotes) >= 10
    assert ("wire/ferry.txt",) in found and ("local/harbour.txt",) in found  # a story filed twice
    assert () in found
    inside = next(q for q in quotes if q.text.startswith("20 trawlers"))
    assert find_copies(index, engine._text, inside) == ("local/harbour.txt",)  # "… 120 trawlers …"
