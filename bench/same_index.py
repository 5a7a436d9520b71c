"""Whether two builds stored the same index: every segment file byte for byte.

    python bench/same_index.py INDEX_A INDEX_B     # two <corpus>/.assistant folders (or copies)

For a change meant to make the build faster without changing what it stores: build the same
corpus with each checkout, copy each `.assistant` folder aside, compare. Each folder must hold one
segment (a fresh build). Segment manifests are compared without the index fingerprint (a change to
the speaker rules' source changes it, see `speakers.RULES_VERSION`) and their own checksum;
`.verified.json` (inodes, times) and the generation (random names) are left out. Exit 0 when the
same, 1 with each differing file named.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _segment(index: Path) -> Path:
    found = sorted(p for p in index.iterdir() if p.is_dir() and p.name.startswith("seg-"))
    if len(found) != 1:
        raise SystemExit(f"{index}: {len(found)} segments, expected one (a fresh build)")
    return found[0]


def _manifest(path: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(path.read_bytes())
    manifest.pop("crc32", None)
    body = manifest.get("body")
    if isinstance(body, dict):
        body.pop("fingerprint", None)
    return manifest


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    a, b = (_segment(Path(arg)) for arg in sys.argv[1:])
    names_a = sorted(p.name for p in a.iterdir() if p.name != ".verified.json")
    names_b = sorted(p.name for p in b.iterdir() if p.name != ".verified.json")
    differ = sorted(set(names_a) ^ set(names_b))
    for name in sorted(set(names_a) & set(names_b)):
        if name == "manifest.json":
            same = _manifest(a / name) == _manifest(b / name)
        else:
            same = (a / name).read_bytes() == (b / name).read_bytes()
        if not same:
            differ.append(name)
    if differ:
        print(f"differ: {', '.join(differ)}")
        raise SystemExit(1)
    print(f"the same: {len(names_a)} files of {a.name} and {b.name} (manifest without its fingerprint)")


if __name__ == "__main__":
    main()
