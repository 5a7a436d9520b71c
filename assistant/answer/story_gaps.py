"""Rules that refuse when the first quote's story never says what the question asks.

The refusal models (refusal.py) read how likely the best candidates are to answer: a near miss names
the company and the topic asked, so they find its story as likely as an answer. What such a story
lacks is the asked thing itself (a count, a year, a day, who holds a role at the name), and a reader
who asks of a story's fact copies it from the story. Each rule reads the first quote's story for
that one thing and refuses when it is absent; `Answerer.verdict` applies them before the models.

`count_missing`: "How many employees does X have?" is refused when no candidate sentence of the
first quote's article holds a number counting employees (or a bridge of the word: "staff",
"workers"). A near miss names X and its topic, so the models find X's story as likely as an answer;
what the story lacks is the count. Only "how many", and not of hours or years: a sum or a price
("how much", "at what price") is written apart from its noun ("12 dlrs a share"), a span as one word
("a 24-hour service"). Read over all candidates instead of the first
article's, it refused nothing more on the Reuters sets: in 2,225 stories some other company always
counts its employees. On squad-dev-train (the ranker's order) it refuses 16 of the 150 answerable
how-many questions it reads (0.6% of all questions; 13 of them first right: a count written apart,
"Four thousand emigrated", "2000 guests" read as a year) and 86 of 150 asked of a corpus without
their article. A count of whoever or whatever the noun happens to, in the clause that writes the noun,
answers too ("How many jobs will go?": "About 340 workers will lose their jobs", counted.counted_beside);
a span, a share or a sum there does not ("the shipping channel is running six months behind").

`year_missing`: a question naming a year ("How many Macintosh computers did Apple ship in 1986?",
"...Hong Kong's return to China in 1997?") is refused when the first quote's story (its sentences
and its head) never writes that year. A near miss finds the company's story, which tells of
another year or none; a reader who asks of a story's year copies it from the story: each of the 19
answerable questions naming a year that five Reuters dev sets answer has it in its first quote's
story, and 4 of refuse-dev's 80 unanswerable ones do not. A story dated in its metadata writes its
own year, and the years it names relative to it ("last year" in a story of March 1987 is 1986:
`dated_years`); an undated story's "last year" is no year (a Reuters dateline gives the day and
month only), and 5 of the unanswerable questions this rule refuses on the dev sets are of such
stories.

`kind_missing`: a question whose first wanted kind is a date ("When does Immunex expect to start
selling...?") is refused when no candidate sentence of the first quote's story offers one (features'
type_match: a date or a span it also wants; "In 1066" is a date to answer_types too). A near miss finds
the company's story, which gives its plans but no day for them. A story dated in its metadata is not
refused so: its date is shown with its quote (the Reuters and SQuAD bench corpora carry none). A sum
("How much is Gould's division being sold for?") is refused the same way when no candidate of the story
offers money or a rate and none writes a word of a sum (million, mln, dlr): a sum is written in many
shapes ("will cost the port four million" names no currency, "What pay rise...?" is answered by "a 9%
pay rise"), and refuse17 left sums out for refusing these; read so, it refuses 3 more unanswerable
questions of the six dev files and no answerable one. Only a sum asked "how much": "What was Thoreau's
punishment for not paying his taxes?" (squad-dev-train) and "What did Albrecht need the indulgences to
pay for?" (the SQuAD sample) want a sum by their "paying" (question_class.PAID) and were refused without
it. A reason ("Why did Saint-Gobain attach gold warrants to its ECU bond issue?") is refused when no
candidate of the story may state a cause or purpose (`reason_missing`): none offers answer_types'
reason kind or a quotation, and none writes the why-lift's cues, a clause of time news copy writes as
a cause ("rose after heavy rains damaged the crop", "slowed as stocks piled up") or a feeling ("said
to be angry"). A near miss finds the company's story, which reports the deal but not why, and was
shown a sentence restating it. Only a question opening with "Why" and asking no source's view: "What
helped lift lead prices?" is answered by a plain noun ("a burst of cash metal pricing purchases"),
"Why does Moody's believe...?" by Moody's statement of its grounds, neither with a cue (both
reuters-paraphrased, refused when they were read). On refuse-dev, reuters-paraphrased, dev25 and
dev25b it refuses 5 more unanswerable questions (2 on odd lines) and no answerable one; on
squad-dev-train (every third question) and the SQuAD sample nothing changes, answerable or
off-topic: an encyclopedia article writes a cue somewhere. A person, a place or a statement is
written in too many shapes for the patterns to vouch for its absence.

`role_unbound`: a question asking who holds a role at a name (`Query.role`, answer/role_asked.py:
"Who is the chairman of Aga AB?", "Who will head Northern Telecom's new division?") is refused when
no sentence of the first quote's story (nor its head) writes the role, or a bridge of it, within
ROLE_REACH terms of the name. A near miss finds the name's story, which gives the role at another
name ("Duffour et Igon Chairman Jean Igon" in a story of Aga's bid; Pennzoil's chairman in a story
naming Texaco) or nobody in it, and the models find it as likely as an answer. A story that answers
writes the two together ("Aga chairman X", "X, chairman of Aga", "Aga named X its new chairman"; an
author as "written by X", through the agent noun's verb; who heads or runs a body as its title:
"Acme chairman John Smith" answers "Who heads Acme?", role_asked.written_as).
On five Reuters dev sets and refuse-dev it refuses 8 unanswerable questions (7 of them answered
before it), no answerable one; of squad-dev-train's 39 questions of the two shapes, none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import AnswerType
from assistant.answer.counted import counted_beside
from assistant.answer.features import FEATURES, Scored
from assistant.answer.lexicon import bridges_of
from assistant.answer.query import Query
from assistant.answer.question_class import COMPANY_ENDS
from assistant.answer.reasons import may_state_reason
from assistant.answer.role_asked import TENURE, written_as
from assistant.index.tokens import terms, words

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt


def first_story(scored: list[Scored]) -> npt.NDArray[np.bool_]:
    """Which candidates (best first) are of the first quote's story: what the rules below read."""
    return np.array([s.cand.article == scored[0].cand.article for s in scored])


