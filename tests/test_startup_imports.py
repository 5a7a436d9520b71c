"""What a question does not load: a new `assistant ask` process pays for every module it imports
before the answer, so nothing that only reading new articles or building needs may come with it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_7834a3842ba03b39.txt"

BUILD_ONLY = (
    "yaml",  # front matter, read when an article is parsed
    "assistant.corpus.reader",
    "assistant.corpus.markdown",
    "assistant.corpus.metadata",
    "assistant.index.analysis",
    "assistant.index.build",
    "assistant.index.build_spill",
    "assistant.index.merge",
    "assistant.index.own_changes",
    "assistant.ingest",
    "tiktoken",
    "textual",
    "filelock",  # the writers' lock: only a process that writes the index takes it
    "numpy.ma",  # masked arrays (np.unique loads them): nothing on the question path needs them
    "importlib.resources",  # the answer stage's shipped files are read by path (this loaded ~10 ms)
    "zipfile",  # what importlib.resources brought with it
    "platformdirs",  # the user cache: only a read-only corpus keeps its index there
    "assistant.speakers.attribution",  # the rules that find speakers: a question reads what they stored
    "assistant.speakers.resolution",
    "rich",  # an answer printed to a pipe is plain text (cli/plain_answer.py)
    "tempfile",  # the index's writes (store.py); with it random, shutil, bz2 and lzma
)


def _run(tmp: Path, script: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp), "ASSISTANT_HISTORY": "0", "XDG_CACHE_HOME": str(tmp / "cache")}
    env.pop("ASSISTANT_INDEX_DIR", None)
    command = [sys.executable, "-c", script]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def _loaded_after(tmp: Path, *args: str) -> tuple[list[str], str, int]:
    """Run `assistant ARGS` in a fresh interpreter: the BUILD_ONLY modules it loaded, its output, its exit."""
    script = (
        "import io, json, sys, contextlib\n"
        "from assistant.cli import main\n"
        "out = io.StringIO()\n"
        "code = 0\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        f"        main({list(args)!r})\n"
        "    except SystemExit as done:\n"
        "        code = done.code\n"
        f"heavy = {BUILD_ONLY!r}\n"
        "loaded = sorted(m for m in heavy if m in sys.modules)\n"
        "print(json.dumps({'loaded': loaded, 'out': out.getvalue(), 'code': code}))\n"
    )
    done = _run(tmp, script)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["loaded"], result["out"], result["code"]


def test_a_question_on_a_current_index_loads_no_reader_and_no_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    built = _run(tmp_path, f"from assistant.cli import main\nmain(['index', '--corpus', {str(corpus)!r}])")
    assert "Traceback" not in built.stderr
    loaded, out, code = _loaded_after(
        tmp_path, "ask", "What does ATACMS stand for?", "--corpus", str(corpus), "--no-history"
    )
    assert code == 0
    assert "Army Tactical Missile Systems" in out
    assert loaded == []


def test_a_question_after_a_new_file_still_reads_it(tmp_path: Path) -> None:
    """The lazy imports are only lazy: a file dropped into the folder is read (and answered from)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _run(tmp_path, f"from assistant.cli import main\nmain(['index', '--corpus', {str(corpus)!r}])")
    (corpus / "ferry.md").write_text(
        "---\ntitle: Ferry Terminal Approved\nauthor: Jane Doe\n---\n\n"
        "The harbour council voted on Tuesday to approve a new ferry terminal at the northern quay.\n",
        encoding="utf-8",
    )
    loaded, out, code = _loaded_after(
        tmp_path, "ask", "Where will the new ferry terminal be?", "--corpus", str(corpus), "--no-history"
    )
    assert code == 0
    assert "northern quay" in out
    assert "assistant.corpus.reader" in loaded and "yaml" in loaded
    assert "assistant.speakers.attribution" in loaded  # the new article's speakers are found


def test_the_speakers_rules_load_lazily_and_attribute_stays_the_function(tmp_path: Path) -> None:
    """The rules load when first used, and whichever is imported first, the rules' module or the
    package's name, the package's `attribute` is the function."""
    script = (
        "import sys\n"
        "import assistant.speakers as speakers\n"
        "assert 'assistant.speakers.attribution' not in sys.modules\n"
        "import assistant.speakers.attribution\n"
        "from assistant.speakers import attribute\n"
        "assert callable(attribute) and speakers.attribute is attribute\n"
        "from assistant.models import Sentence\n"
        "text = 'Jane Doe said the bridge would open on Monday.'\n"
        "found = attribute(text, [Sentence(0, len(text), 1)])\n"
        "assert found[0] and found[0][0].name == 'Jane Doe', found\n"
    )
    done = _run(tmp_path, script)
    assert done.returncode == 0, done.stderr


def test_only_a_why_question_compiles_the_reason_cue(tmp_path: Path) -> None:
    """The why-lift's pattern (the costliest one a question compiled) is compiled when a why-question
    needs it, not by every `ask` at import, and so are the "how long" and "how often" patterns of
    answer_types; the why-question is still answered."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _run(tmp_path, f"from assistant.cli import main\nmain(['index', '--corpus', {str(corpus)!r}])")
    compiled = []
    for question in ("What does ATACMS stand for?", "Why did the Army want the missiles?"):
        script = (
            "import contextlib, io, json\n"
            "from assistant.cli import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            "    try:\n"
            f"        main(['ask', {question!r}, '--corpus', {str(corpus)!r}, '--no-history'])\n"
            "    except SystemExit:\n"
            "        pass\n"
            "from assistant.answer import answer_types, reasons\n"
            "sizes = [f.cache_info().currsize for f in (reasons.reason_cue, answer_types._since_date,"
            " answer_types._frequency)]\n"
            "print(json.dumps([sizes, out.getvalue()]))\n"
        )
        done = _run(tmp_path, script)
        assert done.returncode == 0, done.stderr
        size, out = json.loads(done.stdout.strip().splitlines()[-1])
        assert "article " in out, out  # answered with a quote
        compiled.append(size)
    assert compiled == [[0, 0, 0], [1, 0, 0]]
