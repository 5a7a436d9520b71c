"""What is kept of an answer once given: a row in the history, and the conversation's memory of
which article and sentences were shown (what a follow-up such as "what else did he say?" needs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.answer import quote_record
from assistant.engine_parts.article_text import ArticleTexts
from assistant.models import Answer

if TYPE_CHECKING:
    from assistant.answer import Conversation
    from assistant.history import History


def record_in_history(history: History, answer: Answer, limits: dict[str, Any] | None = None) -> str | None:
    """Write `answer` to the history with `limits`, the scope it was asked within as data; why the
    write failed, if it did (an answer never fails for it)."""
    import sqlite3  # loaded already by the history; `add` and `remove` never load it

    described = answer.limits
    if answer.scope and not described:
        described = f"article {answer.scope}"
    try:
        history.record(
            answer.question,
            scope=described,
            answered=answer.answered,
            message=answer.message,
            tokens=answer.tokens,
            quotes=[quote_record(q) for q in answer.quotes],
            followed=answer.followed,
            limits=limits,
        )
    except (sqlite3.Error, OSError) as exc:
        return f"the history could not be written ({exc}); answers still work"
    return None


def remember_shown(conversation: Conversation, texts: ArticleTexts, question: str, answer: Answer) -> None:
    """Tell the conversation which article (and sentence) the answer led with, and every sentence shown."""
    index = texts.index
    article = sentence = None
    shown: set[int] = set()
    for i, quote in enumerate(answer.quotes):
        idx = index.article_index(quote.article.id)
        if idx is None or quote.kind != "sentence":
            continue
        number = texts.sentence_number(idx, quote.start)
        if number is not None:
            shown.add(number)
        # The copies shown as "also in" were shown too: "what else?" must not bring the sentence back
        # from the other copy of the story.
        shown.update(copy_sentences(texts, quote.text, quote.also_in))
        if i == 0:
            article, sentence = idx, number
    if article is None and answer.quotes:
        article = index.article_index(answer.quotes[0].article.id)
    conversation.record(question, answer, article, sentence, frozenset(shown))


def copy_sentences(texts: ArticleTexts, text: str, article_ids: tuple[str, ...]) -> set[int]:
    """The sentence numbers of `text` word for word in each of `article_ids` (a story filed twice)."""
    from assistant.errors import AssistantError

    wanted = " ".join(text.split())
    found: set[int] = set()
    for article_id in article_ids:
        idx = texts.index.article_index(article_id)
        if idx is None:
            continue
        try:
            body = texts.text(idx)
        except AssistantError:  # a copy changed or gone since indexing holds no sentence to skip
            continue
        lo = int(texts.index.sent_lo[idx])
        for offset, sentence in enumerate(texts.sentences(idx)):
            if " ".join(body[sentence.start : sentence.end].split()) == wanted:
                found.add(lo + offset)
    return found
