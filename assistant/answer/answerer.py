"""Question -> Query -> candidates -> features -> ranker -> refusal or quotes -> Answer.

BM25 finds the passages; a learned ranker (see ranker.py) orders their sentences by the probability
that they hold the answer; a calibrated refusal model says plainly when the corpus holds none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.candidates import gather
from assistant.answer.features import Featurizer, Scored
from assistant.answer.lexicon import bridges_of
from assistant.answer.lifts import lift_in_articles
from assistant.answer.named import article_name_shares
from assistant.answer.priors import NAMES_PRIOR, NONE_NAMED_PRIOR, rule_prior, said_prior
from assistant.answer.query import Query, parse_query
from assistant.answer.quotes import choose, headline_quote, make_quote, meta_of, named
from assistant.answer.ranker import load_model
from assistant.answer.refusal import REFUSAL_FEATURES, close_articles, refusal_row, statement_found
from assistant.answer.said.antecedent import with_antecedents
from assistant.answer.said.description import description_prior
from assistant.answer.said.outlook import outlook_prior
from assistant.answer.said.paragraph import premise_prior
from assistant.answer.said.speaker import speaker_prior
from assistant.answer.said.topic import topic_gap_prior
from assistant.answer.settings import AnswerSettings, Steer
from assistant.answer.shown_article import shown_article
from assistant.answer.story_gaps import count_missing, kind_missing, role_unbound, year_missing
from assistant.answer.story_view import Attributions, StoryView, TextLoader
from assistant.answer.titled import titled_prior
from assistant.errors import BadQuestion
from assistant.index import Index
from assistant.index.tokens import count_tokens, terms
from assistant.models import Answer
from assistant.safe_text import without_escape_sequences

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

    Allowed = npt.NDArray[np.bool_]

__all__ = ["Answerer", "best_article", "meta_of"]


class Answerer:
    """Finds the sentences of an index that answer questions."""

    def __init__(
        self, index: Index, load_text: TextLoader, attributions: Attributions, settings: AnswerSettings
    ) -> None:
        self.index = index
        self.load_text = load_text
        self.settings = settings
        self.featurizer = Featurizer(index, load_text, attributions)
        self.stories = StoryView(index, load_text, attributions)
        """The articles as the rules read them beyond the candidates, kept between questions."""

    def check_question(self, question: str) -> str:
        """The question stripped (terminal escapes pasted with it go whole: "\x1b[31mabout" is not a
        word to search for); raises BadQuestion if it is empty or too long."""
        question = " ".join(without_escape_sequences(question).split())
        if not question:
            raise BadQuestion("the question is empty")
        if len(question) > self.settings.max_question_tokens * 2:
            n = count_tokens(question)
            if n > self.settings.max_question_tokens:
                raise BadQuestion(
                    f"the question is {n} tokens long; the limit is {self.settings.max_question_tokens}"
                )
        return question

    def suggestions(self, unknown: Sequence[str]) -> tuple[str, ...]:
        """Corpus words close to question words the corpus does not hold.

        A word the dictionary knows (it has WordNet bridges) is no misspelling: "dock" absent from the
        corpus is not "duck", "dick" or "deck", and offering them only misleads."""
        import difflib  # only a refusal offers suggestions: not imported by every `assistant ask`

        vocab = self.index.terms
        out: list[str] = []
        for word in unknown:
            if any(bridges_of(t) for t in terms(word)):
                continue
            pool = [t for t in vocab if t[:1] == word[:1] and abs(len(t) - len(word)) <= 3]
            out.extend(difflib.get_close_matches(word, pool, n=3, cutoff=0.75))
        return tuple(dict.fromkeys(out))[:6]

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
        allowed: Allowed | None = None,
    ) -> Answer:
        """The best verbatim sentences for `question` (already passed through `check_question`),
        or a plain statement that there are none. `allowed` limits the passages searched."""
        steer = steer or Steer()
        query = parse_query(self.index, question, steer, speaker or steer.speaker)
        searched = " ".join(query.searched)

        def refuse(message: str) -> Answer:
            suggestions = self.suggestions(query.unknown_words)
            return Answer(
                question, False, message=message, suggestions=suggestions, scope=scope_id, searched=searched
            )

        if not query.searched and query.speaker is None:
            return refuse("The question has no words to search for.")
        asked_of_one = article is not None and not self.settings.refusal  # rank all its sentences
        if all(tid is None for tid in query.ids.values()) and query.speaker is None and not asked_of_one:
            return refuse("The corpus holds no answer: no article uses the words of this question.")
        rows, ranked = self.rank(query, steer, article, allowed)
        keep = [
            (query.speaker is None or (s.speaker is not None and named(s.speaker, [query.speaker])))
            # "Why?", "What else?": the follow-up wants something new, not the quote just shown.
            and not (steer.exclude_shown and s.cand.sentence in steer.shown)
            for s in ranked
        ]
        # Rows and candidates are filtered together, so refusal judges the sentences that may be shown.
        rows = rows[np.asarray(keep, dtype=bool)] if rows.shape[0] else rows
        ranked = [s for s, k in zip(ranked, keep, strict=True) if k]
        # Asked of one speaker's words (--speaker Volcker), a refusal says whose words were searched.
        no_answer = (
            f"The corpus holds no statement by {query.speaker} that answers this question."
            if query.speaker is not None
            else "The corpus holds no answer to this question."
        )
        if not ranked:
            if query.speaker is not None and steer.exclude_shown:
                return refuse(f"The corpus holds nothing more by {query.speaker}.")
            return refuse(no_answer)
        speaker_only = query.speaker is not None and not query.own
        if not speaker_only and not self.answers(query, rows, ranked):
            return refuse(no_answer)
        chosen = choose(
            self.index, ranked, top or self.settings.top, self.settings.budget_tokens, query.names
        )
        best = chosen[0].prob
        floor = self.settings.min_window if not speaker_only else 0.0
        chosen = chosen[:1] + [
            c for c in chosen[1:] if c.prob >= best * self.settings.keep_share and c.window >= floor
        ]
        q_set = set(query.searched)
        shown = frozenset(c.cand.sentence for c in chosen)
        quotes = tuple(
            make_quote(self.index, c, self.load_text(c.cand.article), q_set, context, shown) for c in chosen
        )
        headline = headline_quote(self.index, query, ranked, rows, self.load_text)
        if headline is not None:
            quotes = (headline, *quotes)[: max(top or self.settings.top, 1)]
        return Answer(question, True, quotes=quotes, scope=scope_id, searched=searched)

    def rank(
        self,
        query: Query,
        steer: Steer | None = None,
        article: int | None = None,
        allowed: Allowed | None = None,
    ) -> tuple[npt.NDArray[np.float64], list[Scored]]:
        """The candidates best first, and their feature rows in the same order (row i is ranked[i])."""
        rows, scored = self.examine(query, steer, article, allowed)
        if not scored:
            return rows, scored
        model = load_model().ranker
        learned = model.probabilities(rows)
        # The rules read "he said" as X's statement where the story named X just before it.
        said = with_antecedents(query, rows, scored, self.stories.story)
        prior = rule_prior(query, said) + self.names_prior(query, scored) + said_prior(query, said, scored)
        arrays = self.index.stored.arrays
        sentences = np.fromiter((s.cand.sentence for s in scored), dtype=np.int64, count=len(scored))
        starts, paragraphs = arrays["s_start"][sentences].tolist(), arrays["s_para"][sentences].tolist()
        prior += speaker_prior(query, said, scored) + description_prior(query, said, scored, starts)
        prior += premise_prior(query, said, scored, paragraphs) + outlook_prior(query, said, scored)
        stories = self.stories
        prior += topic_gap_prior(query, said, scored, stories.term_shares, starts, stories.head_terms)
        prior += titled_prior(query, scored)
        probs = model.probabilities(rows, prior=prior)
        probs = lift_in_articles(query, probs, rows, scored)
        for s, p, q in zip(scored, probs, learned, strict=True):
            s.prob = float(p)
            s.learned = float(q)
        if steer is not None:
            for s in scored:
                if steer.prefer_article is not None and s.cand.article == steer.prefer_article:
                    s.prob += 0.05
                if steer.near_sentence is not None and abs(s.cand.sentence - steer.near_sentence) <= 2:
                    s.prob += 0.02
        order = sorted(range(len(scored)), key=lambda i: (-scored[i].prob, scored[i].cand.sentence))
        return rows[order], [scored[i] for i in order]

    def names_prior(self, query: Query, scored: list[Scored]) -> npt.NDArray[np.float64]:
        """Per candidate, NAMES_PRIOR times how far its article falls short of the candidates' best
        at naming the question's names (0 for the best, and for every one when it gives none)."""
        articles = (s.cand.article for s in scored)
        shares = article_name_shares(
            self.index, query.named, query.weights, articles, self.stories.head_terms, query.bridges
        )
        if not shares:
            return np.zeros(len(scored))
        best = max(shares.values())
        gap = np.array([shares[s.cand.article] - best for s in scored])
        none = np.array([shares[s.cand.article] == 0.0 for s in scored]) & (best > 0)
        return NAMES_PRIOR * gap - NONE_NAMED_PRIOR * none

    def examine(
        self,
        query: Query,
        steer: Steer | None = None,
        article: int | None = None,
        allowed: Allowed | None = None,
    ) -> tuple[npt.NDArray[np.float64], list[Scored]]:
        """Candidates of a query and their feature rows, in candidate order."""
        within = None
        if article is not None:
            within = (int(self.index.pass_lo[article]), int(self.index.pass_hi[article]))
        cands = gather(
            self.index,
            query,
            self.settings.candidates,
            within=within,
            allowed=allowed,
            neighbours=query.speaker is not None or query.info.asks_statement,
        )
        return self.featurizer.run(query, cands)

    def answers(self, query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]) -> bool:
        """Whether the corpus answers at all, by the calibrated refusal model, then the near-miss
        model: whether the article of the answer to be shown (`scored` is best first) names what
        the question names."""
        return self.verdict(query, rows, scored)[0]

    def verdict(self, query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]) -> tuple[bool, str]:
        """`answers`, and what decided it: a rule of story_gaps.py or refusal.py by its name, or "model"
        (the refusal models); bench/refusal_dev.py counts what each one refuses."""
        if not self.settings.refusal:
            return True, "refusal off"
        first = scored[0].cand.article
        if year_missing(query, lambda: self.stories.story_terms(first) | self.stories.story_years(first)):
            return False, "year_missing"  # a year asked that the answer's story never writes
        if role_unbound(query, lambda: self.stories.ordered_texts(first)):
            return False, "role_unbound"  # who holds a role at a name, and the story never says
        if statement_found(query, scored[0], rows[0], self.stories.around(scored[0])):
            return True, "statement_found"  # the speaker asked, found speaking on the topic
        if count_missing(query, rows, scored):
            return False, "count_missing"  # "how many" asked, and no sentence counts what it asks
        if kind_missing(query, rows, scored, lambda: bool(self.index.articles[first]["date"])):
            return False, "kind_missing"  # a date asked, none in the story; or a why, no reason
        return self.models_answer(query, rows, scored), "model"

    def models_answer(self, query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]) -> bool:
        """The refusal model, then (with `AnswerSettings.near_misses`) the near-miss model."""
        model = load_model()
        if not self.settings.near_misses or model.near_miss is None:
            row = refusal_row(query, rows, scored)[None, :]
            return float(model.refusal.probabilities(row[:, : len(REFUSAL_FEATURES)])[0]) >= model.threshold
        close = close_articles([s.prob for s in scored], [s.cand.article for s in scored], self.settings.top)
        shown = shown_article(self.index, query, close, self.stories.head_terms)
        row = refusal_row(query, rows, scored, shown)[None, :]
        if float(model.refusal.probabilities(row[:, : len(REFUSAL_FEATURES)])[0]) < model.threshold:
            return False
        if shown.names_missing == 0:
            return True  # no name of the question is missing: no near miss to judge
        return float(model.near_miss.probabilities(row)[0]) >= model.near_threshold


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
