"""Which files of a folder being added are articles: a README or LICENSE beside them is not.

A folder of news downloaded from somewhere usually carries its own notes (README.TXT,
LICENSE, CHANGELOG…); taking those as articles puts licence text into answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from assistant.corpus import folder_notes

_DATA_SUFFIXES = {
    ".csv",
    ".tsv",
    ".json",
    ".jsonl",
    ".yaml",
    ".yml",
    ".xml",
    ".dtd",
    ".ann",
    ".py",
    ".sh",
}


def not_an_article(path: PurePath) -> str | None:
    """Why a file found in a folder is left out of `add` (None: it may be an article).

    By name only: README, LICENSE, CHANGELOG and the like in any case and with any
    extension, and data or code files, which no reader of articles takes.
    """
    if folder_notes(path.name):
        return "notes about the folder, not an article"
    if path.suffix.lower() in _DATA_SUFFIXES:
        return "a data or code file, not an article"
    return None


def skipped_summary(skipped: Sequence[tuple[str, str]], *, shown: int = 5) -> list[str]:
    """Skipped files as a few lines, one per reason: `3 files left out (notes…): README.TXT, LICENSE, …`."""
    by_reason: dict[str, list[str]] = {}
    for name, reason in skipped:
        by_reason.setdefault(reason, []).append(name)
    lines = []
    for reason, names in by_reason.items():
        listed = ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")
        # Stories of a wire file are left out one by one ("reut2-000.sgm story 30"), not as files.
        noun = "stor" if all(" story " in name for name in names) else "file"
        plural = ("ies" if noun == "stor" else "s") if len(names) != 1 else ("y" if noun == "stor" else "")
        count = f"{len(names)} {noun}{plural}"
        lines.append(f"{count} left out ({reason}): {listed}")
    return lines


def warning_summary(warnings: Sequence[tuple[str, str]], *, each_up_to: int = 3) -> list[str]:
    """Warnings about stored files, one line each for a few files, else one line per kind of warning.

    Adding a folder of 2,000 articles without bylines should say so once, not 2,000 times.
    """
    if len(warnings) <= each_up_to:
        return [f"{source}: {warning}" for source, warning in warnings]
    by_kind: dict[str, list[str]] = {}
    for source, warning in warnings:
        by_kind.setdefault(warning.split(";", 1)[0], []).append(source)
    lines = []
    for kind, sources in by_kind.items():
        example = ", ".join(sources[:2]) + (", …" if len(sources) > 2 else "")
        lines.append(f"{kind}: {len(sources)} file{'s' if len(sources) != 1 else ''} ({example})")
    return lines
