"""Naming each speaker as fully as the article makes clear.

A mention read at a cue becomes a name: a short name takes the fullest form the article uses
("Blair" -> "Tony Blair"), "he"/"she"/"they" the latest speaker they can mean (else the person a
sentence before was about), "it"/"the company" the body that spoke last, and an acronym the body
it stands for. Where the text does not make it clear, the mention stays as written.
"""

import re
from collections.abc import Sequence

from assistant.corpus.layout import QUOTE_OPENERS
from assistant.models import Sentence
from assistant.speakers.aliases import drop_openers, gender_of, is_body, is_person, split_role
from assistant.speakers.bodies import body_fits, described_kind, is_acronym, main_body, spelled_out
from assistant.speakers.cues import Found
from assistant.speakers.doers import names_a_doer
from assistant.speakers.lexicon import COMPANY_SUFFIXES, FIRST_NAMES, NOT_NAME, ORDINARY_WORDS
from assistant.speakers.mentions import PRONOUNS, is_determiner, is_named
from assistant.speakers.names import NameTable, person_runs

_PRONOUN_PARAGRAPHS = 2
# Mentions that stand for the company or body last quoted: "It said", "the company added", "The
# Commission said", and a company described in a few lower-case words ("The major life assurance
# company said"; not one said to be another: "the parent company"). Other kinds keep their bare word:
# "the savings bank" or "the wheat group" is often not the body that spoke last.
_BODY_MENTION = re.compile(
    r"^(?:(?i:it)|(?i:the)\s+(?:(?i:company|firm|group|bank|corporation|agency|ministry|exchange|airline|"
    r"carrier|association|union|institute|utility|commission)|"
    r"(?:(?!(?:the|other|rival|parent|acquiring|target|second|new|former|merged|combined|holding|state|"
    r"foreign|subsidiary|unit)\s)[a-z][a-z\-]*\s+){1,3}(?:company|firm)))$"
)
# A document that speaks for whoever issued it: "the statement said", "the communique added".
_DOCUMENT_MENTION = re.compile(r"^(?i:the)\s+(statement|communique|announcement)$", re.IGNORECASE)
_SINGULAR = frozenset({"he", "she"})
_CAPITALISED = re.compile(r"\b[A-Z][\w’'\-]*[\w]")
_POSSESSIVE = re.compile(r"[’']s$")
# Singular nouns for one unnamed person who speaks (plurals and bodies are left out).
_ONE_PERSON = frozenset(
    """official spokesman spokeswoman spokesperson representative aide adviser advisor analyst expert
    economist executive dealer trader banker source diplomat minister director chairman""".split()
)
_PRONOUNS_OF_SPEAKERS = _SINGULAR | {"they"}
# Lower-case words of a title or description before a name: "U.S. assistant trade representative".
_TITLE_OF_PERSON = NOT_NAME | {"the", "a", "an"}
_TITLE_WORDS = 6
_DESCRIPTION_CHARS = 80
"""How far after a name its description is read for what kind of body it says the name is."""


# A stock code in brackets after a company's name: "First Boston Corp <FBC>", "Norcros <NCRO.L> Plc".
_TICKER_AFTER_NAME = re.compile(r"(?<=[\w.’'])\s*<[A-Z0-9&.\-]{1,12}>")
# A company's name after its owner's: "Southern Co's Georgia Power Co" is Georgia Power Co.
_OWNER = re.compile(r"^.+?\b(?:Corp|Co|Inc|Ltd|Plc|PLC|AG|Group)[’']s\s+(?=[A-Z])")


def written(text: str, start: int, end: int) -> str:
    """A mention as its words: the wire's brackets around a company left out ("<Four Seasons
    Hotels Inc> and VMS Realty Partners")."""
    mention = text[start:end]
    if "<" in mention or ">" in mention:
        mention = _TICKER_AFTER_NAME.sub("", mention)
        mention = " ".join(mention.replace("<", " ").replace(">", " ").split())
    return mention


