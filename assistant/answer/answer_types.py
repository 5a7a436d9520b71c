"""What kind of answer a question wants, and what kinds of answer a sentence offers.

Surface patterns only: they feed the ranker as features ("wants a duration" x "offers a duration"),
so a sentence that cannot hold the wanted kind rarely comes first, while the learned weights decide
how much each match is worth. A kind the question itself already names does not count as offered:
"How much did the $325 million package hold?" is not answered by "$325 million" again. Nor does
a date that only dates the report ("officials said on Tuesday") offer the date of the event asked,
unless the question asks when something was said.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from assistant.answer.lexicon import (
    bridges_of,
    in_dictionary,
    noun_kind,
    place_names,
    statement_verb_forms,
    statement_verbs,
)
from assistant.answer.question_class import PAID, QuestionInfo
from assistant.index.tokens import STOP_WORDS, terms

AnswerType = Literal[
    "duration", "percent", "money", "number", "date", "place", "person", "definition", "reason", "quote"
]
ANSWER_TYPES: tuple[AnswerType, ...] = (
    "duration",
    "percent",
    "money",
    "number",
    "date",
    "place",
    "person",
    "definition",
    "reason",
    "quote",
)

_NUM = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
_NUM += r"forty|fifty|hundred|several|a\s+few|many|a|an)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries)s?"
_SPAN_MODIFIER = (
    r"(?:business|working|trading|calendar|banking|full|straight|consecutive|successive|more|further"
    r"|additional|extra)"
)
"""Words a length of time is written with between its number and its unit ("five business days",
"three consecutive months", "two more years"): a closed list, so "a good year" stays no duration."""
_DURATION = re.compile(
    rf"\b{_NUM}[\s-]+(?:{_SPAN_MODIFIER}\s+)?{_UNIT}\b|\b(?:for|over|during|within|since)\s+(?:the\s+)?(?:past|last|next)\s+{_NUM}?\s*{_UNIT}",
    re.I,
)
_FREQUENCY_TEXT = (
    rf"\bevery\s+(?:{_NUM}\s+)?{_UNIT}|\b(?:once|twice|{_NUM}\s+times)\s+(?:a|an|per|each)\s+{_UNIT}"
    r"|\b(?:daily|weekly|monthly|yearly|annually|hourly)\b"
)


@cache
def _frequency() -> re.Pattern[str]:
    """Compiled on the first "how often" question, which alone reads it: not by every `ask` at import."""
    return re.compile(_FREQUENCY_TEXT, re.I)


_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*|\b(?:hundreds|thousands|millions))(?:\s+[\w-]+){0,2}\s+$", re.I)
"""What stands before "a day" in "40,000 vehicles a day": a rate per day, not a duration."""
_OFTEN = re.compile(r"\bhow\s+(?:often|frequently)\b|\bhow\s+many\s+times\b")
_PERCENT = re.compile(
    r"\d[\d,.]*\s?(?:%|pct\b|percent\b|per\s+cent\b|percentage\s+points?|basis\s+points?)", re.I
)
_MONEY = re.compile(
    r"[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:million|billion|trillion|mln|bln)?\s*(?:dlrs?|dollars?|yen|marks|francs|"
    r"pounds|stg|euros?|lire|cents?|rupees|yuan)\b"
    # "a 12 million pound pier": a sum as an adjective, singular (not "the 1,000 mark", "a 10 pound bag").
    r"|\b\d[\d,.]*\s*(?:million|billion|trillion|mln|bln)\s+(?:pound|franc|rupee|lira)\b",
    re.I,
)
_NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million|billion|dozen)s?\b",
    re.I,
)
_EARLY_YEAR = (
    r"(?:in|since|until|till|before|after|from|of|about|around|circa)\s+(?:1[0-4]\d\d(?![,.]?\d)"
    r"(?!\s+(?:gmt|utc|bst|cet|[cemp][sd]t|hrs?|hours|local|london|gulf|[a-z]+\s+time|tonnes|tons|barrels"
    r"|shares|dlrs|points|units|feet|metres|meters|miles|km|kg)\b)"
    r"|\d{1,4}\s+(?:ad|a\.d|bc|b\.c|bce)|ad\s+\d{1,4})"
)
"""A year before 1500 after a preposition ("In 1066, ...", "since 1191", "in 800 AD"): a history's
date, where the years of 1500-2099 need no preposition. A clock time written as four digits ("about
1400 GMT", "until 1000 hrs", Reuters' way) or a quantity ("of 1200 tonnes") is none, and "by" leaves
a year out for writing a change by so much ("rose by 1200")."""
_DATE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|yesterday|today|tomorrow|tonight|last\s+(?:week|year|month)|next\s+(?:week|year|month)"
    r"|this\s+(?:week|year|month)|(?:1[5-9]|20)\d\d|(?:1[5-9]|20)\d0['’]?s|\d{1,2}(?:st|nd|rd|th)\s+century"
    rf"|{_EARLY_YEAR})\b",
    re.I,
)
_DAY_ASKED = re.compile(r"\b(?:what|which)\s+(?:days?|dates?)\b")
""""On which days", "By what date": a day of the calendar is asked, which "this year" or "next month"
does not name."""
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
MONTHS += r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = re.compile(
    rf"\b{MONTHS}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?!\w)"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight)\b"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    re.I,
)
"""A day of the calendar: "April 17", "2 April", "Friday", "4/17/87"."""
_REPORTING_VERB = (
    r"(?:says|said|tells|told|announces|announced|reported|stated|added|discloses|disclosed"
    r"|confirms|confirmed|reveals|revealed|declares|declared|noted|commented|wrote"
    r"|warns|warned|insisted|claimed|predicted)"
)
"""Verbs of a reporting clause. Forms that are mostly nouns in news copy are left out ("sold notes
Tuesday", "filed claims on Monday", "reports on Friday"): there the date is the deed's."""
_REPORTED_AFTER = re.compile(
    rf"\b{_REPORTING_VERB}(?:\s+(?:(?:(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?)?(?:reporters"
    r"|journalists|press|parliament|lawmakers|legislators|investors|analysts|shareholders|delegates|conference"
    r"|briefing|meeting|committee|panel|hearing|audience|newspaper|television|radio)"
    r"|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}))?"
    r"(?:\s+(?:in|at|during)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|interview|release|conference|briefing|speech|letter|filing|report|meeting|call))?"
    r",?\s+(?:(?:on|late|early|earlier|later)\s+(?:on\s+)?|last\s+|this\s+)?$",
)
"""What stands before a date that dates the report ("officials said on Tuesday", "told reporters
Monday", "told a news conference on Friday", "announced in a statement on March 3", "said late on
Friday")."""
_REPORTED_BEFORE = re.compile(rf"\s*(?:,\s*)?{_REPORTING_VERB}\b")
"""What follows a date that dates the report: "Hallan Group on Monday said"."""
_SINCE_DATE_TEXT = (
    rf"\b(?:since|dating\s+(?:back\s+)?(?:to|from))\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
    rf"(?:(?:{MONTHS}\s+)?(?:\d{{1,2}},?\s+)?(?:1[0-9]|20)\d\d(?:['’]?s)?\b|{MONTHS}(?!\w))"
)
"""A start written as a date ("since 1921", "since March", "since the early 1980s", "dating back to
1870"): how long something has lasted, for "How long has the mill been open?"."""


@cache
def _since_date() -> re.Pattern[str]:
    """Compiled on the first question asking how long, which alone reads it: not by every `ask` at import."""
    return re.compile(_SINCE_DATE_TEXT, re.I)


_MONTH_ALONE = re.compile(MONTHS, re.I)
_DAY_AFTER = re.compile(r"\s+\d{1,2}\b")
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|won['’]t)\s+(?:[a-z-]+\s+){0,4}$", re.I)
"""What stands before a date of a plan ("will shut in January", "will now open in 2029")."""
_PLACE = re.compile(
    r"\b(?:at|in|near|from|to|into|across|outside|inside)\s+(?:the\s+|its\s+|their\s+)?[A-Z][\w’'-]+"
    r"|\b(?:city|town|port|province|state|county|island|village|region|emirate|republic)\s+of\s+[A-Z][\w’'-]+"
)
"""A capitalised word after a preposition of place ("in Houston", "at its Troutdale, Ore., plant"),
or naming a place by its kind ("in the industrial port city of Tianjin", "the province of Ontario")."""
_PLACE_BY_KIND = re.compile(
    r"\b([A-Z][\w’'-]+)\s+(?:County|Province|Prefecture|Valley|Islands?|Peninsula|District|Basin|Delta)\b"
)
"""A name written before the kind of place it is ("Sutton County, Texas", "the Rio Grande Valley",
"Hokkaido Prefecture"), wherever it stands in the sentence."""
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'.-]+)+|\b[A-Z]{2,}\b")
DUE_ON_SCHEDULE = (
    r"(?!\s+(?:be|start|begin|meet|expire|mature|take|receive|make|go|end|come|hold|have|enter|discuss|write"
    r"|visit|return|resume|introduce|open|close|sign|vote|report|announce|release|complete|finish|arrive"
    r"|leave|reach|submit|present|publish|decide|appear|launch|issue|join|retire|testify|speak|fly|deliver"
    r"|list|file|consider|review|rule|run|expand|become)\b)"
)
"""After "due to": a verb says when something is to happen ("Work is due to start in March", "due
to expire", "due to meet on Monday"), not why: 214 of the Reuters collection's 1,267 "due to", where
only "due to be" (40) was read so before."""
PURPOSE_CLAUSE = (
    r",\s+(?:in\s+order\s+)?to\s+(?!(?:be|say|date|the|a|an|which|so|this|that|these|those|its|their|his|her"
    r"|some|all|about|around|over|under|one|two|three|four|five|six|seven|eight|nine|ten)\b)[a-z]+(?<![^s]s)\b"
)
"""A purpose set off by a comma: "cut prices by 10 pct, to maintain a competitive position", "an
agreement with Cominco, to develop a mine". "to be" (a plan or state), "to say", a determiner or a
number ("rose 5 pct, to 300 mln") and a plural noun ("sold, to shareholders") state no purpose."""
_REASON = re.compile(
    # "due to be presented" says when, not why, and "since March" since when; "in response to U.S.
    # calls", "prompted by", "due mainly to", "resigned for personal reasons", "blamed on" say why.
    rf"\b(?:because|since(?!\s+(?:\d|then\b|last\b|early\b|late\b|mid\b|{MONTHS}\b))|so\s+that"
    r"|in\s+order\s+to|due\s+(?:(?:mainly|largely|partly|primarily|chiefly|principally|mostly)\s+)?to"
    rf"{DUE_ON_SCHEDULE}"
    rf"|{PURPOSE_CLAUSE}|prompt(?:s|ing)"
    r"|as\s+a\s+result|(?:is|was|are|were|be)\s+(?:the|a)\s+(?:direct\s+)?result\s+of|owing\s+to|thanks\s+to|for\s+(?:[a-z]+\s+){0,2}reasons?|attributed\s+to"
    r"|blamed\s+(?:on|for)|stem(?:s|med)?\s+from|result(?:s|ed)?\s+from"
    r"|in\s+(?:response|reaction|answer)\s+to|(?:prompted|triggered|spurred|sparked|fuell?ed|motivated|affected|hurt"
    r"|hit|hampered|depressed|dampened|weakened|boosted|helped|driven)\s+by|reflect"
    r"(?:s|ed|ing)?|led\s+to|caused?|which\s+would|could\s+allow|to\s+(?:help|allow|enable|provide|reduce|"
    r"boost|cut|avoid|meet|pay|fund|finance))\b",
    re.I,
)
_DEFINITION = re.compile(
    r"\b(?:is|are|was|were)\s+(?:a|an|the)\s+\w+|\b(?:known|described|defined)\s+as\b|\brefers?\s+to\b|"
    r"\bmeans?\b|\([A-Z]?[\w\s,-]{3,60}\)|,\s+(?:a|an|the)\s+[\w\s-]{3,40},",
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
"""Capitalised words that name a day or month, never a person or organisation."""
_QUOTE = re.compile(r"[“\"][^“”\"]{12,}[”\"]")

_WANTED: dict[str, tuple[AnswerType, ...]] = {
    "duration": ("duration",),
    "percent": ("percent", "number"),
    "money": ("money", "number"),
    "amount": ("number", "percent", "money"),
    "when": ("date", "duration"),
    "where": ("place",),
    "who": ("person",),
    "why": ("reason",),
    "acronym": ("definition",),
    "define": ("definition",),
    "statement": ("quote",),
}


_DEFINE = re.compile(
    r"\s*(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?[\w.'-]+(?:\s+[\w.'-]+){0,3}\s*\??$"
)
"""A question asking what something is ("What are ATACMS?", "what is 6 pin din connector")."""
_NOT_DEFINED = frozenset(
    "of in on for from to by with at about after before during between used called made "
    "his her its their my your our".split()
)
"""Words that make "what is ..." ask for something else: "what is the capital of", "what are banana plugs
for", "what is the name used by"."""
_ASKED_NOUN = re.compile(
    r"^\W*(?:[^?]{1,160}?,\s+)?(?:\w+\s+){0,2}?(?:what|which)\s+(?:(?:is|was|are|were|will\s+be)\s+)?"
    r"(?:the\s+)?((?:[\w.-]+\s*){1,3})"
)
"""The noun a "what/which" question asks for: "At what yield...", "What is the overall value of...",
"Which other company...", "In which city...", and after a clause that sets the scene ("If cocoa were
priced at X, up to what price could ...")."""
_CAUSE_VERBS = frozenset(
    "cause causes caused causing prompted prompting prompts led leading drove driven driving drives "
    "spurred spurring triggered triggering triggers explains explained explaining fuelled fueled fuelling "
    "fueling sparked sparking pushed pushing helped helping brought motivated motivating contributed "
    "contributing accounted accounts underlies underlay underlying behind responsible".split()
)
"""Words that ask why as the question's own verb, in the forms no noun shares: "What led to...",
"What is driving the rally?", "What pushed gold higher?", "What lay behind the rise?", "What was
responsible for the loss?". After a noun ("What leader led...", "What were the civil wars caused by X
called?") the noun is asked; followed by "by" ("What was caused by the flood?") an effect is. Verbs
that ask a cause in no question of the dev sets nor squad-dev-train (kept, sent, boosted, bringing)
are left out: "What was kept in the vault?" asks a thing (bench/why_misses.py --kinds counts them)."""
_PASSIVE = frozenset(
    "caused prompted led driven spurred triggered explained fuelled fueled sparked pushed helped brought "
    "motivated contributed accounted".split()
)
"""Cause verbs that are past participles: after "is" or "was" a thing undergoing is asked ("What was
brought to the talks?", "What was pushed through parliament?"), not what caused it."""
_WHY_NOUNS = frozenset(
    "reason reasons aim purpose motive motives factor factors explanation rationale".split()
)
"""Nouns that ask why when asked for ("What was the reason for...", "What factors hurt sales?")."""
_NOUN_KINDS: dict[str, str] = {
    **dict.fromkeys("price prices cost costs value rent rents fee fees salary pay sum".split(), "money"),
    **dict.fromkeys("yield yields rate rates proportion percentage fraction ratio share".split(), "percent"),
    **dict.fromkeys(
        "size amount level ceiling number total volume figure limit quantity range target surplus "
        "deficit".split(),
        "amount",
    ),
    **dict.fromkeys("profit profits loss losses revenue revenues earnings income".split(), "money"),
    **dict.fromkeys("period timeframe time-frame timetable maturity maturities".split(), "duration"),
    **dict.fromkeys(
        "city cities country countries state town towns port ports region regions province "
        "provinces capital destination destinations location nation nations exchange exchanges "
        "bourse".split(),
        "where",
    ),
    **dict.fromkeys(
        "company companies firm firms bank banks group groups unit units subsidiary chairman ex-chairman "
        "executive executives official officials person minister airline airlines maker makers producer "
        "producers buyer buyers bidder bidders investor investors shareholder underwriter underwriters "
        "institution institutions agency lender lenders broker brokers brokerage brokerages head".split(),
        "who",
    ),
    **dict.fromkeys("day days date dates year month".split(), "when"),
    **dict.fromkeys(_WHY_NOUNS | _CAUSE_VERBS, "why"),
}
"""What such a noun wants, as the question word for it would ("what yield" as "how much", in percent)."""


def asked_noun_kind(low: str, statement: bool = False) -> str | None:
    """The kind a "what/which NOUN" question names (`low`: the question lower-cased), or None; for a
    `statement` question only a noun right after the question word counts ("what did the company
    say" asks for a statement, not a company).

    Shape served: the noun asked says what the answer is, even where the question also reads as a
    statement ("To which ports could France ship more wheat, according to an official?", "Which
    company has the ministry told to absorb X?", "What is the deadline for the public to comment?"):
    a port, a company, a date is wanted there, not any quotation of the official."""
    asked = _ASKED_NOUN.match(low)
    words = _past_owner(low, asked)
    copula = asked is not None and _COPULA.search(low, 0, asked.start(1)) is not None
    for at, noun in enumerate(words):
        if statement and noun in _NOT_A_NOUN:
            return None
        if noun in _CAUSE_VERBS and not _asks_cause(words, at, copula):
            break  # "What leader led the revolt?": a leader is asked, "led" says what he did
        if noun in _NOUN_KINDS:
            return _NOUN_KINDS[noun]
    # "What are London coffee dealers waiting for?": after a verb the noun may be its subject.
    return None if copula else _head_noun_kind(words)


_OWNED = re.compile(r"\s*((?:[\w.-]+\s*){1,3})")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\s)")


def _past_owner(low: str, asked: re.Match[str] | None) -> list[str]:
    """The words after "what/which" that may name the noun asked, an owner's name passed by: in "What
    is the Bank of Spain's target range?" the range is asked, not a bank (the owner's words name
    whose it is; the noun after the possessive names what). Right after the question word the owner
    is asked: "Which company's shares rose?" asks a company."""
    if asked is None:
        return []
    owner = _POSSESSIVE.search(low, asked.start(1), asked.end(1) + 3)
    if owner is None or not low.endswith(("the ", "is ", "was ", "are ", "were ", "be "), 0, asked.start(1)):
        return asked.group(1).split()
    after = _OWNED.match(low, owner.end())
    return after.group(1).split() if after is not None else []


def _asks_cause(words: list[str], at: int, copula: bool) -> bool:
    """Whether the cause verb `words[at]` (the words after "what") is the question's own verb: only
    _BEFORE_A_VERB words before it, no "by" after it, no "is"/"was" before a participle."""
    return (
        set(words[:at]) <= _BEFORE_A_VERB
        and words[at + 1 : at + 2] != ["by"]
        and not (copula and words[at] in _PASSIVE)
    )


def cause_words(low: str) -> frozenset[str]:
    """The words by which a question reading as why through asked_noun_kind asks it ("lay behind", "is
    driving", "What factors", "the reason for"; `low`: lower-cased): they frame the question, as
    "why" does, and name no topic the answer's sentence shares ("The authority blamed the delay on
    falling harbour dues" for "What lay behind the delay?")."""
    asked = _ASKED_NOUN.match(low)
    words = asked.group(1).split() if asked is not None else []
    for at, word in enumerate(words):
        if word in _CAUSE_VERBS or word in _WHY_NOUNS:
            return frozenset(w for w in words[:at] if w in _BEFORE_A_VERB and w not in STOP_WORDS) | {word}
    return frozenset()


_COPULA = re.compile(r"\b(?:what|which)\s+(?:is|was|are|were|will\s+be)\s")


def _head_noun_kind(words: list[str]) -> str | None:
    """The kind the last word of the noun phrase right after "what/which" asks by WordNet (lexicon.noun_kind:
    "In what Texas county" asks where, "Which finance professor" who); the phrase ends before a
    function word or a verb of saying."""
    run: list[str] = []
    for word in words:
        if word in _NOT_A_NOUN or word in STOP_WORDS or word in statement_verb_forms():
            break
        if run and (word.endswith(("ed", "ing")) or word.removesuffix("s") in statement_verbs()):
            break
        run.append(word)
    found = terms(run[-1]) if run else []
    return noun_kind(found[0]) if len(found) == 1 else None


_BEFORE_A_VERB = frozenset(
    "may might has have had could would first then also ultimately eventually lay lies lie".split()
)
"""Words that may stand between "what" and its verb ("What may have caused ...", "What first prompted",
"What lay behind ...")."""


_SUM_VERB = re.compile(r"\bhow\s+much\b.*\b(?:cost|pay|paid|worth|price|spend|spent|sell|sold|value|raise)")
_MONEY_ASKED = re.compile(
    r"\bhow\s+much\s+(?:[a-z-]+\s+)?(?:revenues?|sales|profits?|earnings|income|losses|debts?|damages|"
    r"compensation|fees?|fines?|dividends?|funding|financing|budget|capital|cash)\b"
    r"|\bhow\s+much\s+(?:did|does|do|will|would|is|was|are|were|has|have|had)\s+(?:[\w.'&-]+\s+){1,6}?"
    r"(?:demand|seek|sought|claim|owe|lend|lent|borrow|invest|earn|charge|bid|offer)\w*\b"
)
"""A sum asked by what it measures ("How much revenue does X expect", "how much debt") or by a verb
of money ("How much did the Hunts demand from their lenders?", "how much did X borrow"): a count
("20 pages a minute", "May 1") is no answer."""


_NOT_DEFINING = frozenset({"why", "money", "percent", "amount", "duration", "when"})
"""Kinds of the noun asked by which "What is X's NOUN?" asks that kind, not a definition."""


def wanted_types(info: QuestionInfo, asked: Stated) -> tuple[AnswerType, ...]:
    """The kinds of answer a question asks for, by its class (empty when any will do); `asked`: what
    the question writes, read once (`stated`), whose `asks_past` the dates offered are read by too."""
    low = asked.low
    if info.kind == "amount":
        if re.search(
            r"\bhow\s+(?:long|often|frequently)\b|\bhow\s+many\s+(?:years|months|weeks|days|hours)\b"
            r"|\bhow\s+much\s+(?:more\s+|less\s+|extra\s+)?time\b",
            low,
        ):
            return _WANTED["duration"]
        if re.search(
            r"\bpercent|\bpercentage\b|\bshare\b|\brate\b|\byield\b|\bproportion\b|\bfraction\b", low
        ):
            return _WANTED["percent"]
        if _SUM_VERB.search(low) or re.search(PAID, low) or _MONEY_ASKED.search(low):
            return _WANTED["money"]
        return _WANTED["amount"]
    if info.kind == "when" and _DAY_ASKED.search(low):
        return ("date",)  # "five days of strikes" says how long, not on which days
    if info.kind == "when" and asked.asks_past:
        return ("date",)  # "within a 25 month period" says when something is to be, not when it was
    if info.kind == "when" and re.search(r"\bhow\s+soon\b", low):
        return ("duration", "date")  # "in the next 24 months" says how soon as well as a day would
    noun_kind = asked_noun_kind(low, info.asks_statement) if info.kind == "what" else None
    # "What is driving the rally?" asks a cause, though it reads as "what is X".
    # "What is Japan's trade surplus?" asks a sum, "What was the reason?" a cause: not what a thing is.
    defines = (
        noun_kind not in _NOT_DEFINING and _DEFINE.match(low) and not _NOT_DEFINED.intersection(low.split())
    )
    if info.kind == "what" and defines:
        return _WANTED["define"]
    if info.kind in _WANTED:
        return _WANTED[info.kind]
    if noun_kind is not None:
        return _WANTED[noun_kind]
    if info.asks_statement:
        return _WANTED["statement"]
    return ()


_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\s+((?:[a-z][\w'-]*\s*){1,4})")
"""The words after "how many" that may name what is counted, up to four ("how many Medieval Warm
Period reconstructions")."""
_NOT_A_NOUN = frozenset(
    "did does do is are was were will would can could should has have had of in on at for to by from with "
    "more less fewer other".split()
)
_QUANTITY_NOUNS = ("money", "percent", "amount")


def quantity_noun(info: QuestionInfo, question: str) -> str | None:
    """The noun whose number the question asks for: "votes" in "How many votes did the deal get?",
    "jobs" in "how many new jobs", "yield" in "At what yield ..."; None when it names none."""
    low = question.lower()
    how = _HOW_MANY.search(low) if info.kind == "amount" else None
    if how is not None:
        phrase: list[str] = []
        for word in how.group(1).split():
            if word in _NOT_A_NOUN or word in STOP_WORDS or (phrase and word.endswith(("ing", "ed"))):
                break  # "how much Yugoslav debt falling due": a participle ends the noun phrase
            phrase.append(word)
        # "how many new jobs": the plural names what is counted; "how many people died": the first word;
        # "how much municipal rubbish": the last (an adjective stands before what is measured).
        plural = [w for w in phrase if w.endswith("s") and not w.endswith("ss")]
        if plural or not phrase:
            return plural[0] if plural else None
        return phrase[-1] if "much" in how.group(0) else phrase[0]
    asked = _ASKED_NOUN.match(low) if info.kind in ("what", "amount") and not info.asks_statement else None
    if asked is None:
        return None
    for noun in _past_owner(low, asked):
        if _NOUN_KINDS.get(noun) in _QUANTITY_NOUNS:
            # "the value of the imports": a number bound to "imports" answers as well as one to "value".
            of = re.compile(rf"\b{re.escape(noun)}{_OF_NOUN}").search(low, asked.start(1))
            return f"{noun} {of.group(1)}" if of is not None and of.group(1) not in _NOT_A_NOUN else noun
    return None


_OF_NOUN = r"\s*of\s+(?:the\s+|its\s+|their\s+)?([a-z][\w-]*)"
"""What follows the noun asked when it is a measure of something: "value of the imports"."""


@dataclass(frozen=True, slots=True)
class Stated:
    """What a question writes itself, read once a question: a sentence's kind of answer made only
    of it ("$325 million" for "How much did the $325 million package hold?") offers nothing new."""

    text: str
    """The question as written: a place's word is matched with its capitals."""
    low: str
    """The question lower-cased: a phrase of the sentence found in it is the question's own."""
    words: frozenset[str]
    """Its lower-cased words and the calendar's: a name made only of them is nobody new."""
    words_and_terms: frozenset[str]
    """Its lower-cased words and index terms: a place named only with them is no new place."""
    asks_often: bool
    """It asks how often: "every day" answers."""
    asks_day: bool
    """It asks on which day: "this year" or "next month" names none."""
    asks_said: bool = False
    """It asks when something was said, announced or reported: the date of a report answers."""
    asks_past: bool = False
    """It asks when something happened ("When was the mill founded?"): a date of what will be does
    not answer."""


def stated(question: str) -> Stated:
    """What `question` writes itself, for offered_types."""
    low = question.lower()
    words = frozenset(re.findall(r"[a-z0-9]+", low))
    return Stated(
        text=question,
        low=low,
        words=words | _CALENDAR,
        words_and_terms=words | frozenset(terms(low)),
        asks_often=_OFTEN.search(low) is not None,
        asks_day=_DAY_ASKED.search(low) is not None,
        asks_said=_SAID_ASKED.search(low) is not None,
        asks_past=_asks_past(low),
    )


_SAID_ASKED = re.compile(
    r"\b(?:say|said|says|tell|told|announce[sd]?|report(?:s|ed)?|stated|disclose[sd]?|confirm(?:s|ed)?"
    r"|reveal(?:s|ed)?|declare[sd]?|comment(?:s|ed)?|write|wrote|warn(?:s|ed)?|predict(?:s|ed)?|unveil(?:s|ed)?"
    r"|publish(?:es|ed)?|statement|announcement)\b"
)
"""A question asking when something was said or made known ("When did X announce the sale?"): there
the date of the report is the date asked. "State", "issue" and "release" are left out: mostly nouns
or deeds in a question ("the United States", "the bond issue", "the hostages' release")."""
_PAST_ASKED = re.compile(r"\b(?:when|(?:what|which)\s+(?:year|day|date|month|week))\s+(?:was|were|did|had)\b")
"""A question asking when something happened: "When was the mill founded?", "In what year did X start?"."""
_PLAN_ASKED = re.compile(
    r"\b(?:will|would|shall|expected|due|scheduled|set\s+to|slated|planned|plans?|intended|supposed|going"
    r"\s+to|to\s+be|aim(?:ed)?|hope[sd]?|target(?:ed)?|deadline)\b"
)
"""Words by which a question in the past asks of what was planned ("When was the line expected to
open?"): a date still to come answers it."""


def _asks_past(low: str) -> bool:
    """Whether a question (`low`: lower-cased) asks when something happened, not what was planned."""
    return _PAST_ASKED.search(low) is not None and _PLAN_ASKED.search(low) is None


def offered_types(sentence: str, question: Stated, wanted: Sequence[str] = ()) -> frozenset[AnswerType]:
    """The kinds of answer a sentence holds that the question (what it writes itself: `stated`)
    does not already state. A place or name written without cues (names_new_place,
    names_unknown_word) counts only where `wanted` (the kinds the question asks) holds it: elsewhere
    "offers a person" stays the shape the ranker was trained to weigh for every question."""
    found: set[AnswerType] = set()
    q_low = question.low

    def fresh(pattern: re.Pattern[str]) -> bool:
        return any(match not in q_low for match in _found(pattern, sentence))

    if any(match not in q_low for match in _found(_DURATION, sentence, _lasting)):
        found.add("duration")
    # "has operated since 1921" says how long as well, where a length of time is asked.
    if "duration" in wanted and fresh(_since_date()):
        found.add("duration")
    # "every day" says how often, which answers "how often" but not "how long".
    if question.asks_often and fresh(_frequency()):
        found.add("duration")

    for kind, pattern in (
        ("percent", _PERCENT),
        ("money", _MONEY),
        ("number", _NUMBER),
        ("reason", _REASON),
        ("definition", _DEFINITION),
        ("quote", _QUOTE),
    ):
        if fresh(pattern):
            found.add(kind)  # type: ignore[arg-type]
    date_read = _DATE_READINGS[(question.asks_said, question.asks_past)]
    if any(match not in q_low for match in _found(_DAY if question.asks_day else _DATE, sentence, date_read)):
        found.add("date")
    capitalised = _CAPITALISED.findall(sentence) if {"place", "person"} & set(wanted) else []
    if (
        any(word not in question.text for word in _found(_PLACE, sentence, _last_word))
        or any(word not in question.text for word in _found(_PLACE_BY_KIND, sentence, _first_group))
        or ("place" in wanted and names_new_place(sentence, question.words_and_terms, capitalised))
    ):
        found.add("place")
    asked_words = question.words
    for name_words in _found(_NAME, sentence, _words_of):
        # "Luxembourg Monday" for "Who chaired Monday's session ... in Luxembourg?" names nobody new.
        if any(w not in asked_words for w in name_words):
            found.add("person")
            break
    else:
        if "person" in wanted and names_unknown_word(capitalised, asked_words):
            found.add("person")
    return frozenset(found)


SENTENCES_KEPT = 8192
"""Sentences whose pattern matches offered_types keeps: a chat meets the same candidates question
after question (of 100 questions on 2,225 articles, ~60% of each one's candidates were met before),
and the patterns' scans were a third of a question's CPU; the question's part is cheap."""


@lru_cache(maxsize=SENTENCES_KEPT)
def _kept(sentence: str) -> dict[tuple[int, int], tuple[Any, ...]]:
    """Per pattern and reading scanned so far (by ids: a pattern hashes its whole source each time), what
    offered_types compares of each of its matches in `sentence`."""
    return {}


def _compared(m: re.Match[str]) -> str:
    return m.group(0).strip().lower()


def _lasting(m: re.Match[str]) -> str | None:
    # "a day" after a quantity ("40,000 vehicles a day") is a rate; "for a day" is a duration.
    rate = m.group(0)[:2].lower() in ("a ", "an") and _RATE_BEFORE.search(m.string, 0, m.start())
    return None if rate else _compared(m)


def _reported(m: re.Match[str]) -> bool:
    """Whether the date `m` dates only the report it stands in ("officials said on Tuesday",
    "Hallan Group on Monday said"): the day something was said, not the day of what was said. A
    year right after the verb is what was reported ("Ivaco reported 1986 profit of ..."), as is a
    time one owns ("told reporters this year's borrowing ...", "said tonight's speech ...")."""
    if m.group(0)[:1].isdigit() or m.string.startswith(("'s", "’s"), m.end()):
        return False
    if _REPORTED_BEFORE.match(m.string, m.end()) is not None:
        return True
    # "said February sales were ...": a month alone after the verb names what was reported.
    month = _MONTH_ALONE.fullmatch(m.group(0)) is not None and _DAY_AFTER.match(m.string, m.end()) is None
    return not month and _REPORTED_AFTER.search(m.string, max(0, m.start() - 120), m.start()) is not None


def _planned(m: re.Match[str]) -> bool:
    """Whether the date `m` is that of something still to come ("will shut in January")."""
    return _FUTURE_BEFORE.search(m.string, max(0, m.start() - 60), m.start()) is not None


def _event_date(m: re.Match[str]) -> str | None:
    """A date as a question asking when something was done reads it: one dating the report is none.
    Shape served: "When will the airport tram open?" is not answered by "... has been pushed back once
    more, transport officials said on Tuesday", but by "The line will now open in 2029"."""
    return None if _reported(m) else _compared(m)


def _past_date(m: re.Match[str]) -> str | None:
    """A date as a question asking when something happened reads it: one dating the report, or one of
    something still to come, is none. Shape served: "When was the Nordby mill founded?" is not
    answered by "The mill will shut in January, owner Hallan Group said on Monday"."""
    return None if _reported(m) or _planned(m) else _compared(m)


def _said_past_date(m: re.Match[str]) -> str | None:
    """A date as a question asking when something was said reads it: the report's date answers."""
    return None if _planned(m) else _compared(m)


_DATE_READINGS: dict[tuple[bool, bool], Callable[[re.Match[str]], str | None]] = {
    (False, False): _event_date,
    (False, True): _past_date,
    (True, False): _compared,
    (True, True): _said_past_date,
}
"""The reading of a date match by (asks_said, asks_past)."""


def _words_of(m: re.Match[str]) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", m.group(0).lower()))


def _last_word(m: re.Match[str]) -> str:
    return m.group(0).split()[-1]


def _first_group(m: re.Match[str]) -> str:
    return m.group(1)


def _found(
    pattern: re.Pattern[str], sentence: str, read: Callable[[re.Match[str]], Any] = _compared
) -> tuple[Any, ...]:
    """`read` of each match of `pattern` in `sentence` (None dropped), in order; scanned once a sentence
    for each pattern and reading. `pattern` and `read` are this module's own (compiled at import, so
    their ids stay theirs for the life of the process)."""
    kept = _kept(sentence)
    key = (id(pattern), id(read))
    found = kept.get(key)
    if found is None:
        found = kept[key] = tuple(x for m in pattern.finditer(sentence) if (x := read(m)) is not None)
    return found


def names_unknown_word(capitalised: list[str], asked_words: frozenset[str]) -> bool:
    """Whether a sentence's capitalised words (_CAPITALISED) hold one the dictionary does not know
    and the question does not use: a name of one word ("Grissom, White, and Chaffee decided ...",
    "Arriva mainly operates ...", "he recruited Dr. George E. Mueller"), which the pattern for names
    of two capitalised words misses, at a sentence's start as well."""
    return any(_unknown_word(w) and w.rstrip(".").lower() not in asked_words for w in capitalised)


@lru_cache(maxsize=65536)
def _unknown_word(word: str) -> bool:
    """A capitalised word of three letters or more ("Okonkwo", "Mueller." before a full stop; not
    "Japan's" or "Anglo-Dutch") whose one index term the dictionary does not know (cached: names
    recur in a corpus)."""
    bare = word.rstrip(".")
    if len(bare) < 3 or not bare.isalpha() or not bare[1:].islower():
        return False
    found = terms(bare)
    return len(found) == 1 and not in_dictionary(found[0])


@lru_cache(maxsize=1)
def _place_firsts() -> frozenset[str]:
    """The first words of place_names(): most capitalised words start none, and are passed by."""
    return frozenset(name.split()[0] for name in place_names())


@lru_cache(maxsize=65536)
def _starts_place(word: str) -> bool:
    """Whether a capitalised word (as found, a full stop after it or not) starts a place name."""
    firsts = _place_firsts()
    return word.lower() in firsts or word.rstrip(".").lower() in firsts


_OWNER_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s+of\s+(?:the\s+)?$")
_CAPITALISED = re.compile(r"\b[A-Z][\w.’'-]*")
_WORD = re.compile(r"[A-Za-z][\w.’'-]*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+$")
_LONGEST_PLACE = 4
"""Words in the longest place name looked up ("Gulf of St. Lawrence")."""


def names_new_place(sentence: str, asked: frozenset[str], capitalised: list[str]) -> bool:
    """Whether the sentence names a place WordNet knows ("Geneva was ...", "visited Hong Kong",
    "the rugged Cevennes region") that the question (`asked`: its words and terms) does not name.

    Shape served: a place written as a subject or object, with no preposition the place pattern reads
    ("Geneva was John Calvin's adopted home"); SQuAD's place answers are mostly so. A possessive
    ("Japan's exports") names an owner, not where something is. `capitalised`: the sentence's
    capitalised words (_CAPITALISED), found once for this and names_unknown_word."""
    places = place_names()
    at = 0
    for word in capitalised:
        at = sentence.find(word, at)
        # A name in capitals ("NEW YORK, June 29 -") is a wire dateline: where the story was filed; one
        # after "Name of" is part of a body's name ("Bar-Ilan University of Israel", "Bank of Japan").
        dateline = word.isupper() and len(word.replace(".", "")) > 2
        if not _starts_place(word) or dateline or _OWNER_BEFORE.search(sentence, max(0, at - 40), at):
            at += len(word)
            continue
        found = [w.group(0) for w in _WORD.finditer(sentence, at, at + 60)][:_LONGEST_PLACE]
        at += len(word)
        words = [w if _INITIALS.match(w) else w.rstrip(".") for w in found]
        for n in range(len(words), 0, -1):
            span = words[:n]
            if not span[-1][:1].isupper() or span[-1].endswith(("'s", "’s")):
                continue
            name = " ".join(span).lower()
            if name in places:
                # "the U.S." names no place new to "American patients" (America ~ U.S. ~ American).
                known = set(re.findall(r"[a-z0-9]+", name)) <= asked or (
                    n == 1 and bool(bridges_of("".join(terms(name.replace(".", "")))) & asked)
                )
                if not known:
                    return True
                break
    return False


def quoted_words(sentence: str) -> str:
    """The words a sentence sets in quotation marks (what it reports verbatim), joined; "" if none."""
    return " ".join(m.group(0)[1:-1] for m in _QUOTE.finditer(sentence))


def acronym_pattern(question: str) -> re.Pattern[str] | None:
    """For "what does ATACMS stand for": a pattern for its expansion (`Words …, or ATACMS` / `ATACMS (…)`)."""
    match = re.search(r"\b([A-Z][A-Z0-9]{1,9}s?)\b", question)
    if not match:
        return None
    acronym = re.escape(match.group(1))
    if acronym.endswith("s") and len(acronym) > 2:
        acronym = acronym[:-1] + "s?"
    words = r"(?:[A-Z][\w-]+[\s,]*){1,8}"
    return re.compile(rf"{words}(?:\(|\bor\s+){acronym}\b|\b{acronym}\s+\({words}")
