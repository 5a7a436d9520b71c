"""Near misses for refusal (issue 9): question-level facts tried beside the shipped ones, measured.

A near miss names a company the corpus knows but asks for a fact no article gives ("How many foreign
tourists visited Kenya in 1986?" finds a sentence on Kenyan coffee). Its best sentence matches the
name and misses what was asked: a rare content term ("tourists") or the kind of answer wanted (a
number). The facts here read that over a window (the sentence and its neighbours among the
candidates), over the article, and over the names the question gives.

For each set of facts added to assistant.answer.refusal.REFUSAL_FEATURES, a logistic model is fitted
on squad-dev-train (answerable against off-topic, with or without the near misses of
bench/train_refusal.py as negatives and the paraphrased copies as positives), its threshold set so
that it refuses as many answerable questions as the shipped model does, and the near misses and
off-topic questions it still answers are printed: a fact earns its place only if that share falls.
In-sample on purpose: a fact that does not help on the data it was fitted to will not help elsewhere.

Then answer checks after the refusal model (a question answered only if the model says so AND
the check passes), each at the shipped threshold: a how-many / how-much question needs an amount in
the sentence shown; the shown sentence's article must name enough of what the question names; the
sentence must offer a kind of answer wanted. None ships: each refuses at least as many answerable
questions as near misses it catches (see bench/README.md). The sentence shown is the ranker's best
by its own probability (the product adds rule priors; close enough to compare checks).

    nice python -m bench.refusal_study      # after python -m bench.train_refusal (same cache)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.answer.boosted_trees import BoostedTrees
from assistant.answer.features import FEATURES, Scored
from assistant.answer.lexicon import bridged
from assistant.answer.query import Query
from assistant.answer.ranker import Logistic
from assistant.answer.refusal import REFUSAL_FEATURES
from assistant.index import Index
from assistant.index.tokens import terms
from bench.train_refusal import Corpora, cached, refusal_rows

CORPORA = Corpora()
TOP = 5
"""How many of the ranker's best candidates are looked at: the answer shown is among them."""
RARE = 2
"""How many of the question's rarest terms must be met."""

_OFFERS = {name[len("offers_") :]: k for k, name in enumerate(FEATURES) if name.startswith("offers_")}
_SPEAKER = FEATURES.index("speaker")


@dataclass(frozen=True, slots=True)
class WindowFacts:
    """What one candidate's window holds of the question."""

    share: float
    """Weighted share of the question's own terms held, exactly or through a bridge."""
    rare_missing: float
    """Weight of the rarest term it lacks over the question's heaviest weight (0: lacks none)."""
    rare_met: float
    """Share of the question's RARE rarest terms it holds."""
    kind_met: bool
    """It offers a kind of answer the question wants (always, when it wants none)."""
    kind_here: bool
    """The sentence itself does (the quote shown must hold the answer)."""
    names_missing: float
    """Weighted share of the terms of the names the question gives (Brazil, Leeds) it lacks."""


def window_facts(query: Query, rows: npt.NDArray[np.float64], scored: list[Scored], k: int) -> WindowFacts:
    """The facts of candidate `k`'s window: the sentence and its neighbours among the candidates."""
    own = [t for t in query.own if t in query.reachable]
    at = {(s.cand.article, s.cand.sentence): i for i, s in enumerate(scored)}
    c = scored[k].cand
    members = [i for j in (-1, 0, 1) if (i := at.get((c.article, c.sentence + j))) is not None]
    held: set[str] = set()
    for i in members:
        held |= scored[i].terms
    met = {t for t in own if t in held} | bridged(
        {t: query.bridges.get(t, frozenset()) for t in own}, frozenset(held)
    )
    total = sum(query.weights[t] for t in own) or 1.0
    heaviest = max((query.weights[t] for t in own), default=1.0) or 1.0
    rarest = sorted(own, key=lambda t: (-query.weights[t], t))[:RARE]
    return WindowFacts(
        share=sum(query.weights[t] for t in met) / total,
        rare_missing=max((query.weights[t] for t in own if t not in met), default=0.0) / heaviest,
        rare_met=sum(t in met for t in rarest) / max(len(rarest), 1),
        kind_met=not query.wanted or any(_offers(query, rows[i]) for i in members),
        kind_here=not query.wanted or _offers(query, rows[k]),
        names_missing=_missing_share(query, _name_terms(query), held),
    )


def _name_terms(query: Query) -> list[str]:
    return sorted(
        {t for n in query.info.names for t in terms(n) if t in query.weights and t in query.reachable}
    )


def _missing_share(query: Query, group: list[str], held: set[str]) -> float:
    total = sum(query.weights[t] for t in group)
    if not total:
        return 0.0
    return sum(query.weights[t] for t in group if t not in held) / total


