"""The question parsed once: the one typed `Query` that candidates, features, ranker and quotes read.

Nothing downstream looks at the raw question's words again: terms, their weights, their bridges,
the question's class and the kinds of answer it wants, the people it names and the speaker it is
limited to are all here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from assistant.answer.answer_types import (
    AnswerType,
    Stated,
    acronym_pattern,
    cause_words,
    quantity_noun,
    stated,
    wanted_types,
)
from assistant.answer.counted import relation_words
from assistant.answer.lexicon import bridges_of, phrase_bridges, spelling_variant
from assistant.answer.named import question_names
from assistant.answer.question_class import (
    DayNamed,
    QuestionInfo,
    analyse_question,
    asks_ahead,
    asks_how_many,
    days_named,
    initialisms,
    name_runs,
    which_noun,
)
from assistant.answer.role_asked import role_asked
from assistant.answer.settings import Steer
from assistant.index import Index
from assistant.index.tokens import terms, words


@dataclass(frozen=True, slots=True)
class Query:
    """A question prepared for finding its answer."""

    question: str
    info: QuestionInfo
    own: tuple[str, ...]
    """Its own terms (framing words such as "say" left out)."""
    carried: tuple[str, ...]
    """Terms a follow-up carries from the previous turn."""
    ids: dict[str, int | None]
    weights: dict[str, float]
    """Smoothed idf of each term: how much matching it says."""
    bridges: dict[str, frozenset[str]]
    """Each own term's bridged terms (WordNet synonyms, derivations, irregular forms)."""
    reachable: frozenset[str]
    """Own terms the corpus holds, or holds a bridge of: the rest the corpus cannot answer."""
    wanted: tuple[AnswerType, ...]
    """The kinds of answer the question asks for (a duration, a place...)."""
    unknown_words: tuple[str, ...]
    speaker: str | None
    """Only this person's statements answer (--speaker, or a follow-up's)."""
    names: tuple[str, ...]
    """People whose statements it asks for."""
    acronym: re.Pattern[str] | None
    """For "what are ATACMS": the shape of the sentence that spells the acronym out."""
    stated: Stated
    """What it writes itself: a sentence offering a kind of answer only in its words offers none
    (answer_types.offered_types)."""
    named: tuple[str, ...] = ()
    """Own terms of the names the question gives (companies, people, places, tickers): the article
    that answers names them."""
    counted: frozenset[str] = frozenset()
    """Terms of the noun whose number is asked ("vote" in "how many votes"; "yield" in "at what yield")."""
    counted_bridges: frozenset[str] = frozenset()
    """That noun's bridged terms (a number of "visitors" for "how many tourists")."""
    relations: tuple[str, ...] = ()
    """Its relation words ("against", "before", "not"): stop words to retrieval, evidence to ranking."""
    how_many: bool = False
    """It asks "how many": a count of the noun in `counted` (story_gaps.count_missing)."""
    asks_ahead: bool = False
    """It asks what is to come ("will", "expect", "forecast"): said.outlook's statements that look ahead."""
    days: tuple[DayNamed, ...] = ()
    """The days of the calendar it names ("in the week to March 21"): article_lift.lift_day_named."""
    which_noun: frozenset[str] = frozenset()
    """For "which NOUN": terms a name answering it holds ("compani", "co", "inc"): named_noun."""
    name_runs: tuple[tuple[str, ...], ...] = ()
    """The terms of each run of its capitalised words, two or more ("third", "world"): shown_article
    reads a name the dictionary makes of ordinary words in them."""
    initials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Each run of its capitalised words by its initials ("lme"), with the run's own terms: an article
    writing the short form names them (shown_article)."""
    role: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    """For "Who is the chairman of Aga AB?": the role's terms and the name's ("chairman"; "aga",
    "ab"); a story that never writes the one at the other does not answer (story_gaps.role_unbound)."""

    @property
    def searched(self) -> list[str]:
        """Every term the index is searched for."""
        return list(self.own + self.carried)

    def share(self, group: tuple[str, ...], present: set[str] | frozenset[str]) -> float | None:
        """Weighted share of `group`'s terms found in `present` (None for an empty group)."""
        total = sum(self.weights[t] for t in group)
        if not group or not total:
            return None
        return sum(self.weights[t] for t in group if t in present) / total


def coverage_weight(index: Index, tid: int | None) -> float:
    """A term's weight in a question: smoothed idf, always positive; unknown terms weigh as the rarest."""
    n = max(index.n_live, 1)
    df = 1 if tid is None else index.df(tid)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _weights(
    index: Index,
    info: QuestionInfo,
    ids: dict[str, int | None],
    bridges: dict[str, frozenset[str]],
    own: tuple[str, ...],
    names: tuple[str, ...],
) -> dict[str, float]:
    """Each term's weight; a statement question's words about who is asked weigh less than its topic."""
    weights = {t: _weight(index, t, tid, bridges.get(t, frozenset())) for t, tid in ids.items()}
    if info.asks_statement and info.subject:
        # The speaker's own name still says which article; a role asked ("an aide to Senator X") does not.
        named = {t for n in names if n[:1].isupper() for t in terms(n)}
        who = {_spelled_as_corpus(index, t) for t in terms(info.subject)} - named
        if set(own) - who:  # a question only about who ("What did Sullivan say?") keeps its weights
            for t in who & set(own):
                weights[t] *= SUBJECT_WEIGHT
    return weights