def resolve_names(
    text: str, found: list[Found], paragraphs: Sequence[tuple[int, int]], sentences: Sequence[Sentence]
) -> None:
    """Give every attribution the fullest name the article makes clear."""
    if not found:
        return
    table = NameTable(text, paragraphs)
    headline = " ".join(text[s.start : s.end] for s in sentences if s.paragraph == 0)
    for item in found:
        # A name with a description either side ("the president of X, Wolfgang Roeller"; "Dante
        # Scala, a professor at…"; "MTS Corp, a company formed by Martin Sosnoff") is kept alone:
        # the description is the role, and a name inside it is someone else's.
        start, end = item.antecedent or (item.start, item.end)
        mention = written(text, start, end)
        if is_named(mention):
            table.add(mention, speaker=True)
    described: dict[str, str] = {}  # per kind, the body last described as one ("X, the agency which")
    for position, item in enumerate(found):
        mention = written(text, item.start, item.end)
        if item.antecedent is not None:
            item.name = table.resolve(written(text, *item.antecedent))
        elif mention.lower() in _PRONOUNS_OF_SPEAKERS:
            pronoun = mention.lower()
            name = _resolve_pronoun(text, found[:position], item, pronoun)
            subject = None
            if pronoun in _SINGULAR:
                subject = _subject_just_before(text, item, sentences, pronoun, table)
            if subject is not None and _last_speaker_paragraph(text, found[:position]) < item.paragraph:
                name = table.resolve(subject)
            if name is None and pronoun in _SINGULAR:
                name = _nearest_person(text, item, sentences, pronoun, table)
                name = None if name is None else table.resolve(name)
            item.name = name or mention
        elif (document := _DOCUMENT_MENTION.match(mention)) is not None:
            # "The statement said" is whoever was said to speak in it ("X said in a statement").
            item.name = _issuer(text, found[:position], item, sentences, document.group(1).lower()) or mention
        elif _BODY_MENTION.match(mention):
            kind = mention.split()[-1].lower()
            body = _resolve_body(found[:position], item, kind, headline) or described.get(kind)
            if body is None:  # "the company", "It said": the one the article opens with
                body = main_body(text, sentences, kind)
                if kind == "it" and body is not None and len(body.split()) < 2:
                    body = None  # a bare "Inc" or an acronym: "it" may be anything the lead names
            item.name = body or mention
        else:
            own = drop_openers(mention)
            owned = _OWNER.sub("", own)
            if owned != own and is_body(owned):
                own = owned
            if is_acronym(own):  # "AMC" in an article that names American Motors Corp
                own = spelled_out(own, table.mentions) or own
            item.name = table.resolve(own)
            if item.name == own:
                item.rivals = tuple(table.rivals(own))
        name_end = (item.antecedent or (item.start, item.end))[1]
        said_to_be = described_kind(text[name_end : name_end + _DESCRIPTION_CHARS])
        if said_to_be is not None and item.name:
            described[said_to_be] = item.name
    _named_after(text, found, table, sentences)


def _resolve_body(earlier: list[Found], item: Found, kind: str, headline: str) -> str | None:
    """ "Exxon Corp said… It said…": "it" or "the company" is the company that spoke last.

    Only a speaker that is plainly a body (a company suffix, or an acronym such as GM) is taken,
    or for "it" a name that is no person's ("Mobil"); a person in between ends the search.
    """
    for candidate in reversed(earlier):
        if item.paragraph - candidate.paragraph > _PRONOUN_PARAGRAPHS:
            return None
        if is_body(candidate.name):
            return candidate.name if body_fits(candidate.name, kind) else None
        if kind == "it" and _a_name_of_no_person(candidate.name, headline):
            return candidate.name  # "Mobil said… It said…", "Business Day said… It said…"
        if is_person(candidate.name):
            return None
    return None


_ISSUED_IN = "(?:in|issued|released)\\s+(?:a|an|its|his|her|their)\\s+(?:\\w+\\s+)?{}"
"""How a speaker is said to speak in a document: "said in a statement", "In a written statement X
said", "issued a statement": not "provided a written statement" told of by someone else."""
_ISSUER_PARAGRAPHS = 3
"""How far back a document's issuer is looked for: further, "the statement" may be another's."""


