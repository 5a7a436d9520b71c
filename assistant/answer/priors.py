"""Rule priors: logit added to the ranker's where its training data is too thin to learn them.

SQuAD, which trains the ranker, asks in the article's own words and of its own article, and holds
few "what did X say" questions; the questions readers ask (reuters-paraphrased) need what it cannot
teach: the right article's names, the kind of answer wanted, X's own words on the topic asked.
Each weight says where it was chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.features import FEATURES, Scored
from assistant.answer.query import Query
from assistant.answer.said.speaker import theirs_of
from assistant.answer.topic import topic_coverage, who_missing
from assistant.index.tokens import terms
from assistant.speakers import plainly_a_person

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

ACRONYM_PRIOR = 4.0
"""Added to the ranker's logit of the sentence that spells out an acronym the question asks about
("What are ATACMS?"): SQuAD has too few such questions to learn it, and the expansion is the answer."""
COVERAGE_PRIOR = 6.0
"""For "what did X say (about Y)": the ranker's data (SQuAD) holds almost no such questions, so the
share of the question a sentence covers (X's name counts where X is its speaker) gets a fixed say
besides the learned one. A fixed bonus for every statement by X is left to the learned weight: in a
company's news nearly every sentence is the company's ("U.S. Shoe said ..."), and such a bonus put
any of them above the one that answers."""


NAMES_PRIOR = 4.0
"""Logit taken per share of the question's names (weighted by idf) that a candidate's article lacks
where another candidate's article holds them: "KLM's seats" is not answered from Braniff's article.
SQuAD's questions are asked of their own article, so its data cannot learn what a wrong one costs."""
NONE_NAMED_PRIOR = 2.0
"""Taken as well from a candidate whose article names none of the question's names while another
candidate's does: sharing the topic's words is then the whole of its match."""

TYPE_PRIOR = 4.0
"""Added to a sentence that offers the kind of answer the question wants (a duration for "how long",
a place for "where"), in proportion to how little of the question the best-covered candidate
matches: asked in other words than the article, the words say less and the kind says more. SQuAD,
whose questions reuse the article's words, cannot learn that. Chosen on the even half of
reuters-paraphrased (it costs 0.6-0.8 points of hit@1 on squad-dev-train, gains 2 of 44 there)."""
SUM_KINDS = frozenset({"money", "percent"})
"""Kinds asked (first) that TYPE_PRIOR wants offered by a sum or a rate, not by any number (dev15's
even half; "80 basis points more" still answers "how much more do the notes pay")."""
EDGE_PRIOR = 3.0
"""Added to the best-covered sentence of an article that offers the most specific kind asked (money
for "how much ... cost", a duration for "how long") where a sibling matching more of the question does
not: the lead restating the story's topic ("The council voted 9 to 2 to build a tram line") is no
answer to what the tram line costs. In full where the sentence, with its article's title (what all
its sentences are about), covers as much of the question as that sibling; else in proportion to how
little of the question any candidate matches (as TYPE_PRIOR). Chosen on the even half of
reuters-paraphrased (2 of 44 gained first, 2 in the top three; 2 and 4 tried), at a cost of one point
of hit@1 on squad-dev-train (an ungated 2 cost 4.7 points there)."""
ENTITY_KINDS = ("place",)
"""Kinds of answer a sentence either names or does not: for "where", the sibling matching more of the
question that names no new place cannot answer, however many of its words it repeats, so EDGE_PRIOR
applies in full. Even half of reuters-paraphrased: places 5 to 7 of 7 first (odd half unchanged); SQuAD
sample hit@1 0.698 to 0.695. With "person" too: no reuters gain, SQuAD 0.691."""
DAY_WANTED = ("date",)
"""What "on which days", "by what date" want (answer_types.wanted_types): a day of the calendar, which
a sibling naming none ("five days of strikes next month") cannot give, however many of the question's
words it repeats; EDGE_PRIOR applies in full, as for places."""
DEFINE_PRIOR = 1.0
"""Added, for a question asking what something is ("what is stepwise linear regression"), to a sentence
shaped as a definition ("X is a ...", an apposition, a parenthesis): in a page about X every sentence
repeats X, and the words say nothing of which one defines it. WikiQA dev (0.5, 1 tie; 2, 3 less): MAP
0.689 to 0.695. No reuters-paraphrased question asks so."""
COUNTED_PRIOR = 1.0
"""Added to a sentence whose number counts the noun asked about ("312 votes" for "how many votes"; "yield
3.99 pct" for "at what yield"), in whichever article: a lead that restates every word of the question
around another number ("a strike that lasted six weeks") holds no answer. The learned `counted` weight
is small (SQuAD's "how many" answers mostly share the question's words anyway). On the even half of
reuters-paraphrased 0, 1 and 2 tie (29 first); 2 lost one of the odd half, 1 none; 1 puts the vote
count first in a corpus of five short stories, where idf says little."""
RELATION_PRIOR = 1.0
"""Added in the share of the question's relation words ("against", "before", "not") a sentence holds:
stop words to retrieval, they say which of two sentences on one vote names who voted against. Even
half of reuters-paraphrased: 0, 1 and 2 tie; 1 is the least that puts "who voted against" first
among five short stories."""
DIRECT_PRIOR = 2.0
"""Added, for "what did X say", to a sentence in quotation marks that X is reported saying: the words
X said are the answer, where the news lead restating X's topic in the reporter's words matches more
of the question. Chosen on the even half of reuters-paraphrased (1, 2, 3 tried)."""

UNSPOKEN_PENALTY = 1.0
"""Taken from the logit of a sentence nobody is reported saying (no stored speaker, no quotation
marks) when the question asks what someone said: the news lead that restates the topic otherwise
outranks the statement asked for. SQuAD holds too few such questions to learn it."""


def rule_prior(query: Query, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Logit bonuses per row where the training data is too thin to learn them."""
    prior = np.zeros(rows.shape[0])
    if query.acronym is not None and ({"definition"} & set(query.wanted) or query.info.kind == "acronym"):
        prior += ACRONYM_PRIOR * rows[:, FEATURES.index("acronym")]
    if query.info.asks_statement:
        spoken = np.maximum(rows[:, FEATURES.index("speaker")], rows[:, FEATURES.index("quote_marks")])
        prior -= UNSPOKEN_PENALTY * (1.0 - spoken)
    if query.wanted and "quote" not in query.wanted and rows.shape[0]:
        unsaid = max(0.0, 1.0 - float(rows[:, FEATURES.index("cov")].max()))
        typed = rows[:, FEATURES.index("type_match")]
        if query.wanted[0] in SUM_KINDS:
            # A sum asked is offered by a sum or a rate ("80 basis points more"): "the Hunt brothers'
            # two energy companies" gives no answer to "How much did the Hunts demand?".
            typed = np.maximum(
                rows[:, FEATURES.index("offers_money")], rows[:, FEATURES.index("offers_percent")]
            )
        prior += TYPE_PRIOR * unsaid * typed
        titled = rows[:, FEATURES.index("type_edge_titled")]
        # A title lends its words within its own article only: "Argentine Bridge Loan" makes no
        # sentence of that story outscore the one that says "bridge" in a story about the bridge.
        titled = titled * (rows[:, FEATURES.index("hcov")] >= rows[:, FEATURES.index("cov")].max())
        if query.wanted[0] in ENTITY_KINDS or query.wanted == DAY_WANTED:
            titled = np.ones_like(titled)
        prior += EDGE_PRIOR * rows[:, FEATURES.index("type_edge")] * (titled + (1.0 - titled) * unsaid)
    if query.wanted[:1] == ("definition",) and query.acronym is None:
        prior += DEFINE_PRIOR * rows[:, FEATURES.index("type_match")]
    if query.counted:
        prior += COUNTED_PRIOR * (rows[:, FEATURES.index("counted")] == 1.0)
    if query.relations:
        prior += RELATION_PRIOR * rows[:, FEATURES.index("relation")]
    if query.info.asks_statement and query.names:
        prior += COVERAGE_PRIOR * (rows[:, FEATURES.index("cov")] + 0.5 * rows[:, FEATURES.index("bcov")])
    return prior


PERSON_UNSPOKEN_PENALTY = 2.0
"""Taken as well, for "what did X say" where X is a person some candidate is reported as, from a
sentence nobody is reported saying: the news lead that names X and restates the topic is the
reporter's, and X's own words are the answer. Not for a company or body, whose news is all its
own ("U.S. Shoe cited ..."). Chosen on the even half of reuters-paraphrased (1, 2, 3 tried)."""


ABOUT_PENALTY = 2.0
"""Taken as well, for "what did X say" where X is a person some candidate is reported as, from a
sentence someone else is reported saying that names X ("He noted that the Chancellor Nigel Lawson
stressed this"): it is about X, and holds X's name and title, so it covers the question's words
better than X's own statement, which names X only as "he" or by the surname after a quote. As much as
PERSON_UNSPOKEN_PENALTY: a sentence about X is no more X's statement than one nobody said."""


def _naming_them(query: Query, scored: list[Scored]) -> npt.NDArray[np.float64]:
    """Per candidate, 1 where its sentence holds the surname (last word) of a person asked about (a
    role asked, "the chairman", has none: any sentence may hold the word)."""
    surnames = {found[-1] for n in query.names if n.split()[-1][:1].isupper() and (found := terms(n))}
    return np.array([float(bool(surnames & s.terms)) for s in scored])


DIRECT_TOPIC_SHARE = 0.5
"""A quote of X's holding this share of the best topic coverage among X's statements keeps all of
DIRECT_PRIOR; one holding none of the topic ("I don't remember a time like it") keeps none."""


LEAD_PRIOR = 6.0
"""Taken, for "what did X say about Y", from an article's first sentence reported as X's (the news
lead: the reporter's summary of what follows) when the same article holds a later statement by X on
Y among the candidates. A reader asks about what X said in detail, and the lead, which restates the
topic in the most words of the question, otherwise wins. Scaled by how much of the lead's topic X's
best later statement holds (LEAD_SHARE of it keeps all). The lead states the question's premise
("dealers said rates firmed on news Lawson had set targets" for "How did dealers expect markets to
respond to Lawson's targets?") and so covers the most of its words; it beat X's answer by 0.6 to 1.2
logit at 4. Chosen on the even half of reuters-paraphrased (3, 4, 5, 6 tried: 6 answers both there)."""
LEAD_SHARE = 0.5
"""Not taken from a lead that offers the date or duration the question asks ("On what date do traders
think Tunisia will tender?" of "Tunisia is expected to tender April 14 ..., traders said"), or a number
counting the noun asked: that is the detail itself, not the topic's premise. Found on dev15's even half."""
LEAD_DETAIL_KINDS = frozenset({"date", "duration", "number", "money", "percent"})
"""The kinds a lead offering them answers: a person or a place in the lead ("Finance Minister Nigel
Hawkins said ...") is the speaker or the scene, not the detail asked."""


def _lead_prior(
    query: Query,
    rows: npt.NDArray[np.float64],
    scored: list[Scored],
    topic: npt.NDArray[np.float64],
    theirs: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """LEAD_PRIOR taken from an article's lead reported as X's where X says more on the topic later
    in it (`topic`: each candidate's share of the topic; `theirs`: 1 for X's statements)."""
    prior = np.zeros(rows.shape[0])
    first = rows[:, FEATURES.index("first")]
    if query.wanted and set(query.wanted) <= LEAD_DETAIL_KINDS:
        # A lead full of other figures ("said it converted 7,344 debentures") answers no "how much
        # will it cut the interest bill": a quantity spares it only where it counts the noun asked.
        quantity = query.wanted[0] not in ("date", "duration")
        detail = rows[:, FEATURES.index("counted" if quantity else "type_match")]
        detail = detail == 1.0 if quantity else detail
        first = first * (1.0 - detail)
    later: dict[int, float] = {}  # per article, the best topic share of X's statements after its lead
    for k, s in enumerate(scored):
        if theirs[k] > 0 and first[k] == 0 and topic[k] > 0:
            later[s.cand.article] = max(later.get(s.cand.article, 0.0), float(topic[k]))
    for k, s in enumerate(scored):
        best = later.get(s.cand.article, 0.0)
        if first[k] == 1 and theirs[k] > 0 and best > 0:
            prior[k] -= LEAD_PRIOR * min(1.0, best / max(LEAD_SHARE * float(topic[k]), 1e-9))
    return prior


WORDS_PRIOR = 2.0
"""Taken from a sentence without quotation marks, and added to X's words in them, when the question
asks for the very words X used ("What saying did X use to warn ..."): the reporter's account of the
same warning covers the topic as well, and only the quotation holds the saying. Not fitted: as much
as DIRECT_PRIOR."""


def said_prior(query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]) -> npt.NDArray[np.float64]:
    """For "what did X say (about Y)": logit added to X's quoted words (DIRECT_PRIOR), taken from
    unspoken sentences when X is a person who speaks among the candidates, and from X's quoted
    words that hold little of Y; X's statements are credited with the words describing X ("FDIC
    chairman") as they are with X's name."""
    prior = np.zeros(rows.shape[0])
    if not (query.info.asks_statement and query.names) or not scored:
        return prior
    named = FEATURES.index("speaker_named")
    persons = [
        bool(r[named]) and s.speaker is not None and plainly_a_person(s.speaker.name, s.speaker.role)
        for r, s in zip(rows, scored, strict=True)
    ]
    theirs = theirs_of(rows, scored)
    if any(persons):
        spoken = np.maximum(rows[:, FEATURES.index("speaker")], rows[:, FEATURES.index("quote_marks")])
        prior -= PERSON_UNSPOKEN_PENALTY * (1.0 - spoken)
        prior -= ABOUT_PENALTY * spoken * (1.0 - theirs) * _naming_them(query, scored)
    # X's quoted words: in X's sentence, or one going on from it (not someone else's quotation
    # after X's: '... Blackburn said.' then 'Hemminghaus said, "Refining is a margin business."').
    direct = theirs * rows[:, FEATURES.index("quote_marks")]
    prior += DIRECT_PRIOR * direct
    if query.info.wants_words:  # only a quotation holds the very words; X's above anyone's
        prior += WORDS_PRIOR * (direct + rows[:, FEATURES.index("quote_marks")] - 1.0)
    topic = topic_coverage(query, scored)
    best = float((topic * theirs).max())
    # DIRECT_PRIOR (above) is kept by X's quoted words in the share they hold of the topic; a
    # saying asked for ("many a slip between the cup and the lip") holds none of it, and keeps it all.
    if best > 0 and not query.info.wants_words:
        # Only the words inside the quotation marks are X's own: a quote on something else with the
        # topic in the reporter's words around it ("..., Stevens said, adding that the timing for
        # repairs will depend on the damage to the pipeline") does not quote X on the topic.
        inside = topic_coverage(query, scored, [s.quoted for s in scored])
        prior -= DIRECT_PRIOR * direct * (1.0 - np.minimum(1.0, inside / (DIRECT_TOPIC_SHARE * best)))
        # X's statement on nothing asked about keeps no credit for naming X (COVERAGE_PRIOR's cov).
        covered = rows[:, FEATURES.index("cov")] + 0.5 * rows[:, FEATURES.index("bcov")]
        prior -= COVERAGE_PRIOR * theirs * (topic == 0.0) * covered
    # COVERAGE_PRIOR (rule_prior) credits X's name to X's statements; so too X's description.
    prior += COVERAGE_PRIOR * rows[:, named] * who_missing(query, scored)
    return prior + _lead_prior(query, rows, scored, topic, theirs)
