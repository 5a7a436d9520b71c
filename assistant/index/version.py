"""What a stored index must have been made by to be used as it is: else it is rebuilt."""

from __future__ import annotations

from assistant.speakers import RULES_VERSION as SPEAKER_RULES  # stored attributions follow the rules

# Bump when tokenizing, parsing or passage packing changes: stored indexes are then rebuilt.
# parse-8: wrapped lines, Markdown, datelines, bounded sentences. parse-9: wire headlines re-cased.
# parse-10: a wire agency after a byline ("By X, Reuters") is the source; "(corrected) - …" titled
# "(Corrected) - …". parse-11: Markdown comments, tables, footnotes, link definitions; a Markdown
# story's wire dateline; a wire file or web page refused; UTF-8 with stray Windows-1252 bytes.
# parse-12: a line outdented under one wider than wrapped text starts a paragraph.
# parse-13: a byline in capitals re-cased ("By JOHN SMITH"); Markdown emphasis around a byline.
# parse-14: no sentence break after "U.S." before a word the wire capitalises ("the U.S. And Japan").
# parse-15: a wrapped line set in a stray space or two (under the wire's four) carries its sentence on.
# parse-16: the wire's sign-off ("Reuter") or its dateline's agency ("(AP)") is the source.
# parse-17: an agency alone between paragraphs (a photo's credit) is no sign-off, so no source.
# amp: a word joined by an ampersand (AT&T, S&P) is one term, as a dotted one (U.S.) is.
# parse-18: TOML front matter and the field names site generators use, a front matter flag no field,
# a title's Setext underline, a byline repeating the known author, HTML tags alone in Markdown, a
# narrow newspaper column read as wrapped prose (trial24, review24).
# parse-19: a publication after a byline's comma ("By Lena Fisk, River Weekly") is the source; a
# tag named in prose shown; an embedded post's signature line ("— Name (@handle) date") is layout;
# the wire's "26-FEB-1987 15:01:01.79" and ISO timestamps read as dates; a dateline's day given the
# year a file's date holds alone ("date: 1987"); a mail's sender no author over the byline; a
# separator line ("- - - -", "--"), a page number and a newsletter's footer are layout (reading25).
# parse-20: a sentence naming someone by handle before a date ("Ann Lee (@annlee) posted … on 3 March
# 2024.") is story again, not an embedded post's signature; a byline's second writer whose surname a
# paper's name ends on ("By Anna Lee, Wei Sun") is no source (review25).
# parse-21: a pasted tweet's trailing pic.twitter.com/t.co links are no part of its sentence; a
# month-and-year line under the title ("February 1987") is the date "1987-02", not a sentence
# (reading25b).
ANALYSIS_VERSION = "fold-stop-variants-snowball-amp/parse-21"

DEFAULT_PASSAGE_TOKENS = 120
"""Passage size in tiktoken tokens unless $ASSISTANT_PASSAGE_TOKENS says otherwise (see analysis)."""


def index_fingerprint(passage_tokens: int) -> str:
    """The stamp every stored segment and generation carries: analysis, speaker rules, passage size."""
    return f"{ANALYSIS_VERSION}/{SPEAKER_RULES}/passages-{passage_tokens}"