def _weight(index: Index, term: str, tid: int | None, bridges: frozenset[str]) -> float:
    """A term's weight; a word the corpus lacks but holds a bridge of ("speech" where the article
    says "spoke") weighs as its rarest bridge, so its absence says no more than the bridge's would."""
    if tid is None:
        found = [coverage_weight(index, b_id) for b in bridges if (b_id := index.term_id(b)) is not None]
        if found:
            return max(found)
    return coverage_weight(index, tid)


SUBJECT_WEIGHT = 0.6
"""For "what did X say about Y": the share of its weight a word naming or describing X keeps. Who
is asked about is matched by the speaker features; the answer is the statement covering Y, not the
news lead that restates X's title and the topic."""


def _spelled_as_corpus(index: Index, term: str) -> str:
    """The question's term, or its other spelling's when only that is in the corpus (harbour -> harbor)."""
    other = spelling_variant(term)
    if other is not None and index.term_id(term) is None and index.term_id(other) is not None:
        return other
    return term


def _with_variant(term: str, bridges: frozenset[str]) -> frozenset[str]:
    """A term's bridges with its other spelling: where the corpus holds both, either form matches."""
    other = spelling_variant(term)
    return bridges | {other} if other is not None else bridges


_PRONOUN_SUBJECT = re.compile(
    r"\b(did|does|do|has|have|had|will|would)(\s+)(he|she|they)(?=\s+\w)", re.IGNORECASE
)
# "an aide to Senator John Danforth", "a spokesman for Exxon": the one who speaks is the role, not the name.
_ROLE_OF_NAME = re.compile(r"^(?:an?\s+|the\s+)?(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]+)\s+(?:to|for)\s+[A-Z]")


def with_speaker_named(question: str, speaker: str | None) -> str:
    """The question with its pronoun subject replaced by the speaker it is limited to: with
    `--speaker Sullivan`, "What did he say?" asks what Sullivan said, and his name is searched."""
    if not speaker:
        return question
    return _PRONOUN_SUBJECT.sub(lambda m: f"{m.group(1)}{m.group(2)}{speaker}", question, count=1)


def _asked_names(info: QuestionInfo, speaker: str | None) -> tuple[str, ...]:
    """Whose statements the question asks for: the speaker it is limited to, else the person its
    subject names, else the role it gives ("the mayor"; "an aide to Senator X" is the aide)."""
    if speaker:
        return (speaker,)
    if not info.asks_statement:
        return ()
    role = _ROLE_OF_NAME.match(info.subject or "")
    if role is not None:
        return (role.group(1),)
    if info.names:
        return info.names
    return (info.speaker_words,) if info.speaker_words else ()


def parse_query(index: Index, question: str, steer: Steer, speaker: str | None = None) -> Query:
    """The question's terms, weights, bridges and shape, with what a follow-up carries over."""
    question = with_speaker_named(question, speaker)
    info = analyse_question(question)
    asked = stated(question)
    wanted = wanted_types(info, asked)
    if info.kind == "what" and wanted[:1] == ("reason",):
        # "What lay behind the delay?" asks why by its verb: "lay" and "behind" frame it as "why" would.
        info = replace(info, frame=info.frame | cause_words(question.lower()))
    frame = {t for w in info.frame for t in terms(w)}
    own = tuple(dict.fromkeys(_spelled_as_corpus(index, t) for t in terms(question) if t not in frame))
    carried = tuple(t for t in dict.fromkeys(steer.extra_terms) if t not in own)
    ids = {t: index.term_id(t) for t in own + carried}
    unknown = tuple(w for w, _, _ in words(question) if (t := terms(w)) and index.term_id(t[0]) is None)
    names = _asked_names(info, speaker)
    phrased = phrase_bridges([w for w, _, _ in words(question)])
    bridges = {t: _with_variant(t, bridges_of(t)) | phrased.get(t, frozenset()) for t in own}
    reachable = frozenset(
        t for t in own if ids[t] is not None or any(index.term_id(b) is not None for b in bridges[t])
    )
    named = tuple(t for t in (_spelled_as_corpus(index, n) for n in question_names(question)) if t in own)
    noun = quantity_noun(info, question)
    counted = frozenset(v for t in terms(noun or "") for v in _with_variant(t, frozenset({t})))
    has_caps = re.search(r"\b[A-Z][A-Z0-9]{1,9}s?\b", question) is not None
    return Query(
        question=question,
        info=info,
        own=own,
        carried=carried,
        ids=ids,
        weights=_weights(index, info, ids, bridges, own, names),
        bridges=bridges,
        reachable=reachable,
        wanted=wanted,
        unknown_words=unknown,
        speaker=speaker,
        names=tuple(names),
        acronym=acronym_pattern(question) if has_caps else None,
        named=named,
        counted=counted,
        counted_bridges=frozenset(b for t in counted for b in bridges_of(t)) - counted,
        relations=relation_words(question),
        how_many=asks_how_many(question),
        asks_ahead=asks_ahead(question),
        stated=asked,
        days=days_named(question),
        which_noun=which_noun(question),
        name_runs=name_runs(question),
        initials=_initials(question, own),
        role=role_asked(question),
    )


def _initials(question: str, own: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The question's runs of capitalised words by their initials, with those of their terms it
    searches for; a run with none of them is left out."""
    out: dict[str, tuple[str, ...]] = {}
    for initials, run in initialisms(question):
        found = tuple(t for t in run if t in own)
        if found:
            out[initials] = found
    return out
