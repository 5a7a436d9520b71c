"""The core (corpus, index, answers, speakers, ingest) knows nothing of the UI nor of assistant.frontend."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "assistant.corpus",
    "assistant.corpus.sentences",
    "assistant.index.tokens",
    "assistant.index",
    "assistant.answer",
    "assistant.answer.answerer",
    "assistant.answer.scope",
    "assistant.answer.citations",
    "assistant.answer.copies",
    "assistant.speakers",
    "assistant.answer.followups",
    "assistant.ingest",
    "assistant.engine_parts",
    "assistant.engine",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui_library(module: str) -> None:
    script = (
        f"import sys, {module}\n"
        "ui = {'textual', 'rich', 'click', 'trafilatura'}\n"
        "ui = sorted(m for m in sys.modules if m.split('.')[0] in ui or m.startswith('assistant.frontend'))\n"
        "print(','.join(ui))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_what_the_front_ends_share_loads_neither_textual_nor_click() -> None:
    """`assistant/frontend/` serves `assistant list` too, which must not start the TUI."""
    script = (
        "import sys, assistant.frontend\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'click'})))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
