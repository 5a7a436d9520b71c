"""Who said it: attributions for each sentence of an article, names merged per person.

The one way in to the speakers stage. `attribute` reads an article at index time;
`rows_of`/`stored_attributions` are how the index keeps its results; `census` lists the people
of a whole corpus from what was stored; `speaker_matches` lets users ask by any
form of a name.
"""

from assistant.speakers.aliases import canonical_key, split_role
from assistant.speakers.attribute import attribute, speaker_matches
from assistant.speakers.stored import Row, census, rows_of, stored_attributions

RULES_VERSION = "speakers-3"
"""Part of the index fingerprint: change it when the rules change, so stored attributions are redone."""

__all__ = [
    "RULES_VERSION",
    "Row",
    "attribute",
    "canonical_key",
    "census",
    "rows_of",
    "speaker_matches",
    "split_role",
    "stored_attributions",
]