def count_missing(query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]) -> bool:
    """Whether a question counting a noun ("How many employees...") has no candidate sentence of the
    first quote's article (`scored` best first, `rows` their features) holding a number bound to
    that noun or to a bridge of it."""
    if not (query.counted and query.how_many) or not scored:
        return False
    if "duration" in query.wanted:
        return False  # "how many hours a day": a span is written "24-hour", "round the clock"
    story = first_story(scored)
    if float(rows[story, FEATURES.index("counted")].max()) >= 0.5:
        return False
    # "How many jobs will go?" is answered by "About 340 workers will lose their jobs": the noun asked
    # stands in the clause with a count of whoever or whatever it happens to.
    return not any(
        counted_beside(s.text, query.counted) for s, here in zip(scored, story, strict=True) if here
    )


YEAR = re.compile(r"(?:1[89]|20)\d\d")
"""A term that is a year of these centuries ("1986"; "fiscal 1987/88" is the terms 1987 and 88)."""


def asked_years(query: Query) -> tuple[str, ...]:
    """The years the question names, as its own terms."""
    return tuple(t for t in query.own if YEAR.fullmatch(t))


def year_missing(query: Query, story: Callable[[], frozenset[str]]) -> bool:
    """Whether the question names a year and the first quote's story (`story()`: the terms of its
    sentences and its head, and the years it writes relative to its date (`dated_years`), made only
    when a year is asked) writes none of the years it names."""
    years = asked_years(query)
    if not years:
        return False
    held = story()
    return not any(y in held for y in years)


RELATIVE_YEAR = re.compile(
    r"\b(?:(last|past|previous|prior|this|current|next|coming)\s+year|a\s+year\s+(ago|earlier|before|later)"
    r"|year[- ](ago|earlier))\b",
    re.IGNORECASE,
)
"""A year written relative to the story's own ("last year", "a year earlier", "the year-ago quarter")."""

_YEAR_OFFSET = {"last": -1, "past": -1, "previous": -1, "prior": -1, "ago": -1, "earlier": -1, "before": -1}
_YEAR_OFFSET |= {"this": 0, "current": 0, "next": 1, "coming": 1, "later": 1}


