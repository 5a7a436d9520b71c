"""Speaker mentions: the noun phrase next to a reporting word.

Rule-based and fast enough for index time: a sentence is cut into tokens and
the mention is read outwards from the cue ("Defense Secretary Lloyd Austin
said", "said the official", "according to three U.S. officials"). A phrase is
accepted only when its last word can name a speaker: a pronoun, a capitalised
name, or a noun for people or bodies that speak (officials, a spokesman).
"""

from __future__ import annotations

import re

from assistant.speakers.brackets import without_brackets
from assistant.speakers.doers import names_a_doer

# A token: a dotted acronym (U.S.), a title or an initial with its period (Sen., W.), a word with
# inner apostrophes, hyphens or slashes (D’Souza’s, R-Texas, Times/CBS), a party
# label in brackets ("(D-Conn.)"), a letter with its apostrophe inside a name ("Pay 'N Pak", "Pay N'
# Pak"), a doubled-apostrophe quotation mark, or one
# punctuation mark. Every token starts with a character that is neither a space nor "_": said
# first, so the search skips the spaces between tokens without trying each form at each of them.
_TOKEN = re.compile(
    r"""(?=[^\s_])
    (?:(?:[^\W\d_]\.){2,}
    | (?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Adm|Capt|Maj|Cmdr|Atty|Lt)\.
    | [A-Z]\.(?=\s+[A-Z])
    | [A-Z]-[A-Z][a-z]{1,4}\.(?=[,)\s])
    | [’'][A-Z](?=[ ][A-Z]) | [A-Z][’'](?=[ ][A-Z])
    | [^\W_]+(?:[’'\-./][^\W_]+)*
    | \([A-Z][\w.\-]*\)
    | ''|``
    | [^\w\s])""",
    re.VERBOSE,
)


