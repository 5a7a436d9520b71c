"""A speaker mention split into a person's name and their role, and a key that is one per person.

"Prime Minister Tony Blair", "Mr Blair" and "Blair" are one person: the name is
the trailing capitalised words that are not titles or roles ("Tony Blair"), the
role is what stands before it ("Prime Minister"), and the canonical key is the
name folded to plain lower case ("tony blair"). Mentions with no name of their
own ("he", "the spokesman", "officials", "The") get an empty key: they are
never listed as a person.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from assistant.speakers.mentions import PRONOUNS, ROLE_WORDS, SPEAKER_NOUNS, is_determiner, wordset

# Titles written before a name that say nothing about a role of their own.
HONORIFICS = wordset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady mme mme. m. herr")
# Abbreviated titles that are roles ("Sen. Jane Doe" is a senator).
_TITLE_ABBREVIATIONS = wordset(
    "sen. sens. rep. reps. gov. gen. lt. col. sgt. capt. maj. adm. cmdr. prof. rev. atty. pres. amb. supt."
)
# Role words in titles that the mention reader does not need but a name never holds.
_MORE_ROLES = wordset(
    """chancellor premier prime king queen prince princess emperor pope cardinal bishop archbishop sheikh
    treasurer comptroller commissioner inspector superintendent sergeant captain major colonel lieutenant
    admiral marshal detective constable judge justice magistrate vice deputy assistant acting former
    interim shadow junior foreign home finance defence defense trade economy economics energy health affairs
    justice interior labour labor agriculture commerce transport transportation education environment
    state treasury exchequer national security white house chairman's executive managing senior general
    chief ceo cfo coo md ambassador envoy governor senator congressman congresswoman mp mep lawmaker
    striker midfielder defender goalkeeper manager coach captain boss skipper councilman councilwoman
    councillor councilor alderman sheriff"""
)
# Words that end a name when met going back from its last word: these belong to the role before it.
_NOT_NAME = ROLE_WORDS | _MORE_ROLES | _TITLE_ABBREVIATIONS | SPEAKER_NOUNS
# Words that open a role complement ("Secretary of State John Kerry", "a spokesman for Exxon").
_OF = frozenset({"of", "for", "at"})
# Last words of the names of companies and other bodies ("Exxon Corp", "Bank of England").
_BODIES = wordset(
    """corp corporation inc co ltd plc llc ag sa nv bv spa gmbh group bank association institute
    service services council committee commission board agency ministry department fund federation
    union party company holdings industries securities exchange reserve office organisation
    organization authority bureau court"""
)
_COMPANY_SUFFIXES = wordset("corp corporation inc co ltd plc llc ag sa nv bv spa gmbh")
_MALE = wordset("mr sir lord king prince spokesman chairman congressman businessman father son husband")
_FEMALE = wordset(
    """mrs ms miss dame lady queen princess spokeswoman chairwoman congresswoman businesswoman mother
    daughter wife"""
)
# Common first names whose bearers are mostly of one sex (a hand-written list; unknown names say nothing).
_MALE_FIRST = wordset(
    """john james robert michael william david richard joseph thomas charles christopher daniel matthew
    george donald paul mark steven stephen andrew kenneth edward brian ronald anthony kevin jason jeff
    gary timothy larry frank scott eric peter henry jack tony gordon alan alastair nick nicholas ian
    jim tom bill bob mike dick ted joe ben sam fred harry walter arthur roger howard ralph bruce
    carl keith dennis jerry patrick raymond gerald lloyd jake boris vladimir francois jacques helmut
    gerhard karl hans juan carlos jose luis manuel pedro mohammed ahmed ali hassan"""
)
_FEMALE_FIRST = wordset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret
    betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie
    rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole ruth
    katherine samantha christine emma catherine debra rachel carolyn janet virginia maria heather
    diane julie joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl andrea
    hannah jacqueline gloria teresa kathryn sara janice jean alice madison julia grace judy theresa
    beverly denise marilyn amber danielle rose brittany diana abigail jane lucy sophie hillary condoleezza
    angela theresa tessa harriet cherie ségolène segolene indira benazir golda elena"""
)
# Party and affiliation words: a role before a name ("Republican Donald Trump"), never part of it.
PARTIES = wordset(
    """republican republicans democrat democrats democratic gop labour labor tory tories conservative
    liberal socialist independent green greens unionist nationalist"""
)
# Capitalised words that open a sentence before a name without being part of it ("Everything Trump said").
_OPENERS = wordset(
    """everything nothing something anything everyone everybody nobody someone somebody anyone what
    whatever whoever why how where there here even only perhaps maybe indeed thus hence both either
    neither each many most much more some such for with from to by about against like unlike"""
)
_JOINERS = frozenset({"of", "and", "&", "for"})
# Capitalised words that open a sentence, not a name ("But", "In February").
_LEADING = wordset(
    """but and in on at as so yet also then however meanwhile separately earlier later today yesterday
    said says asked added
    while when after before since if although though now still instead elsewhere overall monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december last this"""
)
# Nouns for people that stand before a name as a description ("Investor Sumner Redstone").
_COMMON_PEOPLE = wordset(
    """investor trader banker dealer economist broker analyst farmer grower exporter importer producer
    consumer worker employee shareholder stockholder creditor lender buyer seller diplomat delegate
    industry market"""
)
_PLURAL_AGENT = re.compile(r"(?:ers|ors|ists|ians|ants|ents)$")
_NAME_WORD = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][\w’'\-]*\.?$|^(?:de|da|van|von|der|den|del|di|bin|al|le|la)$")
_TRAILING_MARKS = " ,.;:"


def _is_name_word(word: str, *, org: bool = False) -> bool:
    lower = word.lower()
    if lower in PRONOUNS or is_determiner(word) or lower in HONORIFICS:
        return False
    if org:  # inside a body's name every capitalised word counts: "General Motors Corp"
        return word[:1].isupper()
    if lower in _NOT_NAME or word.endswith(("’s", "'s")):
        return False
    return bool(_NAME_WORD.match(word))


def _name_start(words: list[str], *, org: bool = False) -> int:
    """Where the trailing name begins, read back from the last word."""
    org = org or (bool(words) and words[-1].lower().rstrip(".") in _BODIES)
    i = len(words)
    while i > 0:
        if i < len(words) and words[i - 1].lower() in PARTIES:
            break  # "Republican Donald Trump": the party is a role ("Labour said": the party speaks)
        if _is_name_word(words[i - 1], org=org):
            i -= 1
            continue
        joins = words[i - 1].lower() in _JOINERS and 2 <= i < len(words) and words[i - 2][:1].isupper()
        if joins and (org or words[i - 2].lower().rstrip(".") in _BODIES):
            # "Bank of England", "Standard and Poor's Corp": the body's name runs on.
            i -= 2
            org = True
            continue
        break
    while i < len(words) and (words[i].lower() in _LEADING | _OPENERS or words[i].islower()):
        i += 1  # "But Zoltan Boesze", "In February USAir": capitals of a sentence's start
    return i


@lru_cache(maxsize=8192)
def split_role(mention: str, *, sentence_start: bool = False) -> tuple[str, str | None]:
    """("Tony Blair", "Prime Minister") from "Prime Minister Tony Blair"; ("", role) when no name.

    `sentence_start`: the mention opens its sentence, so a capital says nothing ("Traders said").
    """
    text = " ".join(mention.split()).strip(_TRAILING_MARKS)
    head, _, description = text.partition(",")  # "Dante Scala, a professor at…"
    words = head.split()
    while words and words[-1].startswith("("):
        words.pop()  # a label after the name ("(D-Conn.)") is not part of it
    start = _name_start(words)
    name, rest = words[start:], words[:start]
    if name and len(rest) > 1 and rest[-1].lower() == "in":
        # "Brookehill Group in New York", "a USDA analyst in Washington": the place is not the speaker.
        return split_role(" ".join(rest[:-1]), sentence_start=sentence_start)
    if name and len(rest) > 1 and rest[-1].lower() == "of" and _body_before_of(rest[:-1]):
        # "The Writers Guild of America": the body's name runs on through "of".
        body = _name_start(rest[:-1], org=True)
        rest, name = rest[:body], rest[body:] + name
    if name and rest and rest[-1].lower() in _OF and len(name) > 2 and name[-1].lower() not in _BODIES:
        # "Secretary of State John Kerry": the office's own words stand before the person's.
        rest, name = rest + name[:-2], name[-2:]
    person = _person_of_body(name)
    if person is not None:  # "James Fry of GM": the person speaks, for the body
        name, employer = person
        rest = [*rest, "of", *employer]
    if len(name) > 1 and name[0].lower() in _COMMON_PEOPLE:
        rest, name = rest + name[:1], name[1:]  # "Investor Sumner Redstone"
    if sentence_start and len(name) == 1 and not rest and _common_plural(name[0]):
        rest, name = name, []
    role_words = [w for w in rest if w.lower() not in HONORIFICS]
    while role_words and (is_determiner(role_words[0]) or role_words[0].lower() in _OF | _LEADING):
        role_words.pop(0)
    while role_words and role_words[-1].lower() in _OF | _JOINERS:
        role_words.pop()
    role = " ".join(role_words) if is_role(role_words) else None
    if description.strip():
        extra = description.strip().split()
        while extra and is_determiner(extra[0]):
            extra.pop(0)
        described = " ".join(extra).strip(_TRAILING_MARKS)
        if _is_description(extra):
            role = described if role is None else f"{role}, {described}"
    if name and (_no_name(name) or _dateline(name)):
        name = []
    return " ".join(name), role


def _person_of_body(name: list[str]) -> tuple[list[str], list[str]] | None:
    """(["James", "Fry"], ["GM"]) from "James Fry of GM"; None for a body's own "of" ("Bank of England")."""
    if "of" not in name:
        return None
    cut = name.index("of")
    before, after = name[:cut], name[cut + 1 :]
    if not 2 <= len(before) <= 3 or not after or any(w.lower().rstrip(".") in _BODIES for w in before):
        return None
    body = after[-1].lower().rstrip(".") in _BODIES or (len(after) == 1 and after[0].isupper())
    return (before, after) if body or before[0].lower() in _FIRST_NAMES else None


def drop_openers(mention: str) -> str:
    """ "Everything Trump" → "Trump": a sentence's first word that is no part of the name after it."""
    words = mention.split()
    while len(words) > 1 and words[0].lower() in _OPENERS | _LEADING:
        words.pop(0)
    if len(words) > 2 and _epithet(words[0]) and words[1].lower() in _FIRST_NAMES:
        words.pop(0)  # "Rival Hillary Clinton", "Crooked Hillary Clinton": a word about her, not her name
    return " ".join(words)


def _epithet(word: str) -> bool:
    """A capitalised word before a first name that is neither a name, a title nor a party."""
    lower = word.lower()
    return not (lower in _FIRST_NAMES or lower in _NOT_NAME or lower in HONORIFICS or lower in PARTIES) and (
        word[:1].isupper() and word.isalpha()
    )


def _body_before_of(words: list[str]) -> bool:
    """ "The Writers Guild" before "of America": capitalised words that are no title of a person."""
    if not words or not words[-1][:1].isupper():
        return False
    last = words[-1].lower().rstrip(".")
    return last not in _NOT_NAME and last not in HONORIFICS and not words[-1].endswith(("’s", "'s"))


# Last words a role may end in beyond the title lists: a singular noun for someone who does something.
_ROLE_END = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman|elect|head|chief)$")
_NOT_IN_ROLE = wordset(
    """what which who whom whose that this these those between but if when while because than
    to was were is are be been has have had not no it its they their them he she his her we our"""
)
_MAX_ROLE_WORDS = 10
_MAX_HEAD_WORDS = 6
_GROUPS = wordset("people public men women police folks staff family")
_FIRST_NAMES = _MALE_FIRST | _FEMALE_FIRST


