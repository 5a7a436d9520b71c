"""A headline's words are searched (the user trial's finding): a question that shares words with an
article's title, and not with its answer sentence, still finds the article; the answer quoted is a
body sentence, never the title; `add` and `remove` keep the title's words current. A real corpus
folder on disk, the real index and engine, `assistant` run as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine import Engine
from tests.cli_process import assistant
from tests.stories import filler_stories, write_stories
from tests.test_corpus_reuters import REUTERS, _write_raw

# The trial's saved web page (stored by `add` as Markdown with its title in front matter): the title
# says "dredging", the body says "the work" and "the deepening of the channel", in passages long
# enough that "take" alone does not bring the page up among hundreds of wire stories.
DREDGING = """---
title: Harbour authority approves dredging plan
source: Westport Gazette
---

The Westport harbour authority voted on Tuesday to go ahead with the deepening of the channel that
leads to the container terminal, ending a dispute that has divided the town's councillors and its
fishing crews for most of the past decade.

Members of the board met in the old customs house, where more than a hundred residents had come to
hear the vote. Several of them asked again whether the spoil would be dumped in the bay, and the
chairman repeated that it would be carried out to sea by barge, well beyond the fishing grounds.

The work will take about eighteen months, the authority's engineer told the meeting. Crews will work
in two shifts, and the channel will stay open to the ferry and to fishing boats throughout.

Larger ships have had to wait for high tide to reach the berths since the terminal was extended, and
two shipping lines have said they would call at Westport more often once the channel is deeper.

The authority will pay for the scheme from its reserves and from a loan, its finance director said,
and harbour dues will not rise before the work is finished.
"""
# A story whose body says "dredging" (the page's title word), and one that says how long its work
# will take: neither is the page.
CANAL = (
    "Canal Barges Return\n"
    "Barges returned to the Fenwick canal on Monday after a week of repairs to its lock gates, the "
    "canal trust said.\n"
    "The trust said dredging of the canal was not needed this year.\n"
)
GLASSWORKS = (
    "Glassworks Expands Kiln Capacity\n"
    "The Arden glassworks will add a third kiln next spring, its owner said.\n"
    "The extension will take two years to complete.\n"
)
# Its title's words are written nowhere in its body (the xfail test below).
LIGHTHOUSE = (
    "Lighthouse Keeper's Cottage Sold\n"
    "The property on Skerry Point went for 412,000 pounds at auction on Friday, the agents said.\n"
    "Its new owners plan to open it to walkers in the summer.\n"
)


def _corpus(folder: Path) -> Path:
    return write_stories(
        folder,
        {"dredging-page.md": DREDGING, "canal.txt": CANAL, "glass.txt": GLASSWORKS, **filler_stories()},
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("titles") / "corpus"))


@pytest.mark.skipif(REUTERS is None, reason="Reuters-21578 not found under ../shared/eval")
def test_the_dredging_page_answers_how_long_the_dredging_takes(tmp_path: Path) -> None:
    """The trial's case: in a folder of real wire stories, where "long" and "take" are everywhere, the
    page is found by its title's word and its duration sentence quoted first."""
    folder = write_stories(tmp_path / "corpus", {"dredging-page.md": DREDGING})
    _write_raw(folder)  # Reuters-21578's first file: ~900 stories
    answer = Engine.open(folder).ask("How long will the dredging take?")
    assert answer.answered, answer.message
    first = answer.quotes[0]
    assert first.article.id == "dredging-page.md", [(q.article.id, q.text) for q in answer.quotes]
    assert "eighteen months" in first.text


def test_the_title_words_alone_find_the_page_and_a_body_sentence_is_quoted(engine: Engine) -> None:
    answer = engine.ask("dredging plan")
    assert answer.answered, answer.message
    found = [q for q in answer.quotes if q.article.id == "dredging-page.md"]
    assert found, [(q.article.id, q.text) for q in answer.quotes]
    body = DREDGING.split("---", 2)[2]
    for quote in answer.quotes:
        assert "approves dredging plan" not in quote.text.lower()
    assert all(" ".join(q.text.split()) in " ".join(body.split()) for q in found)


def test_a_title_word_is_found_after_add_and_gone_after_remove(tmp_path: Path) -> None:
    """The page added to a folder where another story's body says "dredging": the page's title finds it."""
    corpus = write_stories(
        tmp_path / "corpus", {"canal.txt": CANAL, "glass.txt": GLASSWORKS, **filler_stories()}
    )
    source = tmp_path / "harbour.md"
    source.write_text(DREDGING, encoding="utf-8")
    question = "dredging plan"
    before = assistant(corpus, "ask", question)
    assert "deepening of the channel" not in before.stdout
    added = assistant(corpus, "add", str(source))
    assert added.returncode == 0, added.stderr
    answer = assistant(corpus, "ask", question)
    assert answer.returncode == 0, answer.stderr
    assert "Westport" in answer.stdout, answer.stdout
    assert "“Harbour authority approves dredging plan”\n" not in answer.stdout.splitlines()
    engine = Engine.open(corpus)
    stored = [a.meta.id for a in engine.articles() if "dredging" in a.meta.title]
    assert len(stored) == 1, [a.meta.title for a in engine.articles()]
    removed = assistant(corpus, "remove", stored[0])
    assert removed.returncode == 0, removed.stderr
    after = assistant(corpus, "ask", question)
    assert "Westport" not in after.stdout, after.stdout


@pytest.mark.xfail(
    strict=True,
    reason="known weak (docs/history.md, session 20): a question whose words are "
    "all only in the title is found, but the refusal model, retrained on the title field, refuses it",
)
def test_a_question_in_the_title_words_alone_is_answered(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    (corpus / "lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    answer = Engine.open(corpus).ask("How much was the lighthouse keeper's cottage sold for?")
    assert answer.answered, answer.message
    assert "412,000 pounds" in answer.quotes[0].text
