"""The command line the per-question studies share (said_misses, kind_misses): question files, the
corpus size, the half to study, and whether to print the sentences too."""

from __future__ import annotations

import argparse
from pathlib import Path


def study_args(doc: str | None) -> argparse.Namespace:
    """`--questions FILE [FILE ...] [--articles N] [--split even|odd] [--verbose]`, parsed, `doc` as help."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, nargs="+", required=True)
    parser.add_argument("--articles", type=int, default=2225)
    parser.add_argument("--split", choices=("even", "odd"))
    parser.add_argument("--verbose", action="store_true")
    return parser.parse_args()
