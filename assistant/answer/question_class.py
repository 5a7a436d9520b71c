"""What a question asks for: its kind, the metadata it wants, the people it names.

Cheap surface rules, because they only steer ranking: the words of the
question still do the retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

from assistant.answer.statement_subject import (
    PRONOUNS,
    WORDS_ASKED,
    reads_as_speaker,
    statement_subject,
    subject_head,
)
from assistant.index.tokens import STOP_WORDS, fold, terms

Kind = Literal["who", "when", "where", "amount", "why", "acronym", "what", "other"]
MetaField = Literal["author", "source", "date", "title", "url"]

MEASURE_WORDS = r"(?:steep|sharp|deep|severe|far|fast|heavy)"
"""Adjectives a reader asks a size by ("How steep are the cuts?", "How far did prices fall?"): they
ask for a number, and name no topic the answer's sentence would share ("10 pct annual reductions")."""
PAID = (
    r"^\W*what\s+(?:is|was|are|were|did|does|do|will|would|has|have|had)\s+(?:[\w.,'&-]+\s+){1,8}?"
    r"(?:pay|paying|paid|charging|charged|spend|spending|spent)\b(?!\s+attention)"
)
""""What is Pacific Resources paying for X?", "What did the group pay for it?": the sum is asked.
Forms that are nouns too ("What are the charges against X?") are left out."""
_ASCRIBED = (
    r"\bto\s+what\s+(?!extent\b|degree\b)(?:[\w.,'&-]+\s+){1,8}?(attribut(?:e|es|ed|ing)|ascrib(?:e|es|ed|ing))\b"
    r"|\bwhat\s+(?:[\w.,'&-]+\s+){1,8}?(attribut(?:e|es|ed|ing)|ascrib(?:e|es|ed|ing)|blam(?:e|es|ed|ing))"
    r"\s+(?:[\w.,'&-]+\s+){0,8}?(?:to|on|for)\s*\?*\s*$"
)
"""A cause asked by what something is put down to: "To what did Honeywell attribute the rise?", "What
did the company blame the loss on?". The verb frames the question, as "why" does: the answer's
sentence may write "was the result of"."""
_KINDS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("acronym", re.compile(r"\bstand(?:s)?\s+for\b|\bshort\s+for\b|\babbreviation\b", re.I)),
    (
        "amount",
        re.compile(
            r"\bhow\s+(?:much|many|large|big|long|old|often|frequently)\b|\bwhat\s+(?:amount|number|percentage|sum)\b"
            rf"|\bworth\b|\bvalued?\b|\bcost\b|\bhow\s+{MEASURE_WORDS}\b|\bwhat\s+quantity\b|{PAID}",
            re.I,
        ),
    ),
    (
        "when",
        # "On which days", "In what years": the noun asked for is a time, whatever verb follows.
        re.compile(
            r"\bwhen\b|\b(?:what|which)\s+(?:days?|dates?|years?|months?|weeks?|time)\b|\bhow\s+soon\b", re.I
        ),
    ),
    ("where", re.compile(r"\bwhere\b|\bwhat\s+(?:place|city|country|location|base)\b", re.I)),
    ("who", re.compile(r"\bwho(?:m|se)?\b|\bwhich\s+(?:person|official|people|leader|minister)\b", re.I)),
    ("why", re.compile(rf"\bwhy\b|\bwhat\s+(?:reason|caused)\b|\bhow\s+come\b|{_ASCRIBED}", re.I)),
    ("what", re.compile(r"\bwhat\b|\bwhich\b|\bhow\b", re.I)),
)

_WHY_FRAME = re.compile(rf"\bwhat\s+(reasons?|caused)\b|\bhow\s+(come)\b|{_ASCRIBED}", re.I)
"""The words of a why-question that only ask why ("What caused the fall?", "What reason did X give",
"How come"): framed, as "why" is, for the answer's sentence need not write them."""

