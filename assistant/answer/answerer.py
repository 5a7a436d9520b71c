"""Question → ranked sentences → Answer.

BM25 finds the passages; sentences inside them are then ranked for answering:
how much of the question's weight a sentence covers, its own BM25 score, its
passage's score (the context counts), whether it holds the kind of thing the
question asks for (a name, a number, a date, a place, a reason), and whether it
says something beyond the question's own words. When the best sentence covers
too little of the question, the answer says so instead of showing weak matches.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answer.answer_types import acronym_pattern, kind_bonus
from assistant.answer.question_class import QuestionInfo, analyse_question
from assistant.answer.settings import AnswerSettings, RankWeights, Steer
from assistant.errors import BadQuestion
from assistant.index import Index
from assistant.models import Answer, ArticleMeta, Attribution, Quote
from assistant.tokens import count_tokens, term_spans, terms, words

__all__ = ["AnswerSettings", "Answerer", "RankWeights", "Steer", "best_article", "meta_of"]

TextLoader = Callable[[int], str]
Attributions = Callable[[int], Sequence[tuple[Attribution, ...]]]


@dataclass(frozen=True, slots=True)
class _Query:
    """A question prepared for ranking."""

    question: str
    info: QuestionInfo
    own: list[str]
    """Its own terms (framing words such as "say" left out)."""
    carried: list[str]
    """Terms a follow-up carries from the previous turn."""
    ids: dict[str, int | None]
    weights: dict[str, float]
    unknown_words: list[str]
    speaker: str | None
    names: list[str]
    """People whose statements it asks for."""
    acronym: re.Pattern[str] | None

    @property
    def searched(self) -> list[str]:
        """Every term the index is searched for."""
        return self.own + self.carried

    def share(self, group: list[str], present: set[str]) -> float | None:
        """Weighted share of `group`'s terms found in `present` (None for an empty group)."""
        total = sum(self.weights[t] for t in group)
        if not group or not total:
            return None
        return sum(self.weights[t] for t in group if t in present) / total


@dataclass(slots=True)
class _Candidate:
    sentence: int
    article: int
    passage_score: float
    coverage: float = 0.0
    answer_coverage: float = 0.0
    """Share of the question's own weight matched: what decides whether it answers at all."""
    window_coverage: float = 0.0
    """Share of the question's own weight matched by the sentence and its neighbours."""
    bm25: float = 0.0
    bonus: float = 0.0
    novelty: float = 0.0
    holds_kind: bool = False
    """Holds the kind of thing asked for (a number for 'how much', a place for 'where')."""
    final: float = 0.0
    terms: frozenset[str] = frozenset()
    speaker: Attribution | None = None


