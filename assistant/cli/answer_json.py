"""Answers and articles as plain JSON-ready dicts: the schema of `--json`.

The schema is documented in README.md: a sentence's `text` is its one-line display
form (`assistant.corpus.display_text`), the same in `ask --json` and `show --json`,
and `start`/`end` index the article file's decoded text exactly.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from assistant.answer import citation
from assistant.corpus import display_text
from assistant.models import Answer, ArticleInfo, ArticleMeta, ArticleView, Attribution, Quote


def meta_json(meta: ArticleMeta) -> dict[str, Any]:
    """An article's metadata as JSON: id, title, author, source, date, url."""
    return dataclasses.asdict(meta)


def speaker_json(attribution: Attribution | None) -> dict[str, Any] | None:
    """Who said a quote, as JSON (None where nobody is reported as saying it)."""
    if attribution is None:
        return None
    return {
        "name": attribution.name,
        "key": attribution.key,
        "role": attribution.role,
        "kind": attribution.kind,
        "as_written": attribution.as_written,
        "cue": attribution.cue,
        "direct": attribution.direct,
        "start": attribution.start,
        "end": attribution.end,
        "content_start": attribution.content_start,
        "content_end": attribution.content_end,
    }


def quote_json(quote: Quote) -> dict[str, Any]:
    """One quote as JSON."""
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "paragraph": quote.paragraph,
        "score": quote.score,
        "kind": quote.kind,
        "field": quote.field,
        "speaker": speaker_json(quote.speaker),
        "context": {"before": list(quote.before), "after": list(quote.after)},
        "article": meta_json(quote.article),
        "also_in": list(quote.also_in),
        "citation": citation(quote),
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    """A whole answer as one JSON object."""
    return {
        "question": answer.question,
        "answered": answer.answered,
        "message": answer.message,
        "suggestions": list(answer.suggestions),
        "scope": answer.scope,
        "followed": answer.followed,
        "limits": answer.limits,
        "speaker_not_first": answer.speaker_not_first,
        "tokens": answer.tokens,
        "quotes": [quote_json(q) for q in answer.quotes],
    }


def article_info_json(info: ArticleInfo) -> dict[str, Any]:
    """A listed article as JSON: metadata and sizes."""
    return {
        **meta_json(info.meta),
        "paragraphs": info.paragraphs,
        "sentences": info.sentences,
        "words": info.words,
        "tokens": info.tokens,
    }


def article_view_json(view: ArticleView) -> dict[str, Any]:
    """An article's sentences with offsets and their attributions, as JSON."""
    return {
        "article": meta_json(view.meta),
        "paragraphs": [
            {"number": n, "start": s, "end": e} for n, (s, e) in enumerate(view.paragraphs, start=1)
        ],
        "sentences": [
            {
                "text": display_text(view.text, s.start, s.end),  # as `ask` shows it; offsets exact
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "attributions": [
                    speaker_json(a) for a in (view.attributions[i] if view.attributions else ())
                ],
            }
            for i, s in enumerate(view.sentences)
        ],
    }
