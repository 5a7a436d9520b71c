"""A question pasted with terminal escapes in it (a colour code copied from another terminal) is
the same question: the escape goes whole, so "\\x1b[31mATACMS" is not searched as "31matacms" and
the answer is the one the clean question gets. The real CLI on a real corpus folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7834a3842ba03b39.txt"


def _ask(corpus: Path, question: str) -> dict[str, object]:
    done = CliRunner().invoke(main, ["ask", "--json", "--no-history", "--corpus", str(corpus), question])
    assert done.exit_code == 0, done.output
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_a_question_with_escape_sequences_is_answered_as_the_clean_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    clean = _ask(corpus, "What does ATACMS stand for?")
    dirty = _ask(corpus, "What does \x1b[31mATACMS\x1b[0m stand for?")
    assert dirty["question"] == "What does ATACMS stand for?"
    assert dirty["quotes"] == clean["quotes"]
    assert "Army Tactical Missile Systems" in json.dumps(dirty["quotes"])