class Answerer:
    """Ranks an index's sentences against questions."""

    def __init__(
        self, index: Index, load_text: TextLoader, attributions: Attributions, settings: AnswerSettings
    ) -> None:
        self.index = index
        self.load_text = load_text
        self.attributions = attributions
        self.settings = settings

    # ---- the question -------------------------------------------------------------------

    def check_question(self, question: str) -> str:
        """The question stripped; raises BadQuestion if it is empty or too long."""
        question = " ".join(question.split())
        if not question:
            raise BadQuestion("the question is empty")
        if len(question) > self.settings.max_question_tokens * 2:
            n = count_tokens(question)
            if n > self.settings.max_question_tokens:
                raise BadQuestion(
                    f"the question is {n} tokens long; the limit is {self.settings.max_question_tokens}"
                )
        return question

    def coverage_weight(self, tid: int | None) -> float:
        """A term's weight in a question: smoothed idf, always positive; unknown terms weigh as the rarest."""
        n = max(self.index.n_passages, 1)
        indptr = self.index.stored.arrays["indptr"]
        df = 1 if tid is None else int(indptr[tid + 1] - indptr[tid])
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def suggestions(self, unknown: Sequence[str]) -> tuple[str, ...]:
        """Corpus words close to question words the corpus does not hold."""
        vocab = self.index.terms
        out: list[str] = []
        for word in unknown:
            pool = [t for t in vocab if t[:1] == word[:1] and abs(len(t) - len(word)) <= 3]
            out.extend(difflib.get_close_matches(word, pool, n=3, cutoff=0.75))
        return tuple(dict.fromkeys(out))[:6]

    # ---- ranking ------------------------------------------------------------------------

    def answer(
        self,
        question: str,
        *,
        article: int | None = None,
        top: int | None = None,
        context: int = 0,
        speaker: str | None = None,
        steer: Steer | None = None,
        scope_id: str | None = None,
    ) -> Answer:
        """The best verbatim sentences for `question` (already passed through `check_question`),
        or a plain statement that there are none."""
        steer = steer or Steer()
        query = self.prepare(question, steer, speaker or steer.speaker)
        searched = " ".join(query.searched)

        def refuse(message: str) -> Answer:
            suggestions = self.suggestions(query.unknown_words)
            return Answer(
                question, False, message=message, suggestions=suggestions, scope=scope_id, searched=searched
            )

        if not query.searched and query.speaker is None:
            return refuse("The question has no words to search for.")
        if all(tid is None for tid in query.ids.values()) and query.speaker is None:
            return refuse("The corpus holds no answer: no article uses the words of this question.")
        candidates, texts = self.rank(query, steer, article)
        if not candidates or not self._answers(query, candidates):
            if query.speaker is not None and not candidates and steer.exclude_shown:
                return refuse(f"The corpus holds nothing more by {query.speaker}.")
            if query.speaker is not None and not candidates:
                return refuse(f"The corpus holds no statement by {query.speaker} that answers this question.")
            return refuse("The corpus holds no answer to this question.")
        chosen = self._choose(candidates, top or self.settings.top, query.names)
        q_set = set(query.searched)
        quotes = tuple(self._quote(c, texts[c.article], q_set, context) for c in chosen)
        return Answer(question, True, quotes=quotes, scope=scope_id, searched=searched)

    def rank(
        self, query: _Query, steer: Steer, article: int | None = None
    ) -> tuple[list[_Candidate], dict[int, str]]:
        """Candidate sentences best first, with the texts of their articles (the bench reads these too)."""
        within = None
        if article is not None:
            within = (int(self.index.pass_lo[article]), int(self.index.pass_hi[article]))
        hits = self.index.top_passages(query.searched, self.settings.candidates, within=within)
        if query.speaker is not None or query.info.asks_statement:
            hits = self._with_neighbours(hits)
        candidates = self._candidates(hits)
        texts: dict[int, str] = {}
        sentence_terms: dict[int, frozenset[str]] = {}
        for cand in candidates:
            text = texts.setdefault(cand.article, self.load_text(cand.article))
            self._score(cand, query, text, sentence_terms)
        self._combine(candidates, steer)
        if query.speaker is not None:
            candidates = [
                c for c in candidates if c.speaker is not None and _speaker_named(c.speaker, [query.speaker])
            ]
        if steer.exclude_shown:
            # "Why?", "What else?": the follow-up wants something new, not the quote just shown.
            candidates = [c for c in candidates if c.sentence not in steer.shown]
        candidates.sort(key=lambda c: (-c.final, c.sentence))
        return candidates, texts

    def prepare(self, question: str, steer: Steer, speaker: str | None = None) -> _Query:
        """The question's terms, weights and shape, with what a follow-up carries over."""
        info = analyse_question(question)
        frame = {t for w in info.frame for t in terms(w)}
        own = list(dict.fromkeys(t for t in terms(question) if t not in frame))
        carried = [t for t in dict.fromkeys(steer.extra_terms) if t not in own]
        ids = {t: self.index.term_id(t) for t in own + carried}
        unknown_words = [
            w for w, _, _ in words(question) if (t := terms(w)) and self.index.term_id(t[0]) is None
        ]
        names = [speaker] if speaker else (list(info.names) if info.asks_statement else [])
        if not names and info.asks_statement and info.speaker_words:
            names = [info.speaker_words]  # "the mayor": matched against speakers like "Mayor Helen Okafor"
        return _Query(
            question=question,
            info=info,
            own=own,
            carried=carried,
            ids=ids,
            weights={t: self.coverage_weight(tid) for t, tid in ids.items()},
            unknown_words=unknown_words,
            speaker=speaker,
            names=names,
            acronym=acronym_pattern(question) if info.kind == "acronym" else None,
        )

    def _score(self, cand: _Candidate, query: _Query, text: str, seen: dict[int, frozenset[str]]) -> None:
        """Fill in a candidate sentence's coverage, BM25, kind, novelty and speaker."""
        arrays = self.index.stored.arrays
        sentence = text[int(arrays["s_start"][cand.sentence]) : int(arrays["s_end"][cand.sentence])]
        s_terms = [t for t, _, _ in term_spans(sentence)]
        counts = Counter(s_terms)
        cand.terms = frozenset(counts)
        seen[cand.sentence] = cand.terms
        cand.speaker = self._speaker_of(cand)
        credited = set(cand.terms)
        by_speaker = query.names and cand.speaker is not None and _speaker_named(cand.speaker, query.names)
        if by_speaker:
            # The speaker's name need not be in the sentence that carries their words.
            credited |= {t for n in query.names for t in terms(n)}
            cand.bonus += 1.0
        if query.info.asks_statement and cand.speaker is not None:
            cand.bonus += 0.5
        own = query.share(query.own, credited)
        context = query.share(query.carried, credited)
        if own is None and by_speaker:
            own = 1.0  # "What else did he say?": any statement of theirs answers it
        cand.answer_coverage = own if own is not None else (context or 0.0)
        around = credited | self._neighbour_terms(cand, text, seen)
        own_around = query.share(query.own, around)
        cand.window_coverage = max(cand.answer_coverage, own_around or 0.0)
        cand.coverage = (
            cand.answer_coverage if context is None or own is None else 0.75 * own + 0.25 * context
        )
        if self.settings.weights.bm25:
            cand.bm25 = self._sentence_bm25(counts, len(s_terms), query.ids)
        kind = kind_bonus(query.info, sentence, query.question, query.acronym)
        cand.holds_kind = kind > 0
        cand.bonus += kind
        cand.novelty = min(len(cand.terms - set(query.searched)), 8) / 8

    def _neighbour_terms(
        self, cand: _Candidate, text: str, seen: dict[int, frozenset[str]]
    ) -> frozenset[str]:
        """Terms of the sentences just before and after, within the same paragraph."""
        arrays = self.index.stored.arrays
        lo, hi = int(self.index.sent_lo[cand.article]), int(self.index.sent_hi[cand.article])
        para = int(arrays["s_para"][cand.sentence])
        out: frozenset[str] = frozenset()
        for i in (cand.sentence - 1, cand.sentence + 1):
            if not lo <= i < hi or int(arrays["s_para"][i]) != para:
                continue
            if i not in seen:
                piece = text[int(arrays["s_start"][i]) : int(arrays["s_end"][i])]
                seen[i] = frozenset(terms(piece))
            out |= seen[i]
        return out

    def _combine(self, candidates: list[_Candidate], steer: Steer) -> None:
        """One score per candidate from its parts, each on a 0–1 scale."""
        w = self.settings.weights
        best_bm25 = max((c.bm25 for c in candidates), default=0.0) or 1.0
        best_passage = max((c.passage_score for c in candidates), default=0.0) or 1.0
        for cand in candidates:
            cand.final = (
                w.coverage * min(cand.coverage, 1.0)
                + w.window * min(cand.window_coverage, 1.0)
                + w.bm25 * cand.bm25 / best_bm25
                + w.passage * cand.passage_score / best_passage
                + w.kind * cand.bonus
                + w.novelty * cand.novelty
            )
            if steer.prefer_article is not None and cand.article == steer.prefer_article:
                cand.final += 0.1
            if steer.near_sentence is not None and abs(cand.sentence - steer.near_sentence) <= 2:
                cand.final += 0.05

    def _answers(self, query: _Query, candidates: list[_Candidate]) -> bool:
        """Whether the corpus answers at all: a sentence with its neighbours covers enough of the question.

        Judged on the best-covered candidate, not the top-ranked one, so ranking choices do not turn
        into refusals; short questions need more, as one matched word of two is mostly chance.
        """
        need = self.settings.min_coverage
        if len(query.own) < 3:
            need = max(need, self.settings.short_coverage)
        return max(c.window_coverage for c in candidates) >= need

    def _with_neighbours(self, hits: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Add each hit's next passage: a quotation often runs on past its speaker's name."""
        seen = {p for p, _ in hits}
        p_article = self.index.stored.arrays["p_article"]
        extra = []
        for passage, score in hits:
            nxt = passage + 1
            if nxt < self.index.n_passages and nxt not in seen and p_article[nxt] == p_article[passage]:
                extra.append((nxt, score * 0.5))
                seen.add(nxt)
        return hits + extra

    def _candidates(self, hits: list[tuple[int, float]]) -> list[_Candidate]:
        arrays = self.index.stored.arrays
        out: list[_Candidate] = []
        for passage, score in hits:
            article = int(arrays["p_article"][passage])
            for sentence in range(int(arrays["p_sent_lo"][passage]), int(arrays["p_sent_hi"][passage])):
                out.append(_Candidate(sentence=sentence, article=article, passage_score=score))
        return out

    def _sentence_bm25(self, counts: Counter[str], length: int, ids: dict[str, int | None]) -> float:
        """BM25 of one sentence, with the corpus's idf and sentence-length normalisation."""
        p = self.index.params
        idf = self.index.idf
        avg = self.index.avg_sentence_len or 1.0
        score = 0.0
        for t, tid in ids.items():
            tf = counts.get(t, 0)
            if tf and tid is not None:
                score += float(idf[tid]) * tf * (p.k1 + 1) / (tf + p.k1 * (1 - p.b + p.b * length / avg))
        return score

    def _speaker_of(self, cand: _Candidate) -> Attribution | None:
        local = cand.sentence - int(self.index.sent_lo[cand.article])
        found = self.attributions(cand.article)
        if 0 <= local < len(found) and found[local]:
            return found[local][0]
        return None

    def _choose(self, ranked: list[_Candidate], top: int, names: Sequence[str] = ()) -> list[_Candidate]:
        """The best sentences that say different things, within the token budget.

        When the question asks what someone said and the best quote is theirs, the others must be too:
        "What did the mayor say?" is not answered by what the fishermen argued.
        """
        chosen: list[_Candidate] = []
        best = ranked[0] if ranked else None
        only_theirs = (
            bool(names)
            and best is not None
            and best.speaker is not None
            and (_speaker_named(best.speaker, names))
        )
        budget = self.settings.budget_tokens
        s_tokens = self.index.stored.arrays["s_tokens"]
        # A fixed floor only: floors relative to the best quote hid right answers (bench/quality.py).
        floor = self.settings.min_coverage * 0.7
        for cand in ranked:
            if len(chosen) >= top:
                break
            if cand.window_coverage < floor:
                continue
            if only_theirs and (cand.speaker is None or not _speaker_named(cand.speaker, names)):
                continue
            if any(c.sentence == cand.sentence or _same_thing(c.terms, cand.terms) for c in chosen):
                continue
            cost = int(s_tokens[cand.sentence])
            if chosen and cost > budget:
                continue
            budget -= cost
            chosen.append(cand)
        return chosen

    def _quote(self, cand: _Candidate, text: str, q_set: set[str], context: int) -> Quote:
        arrays = self.index.stored.arrays
        start, end = int(arrays["s_start"][cand.sentence]), int(arrays["s_end"][cand.sentence])
        sentence = text[start:end]
        highlights = tuple((a, b) for t, a, b in term_spans(sentence) if t in q_set)
        lo, hi = int(self.index.sent_lo[cand.article]), int(self.index.sent_hi[cand.article])
        before = tuple(
            text[int(arrays["s_start"][i]) : int(arrays["s_end"][i])]
            for i in range(max(lo, cand.sentence - context), cand.sentence)
        )
        after = tuple(
            text[int(arrays["s_start"][i]) : int(arrays["s_end"][i])]
            for i in range(cand.sentence + 1, min(hi, cand.sentence + 1 + context))
        )
        return Quote(
            text=sentence,
            start=start,
            end=end,
            paragraph=int(arrays["s_para"][cand.sentence]),
            score=round(cand.final, 4),
            article=meta_of(self.index, cand.article),
            speaker=cand.speaker,
            highlights=highlights,
            before=before,
            after=after,
        )


def _same_thing(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences that share most of their terms say the same thing."""
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= 0.6


def _speaker_named(attribution: Attribution, names: Sequence[str]) -> bool:
    from assistant.speakers import speaker_matches

    return any(speaker_matches(attribution, n) for n in names)


def meta_of(index: Index, article: int) -> ArticleMeta:
    """The metadata record of an article in the index."""
    r = index.articles[article]
    return ArticleMeta(
        id=r["id"], title=r["title"], author=r["author"], source=r["source"], date=r["date"], url=r["url"]
    )


def best_article(index: Index, query_terms: Sequence[str]) -> int | None:
    """The article whose passages best match `query_terms` (for questions about an article)."""
    hits = index.top_passages(query_terms, 10)
    if not hits:
        return None
    p_article = index.stored.arrays["p_article"]
    totals: dict[int, float] = {}
    for passage, score in hits:
        key = int(p_article[passage])
        totals[key] = totals.get(key, 0.0) + score
    return max(totals, key=lambda a: (totals[a], -a))
