"""The refusal models of the shipped ranker file, trained after the ranker by `python -m bench.train_ranker`;
run alone, this module measures them on each kind of question.

Each row is judged as the product judges it: the candidate shown first is the ranker's best with the
rules' priors, and its article is read in the corpus the question was asked of.

  refusal     each squad-dev-train question asked of the full corpus (answerable) against the same
              questions asked of a corpus holding only the other half of the articles (off-topic);
              logistic over REFUSAL_FEATURES, the threshold refusing REFUSAL_BUDGET of the
              paraphrased answerable copies (asked in other words, as readers ask).
  near miss   the same answerable questions against `swapped_name` questions: one capitalised name
              swapped for a name of another article that the question's own article never uses
              ("When does Astra plan...?" where the corpus has another company's plan), asked of the
              full corpus; logistic over NEAR_MISS_FEATURES. It judges only questions whose shown
              article lacks a name; its threshold refuses NEAR_MISS_BUDGET of the paraphrased
              answerable questions (the ranker's copies in other words) the refusal model keeps.

Measured, not trained on: near misses with the fact gone but the names left, the way a reader asks
"How many foreign tourists visited Kenya in 1986?" of an archive that has Kenya's coffee news. Two
kinds, each from squad-dev-train (the paragraphs of each article dropped in NEAR_FOLDS folds, one
corpus per fold; a question whose answer text is still in what is left of its article is not used):

  paragraph   the question's whole paragraph is gone.
  sentences   only the sentences of its paragraph that hold an answer are gone; the rest stays.

Trained on as negatives beside the off-topic ones (one model, threshold by the same cost), these
moved nothing at the same answerable refusal rate (see bench/README.md).

    nice python -m bench.train_refusal      # the shipped refusal on each kind; candidates cached in /tmp
"""

from __future__ import annotations

import json
import os
import pickle
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.answer.boosted_trees import BoostedTrees
from assistant.answer.features import FEATURES
from assistant.answer.ranker import Logistic
from assistant.answer.refusal import (
    NEAR_MISS_BUDGET,
    NEAR_MISS_FEATURES,
    REFUSAL_BUDGET,
    REFUSAL_FEATURES,
    close_articles,
    refusal_row,
)
from assistant.answer.shown_article import shown_article
from assistant.corpus import split_paragraph
from assistant.index.tokens import terms

TRAIN_JSON = Path("/work/shared/eval/squad-dev-train/squad-dev-train.json")
# $ASSISTANT_TRAIN_DIR (as in train_ranker) keeps two checkouts from sharing one cache.
ROOT = Path(os.environ.get("ASSISTANT_TRAIN_DIR", "/tmp/assistant-bench/train")) / "refusal"
NEAR_FOLDS = 4
KINDS = ("answerable", "paraphrased", "off_topic", "near_paragraph", "near_sentences", "swapped_name")
Items = list[dict[str, Any]]
Question = tuple[str, str, list[tuple[int, int]], int]


class Corpora:
    """The engines of the corpora training questions were asked of, opened once each: refusal
    reads the shown answer's article in its own corpus (its index, its head)."""

    def __init__(self) -> None:
        self._engines: dict[str, Any] = {}

    def answerer(self, folder: str) -> Any:
        from assistant.engine import Engine

        if folder not in self._engines:
            self._engines[folder] = Engine.open(Path(folder))
        return self._engines[folder]._answerer


def refusal_rows(
    model: Logistic | BoostedTrees, items: list[dict[str, Any]], corpora: Corpora
) -> npt.NDArray[np.float64]:
    """One row of NEAR_MISS_FEATURES per question (the refusal model reads the first
    len(REFUSAL_FEATURES)), judged as the product judges it: the candidates ordered with the rules'
    priors (Answerer.rank), as the answerer reads the articles of the first of them."""
    from assistant.answer.priors import rule_prior, said_prior

    out: list[npt.NDArray[np.float64] | None] = []
    for it in items:
        if not it["scored"]:
            out.append(None)
            continue
        query, rows, scored = it["query"], it["rows"], it["scored"]
        for s, p in zip(scored, model.probabilities(rows), strict=True):
            s.learned = float(p)
        answerer = corpora.answerer(it["corpus"])
        prior = (
            rule_prior(query, rows) + answerer.names_prior(query, scored) + said_prior(query, rows, scored)
        )
        probs = model.probabilities(rows, prior=prior)
        order = sorted(range(len(scored)), key=lambda i: (-float(probs[i]), scored[i].cand.sentence))
        close = close_articles(
            [float(probs[i]) for i in order], [scored[i].cand.article for i in order], answerer.settings.top
        )
        shown = shown_article(answerer.index, query, close, answerer.stories.head_terms)
        out.append(refusal_row(query, rows, scored, shown))
    filler = np.zeros(len(NEAR_MISS_FEATURES))
    filler[0] = -14.0
    return np.array([r if r is not None else filler for r in out])


