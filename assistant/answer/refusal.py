"""Calibrated refusal: does the corpus answer this question at all?

Judged per question from its best candidates: the ranker's probability for the best sentence, how
much of the question the best-covered sentence and its neighbours match (exactly and bridged), and
the question's length and the share of its weight the corpus holds neither
exactly nor through a bridge. A small logistic model turns these into a probability that the corpus
answers; its threshold refuses a fixed share (REFUSAL_BUDGET) of answerable training questions asked
in other words than their article's, whatever the ranker's sharpness.

Then near misses: the corpus has the company and the topic but not the asked fact ("When does Astra
plan to begin clinical trials?" shown another company's trial). A second logistic model reads the
same facts and the share of the question's names that the first quote's article never names
(shown_article.py; or, when the ranker cannot tell the first quotes apart, the least any of their
articles lacks). Only names count: the same country written otherwise ("America", "U.S.") is
present through the lexicon's bridges, and a demonym or an ordinary word in capitals ("Third World")
is no name. It judges only a question whose answer's article lacks one of its names; it was
trained against questions with one name swapped for another article's, and its threshold lets it
refuse at most NEAR_MISS_BUDGET of the paraphrased answerable training questions (asked in other
words than the article's) the first model keeps (when fewer lack a name, the threshold is 1: every
such question is refused). With `AnswerSettings.near_misses` on (off by default: it refused answerable
questions written apart), a question is answered only when both models say so.

Before the models, two rules. `statement_found`: a question asking what a named speaker said ("What
did Bretz say about...", "How did Cooke describe...") whose first quote is that speaker's statement
touching its topic is answered. The models were trained on SQuAD, which asks almost nothing of the
kind: a reader's paraphrase of a statement leaves the ranker's own probability near 0.01 although
the speaker asked was found saying it (it refused 10 of reuters-said-dev's 88).

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
their article.

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
type_match: a date or a span it also wants). A near miss finds the company's story, which gives its
plans but no day for them. A story dated in its metadata is not refused so: its date is shown with
its quote (the Reuters and SQuAD bench corpora carry none). Only dates: a person, a place, a reason
or a statement is written in too many shapes for the patterns to be sure of its absence, and so is a
sum ("will cost the port four million" names no currency; "What pay rise...?" is answered by "a 9%
pay rise"): read for money too, the rule refused 4 more unanswerable questions of the dev sets, and
these answerable ones with them. On five Reuters dev sets and refuse-dev it refuses 2 unanswerable
questions the models answered, no answerable one.

`role_unbound`: a question asking who holds a role at a name (`Query.role`, answer/role_asked.py:
"Who is the chairman of Aga AB?", "Who will head Northern Telecom's new division?") is refused when
no sentence of the first quote's story (nor its head) writes the role, or a bridge of it, within
ROLE_REACH terms of the name. A near miss finds the name's story, which gives the role at another
name ("Duffour et Igon Chairman Jean Igon" in a story of Aga's bid; Pennzoil's chairman in a story
naming Texaco) or nobody in it, and the models find it as likely as an answer. A story that answers
writes the two together ("Aga chairman X", "X, chairman of Aga", "Aga named X its new chairman"; an
author as "written by X", through the agent noun's verb).
On five Reuters dev sets and refuse-dev it refuses 8 unanswerable questions (7 of them answered
before it), no answerable one; of squad-dev-train's 39 questions of the two shapes, none.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.answer_types import AnswerType
from assistant.answer.features import FEATURES, Scored
from assistant.answer.lexicon import bridges_of
from assistant.answer.query import Query
from assistant.answer.shown_article import NOTHING_MISSING, ShownArticle
from assistant.answer.topic import topic_coverage, topic_terms

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

GAP_CAP = 6.0
"""The most the best candidate's logit may lead the second's by, as the model reads it: about the 99th
percentile of squad-dev-train's answerable questions. A lone candidate (all others filtered out, as
`--speaker` does) has no second and a gap of ~16, far past anything trained on, where the linear
weight only extrapolates (it refused "ratings" asked of Moody's own statement)."""

REFUSAL_FEATURES: tuple[str, ...] = (
    "best_logit",
    "best_window",
    "best_cov",
    "best_allcov",
    "n_terms",
    "unreachable_share",
    "least_unmatched_rare",
    "logit_gap",
)
NEAR_MISS_FEATURES: tuple[str, ...] = (*REFUSAL_FEATURES, "names_missing")
"""The near-miss model's facts: the refusal model's, then what the first quote's article lacks."""

CLOSE_SHARE = 0.5
"""A quote after the first whose probability is at least this share of the first one's is as likely
the answer: its article's names count as the answer's."""

REFUSAL_BUDGET = 0.25
"""The share of paraphrased answerable training questions (squad-dev-train asked with words swapped
for WordNet bridges the article does not use) the refusal model may refuse: its threshold is chosen
by this count. It was chosen as the threshold minimising refused answerable plus answered off-topic
on SQuAD's own wording, where off-topic questions are easy to tell: that cost is flat near its
minimum, so the threshold jumped with every change of the ranker's sharpness (0.39 to 0.53 with
rank12's phrase features), and the questions readers ask in their own words paid. 0.25 is what the
cost-minimising threshold refused with the ranker of b80a747 (25.7%, threshold 0.40)."""

NEAR_MISS_BUDGET = 0.01
"""The share of paraphrased answerable training questions (of those the refusal model keeps) the
near-miss model may refuse: what it costs to say "the corpus does not say" of a right topic with
the fact absent."""


STATEMENT_TOPIC = 0.2
"""The least share (idf-weighted) of a statement question's topic (topic.topic_terms: its own terms
other than those naming or describing who is asked) that the asked speaker's first quote and its
neighbouring sentences must hold, exactly or through a bridge (at half its weight), for the rule
to answer: without it "What did Biden say about climate change?" would be answered by whatever
Biden said. A topic term the corpus never uses, nor any bridge of it ("oil" asked of Sullivan in a
corpus without oil), leaves the question to the models."""


def statement_found(
    query: Query, first: Scored, row: npt.NDArray[np.float64], around: frozenset[str]
) -> bool:
    """Whether a question about what a named speaker said is answered by its first quote (`row` its
    feature row, `around` the terms of it and its neighbouring sentences): the speaker asked is the
    one speaking there, and the quote's surroundings hold STATEMENT_TOPIC of the topic asked about
    (topic.topic_coverage, a bridge at half)."""
    if not query.info.asks_statement or row[FEATURES.index("statement_match")] < 1.0:
        return False
    if any(t not in query.reachable for t in topic_terms(query)):
        return False  # a topic the corpus never writes of, even through a bridge: never said
    return float(topic_coverage(query, [first], [around])[0]) >= STATEMENT_TOPIC


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
    return float(rows[first_story(scored), FEATURES.index("counted")].max()) < 0.5


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


def role_unbound(query: Query, story: Callable[[], list[list[str]]]) -> bool:
    """Whether a question asking who holds a role at a name (`Query.role`: "Who is the chairman of
    Aga AB?") is shown a story (`story()`: the terms in order of its head and of each sentence, made
    only when a role is asked) no sentence of which writes the role, or a bridge of it, within
    ROLE_REACH terms of the name: a near miss finds the name's story, which gives another company's
    chairman ("Who is the chairman of Texaco?" shown Pennzoil's) or nobody in the role at all."""
    if query.role is None:
        return False
    role, names = query.role
    bridged = set(role).union(*(query.bridges.get(t) or bridges_of(t) for t in role))
    # "Who is the author of X?" is answered by "X ... written by Y": an agent noun among the role's
    # bridges ("writer") brings its verb ("write"); other bridges of bridges are too loose.
    role_terms = bridged.union(*(bridges_of(t) for t in bridged if t.endswith(AGENT_ENDINGS)))
    name_terms = set(names).union(*(query.bridges.get(t, frozenset()) for t in names))
    # "GM chairman Roger Smith" holds General Motors by its initials.
    name_terms |= {short for short, run in query.initials.items() if set(run) & set(names)}
    for held in story():
        at_role = [i for i, t in enumerate(held) if t in role_terms]
        at_name = [i for i, t in enumerate(held) if t in name_terms]
        if any(abs(i - j) <= ROLE_REACH for i in at_role for j in at_name):
            return False
    return True


SURE_KINDS: tuple[AnswerType, ...] = ("date",)
"""Kinds of answer whose absence from a story's candidates `kind_missing` trusts (see the module)."""


def kind_missing(
    query: Query,
    rows: npt.NDArray[np.float64],
    scored: list[Scored],
    dated: Callable[[], bool] = lambda: False,
) -> bool:
    """Whether the question's first wanted kind is one of SURE_KINDS and no candidate of the first
    quote's story (`scored` best first, `rows` their features) offers a kind it wants. A story `dated()`
    by its metadata gives a date of its own, shown with its quote ("When did the winner cross the line?")."""
    if not query.wanted or query.wanted[0] not in SURE_KINDS or not scored:
        return False
    if query.wanted[0] == "date" and dated():
        return False
    # Any kind the question wants will do: "When will X stop?" is answered by "within two years".
    return float(rows[first_story(scored), FEATURES.index("type_match")].max()) < 0.5


def close_articles(probs: list[float], articles: list[int], top: int) -> list[int]:
    """The articles of the first `top` candidates (best first) the ranker finds about as likely as
    the first (CLOSE_SHARE of its probability): the one the answer is taken from."""
    return [a for p, a in zip(probs[:top], articles[:top], strict=False) if p >= probs[0] * CLOSE_SHARE]


def refusal_row(
    query: Query, rows: npt.NDArray[np.float64], scored: list[Scored], shown: ShownArticle = NOTHING_MISSING
) -> npt.NDArray[np.float64]:
    """The question-level facts of NEAR_MISS_FEATURES (the refusal model reads the first
    len(REFUSAL_FEATURES)); `shown` is what the first quote's article lacks of the question."""
    probs = sorted((min(max(s.learned, 1e-6), 1 - 1e-6) for s in scored), reverse=True) or [1e-6]
    best = probs[0]
    second = probs[1] if len(probs) > 1 else 1e-6
    rare = rows[:, FEATURES.index("unmatched_rare")] if rows.shape[0] else np.ones(1)
    cov = rows[:, FEATURES.index("cov")] if rows.shape[0] else np.zeros(1)
    bcov = rows[:, FEATURES.index("bcov")] if rows.shape[0] else np.zeros(1)
    total = sum(query.weights[t] for t in query.own) or 1.0
    unknown = sum(query.weights[t] for t in query.own if t not in query.reachable) / total
    return np.array(
        [
            math.log(best / (1 - best)),
            max((s.window for s in scored), default=0.0),
            max((s.coverage + s.lacking for s in scored), default=0.0),
            float((cov + bcov).max()),
            math.log1p(len(query.own)),
            unknown,
            float(rare.min()),
            min(GAP_CAP, math.log(best / (1 - best)) - math.log(second / (1 - second))),
            shown.names_missing,
        ]
    )