_ARTICLE_NOUNS = r"(?:article|story|piece|report|column|editorial)s?"
NAMES_THE_ARTICLE = re.compile(rf"\b{_ARTICLE_NOUNS}\b|\bbylines?\b", re.IGNORECASE)
"""A question that names the article itself ("who wrote the story about …?") asks of its metadata."""
_META: tuple[tuple[MetaField, re.Pattern[str]], ...] = (
    (
        "author",
        re.compile(
            # "the author of A Tree Grows in Brooklyn" asks of the article's topic, not its byline.
            r"\bwho\s+(?:wrote|writes|authored|penned|reported)\b|\bwritten\s+by\b"
            rf"|\bauthor\b(?!\s+of\s+(?!(?:the|this|that)\s+{_ARTICLE_NOUNS}\b|(?:this|that|it)\b))"
            r"|\bbyline\b|\bwho\s+is\s+the\s+(?:writer|reporter|journalist)\b",
            re.I,
        ),
    ),
    (
        "source",
        re.compile(
            r"\bwhat\s+(?:publication|outlet|newspaper|paper|site|website|source)\b"
            r"|\bwhich\s+(?:publication|outlet|newspaper|paper|site|website)\b"
            r"|\bwhere\s+(?:was|is)\s+(?:the|this|that)\s+(?:article|story|piece)\s+(?:published|from)\b"
            r"|\bpublished\s+(?:by|in)\s+(?:what|which)\b",
            re.I,
        ),
    ),
    (
        "date",
        re.compile(
            r"\bwhen\s+(?:was|is)\s+(?:the|this|that)\s+(?:article|story|piece)\b(?:\s+\S+){0,8}?"
            r"\s+(?:published|written|dated|released|posted)\b|\b(?:publication|article)\s+date\b"
            r"|\bwhat\s+date\s+is\s+the\s+article\b",
            re.I,
        ),
    ),
    (
        "title",
        re.compile(r"\b(?:title|headline)\s+of\s+the\b|\bwhat\s+is\s+the\s+(?:title|headline)\b", re.I),
    ),
    ("url", re.compile(r"\b(?:url|link)\s+(?:of|to|for)\s+the\b", re.I)),
)

# Words a metadata question uses to talk about the article rather than its topic.
META_WORDS = frozenset(
    "who wrote writes authored penned reported author written byline writer reporter journalist what which "
    "publication outlet newspaper paper site website source where published when date dated title headline "
    "url link article story piece the this that about on is was in by of".split()
)

_SAY = re.compile(
    r"\b(?:say|says|said|tell|tells|told|think|thinks|thought|claim(?:s|ed)?|argue(?:s|d)?|"
    r"according|comment(?:s|ed)?|statement|quotes?|(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)quoted|(?:quoted(?=\s+as\b))|"
    r"respond(?:s|ed)?|stated|(?<!what\s)(?<!which\s)(?-i:state)|announce(?:s|d)?|"
    r"warn(?:s|ed)?|insist(?:s|ed)?|add(?:s|ed)?|speak(?:s)?|spoke|remark(?:s|ed)?)\b",
    re.I,
)
# Cues that only say "a statement" ("what did X say"); others ("warn", "argue") also carry meaning.
_GENERIC_CUES = frozenset(
    "say says said tell tells told speak speaks spoke comment comments commented statement "
    "quote quotes quoted "
    "according state stated remark remarks remarked respond responds responded".split()
)
# "What did the mayor say", "What do critics argue": the words between the auxiliary and the cue.
_STATEMENT_SUBJECT = re.compile(
    r"\b(?:did|does|do|has|have|had|will|would)\s+(?:the\s+|a\s+|an\s+)?([\w’'.\- ]{2,60}?)\s+"
    r"(?:say|tell|think|claim|argue|warn|insist|add|announce|state|respond|comment|speak)\b",
    re.I,
)
# Phrases that only frame a question: "how long has the war been going on", "give a speech".
_LIGHT = re.compile(
    r"\b(?:go(?:es|ing)?|went|gone)\s+on\b|\b(?:take|takes|took|taken|taking)\s+place\b"
    r"|\b(?:happen(?:s|ed|ing)?)\b"
    r"|\b(?:give|gives|gave|given|giving|make|makes|made|making|deliver(?:s|ed)?|hold|held)(?=\s+(?:a|an|his|her"
    r"|their|its|the)\s+(?:speech|talk|address|statement|announcement|remarks?|speeches|lecture)\b)",
    re.I,
)
_FRAMING = re.compile(
    r"\b(?:what|which)\s+(?:(?:is|was|are|were)\s+)?(?:the\s+|one\s+|some\s+)?(kinds?|types?|sorts?)\s+of\b"
    r"|\b(?:what|which)\s+(?:is|was|are|were)\s+(?:the|another|an?\s+other)\s+(name)s?\s+(?:of|for|given)\b"
    r"|\b(?:an?|one|another|two|some)\s+(examples?)\s+of\b"
    r"|\bwhat\s+(amount|figure)\b|\b(whether)\b"
    r"|\b(?:what|which)\s+(?:reasons?|explanations?|grounds)\b(?:\s+[\w.'’&-]+){1,8}?\s+(give|gave|given|cite|cited"
    r"|offer|offered)\b",
    re.I,
)
"""Words that say what shape of answer is asked, not what about ("What kind of bureaucracy", "What is
the name of the leader", "an example of", "What figure", "say about whether"): the answer's sentence
seldom writes them. Framed by these phrases in squad-dev-train, the answer's sentence lacks "type" 85
times of 97, "name" 60 of 81, "kind" 23 of 24, "example" 12 of 20 ("whether" 5 of 6 in the Reuters
dev files' even halves; "give" in "What reason did X give for" 5 of 5, even halves and
squad-dev-train)."""
_NAME = re.compile(r"\b[A-Z][a-z’'\-]+(?:[A-Z][a-z’'\-]+)?(?:\s+[A-Z][a-z’'\-]+(?:[A-Z][a-z’'\-]+)?)*")
"""Capitalised words in a row, one a name written with an inner capital too: "Tony O'Reilly",
"McDonald"."""
_INTENT = re.compile(r"\s*[a-z]+\s+to\s+[a-z]+\b")
"""After the subject, a verb and an infinitive: "plan to walk out", "expect to open"."""
_ASKS_OTHER = frozenset({"amount", "when", "where"})
"""Question words that ask for a number, a date or a place: a statement is read only from a speaker."""
_REPORTING_VERBS = frozenset(
    """
    say tell expect estimate forecast predict project think believe report announce anticipate
    reckon calculate see put claim state feel fear hope warn suggest propose recommend urge reveal
    disclose quote cite assume figure guess suppose consider argue insist promise pledge
    """.split()
)
"""Verbs after the subject that make a number, date or place question a statement question ("How
many jobs does the union expect to lose?"): the verbs of reporting a view, not every WordNet verb of
communication."""
_IRREGULAR = {"said": "say", "told": "tell", "thought": "think", "foreseen": "see", "seen": "see"}


