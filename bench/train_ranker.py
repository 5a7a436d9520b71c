"""Train the shipped answer ranker and refusal model: assistant/answer/data/ranker.json.

Data: SQuAD v1.1 dev articles in /work/shared/eval/squad-dev-train (16 articles, 2,788 questions;
CC BY-SA 4.0: the model is a derivative under the same licence, attributed to SQuAD, Rajpurkar et
al. 2016). Nothing else trains it: the SQuAD sample, WikiQA and Reuters sets stay unseen for reports.

  ranker   a linear scorer over assistant.answer.features.FEATURES trained listwise (softmax over each
           question's candidates, L-BFGS, L2 penalty): each candidate sentence of each question (the
           engine's own candidates on an open corpus of the 16 articles), labelled 1 when it overlaps
           a gold answer span; then a slope and bias so its sigmoid is a calibrated probability.
           `--trees` trains gradient-boosted trees instead (LightGBM lambdarank, one thread,
           deterministic, fixed seeds; the `bench` extra), exported to arrays that
           assistant/answer/boosted_trees.py walks in numpy. On the two-fold cross-validation they
           gained nothing over the linear scorer (hit@1 0.712 against 0.711, with six features
           since dropped), so the linear one ships.
  studied, not shipped (commit 2fc9e44 on branch rank12 holds the code): phrase and window
           features (question bigrams adjacent in order and near, the longest run of question terms
           in order, distance from a new mention of the kind asked to the matched words), class x
           offered-kind crosses, previous / next neighbour coverage apart, article-relative coverage
           and BM25. The two-fold hit@1 among candidates rose (0.7136 -> 0.7230 without the crosses,
           0.7183 with them; trees 0.7248), but asked end to end the refit ranker and its retrained
           refusal threshold (0.48-0.53 against 0.39) refused more answerable questions: SQuAD sample
           hit@1 0.692 against 0.691, WikiQA MAP 0.707 against 0.700, off-topic answered 4.4% against
           6.6%, while the three Reuters dev sets lost 6 first answers (181 against 187) and refused
           4 more. A gain among candidates does not carry past refusal and the rule priors unchanged.
  studied, not shipped (commits 9f5f3c8 and cd78f1e on branch emb18): a learned word similarity,
           WordLlama's static embeddings read from its wheel, as two features for question words
           neither written nor bridged (sim_cov, sim_best). Two-fold hit@1 rose (0.7174 -> 0.7223)
           but end to end the Reuters dev odd halves stayed flat (120 first against 120), SQuAD
           hit@1 and WikiQA MAP fell a little and cold start cost ~90 ms more (bench/README.md).
  paraphrased copies
           each question is asked a second time with some of its words swapped for a WordNet bridge
           (from the shipped lexicon) that the article does not use, so bridged coverage is learned
           on questions in other words than the article, as readers ask them.
  refusal  logistic regression over assistant.answer.refusal.REFUSAL_FEATURES: each original question asked of
           the full corpus (answerable), of a corpus holding only the other half of the articles
           (not answerable). The threshold refuses REFUSAL_BUDGET (25%) of the paraphrased copies
           below, by count: the cost it used to minimise (refused answerable + answered off-topic) is
           flat near its minimum, and its threshold moved with the ranker's sharpness.
  near miss logistic regression over assistant.answer.refusal.NEAR_MISS_FEATURES: the answerable questions
           against the same questions with one name swapped for a name of another article
           (bench/train_refusal.py); its threshold refuses NEAR_MISS_BUDGET of the paraphrased
           answerable questions the refusal model keeps.

Deterministic: fixed data order, fixed seeds, weights rounded to 6 digits: rerunning rebuilds the
file byte for byte.

    nice python -m bench.train_ranker            # --reuse: refit on the features of the last run
    nice python -m bench.train_ranker --reuse --cv --cv-only   # the cross-validation only, nothing written
"""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.answer.boosted_trees import BoostedTrees, from_lightgbm
from assistant.answer.features import FEATURES
from assistant.answer.lexicon import bridges_of
from assistant.answer.query import parse_query
from assistant.answer.ranker import Logistic, Ranker
from assistant.answer.refusal import NEAR_MISS_FEATURES, REFUSAL_FEATURES
from assistant.answer.settings import Steer
from assistant.engine import Engine
from assistant.index.tokens import terms, words
from bench.train_refusal import Corpora, cached, train_refusal

