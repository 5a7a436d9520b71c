"""Naming each speaker as fully as the article makes clear.

A mention read at a cue becomes a name: a short name takes the fullest form the article uses
("Blair" -> "Tony Blair"), "he"/"she"/"they" the latest speaker they can mean (else the person a
sentence before was about), "it"/"the company" the body that spoke last, and an acronym the body
it stands for. Where the text does not make it clear, the mention stays as written.
"""

import re
from collections.abc import Sequence

from assistant.models import Sentence
from assistant.speakers.aliases import drop_openers, gender_of, is_body, is_person, split_role
from assistant.speakers.bodies import body_fits, is_acronym, main_body, spelled_out
from assistant.speakers.cues import Found
from assistant.speakers.mentions import is_determiner, is_named
from assistant.speakers.names import NameTable, person_runs

_PRONOUN_PARAGRAPHS = 2
# Mentions that stand for the company or body last quoted: "It said", "the company added".
_BODY_MENTION = re.compile(
    r"^(?:it|the\s+(?:company|firm|group|bank|corporation|agency|ministry))$", re.IGNORECASE
)
_SINGULAR = frozenset({"he", "she"})
# Singular nouns for one unnamed person who speaks (plurals and bodies are left out).
_ONE_PERSON = frozenset(
    """official spokesman spokeswoman spokesperson representative aide adviser advisor analyst expert
    economist executive dealer trader banker source diplomat minister director chairman""".split()
)
_PRONOUNS_OF_SPEAKERS = _SINGULAR | {"they"}


def resolve_names(
    text: str, found: list[Found], paragraphs: Sequence[tuple[int, int]], sentences: Sequence[Sentence]
) -> None:
    """Give every attribution the fullest name the article makes clear."""
    if not found:
        return
    table = NameTable(text, paragraphs)
    for item in found:
        # A name after its description ("the president of X, Wolfgang Roeller") is kept alone;
        # one before it ("Dante Scala, a professor") keeps the description as the person's role.
        start, end = item.start, item.end
        if item.antecedent is not None and item.start < item.antecedent[0] < item.end:
            start, end = item.antecedent
        mention = text[start:end]
        if is_named(mention):
            table.add(mention)
    for position, item in enumerate(found):
        mention = text[item.start : item.end]
        if item.antecedent is not None:
            item.name = table.resolve(text[item.antecedent[0] : item.antecedent[1]])
        elif mention.lower() in _PRONOUNS_OF_SPEAKERS:
            pronoun = mention.lower()
            name = _resolve_pronoun(text, found[:position], item, pronoun)
            if name is None and pronoun in _SINGULAR:
                name = _nearest_person(text, item, sentences, pronoun)
                name = None if name is None else table.resolve(name)
            item.name = name or mention
        elif _BODY_MENTION.match(mention):
            kind = mention.split()[-1].lower()
            body = _resolve_body(found[:position], item, kind)
            if body is None and kind != "it":  # "the company": the one the article opens with
                body = main_body(text, sentences, kind)
            item.name = body or mention
        else:
            own = drop_openers(mention)
            if is_acronym(own):  # "AMC" in an article that names American Motors Corp
                own = spelled_out(own, table.mentions) or own
            item.name = table.resolve(own)
            if item.name == own:
                item.rivals = tuple(table.rivals(own))


def _resolve_body(earlier: list[Found], item: Found, kind: str) -> str | None:
    """ "Exxon Corp said… It said…": "it" or "the company" is the company that spoke last.

    Only a speaker that is plainly a body (a company suffix, or an acronym such as GM) is taken;
    a person in between ends the search.
    """
    for candidate in reversed(earlier):
        if item.paragraph - candidate.paragraph > _PRONOUN_PARAGRAPHS:
            return None
        if is_body(candidate.name):
            return candidate.name if body_fits(candidate.name, kind) else None
        if is_person(candidate.name):
            return None
    return None


def _resolve_pronoun(text: str, earlier: list[Found], item: Found, pronoun: str) -> str | None:
    """The latest earlier speaker that "he"/"she"/"they" can mean, if no other speaker came in between."""
    plural = pronoun == "they"
    nearest = True  # an unnamed person ("a Toyota official") only when no other speaker came after
    for candidate in reversed(earlier):
        if item.paragraph - candidate.paragraph > _PRONOUN_PARAGRAPHS:
            return None
        mention = text[candidate.start : candidate.end]
        if mention.lower() in ("he", "she", "they") or candidate.name.lower() in ("he", "she", "they"):
            if mention.lower() == pronoun and candidate.name.lower() != pronoun:
                return candidate.name
            continue
        unnamed = nearest and _one_unnamed_person(candidate.name)
        nearest = False
        if _is_plural(candidate.name) != plural:
            continue
        if plural:
            return candidate.name
        if (is_person(candidate.name) or unnamed) and _gender_fits(pronoun, mention, candidate.name):
            return candidate.name
    return None


def _one_unnamed_person(name: str) -> bool:
    """ "a Toyota official", "the spokesman": one person the article does not name, whom a later
    "he said" goes on quoting."""
    words = name.split()
    return len(words) > 1 and is_determiner(words[0]) and words[-1].lower() in _ONE_PERSON


def _nearest_person(text: str, item: Found, sentences: Sequence[Sentence], pronoun: str) -> str | None:
    """ "Ms Jane Smith spoke to reporters. She said…": the person a sentence before was about.

    Sentences are read back from the pronoun's, within its paragraph and the one before; in
    each, the first person named (its subject, not whom it talks of: "Mr Howard attacked Mr
    Blair. He said…" is Mr Howard) that is a person's name and fits the pronoun's gender.
    """
    for sentence in reversed(sentences):
        if sentence.start >= item.start:
            continue
        if item.paragraph - sentence.paragraph > 1:
            break
        for mention in person_runs(text, sentence.start, min(sentence.end, item.start)):
            if _plainly_a_person(mention) and _gender_fits(pronoun, mention, mention):
                return mention
    return None


def _plainly_a_person(mention: str) -> bool:
    """A person by a title ("Mr", "Prime Minister") or a known first name: "New York" is not one."""
    if not is_person(mention):
        return False
    return split_role(mention)[1] is not None or gender_of(mention) is not None


def _gender_fits(pronoun: str, *forms: str) -> bool:
    """False when a title or role says the person is not what "he"/"she" says."""
    wanted = "m" if pronoun == "he" else "f"
    found = {gender_of(form) for form in forms} - {None}
    return not found or found == {wanted}


def _is_plural(name: str) -> bool:
    """A rough test for a group of speakers: "officials", "Biden and Zelensky"."""
    words = name.split()
    return " and " in f" {name} " or (words[-1][:1].islower() and words[-1].endswith("s"))