def _offers(query: Query, row: npt.NDArray[np.float64]) -> bool:
    if "quote" in query.wanted and row[_SPEAKER] > 0:
        return True
    return any(row[_OFFERS[t]] > 0 for t in query.wanted)


def meeting_facts(query: Query, rows: npt.NDArray[np.float64], scored: list[Scored]) -> dict[str, float]:
    """For the ranker's best candidate, and the best-meeting one of its first TOP: how much of the
    question its window holds, whether the rarest terms and the wanted kind are there."""
    order = sorted(range(len(scored)), key=lambda i: (-scored[i].learned, i))[:TOP]
    facts = [window_facts(query, rows, scored, i) for i in order]
    if not facts:
        facts = [WindowFacts(0.0, 1.0, 0.0, False, False, 1.0)]
    top = facts[0]
    article = article_facts(query, scored)
    return {
        "article_share": article[0],
        "article_rare_missing": article[1],
        "top_rare_missing": top.rare_missing,
        "top_kind_missing": float(not top.kind_met),
        "top_kind_missing_here": float(not top.kind_here),
        "top_rare_met": top.rare_met,
        "best_kind_share": max(f.share * f.kind_met for f in facts),
        "best_kind_rare": max(f.rare_met * f.kind_met for f in facts),
        "best_rare_share": max(f.rare_met * f.share for f in facts),
        "best_here_rare_share": max(f.rare_met * f.share * f.kind_here for f in facts),
        "wants_kind": float(bool(query.wanted)),
        "top_names_missing": top.names_missing,
        "best_names_kind": max(float(f.names_missing == 0 and f.kind_met) for f in facts),
        "top_article_names_missing": _article_names_missing(query, scored, order[0]) if order else 1.0,
    }


def _article_names_missing(query: Query, scored: list[Scored], k: int) -> float:
    """Share of the question's name terms the best candidate's article (its candidates) lacks."""
    article = scored[k].cand.article
    held: set[str] = set()
    for s in scored:
        if s.cand.article == article:
            held |= s.terms
    return _missing_share(query, _name_terms(query), held)


def article_facts(query: Query, scored: list[Scored]) -> tuple[float, float]:
    """Over the articles of the candidates, the most of the question one article holds (weighted
    share, exactly or through a bridge), and the rarest term that article still lacks."""
    own = [t for t in query.own if t in query.reachable]
    if not own or not scored:
        return 0.0, 1.0
    held: dict[int, set[str]] = {}
    for s in scored:
        held.setdefault(s.cand.article, set()).update(s.terms)
    total = sum(query.weights[t] for t in own) or 1.0
    heaviest = max(query.weights[t] for t in own) or 1.0
    bridges = {t: query.bridges.get(t, frozenset()) for t in own}
    found: list[tuple[float, float]] = []
    for article in sorted(held):
        met = {t for t in own if t in held[article]} | bridged(bridges, frozenset(held[article]))
        share = sum(query.weights[t] for t in met) / total
        lacking = max((query.weights[t] for t in own if t not in met), default=0.0) / heaviest
        found.append((share, -lacking))
    share, lacking = max(found)
    return share, -lacking


def names_unsaid(index: Index, query: Query, article: int) -> bool:
    """Whether the question names things the corpus knows (Astra, Kenya) and `article`, where the best
    answer comes from, names none of them: an answer about something else that shares the asked words."""
    names = _question_names(query)
    known = sorted({tid for t in names if (tid := query.ids.get(t)) is not None})
    if not known:
        return False
    title = index.articles.columns["title"][article]
    if title and set(terms(str(title))) & names:
        return False
    lo, hi = int(index.pass_lo[article]), int(index.pass_hi[article])
    for tid in known:
        passages, _ = index.postings(tid)
        k = int(np.searchsorted(passages, lo))
        if k < passages.shape[0] and int(passages[k]) < hi:
            return False
    return True


def _question_names(query: Query) -> set[str]:
    """Terms of the names the question gives; a lone capitalised first word ("Besides", "Normally")
    is no name."""
    first = query.question.split()[0].strip(",;:") if query.question.split() else ""
    return {t for n in query.info.names if n != first for t in terms(n) if t in query.own}


SETS: dict[str, tuple[str, ...]] = {
    "window (rare terms, kind)": (
        "top_rare_missing",
        "top_kind_missing",
        "top_kind_missing_here",
        "top_rare_met",
        "best_kind_share",
        "best_kind_rare",
        "best_rare_share",
        "best_here_rare_share",
        "wants_kind",
    ),
    "article": ("article_share", "article_rare_missing"),
    "names": ("top_names_missing", "best_names_kind", "top_article_names_missing"),
}


