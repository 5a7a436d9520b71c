"""`assistant ask --batch`: one question a line in, one JSON answer a line out.

Lines are untrusted: each is bounded in length and decoded on its own, and one bad line
gets an error record while the rest are still answered.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

import click

from assistant.answer import Scope, make_scope
from assistant.cli.answer_json import answer_json
from assistant.cli.shared import EXIT_BAD_INPUT, EXIT_NO_ANSWER, MAX_TOP, known_article_id
from assistant.engine import Engine
from assistant.errors import AssistantError, BadQuestion
from assistant.safe_text import json_text

MAX_BATCH_LINE = 64 * 1024
"""Longest batch line read (a question is at most 200 tokens; JSON adds little)."""


def _batch_lines(stream: BinaryIO) -> Iterator[tuple[int, str | None, str | None]]:
    """(number, line, error) for each line: decoded as UTF-8, bounded in length; bad lines carry an error."""
    number = 0
    while True:
        raw = stream.readline(MAX_BATCH_LINE + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_BATCH_LINE and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_BATCH_LINE)) and not rest.endswith(b"\n"):
                pass
            yield number, None, f"the line is longer than {MAX_BATCH_LINE // 1024} KB"
            continue
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8").strip(), None
        except UnicodeDecodeError:
            yield number, None, "the line is not valid UTF-8"


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One batch line read: the question and what it is asked within (the command's options unless
    the line gives its own)."""

    question: str
    article: str | None
    top: int
    speaker: str | None
    limits: Scope | None


_SCOPE_KEYS = {"in": "folders", "source": "sources", "author": "authors", "since": "since", "until": "until"}
"""A JSON line's scope keys, named as `ask`'s options, and the Scope field each sets."""


def _batch_item(
    line: str, article: str | None, top: int, speaker: str | None, limits: Scope | None
) -> BatchItem:
    """One batch line read; raises BadQuestion for a malformed one. A JSON line may set `article`,
    `top`, `speaker`, `in`, `source`, `author`, `since`, `until` as the options do (they were
    ignored, so a line asking for one speaker's words was answered with anyone's)."""
    if not line.startswith("{"):
        return BatchItem(line, article, top, speaker, limits)
    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise BadQuestion(f"not a question: the JSON is malformed ({reason})") from None
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        raise BadQuestion('not a question: a JSON line needs a "question" string')
    q_article = item.get("article", article)
    if q_article is not None and not isinstance(q_article, str):
        raise BadQuestion('not a question: "article" must be a string (an id from `assistant list`)')
    q_top = item.get("top", top)
    if isinstance(q_top, bool) or not isinstance(q_top, int) or not 1 <= q_top <= MAX_TOP:
        raise BadQuestion(f'not a question: "top" must be a whole number from 1 to {MAX_TOP}')
    q_speaker = item.get("speaker", speaker)
    if q_speaker is not None and not isinstance(q_speaker, str):
        raise BadQuestion('not a question: "speaker" must be a string (a name from `assistant speakers`)')
    return BatchItem(item["question"], q_article, q_top, q_speaker, _line_limits(item, limits))


def _line_limits(item: dict[str, Any], limits: Scope | None) -> Scope | None:
    """The command's limits with those the line gives in their place."""
    given: dict[str, list[str]] = {}
    for key in _SCOPE_KEYS:
        if key not in item:
            continue
        value = item[key]
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise BadQuestion(f'not a question: "{key}" must be a string or a list of strings')
        if key in ("since", "until") and len(values) > 1:
            raise BadQuestion(f'not a question: "{key}" must be one date (YYYY-MM-DD, YYYY-MM or YYYY)')
        given[key] = values
    if not given:
        return limits

    def date(key: str) -> str | None:  # the line's bound, else the command's (checked again together)
        if key in given:
            return given[key][0] if given[key] else None
        bound = getattr(limits, key) if limits is not None else None
        return bound.isoformat() if bound else None

    line = make_scope(
        folders=given.get("in", ()),
        sources=given.get("source", ()),
        authors=given.get("author", ()),
        since=date("since"),
        until=date("until"),
    )
    return replace(limits or Scope(), **{_SCOPE_KEYS[key]: getattr(line, _SCOPE_KEYS[key]) for key in given})


def run_batch(
    engine: Engine,
    lines: BinaryIO,
    *,
    article: str | None,
    top: int,
    context: int,
    speaker: str | None,
    limits: Scope | None = None,
) -> int:
    """Answer one question a line as JSON Lines; the worst outcome decides the exit status.

    One bad line (malformed JSON, invalid UTF-8, an out-of-range "top") gets an error record
    and the rest are still answered.
    """
    status = 0
    for number, line, problem in _batch_lines(lines):
        record: dict[str, Any]
        if problem is not None:
            record = {"line": number, "error": f"not a question: {problem}"}
            status = max(status, EXIT_BAD_INPUT)
        elif not line:
            continue
        else:
            try:
                item = _batch_item(line, article, top, speaker, limits)
                answer = engine.ask(
                    item.question,
                    article=known_article_id(engine, item.article),
                    top=item.top,
                    context=context,
                    speaker=item.speaker,
                    limits=item.limits,
                )
                record = answer_json(answer)
                if not answer.answered:
                    status = max(status, EXIT_NO_ANSWER)
            except AssistantError as error:
                record = {"line": number, "question": line, "error": error.message}
                status = max(status, error.exit_code)
            except (ValueError, TypeError, OverflowError, RecursionError) as exc:
                record = {"line": number, "error": f"not a question: {type(exc).__name__}"}
                status = max(status, EXIT_BAD_INPUT)
        click.echo(json_text(record))
    return status
