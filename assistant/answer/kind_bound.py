"""Which of the question's words stand beside the kind of answer a sentence offers.

"On what date do Sallie Mae's notes settle?" is answered by "The notes are for settlement April 9",
not by the article's lead, which names the notes, their rate and a date of their pricing ("due Oct
8, 1987, on Monday"): both offer a date and the lead holds more of the question's words, but only
in the answer's sentence does the date stand by the word the question asks about. A number, date,
place, name or reason is read with the few words around it (`REACH` each side); the features weigh
the question's terms found there, exact or bridged ("cost" for "price tag"), each by how few of
its article's sentences hold it, so that words every sentence repeats ("notes") bind nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.index.tokens import terms

REACH = 5
"""Words each side of an offered answer that are read as bound to it ("expected to cost about 836
mln dlrs", "make a decision on June 1", "reduce net income by 23 mln dlrs, or 37 cts a share")."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")


def bound_terms(sentence: str, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The terms of the words within REACH words of any of `spans` (inside them included)."""
    if not spans:
        return frozenset()
    found = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(sentence)]
    keep: set[int] = set()
    for start, end in spans:
        inside = [k for k, (s, e, _) in enumerate(found) if s < end and e > start]
        if inside:
            lo, hi = inside[0], inside[-1]
        else:  # "$5": no word inside; the words before and after are its neighbours
            lo = hi = sum(1 for s, _, _ in found if s < start)
        keep.update(range(max(0, lo - REACH), min(len(found), hi + REACH + 1)))
    return frozenset(terms(" ".join(found[k][2] for k in sorted(keep))))