def capital(word: str) -> bool:
    """A word written with a capital, the "'N" of "Pay 'N Pak" too (its letter after an apostrophe)."""
    return word[:1].isupper() or (word[:1] in "'’" and word[1:2].isupper())


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one string, one space or line break apart."""
    return frozenset(words.split())


PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "miss", "mr", "mrs", "ms", "dr", "sir"})
_DETERMINERS = wordset(
    """
    the a an this these those some many most several few both all other another his her their its our
    my your each every any one two three four five six seven eight nine ten dozen dozens hundreds
    """
)
# Nouns for people, or bodies, that are reported as speaking.
SPEAKER_NOUNS = wordset(
    """
    official officials spokesman spokeswoman spokesperson spokespeople spokesmen representative
    representatives aide aides adviser advisers advisor advisors source sources analyst analysts expert
    experts critic critics lawmaker lawmakers legislator legislators senator senators congressman
    congresswoman president secretary minister governor mayor leader leaders chairman chairwoman chair
    director head chief commander commanders general ambassador diplomat diplomats envoy prosecutor
    prosecutors attorney attorneys lawyer lawyers judge justice police witness witnesses resident
    residents observer observers researcher researchers scientist scientists economist economists
    officer officers supporter supporters opponent opponents voter voters candidate candidates campaign
    committee department ministry agency administration government report reports study poll polls
    survey member members people person activist activists organizer organizers strategist strategists
    consultant consultants pollster pollsters historian historians professor author authors writer
    columnist reporter reporters editor editors host manager executive executives founder friend
    friends staff staffer staffers team group insiders conservatives liberals progressives everyone
    anyone someone others statement spokespersons military army ministry office council court newspaper
    paper network campaign republicans democrats candidate nominee nominees father mother wife husband
    son daughter colleague colleagues neighbor neighbors man woman men women parents family coach
    player players fans chancellor premier treasurer commissioner company firm bank book article letter
    ad narrator businessman businesswoman union memo boss striker midfielder defender goalkeeper skipper
    captain winger singer actor actress star chef filing lawsuit complaint indictment ruling opinion
    warden authority authorities guard guards keeper nurse doctor doctors pilot teacher student clerk
    owner operator inspector investigator investigators regulator regulators dealer dealers trader
    traders banker bankers broker brokers farmer farmers worker workers employee employees shareholder
    exchange bourse association associations airline airlines carrier carriers utility utilities
    companies firms banks groups board boards delegate delegates delegation seamen institute federation
    radio television daily weekly agencies unions producers
    """
)
# Role words that may stand before a name or before "of"/"for" ("Secretary of State", "a spokesman for").
ROLE_WORDS = wordset(
    """
    president secretary adviser advisor spokesman spokeswoman spokesperson director minister chairman
    chairwoman chair leader head chief governor senator ambassador commander member professor editor
    official officials spokesmen representative ceo founder manager deputy correspondent analyst
    counsel attorney general speaker mayor candidate nominee chancellor premier treasurer commissioner
    governor king queen prince
    """
)
_AGENT_SUFFIX = re.compile(r"(?:ers|ors|ists|ians|ants|ents|crats|cans|ees)$")
_TIME_WORDS = wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday tonight
    """
)
# Words that end a mention when met: conjunctions, relatives, auxiliaries, negations, adverbs.
_BOUNDARY = wordset(
    """
    that which who whom whose but or nor as when while because if so though although where after before
    since until than whether then there here is was are were be been being has have had do does did not
    no never to also however meanwhile still yet and said says told according just only even
    """
)
_PREPOSITIONS = frozenset(
    {"of", "for", "at", "from", "with", "in", "on", "by", "amid", "despite", "among", "amongst", "within",
     "without", "under", "over", "through", "across", "against", "toward", "towards", "into", "upon"}
)  # fmt: skip
# Words whose "'s" is "is" or "has": "It's said", "What's said".
_CONTRACTED = wordset("it that what there here he she who let where how this one everyone nobody")
_NEVER_HEAD = frozenset({"that", "this", "these", "those", "the", "a", "an", "there", "here"})
_NP_PREPOSITIONS = frozenset({"of", "for", "at", "from"})
# Unions the rules test against, made once (not at every test).
_NO_FIRST_HEAD = _BOUNDARY | _DETERMINERS | _PREPOSITIONS
_NP_PREPOSITIONS_IN = _NP_PREPOSITIONS | {"in"}
_ROLE_OR_SPEAKER = ROLE_WORDS | SPEAKER_NOUNS
_MAX_MODIFIERS = 3
_MAX_TOKENS = 12


class Token:
    """A word or punctuation mark with its offsets in the article text.

    Its lower-case form is worked out once: the cue rules ask for it many times per token.
    """

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it replaces

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or (self.text[0] in "'’" and self.text[1:2].isalpha())  # "'N"

    @property
    def capitalised(self) -> bool:
        return capital(self.text)

    @property
    def is_label(self) -> bool:
        """A bracketed party or state label after a name: "(D-Conn.)"."""
        return self.text[0] == "(" and len(self.text) > 1

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("’s", "'s", "s’", "s'"))