def dated_years(text: str, day: dt.date | None) -> frozenset[str]:
    """The years a story dated `day` (its metadata's date) writes relative to its own: its own year,
    and "last year" in a story of 1987 is 1986. A story without a date writes none: its "last year"
    is no year the question may name (the Reuters wire dates its stories by day and month only)."""
    if day is None:
        return frozenset()
    found = {day.year}
    for match in RELATIVE_YEAR.finditer(text):
        word = next(g for g in match.groups() if g is not None).lower()
        found.add(day.year + _YEAR_OFFSET[word])
    return frozenset(str(y) for y in found)


ROLE_REACH = 10
"""How many terms apart (stop words left out) a role and the name it is held at may stand in one
sentence and be read as one: "Texaco chairman", "chairman of Texaco Inc", "Texaco named John Smith,
54, president of its refining unit, its new chairman" (9 apart). On the dev sets the answerable
questions' roles stand 1 to 3 terms from their names, the near misses' 14 or in no sentence at all
(6 was tried first: the same decisions on every dev set and squad-dev-train)."""


AGENT_ENDINGS = ("er", "or")
"""How an agent noun's term ends ("writer", "director"): its own bridges hold the verb of its act."""


ROLE_MODIFIERS = frozenset(
    t
    for w in (*TENURE, "deputy", "vice", "executive", "board", "senior", "chief", "managing", "joint")
    for t in terms(w)
)
"""Words that open a sentence before a role without naming its holder ("New chairman John Smith")."""


def held_roles(text: str, first: bool) -> list[tuple[str, str | None]]:
    """The terms of a text in order, each with the term of the capitalised name written right
    before it ("Pennzoil Co chairman": "pennzoil" for "chairman"; "Texaco's chairman": "texaco"),
    whose role it is; None where a comma, a stop word, a lower-case word, a word like "New" opening
    the sentence or nothing comes first ("John Smith, chairman of Texaco", "its new chairman"). A
    head (`first`) is Title Case throughout, so nothing in it is read as a name before a role."""
    out: list[tuple[str, str | None]] = []
    before: tuple[int, str | None] | None = None  # the previous word: where it ends, the name it is
    for word, start, _end in words(text):
        found = terms(word)
        if not found:
            before = None  # a stop word: "the chairman", "Bank of America" read from "America"
            continue
        term = found[0]
        adjacent = before is not None and text[before[0] : start].strip() == ""
        holder = before[1] if adjacent and before is not None else None
        if term in COMPANY_ENDS and holder is not None:
            name: str | None = holder  # "Pennzoil Co": the name goes on through its ending
        elif not first and text[start].isupper() and (start > 0 or term not in ROLE_MODIFIERS):
            name = term  # a sentence's first word too: "Pennzoil Co chairman ...", "Texaco's chairman"
        else:
            name = None
        out.append((term, holder))
        before = (_end, name)
    return out


def role_unbound(query: Query, story: Callable[[], list[str]]) -> bool:
    """Whether a question asking who holds a role at a name (`Query.role`: "Who is the chairman of
    Aga AB?") is shown a story (`story()`: the text of its head, then of each sentence, made only
    when a role is asked) no sentence of which writes the role, or a bridge of it, within
    ROLE_REACH terms of the name, unless another capitalised name is written right before the role
    and so holds it: a near miss finds the name's story, which gives another company's chairman
    ("Who is the chairman of Texaco?" shown "Pennzoil Co chairman J. Hugh Liedtke said the company
    has made several proposals to Texaco", 9 terms apart) or nobody in the role at all."""
    if query.role is None:
        return False
    role, names = query.role
    bridged = set(role).union(*(query.bridges.get(t) or bridges_of(t) for t in role), written_as(role))
    # "Who is the author of X?" is answered by "X ... written by Y": an agent noun among the role's
    # bridges ("writer") brings its verb ("write"); other bridges of bridges are too loose.
    role_terms = bridged.union(*(bridges_of(t) for t in bridged if t.endswith(AGENT_ENDINGS)))
    name_terms = set(names).union(*(query.bridges.get(t, frozenset()) for t in names))
    # "GM chairman Roger Smith" holds General Motors by its initials.
    name_terms |= {short for short, run in query.initials.items() if set(run) & set(names)}
    owners = name_terms | role_terms  # "Texaco chairman", "Chief Executive": the role is the name's
    for n, text in enumerate(story()):
        held = held_roles(text, first=n == 0)
        at_role = [i for i, (t, by) in enumerate(held) if t in role_terms and (by is None or by in owners)]
        at_name = [i for i, (t, _) in enumerate(held) if t in name_terms]
        if any(abs(i - j) <= ROLE_REACH for i in at_role for j in at_name):
            return False
    return True


