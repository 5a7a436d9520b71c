"""Speakers written before a mention that is not theirs. A person's description the wire leaves
unclosed before the verb: "Ramon Diaz, Chairman of the
Presidential Commission on Good Government (PCGG) told Reuters ...". The words right before "told"
name the body the person heads, not the speaker; the person is the name that opens the sentence.
And "sources close to the minister said": the sources speak, not the minister. Kept apart from
speaker_span.py, which reads descriptions closed by a second comma.
"""

from __future__ import annotations

from assistant.speakers.mentions import Token, is_determiner, mention_before, opens_description

_MAX_DESCRIPTION = 16
_OF_WORDS = frozenset({"of", "for", "at", "with", "on", "from"})
"""What joins a role to the body it is held in: "chairman of", "spokesman for", "analyst at"."""
_CLOSE_WORDS = frozenset({"close", "closer", "near", "loyal"})
"""What ties people to the one they speak near: "sources close to the minister said"."""
_NO_CROSSING = frozenset({",", ";", ":", ".", "!", "?", "and", "or", "but", "who", "which", "that"})


def unclosed_description_owner(
    tokens: list[Token], span: tuple[int, int], sentence_start: int
) -> tuple[int, int] | None:
    """The personal name opening the sentence when the mention `span` before the cue stands inside
    that name's description, left open by a missing comma; None otherwise."""
    first = span[0]
    comma = next((i for i in range(first) if tokens[i].text == ","), None)
    if comma is None or comma < 2 or first - comma > _MAX_DESCRIPTION:
        return None
    if any(t.text in _NO_CROSSING or t.lower in _NO_CROSSING for t in tokens[comma + 1 : first]):
        return None
    joined = tokens[first - 1].lower in _OF_WORDS or (
        first - 2 > comma and is_determiner(tokens[first - 1].text) and tokens[first - 2].lower in _OF_WORDS
    )
    if not joined or first - 1 <= comma + 1 or not opens_description(tokens[comma + 1]):
        return None  # a role must stand before the joining word: "Chairman of", "a spokesman for"
    name = mention_before(tokens, comma, sentence_start)
    if name is None or name[0] != 0:
        return None
    run = tokens[name[0] : name[1] + 1]
    if len(run) < 2 or not all(t.capitalised and t.is_word and not t.possessive for t in run):
        return None  # a personal name of two or more capitalised words, not "Officials" or "In London"
    return name


def close_to_owner(tokens: list[Token], span: tuple[int, int], sentence_start: int) -> tuple[int, int] | None:
    """For "sources close to Finance Minister X said": the people close to X ("sources"), who speak,
    where the mention `span` before the cue is X; None otherwise."""
    first = span[0]
    if first < 3 or tokens[first - 1].lower != "to" or tokens[first - 2].lower not in _CLOSE_WORDS:
        return None
    return mention_before(tokens, first - 2, sentence_start)