def is_role(words: list[str]) -> bool:
    """A short title or role written beside a name ("Prime Minister", "Pacific Telesis Group chairman").

    Never a clause fragment ("gap between what"), another person's name ("Prime Minister Bob
    Hawke and Treasurer"), a possessive ("UAW's") or a group ("American people").
    """
    if not words or len(words) > _MAX_ROLE_WORDS:
        return False
    lowered = [w.lower().strip(",.;:()") for w in words]
    if any(w in _NOT_IN_ROLE for w in lowered) or words[-1].endswith(("’s", "'s", "s’", "s'")):
        return False
    if lowered[-1] in _OF | _JOINERS or is_determiner(lowered[-1]):
        return False  # "Governor of the": cut short
    for first, second in itertools.pairwise(words):
        if first.lower() in _FIRST_NAMES and second[:1].isupper():
            return False  # another person's name inside the phrase
    if _role_head(lowered[-1]):
        return True
    cut = next((i for i, w in enumerate(lowered) if w in _OF), 0)
    return 0 < cut <= _MAX_HEAD_WORDS and _role_head(lowered[cut - 1])  # "President of the …"


def _role_head(last: str) -> bool:
    """A last word a title or role can end in: one person's office or trade, not a group."""
    if last in _GROUPS or (last.endswith("s") and last not in ROLE_WORDS | _MORE_ROLES):
        return False
    if last in _NOT_NAME or last in PARTIES or last.rstrip(".") + "." in _TITLE_ABBREVIATIONS:
        return True
    return bool(_ROLE_END.search(last))


