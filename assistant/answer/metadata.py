"""Answers about an article itself ("who wrote the article about ATACMS?").

They come from the article's metadata, quoted where the value stands in the
file (the byline, the title line, a front-matter field), with the same
attribution as any other quote.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.answer.answerer import best_article, meta_of
from assistant.answer.question_class import META_WORDS, NAMES_THE_ARTICLE, MetaField
from assistant.index import Index
from assistant.index.tokens import terms, words
from assistant.models import Answer, Quote

_LABELS = {"author": "author", "source": "publication", "date": "date", "title": "title", "url": "address"}


def answer_metadata(
    index: Index,
    question: str,
    field: MetaField,
    load_text: Callable[[int], str],
    *,
    article: int | None,
    scope_id: str | None,
    search_text: Callable[[], Answer] | None = None,
) -> Answer:
    """Quote the metadata `field` of the article the question is about (or is scoped to).

    When that article does not state the field, "Who wrote Hamlet?" may ask of the text
    ("Hamlet, written by Shakespeare"): `search_text` answers it the usual way, and its
    answer is shown if it found one.
    """
    topic = [t for w, _, _ in words(question) if w not in META_WORDS for t in terms(w)]
    if article is None and topic and all(index.term_id(t) is None for t in topic):
        # "Who wrote Hamlet?" of a corpus that never mentions Hamlet: no article is about it.
        return Answer(
            question, False, message="The corpus holds no answer: no article is about that.", scope=scope_id
        )
    if article is None:
        if len(index.articles) == 1:
            article = 0
        elif topic:
            article = best_article(index, topic)
    if article is None:
        return Answer(
            question,
            False,
            message='Which article? Name its subject ("who wrote the article about …?") or choose one.',
            scope=scope_id,
        )
    meta = meta_of(index, article)
    record = index.articles[article]
    value = getattr(meta, field)
    if not value and topic and search_text is not None and not NAMES_THE_ARTICLE.search(question):
        found = search_text()
        if found.answered:
            return found
    if not value:
        return Answer(
            question,
            False,
            message=f"The article “{meta.title}” does not state its {_LABELS[field]}.",
            scope=scope_id,
        )
    span = record.get("meta_spans", {}).get(field)
    text = load_text(article)
    if span is not None and text:
        start, end = span
        quoted = text[start:end]
    else:
        start = text.find(value) if text else -1
        if start < 0:
            return Answer(
                question,
                False,
                message=f"The {_LABELS[field]} of “{meta.title}” is not written in the article itself.",
                scope=scope_id,
            )
        end = start + len(value)
        quoted = text[start:end]
    quote = Quote(
        text=quoted, start=start, end=end, paragraph=0, score=1.0, article=meta, kind="metadata", field=field
    )
    return Answer(question, True, quotes=(quote,), scope=scope_id, searched=" ".join(topic))
