"""What the two front ends (cli/ and tui/) share: how a listing chooses articles, article text as Rich `Text`.

Never imported by the core (tests/test_architecture.py checks it); it may use Rich but
never Textual or click, so `assistant list` and the chat show the same thing the same way.
"""

from assistant.frontend.article_list import SORT_KEYS, SortKey, matches, select_articles
from assistant.frontend.rich_text import quote_text, safe, styled

__all__ = ["SORT_KEYS", "SortKey", "matches", "quote_text", "safe", "select_articles", "styled"]
