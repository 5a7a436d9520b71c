"""An index stored before a change of how files are read is rebuilt when opened: else a user's
Hugo story (TOML front matter) kept the file's name as its title and its `+++ title = ...` block
as its first paragraph until the file itself changed, though this version reads it right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cli_process import assistant as cli

# The reader of parse-17 (before TOML front matter was read), its index stored under that stamp.
OLD_READER = """
import re, sys
from pathlib import Path
import assistant.index.version as version
import assistant.corpus.markdown as markdown
version.ANALYSIS_VERSION = "fold-stop-variants-snowball-amp/parse-17"
markdown.TOML_BLOCK = re.compile(r"(?!)")
from assistant.engine import Engine
engine = Engine.open(Path(sys.argv[1]), keep_history=False)
print([a.meta.title for a in engine.articles()])
"""


def test_an_index_stored_by_the_previous_reader_is_read_again(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hugo.md").write_text(
        '+++\ntitle = "River cleanup planned"\nauthor = "Jane Doe"\n+++\n\n'
        "The river council voted on Monday to clean up the old canal.\n",
        encoding="utf-8",
    )
    old = subprocess.run(
        [sys.executable, "-c", OLD_READER, str(corpus)], capture_output=True, text=True, timeout=120
    )
    assert old.returncode == 0 and "'hugo'" in old.stdout, old.stdout + old.stderr
    listed = cli(corpus, "list")
    assert listed.returncode == 0, listed.stderr
    assert "River cleanup planned" in listed.stdout and "(Jane Doe)" in listed.stdout
