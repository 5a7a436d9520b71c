"""The organisation an article is about, for "the company said" and "the bank said".

Wire stories name their subject in the first sentence ("National Semiconductor Corp, which
earlier reported a loss, said…", "Russian oil firm Yukos has filed…") and call it "the
company" after that. The body is taken from the article's first two sentences only: further
in, "the company" may be any of several.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.models import Sentence
from assistant.speakers.aliases import is_body, split_role
from assistant.speakers.body_chain import head_word

# A body introduced by what it is: "oil firm Yukos", "the bank Barclays", "carmaker Volvo".
_KIND_THEN_NAME = re.compile(
    r"\b(company|firm|group|bank|corporation|carrier|airline|maker|carmaker|insurer|lender|retailer|"
    r"giant|conglomerate|ministry|agency)\s+((?:[A-Z][\w&’'.\-]*)(?:\s+(?:of\s+|&\s+)?[A-Z][\w&’'.\-]*)*)"
)
# Runs of capitalised words: a body's name ("General Motors Corp", "Bank of England").
_RUN = re.compile(r"[A-Z][\w&’'.\-]*(?:\s+(?:(?:of|and|&)\s+)?[A-Z][\w&’'.\-]*)*")
_LEAD_SENTENCES = 2
_NOT_INITIAL = frozenset({"of", "and", "the", "for", "&", "de"})
_SUFFIXES = frozenset("corp corporation inc co ltd plc llc".split())
_OFFICE_BODIES = frozenset("department ministry bank agency office commission council board".split())
_MAX_ACRONYM = 5
# Which bodies each word for a body may stand for.
_GOVERNMENT = frozenset({"ministry", "department", "agency", "office", "commission", "bureau"})
_AIRLINE = frozenset({"airline", "airlines", "air", "airways", "aviation"})
# Kinds of body a name must say it is to be called so: "the exchange" is no bank that spoke last.
_NAMED_BY = {
    "exchange": frozenset({"exchange", "bourse", "trade", "futures", "simex", "liffe"}),
    "airline": _AIRLINE,
    "carrier": _AIRLINE,
    "association": frozenset({"association"}),
    "union": frozenset({"union", "workers"}),
    "institute": frozenset({"institute"}),
    "utility": frozenset({"power", "electric", "utilities", "edison", "hydro", "gas", "light", "energy"}),
    "commission": frozenset({"commission"}),
}


def body_fits(name: str, kind: str) -> bool:
    """True when a body of this name can be called "the <kind>": a ministry is no company."""
    last = head_word(name)  # "California Department of Corporations" is no company
    if kind == "it":
        return True
    named_by = _NAMED_BY.get(kind)
    if named_by is not None:  # "the exchange" is only a body whose name says it is one
        return any(word in named_by for word in name.lower().replace(".", "").split())
    if kind in ("ministry", "agency"):
        return last in _GOVERNMENT
    if kind == "bank":
        return "bank" in name.lower() or last not in _GOVERNMENT
    return last not in _GOVERNMENT


def main_body(text: str, sentences: Sequence[Sentence], kind: str) -> str | None:
    """The body the article's opening names, if it is of the kind asked for, else None."""
    lead = [s for s in sentences if s.paragraph >= 1][:_LEAD_SENTENCES]
    for sentence in lead:
        part = text[sentence.start : sentence.end]
        introduced = _KIND_THEN_NAME.search(part)
        if introduced is not None:
            said_kind, name = introduced.group(1).lower(), introduced.group(2).rstrip(".,")
            if said_kind == kind or (body_fits(name, kind) and said_kind not in _GOVERNMENT | {"bank"}):
                return split_role(name)[0] or None
        for run in _RUN.finditer(part):
            name = run.group().rstrip(".,")
            if name.isupper() and len(name) > _MAX_ACRONYM:
                continue  # a dateline ("DETROIT"), not an acronym
            if is_body(name) and body_fits(name, kind):
                return split_role(name)[0] or None
    return None


def is_acronym(name: str) -> bool:
    """ "GM", "USDA": two to five capitals standing for a body."""
    return 2 <= len(name) <= _MAX_ACRONYM and name.isupper() and name.isalpha()


def spelled_out(acronym: str, mentions: Iterable[str]) -> str | None:
    """The one body among an article's `mentions` whose initials are `acronym`, else None."""
    wanted = acronym.lower()
    found: dict[str, str] = {}
    for mention in mentions:
        name = split_role(mention)[0]
        if name and is_body(name) and wanted in initials(name):
            found.setdefault(" ".join(name.lower().split()), name)
    return next(iter(found.values())) if len(found) == 1 else None


def initials(form: str) -> set[str]:
    """ "gmc" and "gm" for "General Motors Corp"; "usda" for "U.S. Department of Agriculture"."""
    words = [w.lower() for w in form.split() if w.lower() not in _NOT_INITIAL]
    if len(words) < 2:
        return set()
    letters = ["".join(p[0] for p in w.split(".") if p) if "." in w.rstrip(".") else w[0] for w in words]
    found = {"".join(letters)}
    if words[-1].rstrip(".") in _SUFFIXES:
        found.add("".join(letters[:-1]))
    if len(words) > 2 and words[-1] in _OFFICE_BODIES:  # "U.S. Agriculture Department" is the USDA
        found.add("".join([*letters[:-2], letters[-1], letters[-2]]))
    return {f for f in found if len(f) > 1}


# What a body's mention says it is, after its name: "Caisse de depot et placement du Quebec, the
# government agency which manages the province's pension funds" is "the agency" of later sentences.
_DESCRIBED_AS = re.compile(
    r"\s*,\s+(?:the|a|an)\s+(?:(?!(?:of|the|for|and|to|in|its|their|which|that)\b)[a-z][a-z\-]*\s+){0,3}?"
    r"(company|firm|group|bank|corporation|agency|ministry|exchange|airline|carrier|association|union|"
    r"institute|utility|commission)\b(?![’'])"
)


def described_kind(after: str) -> str | None:
    """The kind of body the words right after a name describe it as ("agency" of ", the government
    agency which ..." after "Caisse de depot et placement du Quebec"); else None."""
    found = _DESCRIBED_AS.match(after)
    return found.group(1).lower() if found is not None else None