TRAIN_JSON = Path("/work/shared/eval/squad-dev-train/squad-dev-train.json")
# $ASSISTANT_TRAIN_DIR keeps two checkouts training at once from sharing one scratch folder.
ROOT = Path(os.environ.get("ASSISTANT_TRAIN_DIR", "/tmp/assistant-bench/train"))
OUT = Path(__file__).resolve().parent.parent / "assistant" / "answer" / "data" / "ranker.json"
L2 = 1.0
Question = tuple[str, str, list[tuple[int, int]], int]


def write_corpus(folder: Path, data: list[dict[str, Any]], keep: set[int]) -> list[Question]:
    """One article file per SQuAD article (title line, one paragraph a line); its questions with spans."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    out: list[Question] = []
    for i, article in enumerate(data):
        if i not in keep:
            continue
        name = f"{i:02d}.txt"
        text = article["title"].replace("_", " ") + "\n"
        for para in article["paragraphs"]:
            start = len(text)
            text += para["context"].replace("\r", " ").replace("\n", " ") + "\n"
            for qa in para["qas"]:
                spans = [
                    (start + a["answer_start"], start + a["answer_start"] + len(a["text"]))
                    for a in qa["answers"]
                ]
                out.append((qa["question"], name, spans, i))
        (folder / name).write_text(text, encoding="utf-8")
    return out


def paraphrase(question: str, article_terms: set[str], rng: random.Random) -> str | None:
    """The question with up to two of its words swapped for a bridged word the article does not use."""
    pieces = words(question)
    swaps = []
    for word, start, end in pieces:
        t = terms(word)
        if not t or not word.isalpha() or (word[:1].isupper() and start > 0):
            continue
        options = sorted(b for b in bridges_of(t[0]) if b.isalpha() and b not in article_terms and len(b) > 2)
        if options:
            swaps.append((start, end, rng.choice(options)))
    if not swaps:
        return None
    rng.shuffle(swaps)
    chosen = sorted(swaps[: 1 + int(len(swaps) > 2)])
    out = question
    for start, end, word in reversed(chosen):
        out = out[:start] + word + out[end:]
    return out


def collect(engine: Engine, questions: list[Question], labelled: bool) -> list[dict[str, Any]]:
    """Feature rows of each question's candidates (and labels), plus what refusal needs."""
    answerer = engine._answerer
    index = engine.index
    a = index.stored.arrays
    items = []
    for question, gold, spans, number in questions:
        query = parse_query(index, question, Steer())
        if not query.searched or all(tid is None for tid in query.ids.values()):
            empty = np.zeros((0, len(FEATURES)))
            items.append({"query": query, "rows": empty, "scored": [], "y": None, "article": number})
            continue
        rows, scored = answerer.examine(query)
        y = None
        if labelled:
            y = np.array(
                [
                    index.articles[s.cand.article]["id"] == gold
                    and any(
                        int(a["s_start"][s.cand.sentence]) < ge and int(a["s_end"][s.cand.sentence]) > gs
                        for gs, ge in spans
                    )
                    for s in scored
                ],
                dtype=np.float64,
            )
        items.append({"query": query, "rows": rows, "scored": scored, "y": y, "article": number})
    return items


def fit(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], l2: float = L2) -> Logistic:
    """L2-penalised logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    z1 = np.hstack([z, np.ones((z.shape[0], 1))])
    w = np.zeros(z1.shape[1])
    penalty = np.full(z1.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(z1 @ w, -30, 30)))
        grad = z1.T @ (p - y) + penalty * w
        hess = (z1 * (p * (1 - p))[:, None]).T @ z1 + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Logistic(mean=mean, scale=scale, weights=w[:-1], bias=float(w[-1]))


def main() -> None:
    reuse = "--reuse" in sys.argv[1:]
    cache = ROOT / "features.pickle"
    if reuse and cache.is_file():
        names, items, para_items, off = pickle.loads(cache.read_bytes())
        # Features dropped since the cache was made are dropped from its rows too.
        keep = [names.index(f) for f in FEATURES]
        for it in items + para_items + off:
            it["rows"] = it["rows"][:, keep]
        tag_corpora(items, para_items, off)
    else:
        items, para_items, off = gather()
        cache.write_bytes(pickle.dumps((list(FEATURES), items, para_items, off)))
    fit_and_write(items, para_items, off)


def gather() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Candidates and features of every training question: answerable, paraphrased, unanswerable."""
    data = json.loads(TRAIN_JSON.read_text(encoding="utf-8"))["data"]
    everything = set(range(len(data)))
    half_a = set(range(0, len(data), 2))
    half_b = everything - half_a
    full = write_corpus(ROOT / "full", data, everything)
    engine = Engine.open(ROOT / "full")
    rng = random.Random(7)
    article_terms = {
        r["id"]: set(terms((ROOT / "full" / r["id"]).read_text(encoding="utf-8")))
        for r in engine.index.articles
    }
    para = [(p, g, s, n) for q, g, s, n in full if (p := paraphrase(q, article_terms[g], rng)) is not None]
    print(f"{len(full)} questions, {len(para)} paraphrased copies", file=sys.stderr)
    items = collect(engine, full, True)
    para_items = collect(engine, para, True)
    # Unanswerable: each half's questions asked of a corpus of the other half.
    off: list[dict[str, Any]] = []
    for mine, other, tag in ((half_a, half_b, "b"), (half_b, half_a, "a")):
        asked = [q for q in full if q[3] in mine]
        write_corpus(ROOT / tag, data, other)
        off += collect(Engine.open(ROOT / tag), asked, False)
    tag_corpora(items, para_items, off)
    return items, para_items, off