def _issuer(
    text: str, earlier: list[Found], item: Found, sentences: Sequence[Sentence], document: str
) -> str | None:
    """Who issued the document a mention names: the latest earlier speaker, a few paragraphs back
    at most, where their own sentence says they spoke in one ("Renault President Raymond Levy said
    in a statement ...") or they are that document already resolved ("the statement said" before);
    where the latest speaker is someone else, nobody."""
    issued_in = re.compile(_ISSUED_IN.format(document), re.IGNORECASE)
    for candidate in reversed(earlier):
        if item.paragraph - candidate.paragraph > _ISSUER_PARAGRAPHS:
            return None
        if candidate.name.lower().split()[-1:] == [document]:
            continue  # "The BHP statement said": the document itself, named before
        if _DOCUMENT_MENTION.match(written(text, candidate.start, candidate.end)):
            return candidate.name  # "the statement said" again: the same issuer
        sentence = sentences[candidate.sentence]
        return candidate.name if issued_in.search(text, sentence.start, sentence.end) else None
    return None


def _a_name_of_no_person(name: str, headline: str) -> bool:
    """ "Mobil", "Business Day": a name no title, first name or sex makes a person's. A single
    word only when the headline names it too ("Mobil Unit to Produce Food Packaging"): a bare
    surname ("Berrada said… It added", the "it" a statement) is a person the rules did not know."""
    words = name.split()
    if not words or not all(w[:1].isupper() for w in words) or gender_of(name) is not None:
        return False
    person, role = split_role(name)
    if words[0].lower() in FIRST_NAMES or (person and role is not None):
        return False  # "Martin Lindqvist", "Finance Secretary Jaime Ongpin"
    if len(words) > 1:
        # Read as a person's name, it is a paper's or a firm's only with an ordinary word in it:
        # "Business Day", "Oil World"; "Markus Lusser" holds none.
        return not person or any(_ordinary(w) for w in words)
    if name.isupper() or any(c.isdigit() for c in name) or name.lower() in COMPANY_SUFFIXES | PRONOUNS:
        return False  # "VAX", "A340", "EST"; "Corp" cut from "K mart Corp"; "They"
    return name.lower() in headline.lower().split()


def _ordinary(word: str) -> bool:
    """An ordinary English word, or its plural ("Lines", "Partners")."""
    lower = word.lower().rstrip(".,")
    return lower in ORDINARY_WORDS or (lower.endswith("s") and lower[:-1] in ORDINARY_WORDS)


def _resolve_pronoun(text: str, earlier: list[Found], item: Found, pronoun: str) -> str | None:
    """The latest earlier speaker that "he"/"she"/"they" can mean, if no other speaker came in between."""
    plural = pronoun == "they"
    nearest = True  # an unnamed person ("a Toyota official") only when no other speaker came after
    for candidate in reversed(earlier):
        if item.paragraph - candidate.paragraph > _PRONOUN_PARAGRAPHS:
            return None
        mention = written(text, candidate.start, candidate.end)
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
    last = words[-1].lower() if words else ""
    return len(words) > 1 and is_determiner(words[0]) and (last in _ONE_PERSON or names_a_doer(last))


def _nearest_person(
    text: str, item: Found, sentences: Sequence[Sentence], pronoun: str, table: NameTable
) -> str | None:
    """ "Ms Jane Smith spoke to reporters. She said…": the person a sentence before was about.

    Sentences are read back from the pronoun's, within its paragraph and the one before; in
    each, the first person named (its subject, not whom it talks of: "Mr Howard attacked Mr
    Blair. He said…" is Mr Howard) that is a person's name and fits the pronoun's gender. A
    quotation's words name nobody who speaks ("'House of Cards,' she said"), and a sentence whose
    subject is the same pronoun is about that person, not whoever it names ("She saw the fight at
    Madison Square Garden").
    """
    for sentence in reversed(sentences):
        if sentence.start >= item.start:
            continue
        if item.paragraph - sentence.paragraph > 1:
            break
        end = min(sentence.end, item.start)
        before = text[sentence.start : end].lstrip()
        if end == item.start:
            if before[:1] in QUOTE_OPENERS:
                continue  # the pronoun's own sentence opens with what was said
        elif before.lstrip(QUOTE_OPENERS + "(").split(maxsplit=1)[:1] == [pronoun.capitalize()]:
            continue
        for mention in person_runs(text, sentence.start, end):
            full = table.resolve(mention)
            if _plainly_a_person(full) and _gender_fits(pronoun, mention, full):
                return mention
    return None


