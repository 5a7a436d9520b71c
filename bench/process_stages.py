"""Where one `assistant ask` or `assistant add` process spends its CPU, stage by stage (issue 12).

    nice python bench/process_stages.py ask QUESTION --corpus CORPUS --no-history
    nice python bench/process_stages.py add FILE --corpus CORPUS

Runs the command as `assistant` does (the same `main`, OPENBLAS_NUM_THREADS=1), in this process,
with `time.process_time` around each stage: the interpreter's start, each group of imports, the
index's open (the generation, its statistics, the folder stamps), and then, for `ask`, the answer
stage's steps (the question parsed, candidates and search, features, articles read, speakers,
refusal, quotes, copies, printing) or, for `add`, the update's (stamps, the article's analysis,
the speaker-name fold, the save). Nested stages are named `outer>inner` (inclusive times). One JSON
object on stderr, the command's own output on stdout. Run it a few times, alternating checkouts
(`PYTHONPATH`), with bytecode cached as an install has it (`PYTHONPYCACHEPREFIX`, with
`PYTHONDONTWRITEBYTECODE` unset). See docs/scale.md, "An eleventh pass".
"""

from __future__ import annotations

import time

STARTED = time.process_time()  # the interpreter and `site`, before this module's first line

import contextlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the command line sets it
TIMES: dict[str, float] = {"interpreter and site": STARTED}
_OPEN: list[str] = []


def _clocked(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def clocked(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        _OPEN.append(name)
        try:
            return fn(*args, **kwargs)
        finally:
            _OPEN.pop()
            key = ">".join([*_OPEN, name])
            TIMES[key] = TIMES.get(key, 0.0) + time.process_time() - start

    return clocked


def _wrap(owner: Any, attr: str, name: str) -> None:
    value = owner.__dict__.get(attr) if isinstance(owner, type) else None
    if isinstance(value, property):
        assert value.fget is not None
        setattr(owner, attr, property(_clocked(name, value.fget)))
    else:  # a function, or a class's method or classmethod as bound to it
        setattr(owner, attr, _clocked(name, getattr(owner, attr)))


def _imported(name: str, *modules: str) -> None:
    start = time.process_time()
    for module in modules:
        __import__(module)
    TIMES[f"import {name}"] = time.process_time() - start


def _ask_stages() -> None:
    _imported("the answer stage", "assistant.answer.answerer", "assistant.cli.plain_answer")
    from assistant import engine
    from assistant.answer import answerer, copies, features
    from assistant.cli import plain_answer
    from assistant.engine_parts import article_text, cited_copy, known_speakers

    _wrap(engine.Engine, "ask", "Engine.ask")
    _wrap(answerer, "parse_query", "question parsed")
    _wrap(answerer, "gather", "candidates")
    _wrap(features.Featurizer, "run", "features")
    _wrap(answerer.Answerer, "rank", "rank")
    _wrap(answerer.Answerer, "answers", "refusal")
    _wrap(answerer, "choose", "quotes chosen")
    _wrap(answerer, "make_quote", "quotes made")
    _wrap(copies, "finish_answer", "copies")
    _wrap(cited_copy, "cite_stable_copies", "copies cited")
    _wrap(known_speakers.KnownSpeakers, "of_article", "speakers")
    _wrap(article_text.ArticleTexts, "text", "articles read")
    _wrap(plain_answer, "print_answer_plainly", "printed")


def _add_stages() -> None:
    _imported("ingest and the update", "assistant.ingest", "assistant.index.own_changes")
    from assistant import engine
    from assistant.index import corpus_index, own_changes

    _wrap(engine.Engine, "add", "Engine.add")
    _wrap(corpus_index.Index, "before_writing", "stamps before writing")
    _wrap(own_changes, "read_batches", "article analysed")
    _wrap(own_changes, "named", "speaker names folded")
    _wrap(own_changes, "save", "saved")


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in ("ask", "add"):
        sys.exit("usage: process_stages.py ask|add ARGS... (the `assistant` command's own arguments)")
    _imported("numpy", "numpy")
    _imported("click", "click")
    _imported(
        "the command line",
        "assistant.cli",
        f"assistant.cli.{'ask' if command == 'ask' else 'corpus_changes'}",
    )
    _imported("engine and index", "assistant.engine")
    from assistant.index import corpus_index, segment_stats

    _wrap(corpus_index.Index, "open", "index opened")
    _wrap(corpus_index, "load", "generation loaded")
    _wrap(segment_stats.CorpusStatistics, "__init__", "statistics")
    _wrap(segment_stats.CorpusStatistics, "idf", "idf")
    _wrap(corpus_index.Index, "refresh", "folder stamps")
    _wrap(corpus_index.Index, "top_passages", "search")
    _ask_stages() if command == "ask" else _add_stages()
    from assistant.cli import main as assistant

    start = time.process_time()
    with contextlib.suppress(SystemExit):  # the command's exit status is not what is measured
        assistant(sys.argv[1:], standalone_mode=False, prog_name="assistant")
    TIMES["the command"] = time.process_time() - start
    used = resource.getrusage(resource.RUSAGE_SELF)
    TIMES["process"] = used.ru_utime + used.ru_stime
    print(json.dumps({key: round(value, 5) for key, value in TIMES.items()}), file=sys.stderr)


if __name__ == "__main__":
    main()
