"""Finding the answer: the question parsed once -> candidates -> features -> ranker -> quotes.

The one way in for the engine and the front ends: the answerer and the conversation
that carries follow-ups, the question's scope (which articles it may be answered from),
copies of a quote collapsed, and how a quote is cited in plain text.
"""

from typing import TYPE_CHECKING

from assistant.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from assistant.answer.answerer import Answerer, meta_of
    from assistant.answer.citations import (
        citation,
        locator,
        plain_citation,
        quote_marks,
        quote_record,
        quoted,
        speaker_hint,
        where,
    )
    from assistant.answer.copies import collapse_copies, find_copies, finish_answer
    from assistant.answer.followups import Conversation, where_note
    from assistant.answer.metadata import answer_metadata
    from assistant.answer.query import with_speaker_named
    from assistant.answer.question_class import analyse_question
    from assistant.answer.scope import (
        Scope,
        article_date,
        article_mask,
        corpus_folders,
        empty_corpus_message,
        empty_scope_message,
        folder_hint,
        make_scope,
        missing_folders,
        normal_folder,
        parse_user_date,
        passage_mask,
        scope_from_data,
        scope_miss_message,
    )
    from assistant.answer.settings import AnswerSettings, Steer

# Each name is imported from its module when first used (PEP 562), as in `assistant.corpus`:
# a command that only cites a stored quote (`assistant history`) or reads a scope does not
# load the answerer, its ranker and numpy.
_HOME = {
    "Answerer": "answerer",
    "meta_of": "answerer",
    "citation": "citations",
    "locator": "citations",
    "plain_citation": "citations",
    "quote_marks": "citations",
    "quote_record": "citations",
    "quoted": "citations",
    "speaker_hint": "citations",
    "where": "citations",
    "collapse_copies": "copies",
    "find_copies": "copies",
    "finish_answer": "copies",
    "Conversation": "followups",
    "where_note": "followups",
    "answer_metadata": "metadata",
    "analyse_question": "question_class",
    "Scope": "scope",
    "article_date": "scope",
    "article_mask": "scope",
    "corpus_folders": "scope",
    "empty_corpus_message": "scope",
    "empty_scope_message": "scope",
    "scope_miss_message": "scope",
    "folder_hint": "scope",
    "with_speaker_named": "query",
    "make_scope": "scope",
    "scope_from_data": "scope",
    "missing_folders": "scope",
    "normal_folder": "scope",
    "parse_user_date": "scope",
    "passage_mask": "scope",
    "AnswerSettings": "settings",
    "Steer": "settings",
}


__getattr__ = lazy_getattr(__name__, _HOME, globals())


__all__ = [
    "AnswerSettings",
    "Answerer",
    "Conversation",
    "Scope",
    "Steer",
    "analyse_question",
    "answer_metadata",
    "article_date",
    "article_mask",
    "citation",
    "collapse_copies",
    "corpus_folders",
    "empty_corpus_message",
    "empty_scope_message",
    "find_copies",
    "finish_answer",
    "folder_hint",
    "locator",
    "make_scope",
    "meta_of",
    "missing_folders",
    "normal_folder",
    "parse_user_date",
    "passage_mask",
    "plain_citation",
    "quote_marks",
    "quote_record",
    "quoted",
    "scope_from_data",
    "scope_miss_message",
    "speaker_hint",
    "where",
    "where_note",
    "with_speaker_named",
]