def _named_after(text: str, found: list[Found], table: NameTable, sentences: Sequence[Sentence]) -> None:
    """ "Tony O'Reilly would be interested ..., a spokesman said. ... 'A multiple of ten times
    earnings would be the top whack,' he said. ... O'Reilly said.": "he" and "she" no rule could
    name (the name paragraphs back, a spokesman's words between) are the person the next statement
    names by the short form of a name the article gave before, in the next paragraph at most, when
    nobody else speaks between and the sex fits: the story goes on quoting the one it came back to."""
    run: list[Found] = []
    for item in found:
        pronoun = item.name.lower()
        if pronoun in _SINGULAR and written(text, item.start, item.end).lower() == pronoun:
            if run and pronoun != run[0].name.lower():
                run = []
            run.append(item)
            continue
        mention = written(text, item.start, item.end)
        returning = (
            run
            and item.paragraph - run[-1].paragraph <= 1
            and len(mention.split()) < len(item.name.split())
            and item.name.endswith(mention.split()[-1])
            and gender_of(item.name) == ("m" if run[0].name.lower() == "he" else "f")
            and _nobody_else(text, _paragraph_before(sentences, run[0]), item.start, item.name, table)
        )
        for earlier in run if returning else ():
            earlier.name = item.name
        run = []


def _paragraph_before(sentences: Sequence[Sentence], item: Found) -> int:
    """Where the paragraph before a mention's opens (its own, if it is the first)."""
    return next(s.start for s in sentences if s.paragraph >= item.paragraph - 1)


def _nobody_else(text: str, start: int, end: int, person: str, table: NameTable) -> bool:
    """No other person the article names is named between `start` and `end` (by the last word
    of their name): from the paragraph before the first pronoun's ("Prosecutors argued that although
    Lazar confessed ..."; "At his rallies, Trump ... He says") to the statement naming `person`."""
    words = set(_CAPITALISED.findall(text, start, end))
    for mention in table.mentions:
        full = _POSSESSIVE.sub("", table.resolve(mention))
        if full != person and full.split()[-1] in words and is_person(full) and not is_body(full):
            return False
    return True


def _last_speaker_paragraph(text: str, earlier: list[Found]) -> int:
    """The paragraph of the latest earlier speaker named other than by a pronoun (-1 if none)."""
    for candidate in reversed(earlier):
        if written(text, candidate.start, candidate.end).lower() not in _PRONOUNS_OF_SPEAKERS:
            return candidate.paragraph
    return -1


def _subject_just_before(
    text: str, item: Found, sentences: Sequence[Sentence], pronoun: str, table: NameTable
) -> str | None:
    """ "U.S. assistant trade representative Suzanne Earley replied… She noted…": a pronoun that
    opens a sentence goes on with the person the sentence before, in its paragraph, opened with
    (a name, with only a title or description before it) when the gender fits. News writes a new
    speaker so; the last speaker quoted, a paragraph or more back, is then not the one meant."""
    index = item.sentence
    if index == 0 or text[sentences[index].start : item.start].strip(" (" + QUOTE_OPENERS):
        return None
    before = sentences[index - 1]
    if before.paragraph != sentences[index].paragraph:
        return None
    runs = person_runs(text, before.start, before.end)
    if not runs:
        return None
    run = runs[0]
    at = text.find(run, before.start, before.end)
    prefix = text[before.start : at].split()
    if len(prefix) > _TITLE_WORDS or not all(
        w[:1].isupper() or w.lower() in _TITLE_OF_PERSON for w in prefix
    ):
        return None
    if text[at + len(run) : at + len(run) + 1] in ("'", "’") or not is_person(run):
        return None  # "Smith's firm said": the firm
    described = bool(prefix) and prefix[-1].lower() in _TITLE_OF_PERSON
    full = table.resolve(run)  # "Kirnan" is plainly a person where the article names Jack Kirnan
    if not (described or _plainly_a_person(full)) or not _gender_fits(pronoun, run, full):
        return None
    return run


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
    """A rough test for a group of speakers: "officials", "Biden and Zelensky" (an "and" in a role
    is one person's: "Trade and Industry Secretary Jose Concepcion")."""
    words = name.split()
    _, role = split_role(name)
    named = name[len(role) :] if role is not None and name.startswith(role) else name
    return " and " in f" {named} " or (words[-1][:1].islower() and words[-1].endswith("s"))
