"""A speaker written as a person of a body ("Chuck Fields of the American Farm Bureau Federation
said") is that person, asked by name, as well as the body the mention resolves to.

The speaker resolution keys such a mention by the body after "of" (or by the whole phrase, "perrin
long of lipper analytical"), so "What did Chuck Fields say" found none of his statements and was
refused. Reuters writes an analyst, an official or a lobbyist so at the first mention ("Dana Johnson
of First National Bank of Chicago", "Frederick Wolf of the GAO").
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.models import Attribution
from assistant.speakers import canonical_key, is_body, is_person, split_role

_PERSON_OF = re.compile(r"((?:[A-Z][\w'’-]*\.?\s+){1,2}[A-Z][\w'’-]+)\s+of\s+(?:the\s+)?[A-Z]")
"""Two or three capitalised words, then "of" and a capitalised name: "Chuck Fields of the American
Farm Bureau ...", "Perrin Long of Lipper Analytical"."""


def person_of(attribution: Attribution) -> Attribution | None:
    """The person a mention "<Name> of <body>" writes first, as a speaker of their own ("Chuck
    Fields"), or None where the mention is no such thing ("The Bank of England", "Union Bank of
    Switzerland": a body's own name holds "of")."""
    found = _PERSON_OF.match(attribution.as_written)
    if found is None:
        return None
    name, role = split_role(found.group(1))  # "Minister Hans Schmidt of Bonn": the title apart
    if not name or is_body(name) or not is_person(name):
        return None
    return replace(attribution, name=name, as_written=name, key=canonical_key(name), role=role)