def _reports_a_view(after: str) -> bool:
    """Whether the verb opening `after` (the question after its statement subject) is in
    _REPORTING_VERBS, in any of its forms ("expect", "expected", "has said")."""
    first = after.split()[:1]
    word = first[0].lower().strip(",.?") if first else ""
    if word in _REPORTING_VERBS or _IRREGULAR.get(word) in _REPORTING_VERBS:
        return True
    stems = (word[:-1], word[:-2], word[:-3] + "y") if word.endswith(("s", "d", "ied")) else ()
    return any(stem in _REPORTING_VERBS for stem in stems)


_QUESTION_WORDS = frozenset(
    "what who whom whose when where why how which did does do is are was were can could would should will "
    "and but so tell".split()
)


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """The shape of a question, as far as ranking cares."""

    kind: Kind
    meta_field: MetaField | None
    names: tuple[str, ...]
    """Capitalised names in the question (people, places): candidates for a speaker."""
    asks_statement: bool
    """True when it asks what someone said."""
    frame: frozenset[str]
    """Words that frame the question rather than name its topic ("say", "stand for"), lower-cased."""
    speaker_words: str | None = None
    """Who a statement question asks about, as written: "the mayor" in "What did the mayor say?"."""
    subject: str | None = None
    """The whole phrase naming who is asked about, descriptions included ("Rockwell president Donald
    Beall", "Abdoulaye Fadiga, governor of the ... bank"): its words say who, not what about."""
    wants_words: bool = False
    """It asks for the very words someone used ("What saying did X use", "in what words"): a quotation."""


_WH = re.compile(r"\b(?:what|which|who|whom|whose|where|why|how|when)\b", re.IGNORECASE)


def without_later_when(text: str) -> str:
    """`text` without a "when" that follows another question word: it opens a clause saying at
    what moment, not the question's own. Shape served: "What do dealers expect X to do when the
    budget comes?", "What did the minister list first when explaining the deficit?" ask what, not
    when."""
    first = _WH.search(text)
    if first is None or first.group(0).lower() == "when":
        return text
    head, tail = text[: first.end()], text[first.end() :]
    return head + re.sub(r"\bwhen\b", " ", tail, flags=re.IGNORECASE)


