"""Nouns for one person named by what they do: "one buyer said", "the seismologist said".

Only the word's shape is known here (a singular -er, -or, -ist or -ian noun), so the words of that
shape that name nobody ("later", "the floor", "a larger") are listed apart.
"""

import re

_DOER = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)$")
_NOT_DOERS = frozenset(
    """
    other another former latter later earlier ever never however further rather together either neither
    whether after over under number order letter paper water floor door color colour error mirror major
    minor junior senior prior interior exterior superior inferior matter quarter sector
    factor meter center centre corner border cover power tower winter summer chapter character register
    filter barrier answer offer transfer poster monitor paper proper counter shelter theater
    theatre headquarter editorial person reason season
    larger smaller bigger higher lower greater wider stronger weaker better faster slower older younger
    newer cheaper richer poorer deeper longer shorter harder easier broader tighter looser clearer closer
    fewer lesser somber sombre sober clever bitter tender
    """.split()
)


def names_a_doer(word: str) -> bool:
    """Whether a lower-case word has the shape of one who does something and is not a known other."""
    return word not in _NOT_DOERS and _DOER.search(word) is not None