def tag_corpora(
    items: list[dict[str, Any]], para_items: list[dict[str, Any]], off: list[dict[str, Any]]
) -> None:
    """Each question marked with the corpus it was asked of (refusal reads the shown answer's article
    there): the full corpus, or for an unanswerable one the half without its article."""
    for it in items + para_items:
        it["corpus"] = str(ROOT / "full")
    for it in off:
        it["corpus"] = str(ROOT / ("b" if it["article"] % 2 == 0 else "a"))


def _groups(items: list[dict[str, Any]]) -> list[tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]]:
    return [(it["rows"], it["y"]) for it in items if it["y"] is not None and len(it["y"])]


def hit_at_1(model: Ranker, items: list[dict[str, Any]]) -> float:
    """Share of questions whose best-scored candidate holds the answer (questions without candidates: 0)."""
    hits = [float(y[int(np.argmax(model.logits(x)))]) if len(y) else 0.0 for x, y in _groups(items)]
    return float(np.mean(hits)) if hits else 0.0


def train_ranker(
    items: list[dict[str, Any]], para_items: list[dict[str, Any]], trees: bool = False
) -> Ranker:
    """The linear listwise scorer (or trees), then a pointwise slope and bias so the sigmoid of the
    score is a probability."""
    groups = _groups(items + para_items)
    if not trees:
        scorer = fit_listwise(groups)
        slope, bias = _calibration(np.concatenate([scorer.logits(g[0]) for g in groups]), groups)
        return Logistic(scorer.mean, scorer.scale, scorer.weights * slope, bias)
    boosted = fit_trees(groups)
    slope, bias = _calibration(np.concatenate([boosted.raw(g[0]) for g in groups]), groups)
    return boosted.calibrated(round(slope, 6), round(bias, 6))


def _calibration(
    scores: npt.NDArray[np.float64], groups: list[tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]]
) -> tuple[float, float]:
    calib = fit(scores[:, None], np.concatenate([g[1] for g in groups]), l2=0.0)
    slope = float(calib.weights[0] / calib.scale[0])
    return slope, calib.bias - slope * float(calib.mean[0])


TREE_PARAMS: dict[str, Any] = {
    "objective": "lambdarank",
    "num_leaves": 15,
    "max_depth": 6,
    "learning_rate": 0.05,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "lambda_l2": 1.0,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "seed": 7,
    "verbose": -1,
}
TREE_ROUNDS = 300


