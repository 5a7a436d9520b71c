"""A follow-up in the chat reads the rows it shows, not the whole article table (issue 12): the
note "stayed with <title>" took the title and id from the parsed table, which at 1M passages is
462,749 rows (13 s on the first follow-up, and the whole table held after). A real corpus
folder, the real index of two segments, reopened as the chat opens it."""

from __future__ import annotations

from pathlib import Path

from assistant.answer import Conversation
from assistant.engine import Engine

HARBOUR = (
    "Harbour Dredging Starts\nBy Ada Reporter\n"
    '"The channel will be deeper by spring," said harbour master Ines Lund.\n\n'
    '"Dredging the harbour channel will cost the port four million crowns," Lund added.\n\n'
    '"Ships will use the harbour channel at night once the dredging is done," Lund said.\n'
)
OTHERS = {
    "library.txt": 'Library Opens Late\nBy Tor Aas\n"Students asked for evening hours," said Eva Dahl.\n',
    "market.txt": 'Market Stalls Return\nBy Tor Aas\n"Twelve stalls are back," said Mona Berg.\n',
}


def test_a_follow_up_stays_with_the_article_without_parsing_the_table(tmp_path: Path) -> None:
    corpus = tmp_path / "archive"
    corpus.mkdir()
    for name, text in OTHERS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    source = tmp_path / "harbour.txt"
    source.write_text(HARBOUR, encoding="utf-8")
    Engine.open(corpus).add([str(source)])  # the story asked about is in the second segment
    chat = Engine.open(corpus, trust_folders=True)
    assert len(chat.index.stored.segments) == 2
    conversation = Conversation()
    first = chat.ask(
        "What did Lund say about the harbour channel dredging?", top=1, conversation=conversation
    )
    assert first.answered
    more = chat.ask("What else?", conversation=conversation)
    assert more.answered, more.message
    assert more.followed is not None and "stayed with “Harbour Dredging Starts”" in more.followed
    assert all(quote.article.id == first.quotes[0].article.id for quote in more.quotes)
    assert chat.index.articles.stored_rows is not None  # the table is still read row by row
