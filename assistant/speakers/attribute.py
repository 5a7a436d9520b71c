"""Who said it: speaker attribution for the sentences of one article.

Rule-based so that it runs at index time: reporting words ("said", "told",
"according to") are found outside quotation marks, the speaker is read from
the words next to them, and the reported words from the clause or quotation
they introduce. A quotation that runs on over several sentences or paragraphs
keeps its speaker. Where the text does not make the speaker clear, nothing is
returned: a wrong name on a verbatim quote is worse than none.
"""

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.models import Attribution, Sentence
from assistant.speakers.aliases import (
    canonical_key,
    drop_openers,
    gender_of,
    is_body,
    is_person,
    key_of_query,
    keys_match,
    split_role,
)
from assistant.speakers.bodies import body_fits, is_acronym, main_body, spelled_out
from assistant.speakers.cues import Found, read_sentence
from assistant.speakers.marks import read_marks
from assistant.speakers.mentions import is_determiner, is_named
from assistant.speakers.names import NameTable, person_runs
from assistant.speakers.quotes import QuoteMap, QuoteSpan, find_quotes, paragraph_spans

_PRONOUN_PARAGRAPHS = 2
_DIRECT_SHARE = 0.8
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


def attribute(text: str, sentences: Sequence[Sentence]) -> list[tuple[Attribution, ...]]:
    """For each sentence (same order), the attributions found in it (empty tuple where none)."""
    paragraphs = paragraph_spans(sentences)
    quotes = QuoteMap(find_quotes(text, paragraphs))
    found: list[Found] = []
    # Lower-cased once for the cue words' test; only where that keeps every offset in place
    # ("İ" lower-cases to two characters). Cue words are plain ASCII, so a sigma's final form,
    # which depends on the letters around it, never changes what the test finds.
    lower = text.lower()
    lowered = lower if len(lower) == len(text) else None
    for index, sentence in enumerate(sentences):
        found.extend(read_sentence(text, index, sentence, quotes, lowered))
        if not found or found[-1].sentence != index:
            found.extend(read_marks(text, index, sentence, quotes))
    for item in found:
        if item.content is not None:
            start, end = item.content
            item.direct = 2 * quotes.quoted_chars(start, end) > end - start
    _resolve_names(text, found, paragraphs, sentences)
    result: list[list[Attribution]] = [[] for _ in sentences]
    for item in found:
        result[item.sentence].append(_to_attribution(text, item, quotes))
    _carry_quotes(text, sentences, quotes, found, result)
    return [tuple(_dedupe(items)) for items in result]


def speaker_matches(attribution: Attribution, name: str) -> bool:
    """True when `name` names the speaker, so users can ask by any form.

    "Blair", "Mr Blair", "Tony Blair" and "president blair" find the person keyed "tony blair";
    a name finds only that person, never a body or phrase that merely holds it ("the Reagan
    administration"). A role alone ("the mayor") finds whoever the article gives that role.
    """
    words = name.split()
    if not words:
        return False
    asked = key_of_query(name)
    if asked:
        if keys_match(asked, attribution.key):
            return True
        if attribution.key:
            return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    if attribution.role and re.search(pattern, attribution.role, re.IGNORECASE):
        return True
    # An unnamed speaker ("the lighthouse keeper") is found by the words it is written with,
    # its last word included: "keeper" finds it, "Reagan" does not find "the Reagan administration".
    ending = pattern + r"\W*$"
    forms = () if attribution.key else (attribution.name, attribution.as_written)
    return any(re.search(ending, form, re.IGNORECASE) for form in forms)