def _is_description(words: list[str]) -> bool:
    """ "a professor at Yale": a description after a comma, judged by the words before its preposition."""
    head: list[str] = []
    for word in words:
        if word.lower() in _OF | {"in", "with", "from", "on"}:
            break
        head.append(word)
    return is_role(head)


def _common_plural(word: str) -> bool:
    """ "Traders", "Bankers": a plural noun for people, not a surname, when it opens a sentence."""
    lower = word.lower()
    if lower in SPEAKER_NOUNS or (lower.endswith("s") and lower[:-1] in _COMMON_PEOPLE):
        return True
    return bool(_PLURAL_AGENT.search(lower))


def _dateline(name: list[str]) -> bool:
    """ "NEW YORK": a wire dateline in capitals, not a speaker."""
    return len(name) > 1 and all(w.isupper() and len(w) > 2 for w in name)


def _no_name(name: list[str]) -> bool:
    """A "name" that is no name: a lone initial, a lone company suffix ("Inc")."""
    lone = name[0].rstrip(".")
    return len(name) == 1 and (len(lone) <= 1 or lone.lower() in _BODIES)


def is_person(mention: str) -> bool:
    """True for a mention that names a person: a name of its own, not a company or a body."""
    name, role = split_role(mention)
    if not name or name.split()[-1].lower().rstrip(".") in _BODIES:
        return False
    words = mention.split()
    titled = role is not None or any(w.lower() in HONORIFICS for w in words)
    return titled or len(name.split()) > 1


