"""Train the shipped answer ranker and refusal model: assistant/answer/data/ranker.json.

Data: SQuAD v1.1 dev articles in /work/shared/eval/squad-dev-train (16 articles, 2,788 questions;
CC BY-SA 4.0: the model is a derivative under the same licence, attributed to SQuAD, Rajpurkar et
al. 2016). Nothing else trains it: the SQuAD sample, WikiQA and Reuters sets stay unseen for reports.

  ranker   logistic regression over assistant.answer.features.FEATURES: each candidate sentence of
           each question (the engine's own candidates on an open corpus of the 16 articles),
           labelled 1 when it overlaps a gold answer span. Newton's method with an L2 penalty.
  paraphrased copies
           each question is asked a second time with some of its words swapped for a WordNet bridge
           (from the shipped lexicon) that the article does not use, so bridged coverage is learned
           on questions in other words than the article, as readers ask them.
  refusal  logistic regression over assistant.answer.refusal.REFUSAL_FEATURES: each original question asked of
           the full corpus (answerable) and of a corpus holding only the other half of the articles
           (not answerable). The threshold minimises refused answerable + answered unanswerable.

Deterministic: fixed data order, fixed seeds, weights rounded to 6 digits: rerunning rebuilds the
file byte for byte.

    nice python -m bench.train_ranker            # --reuse: refit on the features of the last run
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

from assistant.answer.features import FEATURES
from assistant.answer.lexicon import bridges_of
from assistant.answer.query import parse_query
from assistant.answer.ranker import Logistic
from assistant.answer.refusal import REFUSAL_FEATURES
from assistant.answer.settings import Steer
from assistant.engine import Engine
from assistant.tokens import terms, words
from bench.train_refusal import train_refusal

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
    for question, gold, spans, _ in questions:
        query = parse_query(index, question, Steer())
        if not query.searched or all(tid is None for tid in query.ids.values()):
            items.append({"query": query, "rows": np.zeros((0, len(FEATURES))), "scored": [], "y": None})
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
        items.append({"query": query, "rows": rows, "scored": scored, "y": y})
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
    return items, para_items, off


def _groups(items: list[dict[str, Any]]) -> list[tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]]:
    return [(it["rows"], it["y"]) for it in items if it["y"] is not None and len(it["y"])]


def hit_at_1(model: Logistic, items: list[dict[str, Any]]) -> float:
    """Share of questions whose best-scored candidate holds the answer (questions without candidates: 0)."""
    hits = [float(y[int(np.argmax(model.logits(x)))]) if len(y) else 0.0 for x, y in _groups(items)]
    return float(np.mean(hits)) if hits else 0.0


def train_ranker(items: list[dict[str, Any]], para_items: list[dict[str, Any]]) -> Logistic:
    """Listwise scorer, then a pointwise slope and bias so its sigmoid is a probability."""
    groups = _groups(items + para_items)
    scorer = fit_listwise(groups)
    x = np.concatenate([scorer.logits(g[0]) for g in groups])[:, None]
    y = np.concatenate([g[1] for g in groups])
    calib = fit(x, y, l2=0.0)
    slope = float(calib.weights[0] / calib.scale[0])
    bias = calib.bias - slope * float(calib.mean[0])
    return Logistic(scorer.mean, scorer.scale, scorer.weights * slope, bias)


def cross_validate(items: list[dict[str, Any]], para_items: list[dict[str, Any]]) -> dict[str, float]:
    """Article-level two-fold: questions are in article order, so each half holds whole articles."""
    h, hp = len(items) // 2, len(para_items) // 2
    folds = [
        ((items[:h], para_items[:hp]), (items[h:], para_items[hp:])),
        ((items[h:], para_items[hp:]), (items[:h], para_items[:hp])),
    ]
    out: dict[str, list[float]] = {"pointwise": [], "listwise": [], "pointwise_para": [], "listwise_para": []}
    for (tr, trp), (te, tep) in folds:
        g = _groups(tr + trp)
        point = fit(np.vstack([x for x, _ in g]), np.concatenate([y for _, y in g]))
        listw = train_ranker(tr, trp)
        out["pointwise"].append(hit_at_1(point, te))
        out["listwise"].append(hit_at_1(listw, te))
        out["pointwise_para"].append(hit_at_1(point, tep))
        out["listwise_para"].append(hit_at_1(listw, tep))
    return {k: round(float(np.mean(v)), 4) for k, v in out.items()}


def fit_and_write(
    items: list[dict[str, Any]], para_items: list[dict[str, Any]], off: list[dict[str, Any]]
) -> None:
    if "--cv" in sys.argv[1:]:
        print(
            f"two-fold by article, hit@1 among candidates: {cross_validate(items, para_items)}",
            file=sys.stderr,
        )
    ranker = train_ranker(items, para_items)
    print(
        f"ranker: train hit@1 {hit_at_1(ranker, items):.3f}, paraphrased {hit_at_1(ranker, para_items):.3f}",
        file=sys.stderr,
    )

    refusal, threshold = train_refusal(ranker, items, off)
    model = {
        "about": "Answer ranker and refusal model of assistant. Trained by `python -m bench.train_ranker` on "
        "SQuAD v1.1 dev articles (Rajpurkar et al., 2016; CC BY-SA 4.0); this file is under CC BY-SA 4.0.",
        "features": list(FEATURES),
        "ranker": ranker.to_json(),
        "refusal": {"features": list(REFUSAL_FEATURES), "threshold": threshold, **refusal.to_json()},
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
    z = (x - mean) / scale
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
    return Logistic(mean=mean, scale=scale, weights=result.x, bias=0.0)


if __name__ == "__main__":
    main()
