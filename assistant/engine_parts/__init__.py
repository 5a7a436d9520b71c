"""The parts `assistant/engine.py` is made of, one job each; engine.py is the one API and the
only importer of this package.
"""

from typing import TYPE_CHECKING

from assistant.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from assistant.engine_parts.answer_records import record_in_history, remember_shown
    from assistant.engine_parts.article_text import ArticleTexts
    from assistant.engine_parts.asked_speaker import asked_speaker_not_first
    from assistant.engine_parts.cited_copy import cite_stable_copies
    from assistant.engine_parts.corpus_writes import add_articles, remove_article
    from assistant.engine_parts.known_speakers import KnownSpeakers
    from assistant.engine_parts.question_scope import QuestionScope, nobody_quoted, resolve_scope

# Each name is imported from its module when first read (PEP 562): `assistant add` and `remove`
# load neither the question's scope (the answer stage's scope module) nor the answer records.
_HOME = {
    "record_in_history": "answer_records",
    "remember_shown": "answer_records",
    "ArticleTexts": "article_text",
    "asked_speaker_not_first": "asked_speaker",
    "cite_stable_copies": "cited_copy",
    "add_articles": "corpus_writes",
    "remove_article": "corpus_writes",
    "KnownSpeakers": "known_speakers",
    "QuestionScope": "question_scope",
    "nobody_quoted": "question_scope",
    "resolve_scope": "question_scope",
}
__getattr__ = lazy_getattr(__name__, _HOME, globals())

__all__ = [
    "ArticleTexts",
    "KnownSpeakers",
    "QuestionScope",
    "add_articles",
    "asked_speaker_not_first",
    "cite_stable_copies",
    "nobody_quoted",
    "record_in_history",
    "remember_shown",
    "remove_article",
    "resolve_scope",
]