def _resolve_names(
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


def _to_attribution(text: str, item: Found, quotes: QuoteMap) -> Attribution:
    content = item.content or (None, None)
    as_written = text[item.start : item.end]
    person, role = split_role(item.name, sentence_start=item.name == as_written and item.opens_sentence)
    return Attribution(
        name=person or item.name,
        as_written=as_written,
        cue=item.cue,
        direct=item.direct,
        start=item.start,
        end=item.end,
        content_start=content[0],
        content_end=content[1],
        key="|".join(canonical_key(r) for r in item.rivals) if item.rivals else canonical_key(person),
        role=role if person else None,
        kind=_kind(item, quotes),
    )


def _kind(item: Found, quotes: QuoteMap) -> str:
    """direct (in quotation marks), mixed (partly quoted), according_to, or reported."""
    quoted = 0.0
    if item.content is not None:
        start, end = item.content
        quoted = quotes.quoted_chars(start, end) / max(end - start, 1)
    if quoted >= _DIRECT_SHARE:
        return "direct"
    if quoted > 0:
        return "mixed"
    return "according_to" if item.cue == "according to" else "reported"


def _carry_quotes(
    text: str,
    sentences: Sequence[Sentence],
    quotes: QuoteMap,
    found: list[Found],
    result: list[list[Attribution]],
) -> None:
    """Give every sentence of an attributed quotation its speaker, across sentences and paragraphs."""
    owners: dict[int, Attribution] = {}
    for item, attribution in ((f, a) for f in found for a in result[f.sentence] if a.start == f.start):
        if item.content is None or not item.direct:
            continue
        for quote in quotes.within(*item.content):
            owners.setdefault(quote.group, attribution)
    last_owner: tuple[int, Attribution, int] | None = None
    for index, sentence in enumerate(sentences):
        for quote in quotes.within(sentence.start, sentence.end):
            owner = owners.get(quote.group)
            if owner is None:
                owner = _same_paragraph_owner(last_owner, sentence, quote)
                if owner is None and not result[index] and not _words_after(text, sentences, index, quote):
                    owner = _carried_over_owner(last_owner, sentences, index, quote)
                if owner is None:
                    continue
                owners[quote.group] = owner
            last_owner = (sentence.paragraph, owner, index)
            if any(a.start == owner.start and a.direct for a in result[index]):
                continue
            start, end = max(quote.start, sentence.start), min(quote.end, sentence.end)
            result[index].append(replace(owner, direct=True, content_start=start, content_end=end))


def _same_paragraph_owner(
    last_owner: tuple[int, Attribution, int] | None, sentence: Sentence, quote: QuoteSpan
) -> Attribution | None:
    """News style: a whole-sentence quotation after an attributed one in a paragraph is the same voice."""
    if last_owner is None or last_owner[0] != sentence.paragraph or quote.start != sentence.start:
        return None
    return last_owner[1]


def _carried_over_owner(
    last_owner: tuple[int, Attribution, int] | None,
    sentences: Sequence[Sentence],
    index: int,
    quote: QuoteSpan,
) -> Attribution | None:
    """News style: a paragraph that opens with a quotation and names no speaker of its own, right
    after a paragraph that ended in X's quoted words, goes on quoting X ("...," Hess said. / "It's as
    if he went before a licensing board.")."""
    sentence = sentences[index]
    if last_owner is None or index == 0 or quote.start != sentence.start:
        return None
    paragraph, owner, at = last_owner
    opens_paragraph = sentences[index - 1].paragraph != sentence.paragraph
    if not opens_paragraph or at != index - 1 or paragraph != sentence.paragraph - 1:
        return None
    return owner


def _words_after(text: str, sentences: Sequence[Sentence], index: int, quote: QuoteSpan) -> bool:
    """Whether words follow the quotation's close in its last sentence: '"...," a buyer said' names a
    speaker of its own, even one the cues here do not find, so it carries nobody else's voice."""
    for sentence in sentences[index:]:
        if sentence.start > quote.end:
            break
        if quote.end <= sentence.end:
            return re.search(r"[^\W\d_]", text[quote.end : sentence.end]) is not None
    return False


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    """One attribution per speaker mention and kind in a sentence, in text order."""
    seen: set[tuple[int, int, bool]] = set()
    kept = []
    for item in sorted(items, key=lambda a: (a.content_start or a.start, a.start)):
        key = (item.start, item.end, item.direct)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
