"""Who holds a role at a name: "Who is the chairman of Aga AB?", "Who will head Northern Telecom's new
division?". The answer is whoever a sentence writes in that role at that name ("Aga chairman X",
"X, chairman of Aga"); a story that gives the role only at another name ("Who is the chairman of
Texaco?" of Pennzoil's story, quoting Pennzoil's chairman) does not answer it (story_gaps.role_unbound).

Only two shapes are read, both of a position held: "Who is / was / will be the ROLE of / at / for
NAME" (a role of one to three lower-case words) and "Who heads / leads / runs / manages / owns /
founded / controls / directs NAME". "Who chaired Monday's joint session of EC ministers?" asks who
chaired a meeting, and the story writes "who chaired yesterday's joint meeting": no name to hold the
role at. A verb of an act ("Who ruled Cyprus in 1191?", "Who
kicked Ethelred out?") is no role: history writes the act in other words or in a sentence that
names the place only by a pronoun, and squad-dev-train lost answers to it.

A role asked as heading ("Who heads / leads / runs / manages / directs Acme?", "Who is the head of
Acme?") is written as the title of whoever does it: "Acme chairman John Smith", "Bundesbank
President Karl Otto Poehl", "Labor Secretary Bill Brock". WordNet bridges none of these to the verb
("head" to chief, lead and direct, not chairman): `written_as` gives them. Owning was tried the same
way (a stake, a parent, a unit, control) and left out: it answered a near miss of refuse-dev ("Who
owned United Federal Savings and Loan...?", a story of regulators taking control) and no answerable
question of the dev sets needed it. Only the title "owner" is read for owning ("Who owns the Nordby
paper mill?" of "The Nordby paper mill will shut in January, owner Hallan Group said").
"""

from __future__ import annotations

import re

from assistant.index.tokens import terms

TENURE = ("new", "current", "former", "next", "present", "acting", "interim")
"""Words before a role that say when it is held ("the new chairman"): the role is the rest."""
_TENURE = rf"(?:(?:{'|'.join(TENURE)})\s+)*"
_ROLE_OF = re.compile(
    r"^(?i:who)\s+(?:is|was|are|were|will\s+be|would\s+be|has\s+been|had\s+been|became|becomes|will\s+become)"
    rf"\s+(?:the\s+)?{_TENURE}(?P<role>(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*)\s+(?:of|at|for)\s+(?P<name>.+)$"
)
_HOLDS = re.compile(
    r"^(?i:who)\s+(?:will\s+|would\s+|now\s+|currently\s+|is\s+to\s+)?(?:(?:is|was)\s+)?"
    r"(?P<role>heads?|headed|heading|leads?|led|leading|runs?|ran|running|"
    r"manages?|managed|managing|owns?|owned|founded|controls?|controlled|directs?|directed)"
    r"\s+(?P<name>.+)$"
)
HEAD_TITLES = tuple(
    "chairman chairwoman chairperson chair president chief head leader director manager governor"
    " secretary minister commissioner ceo boss".split()
)
"""How whoever heads, leads, runs, manages or directs a body is titled in a story."""
_HEADING = ("heads", "leads", "leader", "runs", "manages", "directs", "boss")
OWNER_TITLES = ("owner", "owners", "proprietor")
"""How whoever owns a body is titled ("owner Hallan Group said"): the agent noun alone, which WordNet's
table as shipped does not bridge to "own"; a stake, a parent or control are not read (the module)."""
_WRITTEN_AS: dict[str, tuple[str, ...]] = {t: HEAD_TITLES for w in _HEADING for t in terms(w)} | {
    t: OWNER_TITLES for t in terms("owns owned")
}


def written_as(role: tuple[str, ...]) -> frozenset[str]:
    """Terms a story writes the role asked as, beyond the role's own and its bridges: the titles of
    whoever heads a body for "heads" or "the head of", "owner" for "owns"."""
    return frozenset(t for r in role for w in _WRITTEN_AS.get(r, ()) for t in terms(w))


_CAPITALISED = re.compile(r"\b[A-Z][\w&'’.-]*")


def role_asked(question: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """For a question asking who holds a role at a name: the role's terms and the terms of the
    name's capitalised words ("chairman"; "aga", "ab"). None for any other question, and for a
    role at nothing capitalised ("Who heads the delegation?")."""
    text = " ".join(question.split()).rstrip("?. ")
    match = _ROLE_OF.match(text) or _HOLDS.match(text)
    if match is None:
        return None
    role = tuple(terms(match.group("role")))
    name = tuple(dict.fromkeys(t for w in _CAPITALISED.findall(match.group("name")) for t in terms(w)))
    return (role, name) if role and name else None
