"""A corpus folder on disk made of short stories written for a test (never Reuters text)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def write_stories(folder: Path, stories: Mapping[str, str]) -> Path:
    """Make `folder` and write each story under its file name; the folder, for Engine.open."""
    folder.mkdir(parents=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
