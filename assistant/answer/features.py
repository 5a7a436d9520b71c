"""Features of each candidate sentence: what the learned ranker weighs.

Coverage of the question's terms, exact and bridged apart (a bridge is never an exact match),
for the sentence, its neighbours and its passage; BM25 of sentence and passage; each relative
to the best candidate of the same question; proximity; position and length; whether the
sentence offers the kind of answer the question wants; speaker and quotation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.acronyms import aliased, article_aliases
from assistant.answer.answer_types import ANSWER_TYPES, AnswerType, offered_types, quoted_words
from assistant.answer.candidates import Candidate
from assistant.answer.counted import sentence_facts
from assistant.answer.lexicon import bridged
from assistant.answer.local_evidence import LOCAL_FEATURES, Sibling, local_rows
from assistant.answer.query import Query
from assistant.corpus import display_text
from assistant.index import Index
from assistant.index.tokens import terms
from assistant.models import Attribution
from assistant.speakers import speaker_matches

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

TextLoader = Callable[[int], str]
Attributions = Callable[[int], Sequence[tuple[Attribution, ...]]]

_CLASSES = ("who", "when", "where", "amount", "why", "acronym", "what", "other")
FEATURES: tuple[str, ...] = (
    "cov",
    "bcov",
    "wcov",
    "wbcov",
    "pcov",
    "ncov",
    "cov_rel",
    "allcov_rel",
    "wcov_rel",
    "bm25_rel",
    "passage_rel",
    "passage_rank",
    "article_rel",
    "position",
    "first",
    "length",
    "novelty",
    "proximity",
    "matched",
    "unmatched_rare",
    "type_match",
    "type_missing",
    "acronym",
    "speaker",
    "speaker_asked",
    "speaker_named",
    "prev_speaker_named",
    "quote_marks",
    *(f"offers_{t}" for t in ANSWER_TYPES),
    *(f"class_{c}_match" for c in _CLASSES),
    "statement_match",
    "n_terms",
    "allcov_x_type",
    "wcov_x_type",
    "bcov_x_missing",
    "counted",
    "relation",
    *LOCAL_FEATURES,
)


@dataclass(slots=True)
class Scored:
    """A candidate with what was learned about it on the way (quotes and refusal read these)."""

    cand: Candidate
    terms: frozenset[str]
    speaker: Attribution | None
    coverage: float
    """Exact coverage of the question's own terms by the sentence (a named speaker counts)."""
    window: float
    """Exact plus bridged coverage by the sentence, its neighbours and its article's title (what
    every sentence of the article is about: "Who voted against?" in a story titled with the vote's
    topic is matched by the sentence naming who voted against)."""
    lacking: float = 0.0
    """Coverage through bridges of question words the corpus does not hold at all ("speech" where
    every article says "spoke"): for refusal these count as matched, as nothing else could match."""
    learned: float = 0.0
    """The ranker's own probability, before any rule's prior: what refusal was calibrated on."""
    prob: float = 0.0
    """The probability quotes are ordered by (learned, with the rules' priors)."""
    quoted: frozenset[str] = frozenset()
    """For a question about what was said, the terms the sentence sets in quotation marks: X's very
    words, apart from the reporter's account around them."""
    text: str = ""
    """The sentence as shown (display text), for the rules that read its words after ranking."""


