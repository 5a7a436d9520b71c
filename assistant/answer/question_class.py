"""What a question asks for: its kind, the metadata it wants, the people it names.

Cheap surface rules, because they only steer ranking: the words of the
question still do the retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.answer.lexicon import statement_verb_forms, statement_verbs
from assistant.index.tokens import STOP_WORDS, fold

Kind = Literal["who", "when", "where", "amount", "why", "acronym", "what", "other"]
MetaField = Literal["author", "source", "date", "title", "url"]

_KINDS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("acronym", re.compile(r"\bstand(?:s)?\s+for\b|\bshort\s+for\b|\babbreviation\b", re.I)),
    (
        "amount",
        re.compile(
            r"\bhow\s+(?:much|many|large|big|long|old|often|frequently)\b|\bwhat\s+(?:amount|number|percentage|sum)\b"
            r"|\bworth\b|\bvalued?\b|\bcost\b",
            re.I,
        ),
    ),
    ("when", re.compile(r"\bwhen\b|\bwhat\s+(?:day|date|year|month|time)\b|\bhow\s+soon\b", re.I)),
    ("where", re.compile(r"\bwhere\b|\bwhat\s+(?:place|city|country|location|base)\b", re.I)),
    ("who", re.compile(r"\bwho(?:m|se)?\b|\bwhich\s+(?:person|official|people|leader|minister)\b", re.I)),
    ("why", re.compile(r"\bwhy\b|\bwhat\s+(?:reason|caused)\b|\bhow\s+come\b", re.I)),
    ("what", re.compile(r"\bwhat\b|\bwhich\b|\bhow\b", re.I)),
)

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
    r"according|comment(?:s|ed)?|statement|quote(?:s|d)?|respond(?:s|ed)?|stated|(?<!what\s)(?<!which\s)state|announce(?:s|d)?|"
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
# "What danger did X see", "How did London dealers expect": a question word, an auxiliary, the subject
# and a verb of saying or thinking (from WordNet, see bench/build_lexicon.py).
_WORD = re.compile(r"[\w’'.\-&]+(?:,\d+)*|,")
_WH = frozenset("what how which why when where who whom".split())
_AUX = frozenset("did does do has have had will would could might may".split())
_ACCORDING = re.compile(r"\baccording\s+to\s+([^,?]{2,80}?)\s*(?:,|\?|$)", re.I)
_SUBJECT_WORDS = 14
_CORE_WORDS = 7
_NOUN_PHRASE_WORDS = frozenset("the a an of and in at for to on from by".split())
_PREPOSITIONS = frozenset("in at of from for with on by about over under among".split())
_PRONOUNS = frozenset("he she they it we you i him her them this that".split())
_NAME = re.compile(r"\b[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)*")
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


_MORE_STATEMENT_VERBS = frozenset("highlight highlights welcome welcomes".split())
"""Verbs of saying WordNet's list lacks ("What weakness did the official highlight?")."""
STATEMENT_NOUNS = frozenset(
    """message messages advice warning warnings view views position stance opinion verdict response
    reaction explanation assessment prediction predictions forecast worry worries concern concerns fear
    fears complaint criticism argument comment comments remark remarks saying words phrase promise pledge
    recommendation suggestion""".split()
)
"""Nouns for what someone said: "What was X's message", "What saying did X use" ask for X's words."""
_WORDS_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:\w+\s+)?(?:saying|words|phrase|expression|slogan|proverb|quip)\b"
    r"|\bin\s+what\s+words\b|\bwhat\s+exact\s+words\b",
    re.IGNORECASE,
)
# "What advice did X give", "What saying did X use": with a statement noun asked, these verbs only
# carry the statement.
_CARRYING_VERBS = frozenset("use give offer issue deliver send make express choose".split())
# "What was Chancellor Nigel Lawson's message to ...", "What is the Fed's view on ...".
_POSSESSIVE_STATEMENT = re.compile(
    r"\b(?:what|how)\s+(?:was|is|were|are|has\s+been|had\s+been)\s+(?:the\s+)?"
    r"([\w’'.\-& ]{2,60}?)(?:[’']s|(?<=s)[’'])\s+(?:[a-z]+\s+)?"
    rf"({'|'.join(sorted(STATEMENT_NOUNS))})\b",
    re.IGNORECASE,
)


