"""An answer printed to a pipe without Rich is, character for character, what Rich printed there."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.cli.plain_answer import answer_lines
from assistant.cli.render import print_answer
from assistant.engine import Engine
from assistant.models import Answer

QUESTIONS = (
    "What does ATACMS stand for?",
    "Where did the defense officials meet?",
    "What did Zelensky say?",
    "Who wrote the article about the trip?",
    "How many countries met at Ramstein?",
    "What is the price of tea in Lisbon?",
)

HOSTILE = (
    "plain words",
    "colour \x1b[31mred\x1b[0m and a title \x1b]0;pwned\x07 set",
    "bidi \u202eevil\u202c and zero\u200bwidth and a bell\x07 and a CR\r here",
    "wide 漢字テキスト and combining e\u0301 and emoji 🙂",
    "two\nlines",
    "C1 \x9b31m controls \x85 and DEL\x7f",
)


def _rich(answer: Answer, show_score: bool) -> str:
    """What `assistant ask` printed through Rich when stdout was a pipe (cli.shared.stdout_console)."""
    from rich.console import Console

    out = io.StringIO()  # not a terminal, as a pipe is not
    print_answer(Console(file=out, highlight=False, soft_wrap=True), answer, show_score=show_score)
    return out.getvalue()


def _plain(answer: Answer, show_score: bool) -> str | None:
    lines = answer_lines(answer, show_score=show_score)
    return None if lines is None else "".join(line + "\n" for line in lines)


@pytest.fixture
def answers(news_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> list[Answer]:
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    engine = Engine.open(news_corpus)
    return [engine.ask(q, top=3, context=1) for q in QUESTIONS]


def test_real_answers_print_the_same_without_rich(answers: list[Answer]) -> None:
    assert any(a.answered for a in answers) and any(not a.answered for a in answers)
    for answer in answers:
        for show_score in (False, True):
            assert _plain(answer, show_score) == _rich(answer, show_score)


def test_hostile_text_prints_the_same_without_rich(answers: list[Answer]) -> None:
    """Escapes, controls, bidi overrides, wide and combining characters, split by highlights too."""
    quote = next(a for a in answers if a.answered).quotes[0]
    for text in HOSTILE:
        cuts = tuple((i, i + 3) for i in range(0, len(text), 5))  # highlights cutting escapes apart
        meta = replace(quote.article, title=text, author=text, source=text)
        hostile = replace(quote, text=text, highlights=cuts, before=(text,), after=(text, text), article=meta)
        for answer in (
            Answer("q", True, quotes=(hostile, hostile), followed=text),
            Answer("q", False, message=text, suggestions=(text, "word")),
        ):
            assert _plain(answer, True) == _rich(answer, True)


def test_a_tab_is_left_to_rich(answers: list[Answer]) -> None:
    quote = next(a for a in answers if a.answered).quotes[0]
    assert answer_lines(Answer("q", True, quotes=(replace(quote, before=("a\tb",)),))) is None


def _ask_in_a_pipe(corpus: Path, **env: str) -> dict[str, object]:
    script = (
        "import io, json, sys, contextlib\n"
        "from assistant.cli import main\n"
        "try:\n"
        f"    main(['ask', {QUESTIONS[1]!r}, '--corpus', {str(corpus)!r}, '--no-history'])\n"
        "except SystemExit as done:\n"
        "    code = done.code\n"
        "sys.stderr.write(json.dumps({'rich': 'rich' in sys.modules, 'code': code}))\n"
    )
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={**environ, **env}, timeout=120
    )
    return {**json.loads(done.stderr.strip().splitlines()[-1]), "out": done.stdout}


def test_ask_in_a_pipe_loads_no_rich_and_forced_colour_still_gets_it(news_corpus: Path) -> None:
    plain = _ask_in_a_pipe(news_corpus)
    assert plain["code"] == 0 and plain["rich"] is False
    assert "Ramstein Air Base" in str(plain["out"]) and "\x1b[" not in str(plain["out"])
    forced = _ask_in_a_pipe(news_corpus, FORCE_COLOR="1")
    assert forced["code"] == 0 and forced["rich"] is True
    assert "\x1b[" in str(forced["out"])  # Rich's colours, as asked for