class Featurizer:
    """Computes the feature matrix of one question's candidates."""

    def __init__(self, index: Index, load_text: TextLoader, attributions: Attributions) -> None:
        self.index = index
        self.load_text = load_text
        self.attributions = attributions

    def run(self, query: Query, cands: list[Candidate]) -> tuple[npt.NDArray[np.float64], list[Scored]]:
        """One row of FEATURES per candidate, and the candidates with their facts."""
        a = self.index.stored.arrays
        s_start, s_end, s_para = a["s_start"], a["s_end"], a["s_para"]
        texts: dict[int, str] = {}
        cache: dict[int, list[str]] = {}
        shown: dict[int, str] = {}

        def sentence_terms(i: int, article: int) -> list[str]:
            found = cache.get(i)
            if found is None:
                text = texts.get(article)
                if text is None:  # read once a question (setdefault read it for every sentence)
                    text = texts[article] = self.load_text(article)
                shown[i] = display_text(text, int(s_start[i]), int(s_end[i]))
                found = cache[i] = terms(shown[i])
            return found

        own = query.own
        own_set = set(own)
        total_w = math.fsum(query.weights[t] for t in own) or 1.0
        name_terms = {t for n in query.names for t in terms(n)}
        rows = np.zeros((len(cands), len(FEATURES)), dtype=np.float64)
        scored: list[Scored] = []
        passage_terms: dict[int, set[str]] = {}
        article_score: dict[int, float] = {}
        for passage, article, score in {(c.passage, c.article, c.passage_score) for c in cands}:
            del passage
            article_score[article] = article_score.get(article, 0.0) + score
        for c in cands:
            if c.passage not in passage_terms:
                p_terms: set[str] = set()
                for i in range(int(a["p_sent_lo"][c.passage]), int(a["p_sent_hi"][c.passage])):
                    p_terms.update(sentence_terms(i, c.article))
                passage_terms[c.passage] = p_terms
        best_article = max(article_score.values(), default=1.0) or 1.0
        lo_of = self.index.sent_lo
        hi_of = self.index.sent_hi
        article_bounds: dict[int, tuple[int, int]] = {}
        wanted = set(query.wanted)
        heaviest = max(max(query.weights.values(), default=1.0), 1e-9)
        col = {name: k for k, name in enumerate(FEATURES)}
        said: dict[int, Sequence[tuple[Attribution, ...]]] = {}
        named_by_id: dict[int, bool] = {}

        def is_named(attribution: Attribution) -> bool:
            # Each speaker is met as its sentence's and as the next one's: matched once a question
            # (the attributions are held by `said` meanwhile, so their ids stay theirs).
            key = id(attribution)
            found = named_by_id.get(key)
            if found is None:
                found = named_by_id[key] = _named(attribution, query.names)
            return found

        siblings: list[Sibling] = []
        titles = {article: self._title_terms(article) for article in article_score}
        for row, c in enumerate(cands):
            toks = sentence_terms(c.sentence, c.article)
            tset = frozenset(toks)
            text = texts[c.article]
            sentence = shown[c.sentence]  # made with its terms, just above
            bounds = article_bounds.get(c.article)
            if bounds is None:  # two binary searches, once an article rather than once a sentence
                bounds = article_bounds[c.article] = (int(lo_of[c.article]), int(hi_of[c.article]))
            lo, hi = bounds
            local = c.sentence - lo
            found = said.get(c.article)
            if found is None:
                found = said[c.article] = self.attributions(c.article)
            speaker = found[local][0] if 0 <= local < len(found) and found[local] else None
            named = bool(query.names) and speaker is not None and is_named(speaker)
            prev_named = False
            if query.names and local > 0 and local - 1 < len(found) and found[local - 1]:
                prev_named = is_named(found[local - 1][0])
            # The article's own acronym and its name are one name in it: either form is written.
            aliases = article_aliases(text)
            credited = set(tset) | aliased(aliases, tset)
            if named:
                credited |= name_terms
            exact = {t for t in own if t in credited}
            bridged_terms = bridged(query.bridges, tset) - exact
            around = set(credited)
            n_cov = 0.0
            for j in (c.sentence - 1, c.sentence + 1):
                if lo <= j < hi and int(s_para[j]) == int(s_para[c.sentence]):
                    nterms = set(sentence_terms(j, c.article))
                    nterms |= aliased(aliases, nterms)
                    around |= nterms
                    n_cov = max(n_cov, _share(query, own, nterms, total_w))
            w_exact = {t for t in own if t in around}
            w_bridged = bridged(query.bridges, frozenset(around)) - w_exact
            cov = _weight(query, exact) / total_w
            bcov = _weight(query, bridged_terms) / total_w
            wcov = _weight(query, w_exact) / total_w
            wbcov = _weight(query, w_bridged) / total_w
            offered = offered_types(sentence, query.stated, query.wanted)
            r = rows[row]
            r[col["cov"]] = cov
            r[col["bcov"]] = bcov
            r[col["wcov"]] = wcov
            r[col["wbcov"]] = wbcov
            r[col["pcov"]] = _share(query, own, passage_terms[c.passage], total_w)
            r[col["ncov"]] = n_cov
            r[col["bm25_rel"]] = self._bm25(Counter(toks), len(toks), query)
            r[col["passage_rel"]] = c.passage_score
            r[col["passage_rank"]] = 1.0 / (1.0 + c.passage_rank)
            r[col["article_rel"]] = article_score[c.article] / best_article
            r[col["position"]] = math.log1p(local)
            r[col["first"]] = float(local == 0)
            r[col["length"]] = math.log1p(len(toks))
            r[col["novelty"]] = min(len(tset - own_set), 12) / 12
            r[col["proximity"]] = _proximity(toks, own_set)
            r[col["matched"]] = len(exact) / max(len(own), 1)
            r[col["unmatched_rare"]] = (
                max((query.weights[t] for t in own if t not in exact and t not in bridged_terms), default=0.0)
                / heaviest
            )
            r[col["type_match"]] = float(bool(wanted & offered))
            r[col["type_missing"]] = float(bool(wanted) and not wanted & offered)
            r[col["acronym"]] = float(
                query.acronym is not None and query.acronym.search(sentence) is not None
            )
            r[col["speaker"]] = float(speaker is not None)
            r[col["speaker_asked"]] = float(speaker is not None and query.info.asks_statement)
            r[col["speaker_named"]] = float(named)
            r[col["prev_speaker_named"]] = float(prev_named)
            r[col["quote_marks"]] = float("quote" in offered)
            for t in offered:
                r[col[f"offers_{t}"]] = 1.0
            if query.info.kind in _CLASSES and wanted & offered:
                r[col[f"class_{query.info.kind}_match"]] = 1.0
            r[col["statement_match"]] = float(query.info.asks_statement and (named or prev_named))
            r[col["n_terms"]] = math.log1p(len(own))
            lacking = _weight(query, {t for t in bridged_terms if query.ids.get(t) is None}) / total_w
            facts = sentence_facts(sentence, query.counted, query.counted_bridges, query.relations)
            r[col["counted"]] = facts.counted
            r[col["relation"]] = len(facts.relations) / len(query.relations) if query.relations else 0.0
            held = frozenset(credited) | {RELATION_MARK + w for w in facts.relations}
            siblings.append(Sibling(c.article, c.sentence, held, offered, facts.counted == 1.0))
            titled = _weight(query, (titles[c.article] & own_set) - w_exact - w_bridged) / total_w
            window = min(wcov + wbcov + titled, 1.0)
            quoted: frozenset[str] = frozenset()
            if query.info.asks_statement and "quote" in offered:
                quoted = frozenset(terms(quoted_words(sentence)))
            scored.append(Scored(c, tset, speaker, cov, window, lacking, quoted=quoted, text=sentence))
        if rows.shape[0]:
            for name in ("bm25_rel", "passage_rel"):
                k = col[name]
                rows[:, k] /= rows[:, k].max() or 1.0
            rows[:, col["cov_rel"]] = rows[:, col["cov"]] - rows[:, col["cov"]].max()
            both = rows[:, col["cov"]] + 0.5 * rows[:, col["bcov"]]
            rows[:, col["allcov_rel"]] = both - both.max()
            wboth = rows[:, col["wcov"]] + 0.5 * rows[:, col["wbcov"]]
            rows[:, col["wcov_rel"]] = wboth - wboth.max()
            typed = rows[:, col["type_match"]]
            rows[:, col["allcov_x_type"]] = both * typed
            rows[:, col["wcov_x_type"]] = wboth * typed
            rows[:, col["bcov_x_missing"]] = rows[:, col["bcov"]] * rows[:, col["unmatched_rare"]]
            first = col[LOCAL_FEATURES[0]]
            local_own, local_weights = _with_relations(query)
            rows[:, first : first + len(LOCAL_FEATURES)] = local_rows(
                local_own, local_weights, query.wanted, siblings, titles, bool(query.counted)
            )
        return rows, scored

    def _title_terms(self, article: int) -> frozenset[str]:
        """Terms of the article's title: what every one of its sentences is about."""
        title = self.index.articles[article].get("title")
        return frozenset(terms(title)) if isinstance(title, str) else frozenset()

    def _bm25(self, counts: Counter[str], length: int, query: Query) -> float:
        """BM25 of one sentence, with the corpus's idf and sentence-length normalisation."""
        p = self.index.params
        idf = self.index.idf
        avg = self.index.avg_sentence_len or 1.0
        score = 0.0
        for t, tid in query.ids.items():
            tf = counts.get(t, 0)
            if tf and tid is not None:
                score += float(idf[tid]) * tf * (p.k1 + 1) / (tf + p.k1 * (1 - p.b + p.b * length / avg))
        return score