def _is_statement_verb(word: str, aux: str, carrying: bool = False) -> bool:
    """A verb of saying or thinking in the form an auxiliary takes: "did X blame", "has X warned",
    "have they said" (not "notes", or "planned" after "will": those are nouns or other tenses).
    `carrying`: the question asks for a statement noun ("What advice did X give"), so "give" counts."""
    if not word[:1].islower() or word in STOP_WORDS:
        return False
    if aux not in ("has", "have", "had") and (
        word in _MORE_STATEMENT_VERBS
        or (carrying and word in _CARRYING_VERBS)
        or (word.endswith("ise") and word[:-3] + "ize" in statement_verbs())  # British "characterise"
    ):
        return True
    verbs = statement_verbs()
    if aux in ("has", "have", "had"):  # a participle: "has warned", "had said" ("had the record" is no cue)
        return word in statement_verb_forms() or any(
            word.endswith(end) and word[: -len(end)] + add in verbs
            for end, add in (("ed", ""), ("ed", "e"), ("d", ""), ("ied", "y"))
        )
    return word in verbs and not word.endswith("ed")


def _noun_phrase(core: list[str]) -> bool:
    """Whether words read as one short noun phrase ("a senior Bank of Japan official", "bankers in
    Helsinki"), not a clause ("the Saints hit a 13-0", "NFL commissioner use to", "15-1")."""
    if not core or len(core) > _CORE_WORDS or not re.search(r"[^\W\d_]", core[-1]):
        return False
    if core[-1].lower() in STOP_WORDS:
        return False
    for k, w in enumerate(core):
        low = w.lower()
        if (low in STOP_WORDS - _NOUN_PHRASE_WORDS) or w.endswith("ly"):
            return False
        if low in ("the", "a", "an") and k > 0 and core[k - 1].lower() not in _PREPOSITIONS | {"and"}:
            return False
    return True


def _statement_subject(text: str) -> str | None:
    """The subject of "What did <subject> <verb of saying or thinking> ...?", or of "according to ...".

    The subject is a short noun phrase (a description after a comma aside): a stretch with function
    words ("its", "be") or more than a few words is a clause, not a speaker.
    """
    according = _ACCORDING.search(text)
    if according:
        return according.group(1)
    possessive = _POSSESSIVE_STATEMENT.search(text)
    if possessive and _noun_phrase(possessive.group(1).split()):
        return possessive.group(1)
    toks = _WORD.findall(text)
    low = [t.lower() for t in toks]
    aux = next((i for i, w in enumerate(low) if w in _AUX and _WH & set(low[:i])), None)
    if aux is not None and "that" in low[:aux]:
        aux = None  # "What company confirmed that she would ...": the auxiliary is the clause's
    if aux is not None:
        carrying = bool(STATEMENT_NOUNS & set(low[:aux]))
        for j in range(aux + 2, min(len(toks), aux + 2 + _SUBJECT_WORDS)):
            if _is_statement_verb(toks[j], low[aux], carrying):
                words = toks[aux + 1 : j]
                if _noun_phrase(" ".join(words).split(" , ")[0].split()):
                    subject = " ".join(words).replace(" ,", ",")
                    return re.sub(r"^(?:the|a|an)\s+", "", subject, flags=re.I)
                break
    return None


def _head(subject: str) -> tuple[tuple[str, ...], str | None]:
    """Who a subject phrase names: its last name before any comma or preposition ("Rockwell president
    Donald Beall" -> Donald Beall; "Texaco's Dan Stevens" -> Dan Stevens), or, when it ends in a common
    noun ("Madrid money market sources", "bankers in Helsinki", "a senior Bank of Japan official"),
    that noun as written."""
    core: list[str] = []
    for word in subject.split(",")[0].split():
        if word.lower() in _PREPOSITIONS and core and core[-1][:1].islower():
            break
        core.append(word)
    if not core or core[-1].lower() in _PRONOUNS:
        return (), None
    if core[-1][:1].islower():
        return (), core[-1]
    run: list[str] = []
    for word in reversed(core):
        if not word[:1].isupper() and word.lower() not in _PREPOSITIONS:
            break
        if run and re.search(r"[’']s?$", word):
            break  # "Texaco's Dan Stevens": the owner is no part of the name
        run.insert(0, word)
    while run and run[0].lower() in _PREPOSITIONS:
        run.pop(0)
    name = re.sub(r"[’']s?$", "", " ".join(run))
    return ((name,), None) if name else ((), None)


def analyse_question(question: str) -> QuestionInfo:
    """Classify a question by its surface."""
    text = fold(question)
    kind: Kind = "other"
    for name, pattern in _KINDS:
        if pattern.search(text):
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
    if kind == "amount":
        frame |= {"many", "much"}
        # "how long", "how often": the words ask for a duration or a frequency, they name no topic.
        frame |= {m.group(1).lower() for m in re.finditer(r"\bhow\s+(long|often|frequently)\b", text, re.I)}
    for m in _LIGHT.finditer(text):
        frame |= {w.lower() for w in m.group(0).split()}
    said = _STATEMENT_SUBJECT.search(text)
    speaker_words = said.group(1) if said and said.group(1).lower() not in _PRONOUNS else None
    subject = _statement_subject(text)
    if subject is not None:
        head_names, head_words = _head(subject)
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
        wants_words=_WORDS_ASKED.search(text) is not None,
    )
