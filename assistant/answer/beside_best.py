"""Evidence from place: the sentence beside its article's best-matching one.

A story states an event in the words a question reuses ("Moody's said it may downgrade the banks")
and its cause, its agent or its detail in the next sentence, in words of its own ("Moody's said it
anticipates increasing competition"; "Kidder Peabody has been retained to advise"). Which way a
reader's question points from the best-matching sentence is learned, not set: these features say
where a candidate lies from its article's best-covered candidate, and whether that one lacks the
kind of answer asked, so the ranker can weigh the sentence after an event that does not answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import AnswerType
from assistant.answer.local_evidence import Sibling

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

BESIDE_FEATURES: tuple[str, ...] = ("after_best", "before_best", "after_best_kind", "after_kindless_best")
"""after_best           the sentence right after its article's best-covered candidate
before_best          the sentence right before it
after_best_kind      after it, and offering the kind asked first (a reason, a person, a date)
after_kindless_best  after it, where the best-covered one does not offer the kind asked first"""


def beside_rows(
    siblings: Sequence[Sibling], coverage: npt.NDArray[np.float64], wanted: Sequence[AnswerType]
) -> npt.NDArray[np.float64]:
    """One row of BESIDE_FEATURES per candidate, in the order given; `coverage` is each candidate's
    weighted coverage of the question with its article's title (local evidence's hcov): the best of
    an article is the candidate covering most, the earliest of equals (a story's lead restates)."""
    out = np.zeros((len(siblings), len(BESIDE_FEATURES)), dtype=np.float64)
    best: dict[int, tuple[float, int, int]] = {}
    for k, s in enumerate(siblings):
        key = (float(coverage[k]), -s.sentence, k)
        if s.article not in best or key > best[s.article]:
            best[s.article] = key
    primary = wanted[0] if wanted else None
    for k, s in enumerate(siblings):
        top = siblings[best[s.article][2]]
        offset = s.sentence - top.sentence
        if offset == 1:
            out[k, 0] = 1.0
            out[k, 2] = float(primary is not None and primary in s.offered)
            out[k, 3] = float(primary is not None and primary not in top.offered)
        elif offset == -1:
            out[k, 1] = 1.0
    return out