RELATION_MARK = "~"
"""Marks a relation word among a sentence's terms for local evidence (no index term starts so)."""
RELATION_WEIGHT = 0.5
"""A relation word's weight in local evidence, as a share of the question's lightest own term: it
tells apart sentences of one article ("voted against" from "after the vote"), never finds one."""


def _with_relations(query: Query) -> tuple[tuple[str, ...], dict[str, float]]:
    """The question's own terms and weights, with its relation words as light terms of their own."""
    if not query.relations or not query.own:
        return query.own, query.weights
    light = RELATION_WEIGHT * min(query.weights[t] for t in query.own)
    marked = tuple(RELATION_MARK + w for w in query.relations)
    return query.own + marked, {**query.weights, **dict.fromkeys(marked, light)}


def _weight(query: Query, found: set[str] | frozenset[str]) -> float:
    # fsum: exact, so the same for any set order (string hashing differs between runs).
    return math.fsum(query.weights[t] for t in found)


def _share(query: Query, own: tuple[str, ...], present: set[str], total: float) -> float:
    return math.fsum(query.weights[t] for t in own if t in present) / total


def _proximity(toks: list[str], own: set[str]) -> float:
    """How tightly the matched terms sit: matched positions over the span they cover."""
    pos = [i for i, t in enumerate(toks) if t in own]
    if len(pos) < 2:
        return float(bool(pos))
    return len(pos) / (pos[-1] - pos[0] + 1)


def _named(attribution: Attribution, names: Sequence[str]) -> bool:
    return any(speaker_matches(attribution, n) for n in names)


def offered_kinds(row: npt.NDArray[np.float64]) -> tuple[AnswerType, ...]:
    """The answer kinds a feature row says its sentence offers (for tests and the bench)."""
    return tuple(t for t in ANSWER_TYPES if row[FEATURES.index(f"offers_{t}")] > 0)
