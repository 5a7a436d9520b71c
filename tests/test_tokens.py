"""BM25 terms and tiktoken counts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from assistant.index.tokens import count_tokens, fold, terms


def test_terms_are_folded_lowercased_stemmed_and_free_of_stop_words() -> None:
    assert terms("The missiles were provided") == terms("missile provide")
    assert terms("Zelensky’s trip") == terms("Zelensky's trip") == ["zelenski", "trip"]
    assert terms("résumé") == terms("resume")


def test_numbers_and_acronyms_are_kept() -> None:
    found = terms("ATACMS worth $325 million, up 3.5%")
    assert {"atacm", "325", "million", "3.5"} <= set(found)
    assert terms("U.S.") == terms("US") == ["us"]


def test_irregular_forms_and_british_spellings_meet_their_usual_form() -> None:
    assert terms("said") == terms("say")
    assert terms("defence minister") == terms("defense minister")
    assert terms("met") == terms("meet")


def test_fold_keeps_length_so_offsets_hold() -> None:
    text = "“Zelensky’s” — café"
    assert len(fold(text)) == len(text)


def test_token_counts_are_cl100k() -> None:
    assert count_tokens("hello world") == 2
    assert count_tokens("") == 0


def test_tiktoken_encoding_loads_with_the_network_blocked(tmp_path: Path) -> None:
    """A fresh machine, no cache, no network: counting tokens must still work."""
    script = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network is blocked in this test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from assistant.index.tokens import count_tokens\n"
        "print(count_tokens('Army Tactical Missile Systems'))\n"
    )
    env = {
        **os.environ,
        "TIKTOKEN_CACHE_DIR": str(tmp_path / "empty-cache"),
        "DATA_GYM_CACHE_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 0