def study_rows(
    ranker: Logistic | BoostedTrees, items: list[dict[str, Any]], extra: tuple[str, ...]
) -> npt.NDArray[np.float64]:
    """The shipped refusal features of each question, then the `extra` facts."""
    base = refusal_rows(ranker, items, CORPORA)[:, : len(REFUSAL_FEATURES)]
    more = [
        [meeting_facts(it["query"], it["rows"], it["scored"])[n] for n in extra]
        if it["scored"]
        else [0.0] * len(extra)
        for it in items
    ]
    return np.hstack([base, np.array(more).reshape(len(items), len(extra))])


GATES: dict[str, Any] = {
    "amount in sentence": lambda q, rows, scored, k: "number" not in q.wanted or _offers(q, rows[k]),
    "article names >= 40% of names": lambda q, rows, scored, k: _article_names_missing(q, scored, k) < 0.6,
    "article names any of the names": lambda q, rows, scored, k: _article_names_missing(q, scored, k) < 1.0,
    "wanted kind in sentence": lambda q, rows, scored, k: not q.wanted or _offers(q, rows[k]),
}


def gate_table(model: Any, data: dict[str, list[dict[str, Any]]]) -> None:
    """Each gate's refused answerable and answered unanswerable shares, beside the model alone."""
    print(f"gates after the shipped refusal (threshold {model.threshold:.2f}):")
    print(f"  {'gate':32s} {'ans ref':>8s} {'para ref':>8s} {'off':>6s} {'near p':>7s} {'near s':>7s}")
    n = len(REFUSAL_FEATURES)
    p = {
        k: model.refusal.probabilities(refusal_rows(model.ranker, v, CORPORA)[:, :n]) for k, v in data.items()
    }
    for label in ("model alone", *GATES):
        shares = []
        for kind in ("answerable", "paraphrased", "off_topic", "near_paragraph", "near_sentences"):
            answered = []
            for it, pk in zip(data[kind], p[kind], strict=True):
                ok = bool(it["scored"]) and pk >= model.threshold
                if ok and label != "model alone":
                    k = max(range(len(it["scored"])), key=lambda i: (it["scored"][i].learned, -i))
                    ok = GATES[label](it["query"], it["rows"], it["scored"], k)
                answered.append(ok)
            rate = float(np.mean(answered))
            shares.append(1.0 - rate if kind in ("answerable", "paraphrased") else rate)
        print(f"  {label:32s} " + " ".join(f"{v:7.1%}" for v in shares))


def main() -> None:
    from assistant.answer.ranker import load_model
    from bench.train_ranker import fit

    model = load_model()
    data = {
        kind: cached(kind)
        for kind in ("answerable", "paraphrased", "off_topic", "near_paragraph", "near_sentences")
    }
    gate_table(model, data)
    every = tuple(n for names in SETS.values() for n in names)
    rows = {kind: study_rows(model.ranker, items, every) for kind, items in data.items()}
    n_base = len(REFUSAL_FEATURES)
    target = float(np.mean(model.refusal.probabilities(rows["answerable"][:, :n_base]) < model.threshold))
    print(
        f"each model refuses {target:.1%} of answerable squad-dev-train questions (the shipped model's rate);"
    )
    print("the share of each other kind it answers (paraphrased: refuses), lower is better:")
    print(
        f"  {'facts':28s} {'negatives':20s} {'+para':>5s} {'para ref':>8s}"
        f" {'off':>6s} {'near p':>7s} {'near s':>7s}"
    )
    choices = {"shipped": ()} | {f"+ {k}": v for k, v in SETS.items()} | {"+ all": every}
    for label, names in choices.items():
        cols = list(range(n_base)) + [n_base + every.index(n) for n in names]
        for negatives in (("off_topic",), ("off_topic", "near_paragraph"), ("off_topic", "near_sentences")):
            for with_para in (False, True):
                positives = ("answerable", "paraphrased") if with_para else ("answerable",)
                x = np.vstack([rows[k][:, cols] for k in positives + negatives])
                y = np.concatenate(
                    [np.full(len(rows[k]), float(k in positives)) for k in positives + negatives]
                )
                fitted = fit(x, y)
                p = {k: fitted.probabilities(r[:, cols]) for k, r in rows.items()}
                t = float(np.quantile(p["answerable"], target))
                print(
                    f"  {label:28s} {'+'.join(n.split('_')[-1] for n in negatives):20s}"
                    f" {'yes' if with_para else 'no':>5s}"
                    f" {np.mean(p['paraphrased'] < t):8.1%} {np.mean(p['off_topic'] >= t):6.1%}"
                    f" {np.mean(p['near_paragraph'] >= t):7.1%} {np.mean(p['near_sentences'] >= t):7.1%}"
                )


if __name__ == "__main__":
    main()
