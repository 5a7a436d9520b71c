"""For "what did X say": whose words a sentence is, beyond X's name matching its speaker.

Two shapes the learned score and priors.py's rules miss, as readers ask:
- X asked by a role with words saying which one ("a Nomura Securities broker", "a senior Bank of
  Japan official"): every broker or official matches the role, so the one whose mention holds those
  words ("A Nomura Securities broker said") is X, above "Brokers said" or "a central bank official";
  so is the one whose mention spells them by their initials ("A BMA spokesman" for "a Bahrain
  Monetary Agency spokesman").
- Someone else's words in an article where X speaks: "Brokers said the meeting is likely to lead
  Japan to ..." repeats more of the question than X's own statement, yet it is not what X said;
  so too "traders said" where "an analyst" is asked and "one analyst" speaks.
"""

from __future__ import annotations

import math
import re

import numpy as np
import numpy.typing as npt

from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.index.tokens import terms
from assistant.speakers import is_body, is_person, plainly_a_person

QUALIFIER_PRIOR = 2.0
"""Added to X's statements in proportion to the share (by idf weight) of the words qualifying an
asked role that their speaker's mention or role holds: "a Nomura Securities broker" is the broker
written with "Nomura Securities"."""
OTHER_SPEAKER_PENALTY = 4.0
"""Taken from a sentence reported as someone else's words in an article where a candidate is the
statement of X, a person or a role asked ("an analyst": "traders said" in a story where "one analyst"
speaks is not the analyst's): as much as priors.PERSON_UNSPOKEN_PENALTY takes from the reporter's own
sentence. Not where X is a body ("the agency believes" is Moody's)."""


QUOTE_MARKS = frozenset('"“”')
_PRONOUNS = frozenset({"he", "she"})


def _carries_on(s: Scored) -> bool:
    """Whether a sentence goes on with the statement before it, if that is X's: it names no speaker
    and writes a quotation mark ('"There would be little to gain ..."' after '"We have no intention
    of revising the accord," he said'), or its speaker is a "he" or "she" left unresolved
    ('"... there will be a strike," he said' after White's). The reporter's own sentence after X's
    ("Yugoslavia was swept by strikes last month ...") and someone else's words are not X's."""
    who = s.speaker
    if who is None:
        return not QUOTE_MARKS.isdisjoint(s.text)
    return not who.key and who.as_written.lower() in _PRONOUNS


def theirs_of(rows: npt.NDArray[np.float64], scored: list[Scored]) -> npt.NDArray[np.float64]:
    """1 where X speaks the sentence, or it carries on X's statement from the sentence before."""
    named = rows[:, FEATURES.index("speaker_named")]
    carried = np.array([_carries_on(s) for s in scored], dtype=np.float64)
    return np.maximum(named, carried * rows[:, FEATURES.index("prev_speaker_named")])


def _qualifiers(query: Query) -> tuple[str, ...]:
    """The terms of the question's subject other than an asked role's own word ("nomura",
    "securities" of "a Nomura Securities broker" asked as "broker"); none where a person is named."""
    subject = query.info.subject
    if not subject or len(query.names) != 1 or not query.names[0][:1].islower():
        return ()
    head = set(terms(query.names[0]))
    return tuple(t for t in dict.fromkeys(terms(subject)) if t not in head and t in query.weights)


_WORD = re.compile(r"[A-Za-z][\w.'’&-]*")
_MINOR = frozenset("of and for the de du".split())
"""Words inside a name its acronym skips ("Bank of Japan" is BOJ)."""


def acronym_terms(subject: str, mention: str) -> frozenset[str]:
    """The terms of the subject's words that an acronym in a speaker's mention stands for: "A BMA
    spokesman" is the Bahrain Monetary Agency's, asked as "a Bahrain Monetary Agency spokesman".
    Reuters writes a body in full at its first mention and by its initials in the next paragraph,
    where its spokesman speaks; a reader asks in the full name. An acronym is a word in capitals
    (two letters or more) that the initials of a run of the subject's capitalised words spell.

    Not speakers.bodies.initials: that one skips "of" ("Bank of Japan" is BJ there, BOJ here too), and
    it is part of the speaker rules stored in every index (a change there rebuilds each one)."""
    words = _WORD.findall(subject)
    found: set[str] = set()
    for token in mention.split():
        bare = token.strip(".,;:'’()")
        letters = "".join(c for c in bare if c.isupper())
        if len(letters) < 2 or not bare.isupper():
            continue
        for i, first in enumerate(words):
            if not first[:1].isupper():
                continue
            capitals, every = "", ""  # "Bank of Japan" spells BJ, or BOJ with its minor word
            for j in range(i, len(words)):
                if words[j][:1].isupper():
                    capitals += words[j][0]
                elif words[j].lower() not in _MINOR:
                    break
                every += words[j][0].upper()
                if letters in (capitals, every):
                    found |= set(terms(" ".join(words[i : j + 1])))
                if len(capitals) >= len(letters):
                    break
    return frozenset(found)