_new_object = object.__new__


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end], offsets into the whole text.

    The wire's angle brackets are left out: a company marked "<Mark Resources Inc> said" is read
    as "Mark Resources Inc said", and a stock ticker ("Elders IXL Ltd <ELXA.S> says") goes whole.
    """
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text, start, end):  # made without a call to __init__: ~20% faster
        token = _new_object(Token)
        token.start, token.end = match.span()
        token.text = word = match.group()
        token.lower = word.lower()
        append(token)
    if text.find("<", start, end) < 0:
        return tokens
    return without_brackets(tokens)


def can_head(token: Token, *, first: bool) -> bool:
    """True when the token can be the last word of a speaker mention."""
    lower = token.lower
    if token.is_label:
        return True
    if not token.is_word or lower in _TIME_WORDS:
        return False
    if token.possessive:
        return False
    if lower in PRONOUNS:
        return True
    if token.capitalised:
        if lower in _NEVER_HEAD:
            return False  # "(That said, she…": "That" names nobody
        return not (first and lower in _NO_FIRST_HEAD)
    return lower in SPEAKER_NOUNS or bool(_AGENT_SUFFIX.search(lower))


def _is_modifier(token: Token, *, first: bool) -> bool:
    """A word that may stand inside a mention before its head."""
    lower = token.lower
    if token.is_label:
        return True
    if not token.is_word or lower in _TIME_WORDS or lower in PRONOUNS:
        return False
    if lower in _BOUNDARY and (first or not token.capitalised):
        return False
    if token.capitalised or lower in _DETERMINERS or lower[0].isdigit():
        return True
    return not lower.endswith("ly") and lower not in _PREPOSITIONS


_ROMANCE_PARTICLES = wordset("de du des del della di da do dos das et y la le les")
_ROMANCE_WORDS = 5


def romance_name_start(words: list[str], particle: int) -> int | None:
    """ "Caisse de depot et placement du Quebec", "Banco de la Republica": a French, Spanish or
    Italian body's name runs through lower-case words from a capitalised word and a particle after
    it to the particle before the next capitalised word (`words[particle]`). The index of the word
    the name opens with, or None."""
    if words[particle].lower() not in _ROMANCE_PARTICLES:
        return None
    for k in range(particle - 1, max(particle - _ROMANCE_WORDS, 0) - 1, -1):
        word = words[k]
        if word[:1].isupper():
            return k if words[k + 1].lower() in _ROMANCE_PARTICLES else None
        if not (word.isalpha() and word.islower()):
            return None
    return None


def mention_before(tokens: list[Token], index: int, sentence_start: int) -> tuple[int, int] | None:
    """Token range [first, last] of the mention that ends just before tokens[index], or None."""
    last = index - 1
    if last < 0:
        return None
    # "Moody's said", "Chi-Chi's said": right before the cue, a name that ends in 's is the speaker.
    # Opening a sentence ("Albertson's said"), only before a cue that is plainly a verb: "Editor's
    # note:" and "Dean's comments are" own a noun.
    opening = tokens[last].start == sentence_start
    named_possessive = (
        tokens[last].possessive
        and tokens[last].capitalised
        and tokens[last].is_word
        and tokens[last].lower[:-2] not in _CONTRACTED
        and (
            not opening
            or tokens[index].lower in ("said", "says", "told")
            or tokens[index].lower.endswith("ed")
        )
    )
    if not (
        named_possessive
        or can_head(tokens[last], first=tokens[last].start == sentence_start)
        or _one_agent(tokens, last)
    ):
        return None
    if tokens[last].lower in PRONOUNS or tokens[last].lower in ("who", "which"):
        return last, last
    first = last
    lowercase_run = 0
    while first - 1 >= 0 and last - first + 1 < _MAX_TOKENS:
        token = tokens[first - 1]
        lower = token.lower
        at_start = token.start == sentence_start
        if lower in _ROMANCE_PARTICLES and tokens[first].capitalised and not tokens[first].possessive:
            opens = romance_name_start([t.text for t in tokens[:first]], first - 1)
            if opens is not None:
                first = opens  # "Caisse de depot et placement du Quebec"
                lowercase_run = 0
                continue
        if lower in _NP_PREPOSITIONS_IN and first - 2 >= 0 and _takes_of(tokens[first - 2]):
            first -= 2
            lowercase_run = 0
            continue
        if lower == "and" and first - 2 >= 0 and can_head(tokens[first - 2], first=False):
            first -= 1
            continue
        if not _is_modifier(token, first=at_start) or _noun_before_name(tokens, first):
            break
        lowercase_run = 0 if token.capitalised or lower in SPEAKER_NOUNS else lowercase_run + 1
        if lowercase_run > _MAX_MODIFIERS:
            break
        first -= 1
    while first < last and _weak_start(tokens[first]):
        first += 1
    return first, last


def _one_agent(tokens: list[Token], last: int) -> bool:
    """ "one buyer said", "the seismologist said", "a Tokyo importer said": one person named by what
    they do (a singular -er, -or, -ist, -ian noun) after a determiner or a capitalised word that
    opens the mention, where "later", "the floor" and "the former" name nobody."""
    token = tokens[last]
    if last == 0 or token.capitalised or not token.is_word or not names_a_doer(token.lower):
        return False
    before = tokens[last - 1]
    opens = before.lower in _DETERMINERS or (before.capitalised and before.lower not in PRONOUNS)
    return before.is_word and opens


def _noun_before_name(tokens: list[Token], first: int) -> bool:
    """ "In a Bloomberg interview Trump said": a plain noun after a capital stands outside the name."""
    if first < 2 or not tokens[first].capitalised:
        return False
    noun, before = tokens[first - 1], tokens[first - 2]
    if noun.capitalised or not noun.is_word or noun.lower in _ROLE_OR_SPEAKER:
        return False
    return before.capitalised and before.is_word and not _AGENT_SUFFIX.search(noun.lower + "s")


def _takes_of(token: Token) -> bool:
    """A word that a mention may continue through "of"/"for" ("Secretary of State")."""
    return token.lower in ROLE_WORDS or token.lower in SPEAKER_NOUNS or (token.capitalised and token.is_word)


def _personal_name_ends(tokens: list[Token], first: int, last: int) -> bool:
    """tokens[last] ends a person's name of two or more words: "Cameron Easley", "Del. Stacey Plaskett"."""
    if last - first < 1:
        return False
    pair = tokens[last - 1 : last + 1]
    return all(t.capitalised and t.is_word and t.lower not in _ROLE_OR_SPEAKER for t in pair)


