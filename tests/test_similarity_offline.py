"""The learned word similarity reads only the files WordLlama's wheel installs: no network, and the
`wordllama` package itself (pydantic, its hub lookups) never imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network used")

socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from assistant.answer.similarity import best_cosines, plain_words
sentences = ["Several airlines cut their fares on Monday.", "The weather was mild in the harbour town."]
best = best_cosines(["carriers"], [[w for _, w in plain_words(s)] for s in sentences])
print(json.dumps({"best": best[:, 0].tolist(), "modules": sorted(m for m in sys.modules if m.split(".")[0]
      in ("wordllama", "huggingface_hub", "pydantic", "requests"))}))
"""


def test_a_word_is_closer_to_its_paraphrase_with_the_network_blocked() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "0"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    airlines, weather = found["best"]
    assert airlines > weather + 0.15
    assert found["modules"] == []
