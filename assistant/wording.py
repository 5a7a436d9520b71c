"""Counts in words: "1 quote", "2 quotes", the same in every front end.

A user trial found "1 quotes" in the chat's history; every count a person reads
(articles, quotes, paragraphs, words, tokens) goes through `counted`.
"""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`number` and `noun`, the noun plural unless the number is exactly one ("1 article", "0 articles",
    "2,004 articles": a reader takes in a grouped number at a glance)."""
    return f"{number:,} {noun if number == 1 else (plural or noun + 's')}"