def _weak_start(token: Token) -> bool:
    """A word a mention should not start with."""
    lower = token.lower
    return lower in _PREPOSITIONS or lower == "and" or (lower in _BOUNDARY and lower != "the")


def mention_after(tokens: list[Token], index: int, *, pronoun_ok: bool) -> tuple[int, int] | None:
    """Token range [first, last] of the mention starting at tokens[index] ("said the official"), or None."""
    if index >= len(tokens):
        return None
    first = index
    if tokens[first].lower in PRONOUNS:
        return (first, first) if pronoun_ok else None
    last = first - 1
    best: int | None = None
    pos = first
    while pos < len(tokens) and pos - first < _MAX_TOKENS:
        token = tokens[pos]
        lower = token.lower
        if lower in _NP_PREPOSITIONS and best is not None and _takes_of(tokens[pos - 1]):
            if lower != "of" and _personal_name_ends(tokens, first, pos - 1):
                break  # "said Cameron Easley for Morning Consult": the person, not their paper
            pos += 1
            continue
        if not _is_modifier(token, first=False) or _verb_after_name(tokens, pos):
            break
        last = pos
        if can_head(token, first=False):
            best = last
        pos += 1
    if best is None:
        return None
    return first, best


def _verb_after_name(tokens: list[Token], pos: int) -> bool:
    """ "Lyng called U.S. subsidies nonsensical": a lowercase word in -ed right after a capitalised
    one is the sentence's verb, not a word of the mention ("Treasury spokesman" has no -ed)."""
    token, before = tokens[pos], tokens[pos - 1] if pos > 0 else None
    if before is None or not before.capitalised or before.lower in _DETERMINERS:
        return False  # "Many unnaturalized adoptees": a sentence's capital on a determiner
    return not token.capitalised and token.lower.endswith("ed")


def opens_description(token: Token) -> bool:
    """A word that can open a description after a name ("a professor", "55", "Florida’s governor")."""
    lower = token.lower
    if not (token.is_word or token.is_label) or lower in _BOUNDARY or lower in PRONOUNS:
        return False
    return not lower.endswith("ing") and lower not in _PREPOSITIONS


def is_named(mention: str) -> bool:
    """True for a mention that holds a capitalised name (not a pronoun or "officials")."""
    words = mention.split()
    return any(w[0].isupper() for w in words) and mention.lower() not in PRONOUNS


def strip_honorific(words: list[str]) -> list[str]:
    """The words of a name without Mr./Mrs./Ms. in front."""
    return [w for w in words if w.lower() not in _HONORIFICS]


def is_determiner(word: str) -> bool:
    return word.lower() in _DETERMINERS
