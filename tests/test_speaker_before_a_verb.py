"""A speaker named before a verb in -ed, then "and said": "Lyng called U.S. subsidies nonsensical and
said ...". The name read was "Lyng called U.S." (the verb and its object taken as words of the name);
it is Lyng, whom the article names Richard Lyng. In eight Reuters-21578 files 14 attributions changed
so, among them "Abrams admitted the administration" and "Gould ruled out any new government". Real
corpus folder, real index, the CLI's JSON as a script reads it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ARTICLE = """Lyng sees end to farm export subsidy growth

WASHINGTON, April 8 - U.S. Agriculture Secretary Richard Lyng said the United States will keep its
export subsidy program for the rest of the year.

Lyng called U.S. and European export subsidies "plain nonsense as a long-term policy" and said he
saw an end to the expansion of the bonus program within two years.

Grain traders said the program had helped wheat sales to China.
"""


def test_the_speaker_is_the_name_before_the_verb(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "lyng.txt").write_text(ARTICLE, encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "ask",
            "--json",
            "When will the bonus program stop growing?",
            "--corpus",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_HISTORY": "0", "ASSISTANT_INDEX_DIR": str(tmp_path / "index")},
    )
    assert run.returncode == 0, run.stderr
    first = json.loads(run.stdout)["quotes"][0]
    assert first["text"].startswith("Lyng called"), first["text"]
    assert first["speaker"]["name"] == "Richard Lyng"
