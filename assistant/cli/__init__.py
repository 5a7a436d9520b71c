"""The command line: `assistant ask/list/show/index/speakers/add/remove/history/chat`."""

import os

# Set before anything loads numpy: OpenBLAS (numpy's BLAS in its wheels) starts a thread per
# core, each with its own buffers, when numpy is imported; ~0.06-0.1 s of CPU on every 2-core
# start, as much wall when the other core is busy (docs/scale.md, "An eighth pass"), more with
# more cores. No command multiplies
# matrices large enough to use them (the ranker's one product is a matrix-vector of a few hundred
# rows, the same bits either way), and build workers inherit the setting instead of each
# starting threads on a shared machine. A value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from assistant.cli.main import main  # after the setting above

__all__ = ["main"]