@dataclass(frozen=True)
class Refusal:
    """The two models of refusal and their thresholds (see assistant/answer/refusal.py)."""

    refusal: Logistic
    threshold: float
    near_miss: Logistic
    near_threshold: float

    def answered(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """Per row, whether the product would answer."""
        first = self.refusal.probabilities(rows[:, : len(REFUSAL_FEATURES)]) >= self.threshold
        named = rows[:, NEAR_MISS_FEATURES.index("names_missing")] > 0
        near = named & (self.near_miss.probabilities(rows) < self.near_threshold)
        return first & ~near  # type: ignore[no-any-return]


def train_refusal(
    ranker: Logistic | BoostedTrees,
    items: list[dict[str, Any]],
    off: list[dict[str, Any]],
    swapped: list[dict[str, Any]],
    paraphrased: list[dict[str, Any]],
    corpora: Corpora,
) -> Refusal:
    """The refusal model, from answerable `items` against unanswerable `off` (asked without their
    article), its threshold refusing REFUSAL_BUDGET of the `paraphrased` ones; then the near-miss
    model, from the same answerable questions against `swapped` (one name swapped for another
    article's), its threshold refusing at most
    NEAR_MISS_BUDGET of the `paraphrased` ones (answerable, in other words than the article's:
    SQuAD's own wording repeats the article's names, a reader's does not) the first model keeps."""
    from bench.train_ranker import fit

    n = len(REFUSAL_FEATURES)
    pos = refusal_rows(ranker, items, corpora)
    neg = refusal_rows(ranker, off, corpora)
    refusal = fit(np.vstack([pos, neg])[:, :n], np.concatenate([np.ones(len(pos)), np.zeros(len(neg))]))
    para = refusal_rows(ranker, paraphrased, corpora)
    threshold = budget_threshold(refusal.probabilities(para[:, :n]), REFUSAL_BUDGET, len(para))
    swap = refusal_rows(ranker, swapped, corpora)
    near = fit(np.vstack([pos, swap]), np.concatenate([np.ones(len(pos)), np.zeros(len(swap))]))
    # Only a question whose shown article lacks a name can be a near miss: the budget is spent on those.
    kept = refusal.probabilities(para[:, :n]) >= threshold
    named = para[:, NEAR_MISS_FEATURES.index("names_missing")] > 0
    near_threshold = budget_threshold(
        near.probabilities(para)[kept & named], NEAR_MISS_BUDGET, int(kept.sum())
    )
    model = Refusal(refusal, threshold, near, near_threshold)
    print(
        f"refusal: threshold {threshold:.2f}, near misses {near_threshold:.4f}; answerable refused "
        f"{1 - np.mean(model.answered(pos)):.1%}, off-topic answered {np.mean(model.answered(neg)):.1%}, "
        f"swapped names answered {np.mean(model.answered(swap)):.1%}, paraphrased refused "
        f"{1 - np.mean(model.answered(para)):.1%} (training data)",
        file=sys.stderr,
    )
    return model


def budget_threshold(probs: npt.NDArray[np.float64], budget: float, of: int) -> float:
    """The least threshold that refuses at most `budget` of `of` answerable questions, `probs` their
    probabilities (only those at risk: 1, refuse all of them, when fewer than the budget are). Chosen
    by count, not by a cost between kinds, so a sharper ranker cannot move how many are refused."""
    ordered = np.sort(probs)
    allowed = int(budget * of)
    return round(float(ordered[allowed]) if allowed < len(ordered) else 1.0, 4)


# ---- near misses and other measured kinds -------------------------------------------------------


def _without_answers(para: dict[str, Any]) -> str:
    """The paragraph without the sentences that hold any of its questions' answers."""
    context = para["context"].replace("\r", " ").replace("\n", " ")
    spans = [
        (a["answer_start"], a["answer_start"] + len(a["text"])) for qa in para["qas"] for a in qa["answers"]
    ]
    kept = [context[s:e] for s, e in split_paragraph(context) if not any(s < y and e > x for x, y in spans)]
    return " ".join(kept)


def write_near_miss(folder: Path, data: list[dict[str, Any]], fold: int, whole: bool) -> list[Question]:
    """Every article with the paragraphs of this fold left out (`whole`), or only their sentences
    that hold an answer; the questions of those paragraphs whose answer is nowhere in what is left."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    out: list[Question] = []
    for i, article in enumerate(data):
        name = f"{i:02d}.txt"
        text = article["title"].replace("_", " ") + "\n"
        dropped = []
        for j, para in enumerate(article["paragraphs"]):
            if (i + j) % NEAR_FOLDS == fold:
                dropped.append(para)
                rest = "" if whole else _without_answers(para)
                text += rest + "\n" if rest else ""
            else:
                text += para["context"].replace("\r", " ").replace("\n", " ") + "\n"
        lowered = text.lower()
        for para in dropped:
            for qa in para["qas"]:
                if not any(a["text"].lower() in lowered for a in qa["answers"]):
                    out.append((qa["question"], name, [], i))
        (folder / name).write_text(text, encoding="utf-8")
    return out


_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


def swap_names(full: list[Question], folder: Path, rng: random.Random) -> list[Question]:
    """Each question that names something (a capitalised word past its first) with one such name
    swapped for a name of another article that its own article never uses: asked of the full
    corpus, its article still matches all the rest ("When did Denver win?" asked as "When did
    Normandy win?"), and the corpus does not say. Ordered and seeded: the same list every run."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    held = {name: set(terms(text)) for name, text in texts.items()}
    pool = {
        name: sorted({w for w in _NAME.findall(text) if (t := terms(w)) and len(t) == 1})
        for name, text in texts.items()
    }
    out: list[Question] = []
    for question, gold, _, number in full:
        spots = [m for m in _NAME.finditer(question) if m.start() > 0 and terms(m.group(0))]
        if not spots:
            continue
        spot = spots[rng.randrange(len(spots))]
        others = [n for n in sorted(pool) if n != gold]
        other = others[rng.randrange(len(others))]
        choices = [w for w in pool[other] if terms(w)[0] not in held[gold]]
        if not choices:
            continue
        name = choices[rng.randrange(len(choices))]
        out.append((question[: spot.start()] + name + question[spot.end() :], gold, [], number))
    return out


def gather(kind: str) -> Items:
    """Candidates and feature rows of every squad-dev-train question of one kind (see KINDS)."""
    from assistant.engine import Engine
    from bench.train_ranker import collect, paraphrase, write_corpus

    data = json.loads(TRAIN_JSON.read_text(encoding="utf-8"))["data"]
    everything = set(range(len(data)))
    half_a = set(range(0, len(data), 2))
    if kind.startswith("near_"):
        near: Items = []
        for fold in range(NEAR_FOLDS):
            folder = ROOT / f"{kind}-{fold}"
            asked = write_near_miss(folder, data, fold, whole=kind == "near_paragraph")
            near += tagged(collect(Engine.open(folder), asked, False), folder)
        return near
    full = write_corpus(ROOT / "full", data, everything)
    if kind == "off_topic":
        off: Items = []
        for mine, other, tag in ((half_a, everything - half_a, "b"), (everything - half_a, half_a, "a")):
            write_corpus(ROOT / tag, data, other)
            off += tagged(
                collect(Engine.open(ROOT / tag), [q for q in full if q[3] in mine], False), ROOT / tag
            )
        return off
    engine = Engine.open(ROOT / "full")
    if kind == "swapped_name":
        return tagged(
            collect(engine, swap_names(full, ROOT / "full", random.Random(11)), False), ROOT / "full"
        )
    if kind == "answerable":
        return tagged(collect(engine, full, True), ROOT / "full")
    # The ranker's paraphrased copies (same seed, same order): answerable, in other words.
    rng = random.Random(7)
    article_terms = {
        r["id"]: set(terms((ROOT / "full" / r["id"]).read_text(encoding="utf-8")))
        for r in engine.index.articles
    }
    para = [(p, g, s, n) for q, g, s, n in full if (p := paraphrase(q, article_terms[g], rng)) is not None]
    return tagged(collect(engine, para, True), ROOT / "full")


def tagged(items: Items, folder: Path) -> Items:
    """`items` marked with the corpus they were asked of (refusal reads their shown article there)."""
    for it in items:
        it["corpus"] = str(folder)
    return items


def cached(kind: str) -> Items:
    """`gather(kind)`, from the cache of the last run when it has today's features."""
    cache = ROOT / f"{kind}.pickle"
    if cache.is_file():
        names, items = pickle.loads(cache.read_bytes())
        if tuple(names) == FEATURES and all("corpus" in it for it in items):
            return items  # type: ignore[no-any-return]
    items = gather(kind)
    ROOT.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps((list(FEATURES), items)))
    return items


def main() -> None:
    from assistant.answer.ranker import load_model

    model = load_model()
    assert model.near_miss is not None, (
        "the shipped file has no near-miss model: run python -m bench.train_ranker"
    )
    shipped = Refusal(model.refusal, model.threshold, model.near_miss, model.near_threshold)
    corpora = Corpora()
    print(
        f"shipped refusal (thresholds {model.threshold:.2f}, near misses {model.near_threshold})"
        " on squad-dev-train:"
    )
    for kind in KINDS:
        answered = float(np.mean(shipped.answered(refusal_rows(model.ranker, cached(kind), corpora))))
        share = 1.0 - answered if kind in ("answerable", "paraphrased") else answered
        what = "refused" if kind in ("answerable", "paraphrased") else "answered"
        print(f"  {kind:15s} {len(cached(kind)):5d} questions, {what} {share:.1%}")


if __name__ == "__main__":
    main()