_LATER_CLAUSE = re.compile(r"\b(?:that|which)\b", re.IGNORECASE)
_NAMED_WHO = re.compile(r"\b([A-Z][\w'’-]*\s+)Who\b")
"""A capitalised "Who" after another capitalised word is a name's ("Doctor Who", "The Who")."""


def main_clause(text: str) -> str:
    """`text` as far as its question word's own clause reads: a "when" after another question word
    dropped (without_later_when), a capitalised "Who" that ends a name blanked, and nothing after a
    later "that" or "which". Shape served: a word that asks a kind read inside a clause that only
    describes ("What does Moody's foresee for the banks that could cost them their rating?" asks
    what, not how much; "What vehicle did Doctor Who use?" asks what, not who)."""
    text = _NAMED_WHO.sub(lambda m: m.group(1) + "   ", without_later_when(text))
    first = _WH.search(text)
    if first is None:
        return text
    later = _LATER_CLAUSE.search(text, first.end())
    return text if later is None else text[: later.start()]


# The question asks what is to come: a future or conditional verb, or a noun or verb of expecting.
_ASKS_AHEAD = re.compile(
    r"\b(?:will|would|going to|expects?|expected|expecting|expectations?|predict(?:s|ed|ions?)?|"
    r"forecasts?|forecasted|foresees?|foresaw|anticipate[sd]?|outlook|prospects?|projects?|projected|"
    r"projections?|plans?|planned|intends?|intended|future|next)\b",
    re.IGNORECASE,
)


def asks_ahead(question: str) -> bool:
    """Whether a question asks what is to come ("whether the Bundesbank will relax", "what did X
    expect", "X's forecast for ..."), as opposed to what was or is."""
    return _ASKS_AHEAD.search(question) is not None


_HOW_MANY = re.compile(r"\bhow\s+many\b", re.IGNORECASE)


def asks_how_many(question: str) -> bool:
    """Whether a question asks "how many" (a count), not "how much" (a sum, a price)."""
    return _HOW_MANY.search(question) is not None


class DayNamed(NamedTuple):
    """A day of the calendar a question names ("in the seven days to March 21")."""

    month: tuple[str, ...]
    """The month's index terms."""
    day: str
    """The day's number, as written."""


_DAY_NAMED = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})\b",
    re.IGNORECASE,
)


def days_named(question: str) -> tuple[DayNamed, ...]:
    """The days a question names: they say which of a weekly report's days is asked
    (article_lift.lift_day_named)."""
    return tuple(DayNamed(tuple(terms(m.group(1))), m.group(2)) for m in _DAY_NAMED.finditer(question))


_WHICH = re.compile(r"\b[Ww]hich\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?")
"""The one or two lower-case words right after "which" ("which church organization is"); "what NOUN"
asks too often for something no name holds ("what channel", "what one word") to be read so."""
_NOT_WHICH_NOUNS = frozenset(
    "is are was were has have had did does do will would can could should may might be been the a an "
    "of to in on for by".split()
)
COMPANY_ENDS = frozenset("co cos corp inc ltd plc ag ab sa spa nv bv gmbh group".split())
"""The terms a company's name ends in ("Daelim Industrial Co Ltd", "Pennzoil Co chairman")."""
COMPANY_WORDS = COMPANY_ENDS | frozenset("compani incorpor limit".split())
"""The terms that mark a name as a company's (named_noun.names_holding finds them anywhere in it),
its endings written out too ("Minories Finance Limited", "Carolco Pictures Incorporated"): a name
so written is as much a company's as one ending in "Ltd". Not "Corporation": agencies are named so
("The Commodity Credit Corporation" was lifted over the company that earned its export bonus,
reuters-paraphrased)."""
_ABBREVIATED: dict[str, frozenset[str]] = {
    "compani": COMPANY_WORDS,
    "firm": COMPANY_WORDS | {"firm"},
    "corpor": frozenset({"corp", "corpor"}),
}
"""A noun asked and what a name says for it ("which company" is answered by "Daelim Industrial Co Ltd").
Keys and values are index terms (stems)."""


def which_noun(question: str) -> frozenset[str]:
    """For "which NOUN": the terms a name answering it holds (the one or two words after "which",
    widened by their abbreviations); empty when no noun follows "which"."""
    m = _WHICH.search(question)
    if m is None:
        return frozenset()
    found: set[str] = set()
    for w in m.groups():
        # "What was Manning's rating" asks no noun; "which church organization is" stops at "is".
        if not w or w in _NOT_WHICH_NOUNS or w in STOP_WORDS or w.endswith("ed"):
            break
        found.update(terms(w))
    return frozenset(found | {a for t in found for a in _ABBREVIATED.get(t, frozenset())})