SURE_KINDS: tuple[AnswerType, ...] = ("date", "money", "reason")
"""Kinds of answer whose absence from a story's candidates `kind_missing` trusts (see the module)."""

HOW_MUCH = frozenset(("how", "much"))
"""The words of the one shape of a sum asked that `kind_missing` reads: "How much is X sold for?"."""

SUM_WRITTEN = frozenset(
    t for w in ("million", "billion", "trillion", "mln", "bln", "dlr", "dlrs") for t in terms(w)
)
"""Terms of a sum the patterns may not read as money ("will cost the port four million", "millions of
dlrs"): a story writing one may hold the sum asked."""


def kind_missing(
    query: Query,
    rows: npt.NDArray[np.float64],
    scored: list[Scored],
    dated: Callable[[], bool] = lambda: False,
) -> bool:
    """Whether the question's first wanted kind is one of SURE_KINDS and no candidate of the first
    quote's story (`scored` best first, `rows` their features) offers it. A date: any kind the
    question wants will do ("When will X stop?" is answered by "within two years"), and a story
    `dated()` by its metadata gives a date of its own, shown with its quote ("When did the winner
    cross the line?"). A sum asked "how much": money, a rate ("a 9% pay rise" for "How much of a pay
    rise...?") or a word of a sum written without a currency (SUM_WRITTEN). A reason asked "Why"
    (`asks_why_itself`): a cause or purpose stated (`reason_missing`)."""
    if not query.wanted or query.wanted[0] not in SURE_KINDS or not scored:
        return False
    story = first_story(scored)
    if query.wanted[0] == "reason":
        if not asks_why_itself(query):
            return False
        return reason_missing(rows[story], [s for s, here in zip(scored, story, strict=True) if here])
    if query.wanted[0] == "date":
        return not dated() and float(rows[story, FEATURES.index("type_match")].max()) < 0.5
    if not query.stated.words >= HOW_MUCH:
        return False  # "What was Thoreau's punishment for not paying his taxes?" wants money by its "paying"
    offered = rows[story][:, [FEATURES.index("offers_money"), FEATURES.index("offers_percent")]]
    if float(offered.max()) > 0.0:
        return False
    return not any(s.terms & SUM_WRITTEN for s, here in zip(scored, story, strict=True) if here)


def reason_missing(rows: npt.NDArray[np.float64], story: list[Scored]) -> bool:
    """Whether no candidate of the first quote's story (`story`, `rows` their features) may state a
    cause or purpose: none offers answer_types' reason kind or a quotation (a speaker's own words
    give their grounds: "We cannot keep sandbagging the high street every winter"), and none writes
    the why-lift's cue nor a looser shape of a cause (reasons.may_state_reason)."""
    if float(rows[:, FEATURES.index("type_match")].max()) >= 0.5:
        return False
    if float(rows[:, FEATURES.index("offers_quote")].max()) > 0.0:
        return False
    return not any(may_state_reason(s.text) for s in story)


WHY_OF_VIEW = frozenset(
    "believe believes think thinks say says said feel feels expect expects argue argues according"
    " see sees consider considers tell told claim claims".split()
)
"""Words by which a why-question asks a source's view ("Why does Moody's believe X can keep its
coverage stable?"): the answer is the source's statement, which states its grounds without a cue
("strong financial management")."""


def asks_why_itself(query: Query) -> bool:
    """Whether the question opens with "Why" and asks the reason for an event, not for a source's view
    of it: a cause asked by a verb of causing ("What helped lift lead prices?") is answered by the
    thing that helped, written as a plain noun ("a burst of cash metal pricing purchases")."""
    return query.stated.low.startswith("why") and not (query.stated.words & WHY_OF_VIEW)
