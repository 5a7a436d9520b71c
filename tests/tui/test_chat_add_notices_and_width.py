"""A daily user's trial of the chat on a 2,000-article archive (trial 13), the real app through its
pilot on real corpus folders:
- adding an article says so on the status line while it runs and in the transcript when done; the
  "Adding…" and "Article added" notices covered the answer cards the user was reading;
- at 60 columns the article panel starts hidden (it took 26 columns and left the quotes a strip), and
  a story filed twice shows each copy's id under its title (the two rows read alike at any width);
- Ctrl+O on a quote whose file was deleted by hand says it is gone (the source view opened on the
  text the engine had cached, as if the file were there).
"""

from __future__ import annotations

from pathlib import Path

from archive import make_archive
from textual.widgets import OptionList
from textual.widgets._toast import Toast
from tui_helpers import ask, submit, type_text, wait_for

from assistant.tui.app import make_app
from assistant.tui.widgets.article_panel import ArticlePanel
from assistant.tui.widgets.transcript import CorpusNote, QuoteCard

SIZE = (100, 32)


def messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_adding_an_article_covers_no_answer_card(corpus: Path, tmp_path: Path) -> None:
    story = tmp_path / "fares.txt"
    story.write_text(
        "Harbour council freezes ferry fares\n\nBy Dana Whitfield\n\n"
        "The harbour council voted on Wednesday to freeze ferry fares for another year.\n",
        encoding="utf-8",
    )
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # a toast stays 5 s
        await ask(pilot, "What did the mayor say about the wall?")
        app.chat.query_one("#question").focus()
        await submit(pilot, f"/add {story}")
        await wait_for(pilot, lambda: app.chat.query(CorpusNote))
        await pilot.pause(0.2)
        (note,) = app.chat.query(CorpusNote)
        assert str(note.render()).startswith("Added “Harbour council freezes ferry fares” (harbour-council")
        assert "ask about it now" in str(note.render())
        cards = list(app.screen.query(QuoteCard))
        toasts = list(app.screen.query(Toast))
        covered = [c.quote.text[:30] for c in cards for t in toasts if t.region.overlaps(c.region)]
        assert not covered, f"toasts {messages(app)} cover the cards {covered}"
        assert not app.chat.query_one("#index-status").display  # the status line is gone once added
        # Added again: said the same way, in the transcript.
        await submit(pilot, f"/add {story}")
        await wait_for(pilot, lambda: len(app.chat.query(CorpusNote)) == 2)
        assert str(app.chat.query(CorpusNote).last().render()).startswith("Not added: already in the corpus")
        await submit(pilot, f"/add {tmp_path / 'missing.txt'}")
        await wait_for(pilot, lambda: len(app.chat.query(CorpusNote)) == 3)
        last = app.chat.query(CorpusNote).last()
        assert str(last.render()).startswith("Could not add") and last.has_class("-error")
        assert not list(app.screen.query(Toast)), messages(app)
        await ask(pilot, "What did the harbour council do about ferry fares?")
        assert app.chat.answers[-1].quotes[0].article.title == "Harbour council freezes ferry fares"


async def test_at_60_columns_the_answer_has_the_width_and_copies_are_told_apart(tmp_path: Path) -> None:
    app = make_app(make_archive(tmp_path / "archive"), watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=(60, 24)) as pilot:
        await ask(pilot, "Where did the defense officials meet?")
        panel = app.chat.query_one(ArticlePanel)
        assert not panel.display
        card = app.chat.query(QuoteCard).first()
        assert card.region.width >= 60 - 8, card.region
        await pilot.press("ctrl+f")
        await type_text(pilot, "zelensky")
        assert panel.display
        listing = app.chat.query_one("#article-list", OptionList)
        rows = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert len(rows) == 2 and rows[0].split("\n")[0] == rows[1].split("\n")[0]
        assert sorted(row.split("\n")[1] for row in rows) == [  # the name first: rows are cut at the end
            "000_7834a3842ba03b39.txt · world/",
            "zelensky-trip.txt · wire/",
        ]
        await pilot.press("down", "enter")  # a pick hides the panel again: the question needs the room
        assert app.chat.scope is not None and not panel.display


async def test_ctrl_o_on_a_quote_whose_file_was_deleted_by_hand_says_it_is_gone(corpus: Path) -> None:
    app = make_app(corpus, watch_seconds=0, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "What did the mayor say about the wall?")
        assert app.chat.answers[-1].quotes[0].article.id == "harbour.txt"
        (corpus / "harbour.txt").unlink()  # by hand, in a file manager: no `assistant remove`
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: any("removed" in m for m in messages(app)))
        assert app.screen is app.chat  # no source view of a file that is gone
        said = next(m for m in messages(app) if "removed" in m)
        assert said.startswith("“Harbour council approves flood wall after two-year dispute” was removed")
