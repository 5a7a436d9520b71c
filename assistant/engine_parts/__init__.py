"""The parts `assistant/engine.py` is made of, one job each; engine.py is the one API and the
only importer of this package.
"""

from assistant.engine_parts.answer_records import record_in_history, remember_shown
from assistant.engine_parts.article_text import ArticleTexts
from assistant.engine_parts.corpus_writes import add_articles, remove_article
from assistant.engine_parts.known_speakers import KnownSpeakers
from assistant.engine_parts.question_scope import QuestionScope, resolve_scope

__all__ = [
    "ArticleTexts",
    "KnownSpeakers",
    "QuestionScope",
    "add_articles",
    "record_in_history",
    "remember_shown",
    "remove_article",
    "resolve_scope",
]
