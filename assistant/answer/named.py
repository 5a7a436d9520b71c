"""The names a question gives (people, companies, places, tickers, acronyms) and how much of them each
candidate's article holds.

A question about "KLM's seats" is not answered by Braniff's load factor, however well the sentence
matches "seats filled in February": an article that names none of the question's names is rarely
the one asked about. Names are read from the question's surface (capitals), and looked up in the
index's postings within each candidate article's passages, so no article text is read for it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np

from assistant.index import Index
from assistant.index.tokens import STOP_WORDS, fold, terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

# A word written with a capital (or in capitals, or with a digit inside a capitalised token: "G-7").
_CAPITALISED = re.compile(r"[A-Z][\w’'&.\-]*")
_NOT_NAMES = frozenset(
    """what who whom whose when where why how which did does do is are was were can could would should
    will has have had in on at of for from by to the a an and or but if after before since during
    according i mr mrs ms dr
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def question_names(question: str) -> tuple[str, ...]:
    """The terms of the names a question gives: capitalised words other than the question's own
    opening word, function words, months and days ("KLM", "Piedmont", "Diplomat Electronics")."""
    text = fold(question)
    out: list[str] = []
    for match in _CAPITALISED.finditer(text):
        word = match.group(0).rstrip(".’'-")
        bare = re.sub(r"[’']s$", "", word)
        at_start = not text[: match.start()].strip(' "“(')
        if bare.lower() in _NOT_NAMES or bare.lower() in STOP_WORDS:
            continue
        if at_start and not (len(bare) > 1 and bare.isupper()):
            continue  # "Why", "Tell": a capital that only opens the question
        out.extend(terms(bare))
    return tuple(dict.fromkeys(out))


def article_name_shares(
    index: Index,
    named: tuple[str, ...],
    weights: dict[str, float],
    articles: Iterable[int],
    head_terms: Callable[[int], frozenset[str]],
    bridges: dict[str, frozenset[str]] | None = None,
) -> dict[int, float]:
    """For each article, the weighted share of the question's names (those the corpus holds at all)
    that its passages or its head (title, dateline: `head_terms`) hold; empty when the question
    gives no name the corpus holds. A name's bridge of the same stem counts as the name ("Canadian"
    asked, "Canada" written); other bridges ("Hamburg", "burger") do not."""
    # sorted(set()), not np.unique: np.unique imports numpy.ma (~10 ms) in a process's first question.
    wanted = np.array(sorted(set(articles)), dtype=np.int64)
    # Each candidate article's passage range; a name is in it when a posting falls inside. Only the
    # candidates are looked at: a common name ("U.S.") has postings in most of a large corpus.
    lo = np.array([index.pass_lo[a] for a in wanted.tolist()], dtype=np.int64)
    hi = np.array([index.pass_hi[a] for a in wanted.tolist()], dtype=np.int64)
    found: list[tuple[frozenset[str], npt.NDArray[np.bool_], float]] = []
    for t in named:
        forms = [t, *sorted(b for b in (bridges or {}).get(t, ()) if b[:4] == t[:4] and len(t) >= 4)]
        tids = [tid for f in forms if (tid := index.term_id(f)) is not None]
        if tids:
            inside = np.zeros(wanted.shape[0], dtype=bool)
            for tid in tids:
                ids = index.postings(tid)[0]  # sorted by passage id
                inside |= np.searchsorted(ids, lo) < np.searchsorted(ids, hi)
            found.append((frozenset(forms), inside, weights.get(t, 0.0)))
    total = math.fsum(w for _, _, w in found)
    if not found or total <= 0:
        return {}
    out: dict[int, float] = {}
    for k, article in enumerate(wanted.tolist()):
        head: frozenset[str] | None = None
        held = 0.0
        for held_forms, in_passages, weight in found:
            if not in_passages[k]:
                head = head_terms(article) if head is None else head
                if not held_forms & head:
                    continue
            held += weight
        out[article] = held / total
    return out