def is_body(mention: str) -> bool:
    """True for a company's or body's name: "Exxon Corp", "Bank of England", "GM"."""
    name, _ = split_role(mention)
    words = name.split()
    if not words:
        return False
    return words[-1].lower().rstrip(".") in _BODIES or (
        len(words) == 1 and words[0].isupper() and len(words[0]) > 1
    )


def gender_of(mention: str) -> str | None:
    """ "m" or "f" when a title or role says so ("Mr", "Mrs", "spokeswoman"), else None."""
    words = [w.lower().strip(",.") for w in mention.split()]
    found = set(words)
    if found & _FEMALE:
        return "f"
    if found & _MALE:
        return "m"
    name, _ = split_role(mention)
    first = name.split()[0].lower() if len(name.split()) > 1 else ""
    if first in _FEMALE_FIRST:
        return "f"
    if first in _MALE_FIRST:
        return "m"
    return None


@lru_cache(maxsize=8192)
def canonical_key(name: str) -> str:
    """The form one person's names share: lower case, accents and honorifics gone ("tony blair")."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("’", "'")
    words = [w.strip(".,").lower() for w in folded.split()]
    words = [w for w in words if w and w + "." not in HONORIFICS and w not in HONORIFICS]
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()  # "Exxon Corp" and "Exxon" are one company
    if len(words) > 2 and words[-1] not in _BODIES:
        # "Donald J. Trump" is "Donald Trump": a middle initial folds.
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1 or not w.isalpha()), words[-1]]
    return " ".join(words)


def key_of_query(name: str) -> str:
    """The key a user's "Mr Blair", "the chancellor's", "Tony Blair" asks for (titles and roles left out).

    Empty when the words name nobody ("the mayor", "national security adviser").
    """
    cleaned = re.sub(r"[’']s$", "", " ".join(name.split()))
    if cleaned.islower() or cleaned.isupper():
        # "president reagan", "JAKE SULLIVAN": typed in one case, read as a name would be written.
        cleaned = " ".join(w if w in _JOINERS else w[:1].upper() + w[1:].lower() for w in cleaned.split())
    person, _ = split_role(cleaned)
    return canonical_key(person)


def keys_match(asked: str, key: str) -> bool:
    """True when the asked key names the same person as a stored key: "blair" asks for "tony blair"."""
    if not asked or not key:
        return False
    if "|" in key:  # a surname the article left open between people: only the surname finds it
        return asked.split() == key.split("|")[0].split()[-1:]
    asked_words, words = asked.split(), key.split()
    if words[-len(asked_words) :] == asked_words:
        return True
    return len(words) > 1 and asked_words[-len(words) :] == words
