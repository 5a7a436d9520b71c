"""An article's title as a field of each of its passages: its terms, marked apart from the body's.

A headline sums its story up in words of its own ("Harbour authority approves dredging plan" over a
body that says "the work" and "the deepening of the channel"), so a reader's question often shares
words with the title that the answer sentence does not have. Each passage's BM25 document holds its
sentences' terms and its article's title's terms marked with TITLE_MARK, so the two are searched apart
with one index: a question's own terms rank passages by their body as before (a title full of common
words does not crowd out a passage naming the rare name asked), and the same terms marked find the
passages whose title holds them (`answer/candidates.py`). The mark is no character a term has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

TITLE_MARK = "^"


def title_field(terms: Iterable[str]) -> list[str]:
    """Terms as the title field holds them."""
    return [TITLE_MARK + t for t in terms]


def held(term_id: Callable[[str], int | None], term: str) -> bool:
    """Whether the index holds `term` in a body or a title (`term_id`: the index's lookup)."""
    return term_id(term) is not None or term_id(TITLE_MARK + term) is not None