def fit_trees(groups: list[tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]]) -> BoostedTrees:
    """LightGBM lambdarank over each question's candidates, exported to numpy arrays (and checked)."""
    import lightgbm as lgb

    groups = [(x, y) for x, y in groups if y.sum() > 0]
    x = np.vstack([g[0] for g in groups])
    y = np.concatenate([g[1] for g in groups]).astype(np.int32)
    data = lgb.Dataset(x, y, group=[len(g[1]) for g in groups], free_raw_data=False)
    booster = lgb.train(TREE_PARAMS, data, num_boost_round=TREE_ROUNDS)
    trees = from_lightgbm(booster.dump_model())
    sample = x[:: max(1, len(x) // 5000)]
    gap = float(np.abs(trees.raw(sample) - booster.predict(sample)).max())
    if gap > 1e-6:
        raise RuntimeError(f"the exported trees differ from LightGBM's by {gap}")
    return trees


def cross_validate(
    items: list[dict[str, Any]], para_items: list[dict[str, Any]], trees: bool = False
) -> dict[str, float]:
    """Article-level two-fold: even-numbered articles' questions against odd ones', and back."""

    def half(its: list[dict[str, Any]], parity: int) -> list[dict[str, Any]]:
        return [it for it in its if it["article"] % 2 == parity]

    folds = [
        ((half(items, p), half(para_items, p)), (half(items, 1 - p), half(para_items, 1 - p))) for p in (0, 1)
    ]
    out: dict[str, list[float]] = {}
    for (tr, trp), (te, tep) in folds:
        models = [("listwise", train_ranker(tr, trp))]
        if trees:
            models.append(("trees", train_ranker(tr, trp, True)))
        for name, model in models:
            if model:
                out.setdefault(name, []).append(hit_at_1(model, te))
                out.setdefault(f"{name}_para", []).append(hit_at_1(model, tep))
    return {k: round(float(np.mean(v)), 4) for k, v in out.items()}


def fit_and_write(
    items: list[dict[str, Any]], para_items: list[dict[str, Any]], off: list[dict[str, Any]]
) -> None:
    if "--cv" in sys.argv[1:]:
        cv = cross_validate(items, para_items, "--trees" in sys.argv[1:])
        print(f"two-fold by article, hit@1 among candidates: {cv}", file=sys.stderr)
        if "--cv-only" in sys.argv[1:]:
            return
    ranker = train_ranker(items, para_items, trees="--trees" in sys.argv[1:])
    print(
        f"ranker: train hit@1 {hit_at_1(ranker, items):.3f}, paraphrased {hit_at_1(ranker, para_items):.3f}",
        file=sys.stderr,
    )

    refusal = train_refusal(ranker, items, off, cached("swapped_name"), para_items, Corpora())
    model = {
        "about": "Answer ranker and refusal model of assistant. Trained by `python -m bench.train_ranker` on "
        "SQuAD v1.1 dev articles (Rajpurkar et al., 2016; CC BY-SA 4.0); this file is under CC BY-SA 4.0.",
        "features": list(FEATURES),
        "ranker": ranker.to_json(),
        "refusal": {
            "features": list(REFUSAL_FEATURES),
            "threshold": refusal.threshold,
            **refusal.refusal.to_json(),
        },
        "near_miss": {
            "features": list(NEAR_MISS_FEATURES),
            "threshold": refusal.near_threshold,
            **refusal.near_miss.to_json(),
        },
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size / 1024:.1f} KB", file=sys.stderr)


def fit_listwise(
    groups: list[tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]], l2: float = L2
) -> Logistic:
    """A linear scorer trained listwise: softmax over each question's candidates, the answers' share
    maximised (L-BFGS). Ranks first what pointwise regression only scores high."""
    from scipy.optimize import minimize

    groups = [(x, y) for x, y in groups if y.sum() > 0]
    x = np.vstack([g[0] for g in groups])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    learned = supported(x)
    z = ((x - mean) / scale)[:, learned]
    y = np.concatenate([g[1] for g in groups])
    sizes = np.array([len(g[1]) for g in groups])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(len(groups)), sizes)

    def loss(w: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        s = z @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[owner])
        total = np.add.reduceat(e, starts)
        log_z = np.log(total) + top
        # Each question: -log of the probability mass on its answer sentences.
        sp = np.where(y > 0, s, -np.inf)
        top_p = np.maximum.reduceat(sp, starts)
        ep = np.exp(sp - top_p[owner])
        pos_mass = np.add.reduceat(ep, starts)
        value = float(np.sum(log_z - (np.log(pos_mass) + top_p))) + 0.5 * l2 * float(w @ w)
        p = e / total[owner]
        q = ep / pos_mass[owner]
        grad = z.T @ (p - q) + l2 * w
        return value, grad

    result = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    weights = np.zeros(x.shape[1])
    weights[learned] = result.x
    return Logistic(mean=mean, scale=scale, weights=weights, bias=0.0)


MIN_SUPPORT = 0.001
"""A feature that differs from its usual value in fewer than this share of training rows gets no
learned weight. SQuAD asks almost nothing of the form "what did X say", so "X is the speaker" holds
in some 60 rows of a million: a weight fitted on so few swings from one retraining to the next (and
flips answers), where the rules in answerer.py give such features a fixed say instead."""


def supported(x: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """The columns of `x` with enough rows away from their median to learn a weight from."""
    out: npt.NDArray[np.bool_] = np.mean(x != np.median(x, axis=0), axis=0) >= MIN_SUPPORT
    return out


if __name__ == "__main__":
    main()