def qualifier_share(query: Query, scored: list[Scored]) -> npt.NDArray[np.float64]:
    """Per candidate, the weighted share of the asked role's qualifying words its speaker's mention
    (as written, or the role the article gives) holds; zeros when the question gives none."""
    words = _qualifiers(query)
    total = math.fsum(query.weights[t] for t in words)
    out = np.zeros(len(scored))
    if not words or total <= 0:
        return out
    for k, s in enumerate(scored):
        if s.speaker is None:
            continue
        who = s.speaker
        held = set(terms(who.as_written)) | set(terms(who.role or "")) | set(terms(who.name))
        held |= acronym_terms(query.info.subject or "", f"{who.as_written} {who.role or ''}")
        out[k] = math.fsum(query.weights[t] for t in words if t in held) / total
    return out


UNSPOKEN_PENALTY = 2.0
"""Taken from the reporter's own sentences in an article where a role asked as qualified speaks ("a
Benetton spokeswoman"): as priors.PERSON_UNSPOKEN_PENALTY does where a named person speaks."""
IDENTIFIED_SHARE = 0.5
"""The share of an asked role's qualifying words a speaker's mention must hold to be taken as X, as
a name would be: "A Nomura Securities broker said" is the one asked, and "Brokers said" beside it is
someone else."""


def _a_person(name: str, role: str | None) -> bool:
    """A speaker with a person's name: a known first name or a role ("Danforth aide"), or two or more
    words that name no company or body ("Petra Lindgaard", not "U.S. Shoe Corp")."""
    return plainly_a_person(name, role) or (is_person(name) and not is_body(name) and name[:1].isupper())


def statements_of(rows: npt.NDArray[np.float64], scored: list[Scored]) -> npt.NDArray[np.float64]:
    """1 where X speaks the sentence, or the quotation it goes on from, or where its speaker is the
    person (by key) who speaks a sentence of X's in the same article: a role asked ("the chief
    economist") is written at the first mention only, and "Takahashi said" later is the same man."""
    theirs = theirs_of(rows, scored)
    keys: dict[int, set[str]] = {}
    for s, t in zip(scored, theirs, strict=True):
        if t > 0 and s.speaker is not None and s.speaker.key:
            keys.setdefault(s.cand.article, set()).add(s.speaker.key)
    same = [s.speaker is not None and s.speaker.key in keys.get(s.cand.article, ()) for s in scored]
    return np.maximum(theirs, np.array(same, dtype=np.float64))


def speaker_prior(
    query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]
) -> npt.NDArray[np.float64]:
    """Logit added for "what did X say": QUALIFIER_PRIOR to the role asked as qualified, and
    OTHER_SPEAKER_PENALTY taken from others' words where X speaks in the same article (X a
    person, or a role asked, bare or with words a speaker's mention holds); UNSPOKEN_PENALTY from the
    reporter's words where that role speaks."""
    prior = np.zeros(rows.shape[0])
    if not (query.info.asks_statement and query.names) or not scored:
        return prior
    theirs = statements_of(rows, scored)
    share = qualifier_share(query, scored)
    # Later mentions name the one a first mention described: "Takahashi said" the person keyed
    # the same, "the sources" (no key) the unnamed speakers of the article.
    best: dict[tuple[int, str], float] = {}
    groups = [(s.cand.article, s.speaker.key if s.speaker is not None else "") for s in scored]
    for k, group in enumerate(groups):
        if theirs[k] > 0:
            best[group] = max(best.get(group, 0.0), float(share[k]))
    prior += QUALIFIER_PRIOR * theirs * np.array([best.get(g, 0.0) for g in groups])
    identified = {article for (article, _), b in best.items() if b >= IDENTIFIED_SHARE}
    # A role asked ("the chief economist") is one person only where its qualifying words say which;
    # but where anyone of that role speaks ("said one analyst"), those of another ("traders said")
    # are not X, whichever of the role X is.
    named = query.names[0][:1].isupper()
    speaking = identified | {
        s.cand.article
        for s, t in zip(scored, theirs, strict=True)
        if t > 0 and s.speaker is not None and (not named or _a_person(s.speaker.name, s.speaker.role))
    }
    for k, s in enumerate(scored):
        if theirs[k] > 0:
            continue
        if s.speaker is not None and s.cand.article in speaking:
            prior[k] -= OTHER_SPEAKER_PENALTY
        elif s.speaker is None and s.cand.article in identified:
            prior[k] -= UNSPOKEN_PENALTY  # a person's are priors.PERSON_UNSPOKEN_PENALTY's
    return prior
