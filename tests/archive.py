"""A small news archive on disk, shaped like the real one of issue 13: topic folders, a story filed
twice (a wire copy), dated articles from two publications, and a README beside them."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_7834a3842ba03b39.txt"
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"

REGATTA_2023 = """---
title: Harbor regatta draws record fleet
author: Ann Lee
date: 2023-05-01
source: Valley Herald
---

More than 200 sailboats crowded the harbor on Saturday for the spring regatta, organisers said.

The harbor master closed the inner channel to motor boats for six hours during the races.
"""

REGATTA_2024 = """---
title: Storm cuts harbor regatta short
author: Ben Ortega
date: 2024-06-02
source: Valley Herald
---

A sudden squall forced the harbor regatta to end after only two races on Sunday.

Rescue crews pulled four sailors from the water near the harbor mouth; none was hurt.
"""


def make_archive(folder: Path) -> Path:
    """world/ (the seed), wire/ (the same story again), local/ (three articles), sport/ (two dated)."""
    for name in ("world", "wire", "local", "sport"):
        (folder / name).mkdir(parents=True)
    shutil.copy(SEED, folder / "world" / SEED.name)
    shutil.copy(SEED, folder / "wire" / "zelensky-trip.txt")
    for article in ARTICLES.iterdir():
        shutil.copy(article, folder / "local" / article.name)
    (folder / "sport" / "regatta-2023.md").write_text(REGATTA_2023, encoding="utf-8")
    (folder / "sport" / "regatta-2024.md").write_text(REGATTA_2024, encoding="utf-8")
    return folder
