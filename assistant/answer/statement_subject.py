"""Who a statement question asks about: the subject of "What did <subject> say ...", of "What was
<subject>'s message", of "according to <subject>", and the name or role that subject gives.

Surface rules over the question's words; the speaker features and priors read what they find.
"""

from __future__ import annotations

import re

from assistant.answer.lexicon import statement_verb_forms, statement_verbs
from assistant.index.tokens import STOP_WORDS

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
PRONOUNS = frozenset("he she they it we you i him her them this that".split())
_BODY_ENDS = frozenset("co corp inc ltd plc company group".split())

_MORE_STATEMENT_VERBS = frozenset("highlight highlights welcome welcomes".split())
"""Verbs of saying WordNet's list lacks ("What weakness did the official highlight?")."""
STATEMENT_NOUNS = frozenset(
    """message messages advice warning warnings view views position stance opinion verdict response
    reaction explanation assessment prediction predictions forecast worry worries concern concerns fear
    fears complaint criticism argument comment comments remark remarks saying words phrase promise pledge
    recommendation suggestion reason reasons excuse justification""".split()
)
"""Nouns for what someone said: "What was X's message", "What saying did X use" ask for X's words."""
WORDS_ASKED = re.compile(
    r"\b(?:what|which)\s+(?:\w+\s+)?(?:saying|words|phrase|expression|slogan|proverb|quip)\b"
    r"|\bin\s+what\s+words\b|\bwhat\s+exact\s+words\b",
    re.IGNORECASE,
)
# "What advice did X give", "What saying did X use": with a statement noun asked, these verbs only
# carry the statement.
_CARRYING_VERBS = frozenset("use give offer issue deliver send make express choose raise air cite".split())
# "What was Chancellor Nigel Lawson's message to ...", "What is the Fed's view on ...".
_POSSESSIVE_STATEMENT = re.compile(
    r"\b(?:what|how)\s+(?:was|is|were|are|has\s+been|had\s+been)\s+(?:the\s+)?"
    r"([\w’'.\-& ]{2,60}?)(?:[’']s|(?<=s)[’'])\s+(?:[a-z]+\s+)?"
    rf"({'|'.join(sorted(STATEMENT_NOUNS))})\b",
    re.IGNORECASE,
)
# "What was the reaction of Wall Street analysts to the bid?": the noun first, then whose.
_STATEMENT_OF = re.compile(
    r"\b(?:what|how)\s+(?:was|is|were|are)\s+the\s+(?:[a-z]+\s+)?"
    rf"(?:{'|'.join(sorted(STATEMENT_NOUNS))})\s+of\s+([\w’'.\-& ]{{2,60}}?)"
    r"\s*(?:\b(?:to|on|about|for|over|after|in)\b|[,?]|$)",
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


def is_statement_past(word: str) -> bool:
    """Whether a word is a verb of saying or thinking in the past ("said", "urged", "predicted"):
    the verb of a sentence reporting a statement."""
    return _is_statement_verb(word, "had")


# Heads of a phrase naming people or a body that speaks ("analysts", "the union", "officials").
_SPEAKER_HEAD = re.compile(
    r"(?:ers|ors|ists|ysts|ians|ants|ents|man|men|person|people|public|officials?|sources|unions?|"
    r"government|administration|board|committee|council|management|president|minister|director|"
    r"analyst|economist|dealer|trader|banker|lawyer|official|leader|spokesperson)$",
    re.IGNORECASE,
)


def _reads_as_speaker(core: list[str]) -> bool:
    """Whether "the <noun> of <core>" names someone who speaks: a name ("Wall Street analysts",
    "the Fed") or a head such as "analysts" or "the union" — not "the position of the ship", "the
    forecast of inflation", "the reason of the crash", which ask about a thing."""
    return any(w[:1].isupper() for w in core) or bool(_SPEAKER_HEAD.search(core[-1]))


def _noun_phrase(core: list[str]) -> bool:
    """Whether words read as one short noun phrase ("a senior Bank of Japan official", "bankers in
    Helsinki"), not a clause ("the Saints hit a 13-0", "NFL commissioner use to", "15-1")."""
    if not core or len(core) > _CORE_WORDS or not re.search(r"[^\W\d_]", core[-1]):
        return False
    if core[-1].lower() in STOP_WORDS:
        return False
    for k, w in enumerate(core):
        low = w.lower()
        if (low in STOP_WORDS - _NOUN_PHRASE_WORDS) or (w.endswith("ly") and w[:1].islower()):
            return False
        if low in ("the", "a", "an") and k > 0 and core[k - 1].lower() not in _PREPOSITIONS | {"and"}:
            return False
    return True


def _noun_before_verb(toks: list[str], j: int, aux: str, carrying: bool) -> bool:
    """Whether the verb-shaped word at `j` is the subject's noun: "officer" and "judge" are verbs to
    WordNet, but in "did the chief financial officer say" or "did the officer, John Smith, say" the
    verb is the one after, and the name or role stands before it."""
    after = toks[j + 1 : j + 1 + _SUBJECT_WORDS]
    if not after:
        return False
    if _is_statement_verb(after[0], aux, carrying):
        return True
    return after[0] == "," and any(_is_statement_verb(w, aux, carrying) for w in after[1:])


def statement_subject(text: str) -> str | None:
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
    of = _STATEMENT_OF.search(text)
    if of and _noun_phrase(of.group(1).split()) and _reads_as_speaker(of.group(1).split()):
        return re.sub(r"^(?:the|a|an)\s+", "", of.group(1), flags=re.I)
    toks = _WORD.findall(text)
    low = [t.lower() for t in toks]
    aux = next((i for i, w in enumerate(low) if w in _AUX and _WH & set(low[:i])), None)
    if aux is not None and "that" in low[:aux]:
        aux = None  # "What company confirmed that she would ...": the auxiliary is the clause's
    if aux is not None:
        carrying = bool(STATEMENT_NOUNS & set(low[:aux]))
        for j in range(aux + 2, min(len(toks), aux + 2 + _SUBJECT_WORDS)):
            if _is_statement_verb(toks[j], low[aux], carrying):
                if _noun_before_verb(toks, j, low[aux], carrying):
                    continue
                words = toks[aux + 1 : j]
                if _noun_phrase(" ".join(words).split(" , ")[0].split()):
                    subject = " ".join(words).replace(" ,", ",")
                    return re.sub(r"^(?:the|a|an)\s+", "", subject, flags=re.I)
                break
    return None


def subject_head(subject: str) -> tuple[tuple[str, ...], str | None]:
    """Who a subject phrase names: its last name before any comma or preposition ("Rockwell president
    Donald Beall" -> Donald Beall; "Texaco's Dan Stevens" -> Dan Stevens), or, when it ends in a common
    noun ("Madrid money market sources", "bankers in Helsinki", "a senior Bank of Japan official"),
    that noun as written."""
    parts = subject.split(",")
    apposed = _apposed_name(parts)
    if apposed is not None:
        return (apposed,), None
    core: list[str] = []
    for word in parts[0].split():
        if word.lower() in _PREPOSITIONS and core and core[-1][:1].islower():
            break
        core.append(word)
    if not core or core[-1].lower() in PRONOUNS:
        return (), None
    if core[-1][:1].islower():
        named = _name_before_preposition(core)
        return ((named,), None) if named else ((), core[-1])
    run: list[str] = []
    for k in range(len(core) - 1, -1, -1):
        word = core[k]
        if _joins_a_body(core, k, run):
            run.insert(0, word)
            continue
        if not word[:1].isupper() and word.lower() not in _PREPOSITIONS:
            break
        if run and re.search(r"[’']s?$", word):
            break  # "Texaco's Dan Stevens": the owner is no part of the name
        run.insert(0, word)
    while run and run[0].lower() in _PREPOSITIONS:
        run.pop(0)
    name = re.sub(r"[’']s?$", "", " ".join(run))
    return ((name,), None) if name else ((), None)


def _joins_a_body(core: list[str], k: int, run: list[str]) -> bool:
    """Whether "and" at core[k] joins one name of a body: "Standard and Poor's", "Procter and Gamble
    Co" (a possessive or a company word ends it), not two people ("Reagan and Gorbachev")."""
    if core[k].lower() not in ("and", "&") or not run or k == 0 or not core[k - 1][:1].isupper():
        return False
    return bool(re.search(r"[’']s?$", run[-1])) or run[-1].lower().rstrip(".") in _BODY_ENDS


def _name_before_preposition(core: list[str]) -> str | None:
    """The full name a subject opens with when a preposition then describes the person: "John Tuccillo
    of the realtors' group" asks for Tuccillo, not for the group."""
    run: list[str] = []
    for word in core:
        if not word[:1].isupper() or word.lower() in STOP_WORDS:
            break
        run.append(word)
    if len(run) < 2 or len(run) == len(core) or core[len(run)].lower() not in _PREPOSITIONS:
        return None
    return re.sub(r"[’']s?$", "", " ".join(run))


_APPOSED_NAME_WORDS = (2, 4)


def _apposed_name(parts: list[str]) -> str | None:
    """The name set off by commas after a role: "the company's chairman, John Smith," and "the chief
    economist of Chase, Jane Doe," ask for that person, not for whoever the article calls chairman.
    None where the subject opens with a name ("Abdoulaye Fadiga, governor of ...") or gives none."""
    head = parts[0].split()
    if len(parts) < 2 or not any(w[:1].islower() and w.lower() not in _NOUN_PHRASE_WORDS for w in head):
        return None  # no role before the comma: the subject opens with a name, or is one
    for part in parts[1:]:
        words = part.split()
        low, high = _APPOSED_NAME_WORDS
        if low <= len(words) <= high and all(w[:1].isupper() and w.lower() not in STOP_WORDS for w in words):
            return re.sub(r"[’']s?$", "", " ".join(words))
    return None


def reads_as_speaker(phrase: str) -> bool:
    """Whether a phrase names someone who can speak (a name, "analysts", "the union"), not a thing
    ("the ferry" of "How many votes did the ferry deal get?")."""
    words = phrase.split()
    return bool(words) and _reads_as_speaker(words)
