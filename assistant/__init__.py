"""Answers questions about a folder of news articles with verbatim, attributed quotes."""

__version__ = "0.1.0"
