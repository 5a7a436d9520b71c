"""Who said it: attributions for each sentence of an article, names merged per person.

The one way in to the speakers stage. `attribute` reads an article at index time;
`rows_of`/`stored_attributions` are how the index keeps its results (`tally` the counts it keeps
per segment, from which `census_of` and `names_of` work); `census` lists the people
of a whole corpus from what was stored (and `corpus_names` gives each short name the
one person the corpus names in full with it, never overriding what an article settled
itself); `speaker_matches` lets users ask by any form of a name.
"""

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from assistant.speakers.aliases import canonical_key, is_body, is_person, plainly_a_person, split_role
    from assistant.speakers.attribution import attribute
    from assistant.speakers.matching import names_nobody, quoted_by_nobody, speaker_matches
    from assistant.speakers.stored import (
        Row,
        census,
        census_of,
        corpus_names,
        names_of,
        rows_of,
        stored_attributions,
    )

# Each name is imported from its module when first read (PEP 562): a question reads stored
# attributions and never runs the rules that find them (`attribute` and what it loads, ~10 ms
# of every `assistant ask`); `from assistant.speakers import tally` loads the counts alone.
_HOME = {
    "canonical_key": "aliases",
    "is_body": "aliases",
    "is_person": "aliases",
    "plainly_a_person": "aliases",
    "split_role": "aliases",
    "attribute": "attribution",
    "names_nobody": "matching",
    "quoted_by_nobody": "matching",
    "speaker_matches": "matching",
    "Row": "stored",
    "census": "stored",
    "census_of": "stored",
    "corpus_names": "stored",
    "names_of": "stored",
    "rows_of": "stored",
    "stored_attributions": "stored",
}
__getattr__ = lazy_getattr(__name__, _HOME, globals())


_READ_AT_QUESTION_TIME = frozenset({"__init__.py", "matching.py"})
"""Modules no stored attribution or count is made with: editing them leaves stored indexes valid.
(tally.py stays in: its counts are stored per segment; stored.py too: it writes the rows.)"""


def _rules_version() -> str:
    """A digest of the rules' source and word tables: when they change, stored attributions are redone."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *here.glob("data/*.txt")]):
        if path.name not in _READ_AT_QUESTION_TIME:
            digest.update(path.read_bytes())
    return "speakers-" + digest.hexdigest()[:12]


RULES_VERSION = _rules_version()
"""Part of the index fingerprint."""

__all__ = [
    "RULES_VERSION",
    "Row",
    "attribute",
    "canonical_key",
    "census",
    "census_of",
    "corpus_names",
    "is_body",
    "is_person",
    "names_nobody",
    "names_of",
    "plainly_a_person",
    "quoted_by_nobody",
    "rows_of",
    "speaker_matches",
    "split_role",
    "stored_attributions",
]
