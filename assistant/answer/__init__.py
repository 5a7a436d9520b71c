"""Finding the answer: the question parsed once -> candidates -> features -> ranker -> quotes.

The one way in for the engine and the front ends.
"""

from assistant.answer.answerer import Answerer, meta_of
from assistant.answer.followups import Conversation, where_note
from assistant.answer.metadata import answer_metadata
from assistant.answer.question_class import analyse_question
from assistant.answer.settings import AnswerSettings, Steer

__all__ = [
    "AnswerSettings",
    "Answerer",
    "Conversation",
    "Steer",
    "analyse_question",
    "answer_metadata",
    "meta_of",
    "where_note",
]