_NAME_RUN = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*)+")
_NAME_WORDS = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*)*")


def name_runs(question: str) -> tuple[tuple[str, ...], ...]:
    """The index terms of each run of capitalised words ("Third World", "London Metal Exchange"; "of"
    left out) holding two terms or more: where a name the dictionary makes of ordinary words is looked
    for (shown_article)."""
    runs = (
        tuple(t for w in m.group(0).split() if w != "of" for t in terms(w))
        for m in _NAME_WORDS.finditer(question)
    )
    return tuple(run for run in runs if len(run) >= 2)


def initialisms(question: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each run of two capitalised words or more ("London Metal Exchange") by its initials ("lme"),
    with its words' index terms: an article that writes the short form names all of them."""
    out = []
    for m in _NAME_RUN.finditer(question):
        parts = [w for w in m.group(0).split() if w != "of"]
        if len(parts) >= 2:
            out.append(("".join(w[0] for w in parts).lower(), tuple(t for w in parts for t in terms(w))))
    return tuple(out)


def analyse_question(question: str) -> QuestionInfo:
    """Classify a question by its surface."""
    text = fold(question)
    kind: Kind = "other"
    asked = main_clause(text)
    for name, pattern in _KINDS:
        if pattern.search(asked):
            kind = name
            break
    meta: MetaField | None = None
    for field_name, pattern in _META:
        if pattern.search(text):
            meta = field_name
            break
    names = []
    for match in _NAME.finditer(text):
        words = [w for w in match.group(0).split() if w.lower() not in _QUESTION_WORDS | STOP_WORDS]
        if words:
            names.append(" ".join(words))
    frame = {m.group(0).lower() for m in _SAY.finditer(text)} & _GENERIC_CUES
    if kind == "acronym":
        frame |= {"stand", "stands", "short", "abbreviation", "mean", "means"}
    if kind == "why":
        frame |= {w.lower() for m in _WHY_FRAME.finditer(asked) for w in m.groups() if w}
    if kind == "amount":
        frame |= {"many", "much"}
        # "how long", "how often": the words ask for a duration or a frequency, they name no topic.
        frame |= {
            m.group(1).lower()
            for m in re.finditer(rf"\bhow\s+(long|often|frequently|{MEASURE_WORDS})\b", text, re.I)
        }
    frame |= {w.lower() for m in _FRAMING.finditer(text) for w in m.groups() if w}
    for m in _LIGHT.finditer(text):
        frame |= {w.lower() for w in m.group(0).split()}
    said = _STATEMENT_SUBJECT.search(text)
    speaker_words = said.group(1) if said and said.group(1).lower() not in PRONOUNS else None
    subject = statement_subject(text)
    unspoken = subject is not None and not _SAY.search(text) and not reads_as_speaker(subject)
    after = text[text.find(subject) + len(subject) :] if subject is not None else ""
    if subject is not None and not _SAY.search(text) and _INTENT.match(after):
        # "On which days do workers plan to walk out?": "plan to", "intend to" state an intention
        # (WordNet files "plan" with the verbs of thinking); the date of the walk-out is asked.
        unspoken = True
    if kind in _ASKS_OTHER and re.match(r"\s*[a-z]", after) and not _reports_a_view(after):
        # "How much does HP's new network printer cost?", "How much did the Hunts demand in the
        # suit?": WordNet files "network" and "demand" with the verbs of saying, but a number, date or
        # place is asked of a thing done; only a verb that reports a view makes it a statement.
        unspoken = True
    if unspoken and (kind in _ASKS_OTHER or which_noun(text)):
        # "How many votes did the ferry deal get?": "deal" may be a verb of saying, but nothing that
        # speaks stands before it, and the question word asks for a number, not a statement; so too
        # "Which company does Carolco plan to acquire?", whose noun asks for a name, not a statement.
        subject = None
    if subject is not None:
        head_names, head_words = subject_head(subject)
        names = list(head_names)
        speaker_words = head_words if not head_names else speaker_words
    return QuestionInfo(
        kind=kind,
        meta_field=meta,
        names=tuple(names),
        asks_statement=bool(_SAY.search(text)) or subject is not None,
        frame=frozenset(frame),
        speaker_words=speaker_words,
        subject=subject,
        wants_words=WORDS_ASKED.search(text) is not None,
    )
