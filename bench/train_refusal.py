"""The refusal model of the shipped ranker file, trained after the ranker by `python -m bench.train_ranker`;
run alone, this module measures that model on near misses.

Answerable examples: each squad-dev-train question asked of the full corpus. Unanswerable: the same
questions asked of a corpus holding only the other half of the articles. A logistic model over
assistant.answer.refusal.REFUSAL_FEATURES; the threshold minimises refused answerable plus answered
unanswerable on this training data.

Near misses (measured, not trained on: see `python -m bench.refusal_study` for why): a question
asked of its own article with the fact gone but the names left, the way a reader asks "How many
foreign tourists visited Kenya in 1986?" of an archive that has Kenya's coffee news. Two kinds, each
from squad-dev-train (the paragraphs of each article dropped in NEAR_FOLDS folds, one corpus per fold;
a question whose answer text is still in what is left of its article is not used):

  paragraph   the question's whole paragraph is gone.
  sentences   only the sentences of its paragraph that hold an answer are gone; the rest stays.

    nice python -m bench.train_refusal      # the shipped refusal on each kind; candidates cached in /tmp
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

from assistant.answer.boosted_trees import BoostedTrees
from assistant.answer.features import FEATURES
from assistant.answer.ranker import Logistic
from assistant.answer.refusal import REFUSAL_FEATURES, refusal_row
from assistant.corpus import split_paragraph
from assistant.index.tokens import terms

TRAIN_JSON = Path("/work/shared/eval/squad-dev-train/squad-dev-train.json")
# $ASSISTANT_TRAIN_DIR (as in train_ranker) keeps two checkouts from sharing one cache.
ROOT = Path(os.environ.get("ASSISTANT_TRAIN_DIR", "/tmp/assistant-bench/train")) / "refusal"
NEAR_FOLDS = 4
KINDS = ("answerable", "paraphrased", "off_topic", "near_paragraph", "near_sentences")
Items = list[dict[str, Any]]
Question = tuple[str, str, list[tuple[int, int]], int]


def refusal_rows(model: Logistic | BoostedTrees, items: list[dict[str, Any]]) -> npt.NDArray[np.float64]:
    out: list[npt.NDArray[np.float64] | None] = []
    for it in items:
        if not it["scored"]:
            out.append(None)
            continue
        for s, p in zip(it["scored"], model.probabilities(it["rows"]), strict=True):
            s.learned = float(p)
        out.append(refusal_row(it["query"], it["rows"], it["scored"]))
    filler = np.zeros(len(REFUSAL_FEATURES))
    filler[0] = -14.0
    return np.array([r if r is not None else filler for r in out])


def train_refusal(
    ranker: Logistic | BoostedTrees, items: list[dict[str, Any]], off: list[dict[str, Any]]
) -> tuple[Logistic, float]:
    """The refusal model and its threshold, from answerable `items` and unanswerable `off`."""
    from bench.train_ranker import fit

    pos = refusal_rows(ranker, items)
    neg = refusal_rows(ranker, off)
    rx = np.vstack([pos, neg])
    ry = np.concatenate([np.ones(len(pos)), np.zeros(len(neg))])
    refusal = fit(rx, ry)
    pp, pn = refusal.probabilities(pos), refusal.probabilities(neg)
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    cost = [float(np.mean(pp < t) + np.mean(pn >= t)) for t in grid]
    threshold = float(grid[int(np.argmin(cost))])
    print(
        f"refusal: threshold {threshold:.2f}; answerable refused {np.mean(pp < threshold):.1%}, "
        f"unanswerable answered {np.mean(pn >= threshold):.1%} (training data)",
        file=sys.stderr,
    )
    return refusal, threshold


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
            near += collect(Engine.open(folder), asked, False)
        return near
    full = write_corpus(ROOT / "full", data, everything)
    if kind == "off_topic":
        off: Items = []
        for mine, other, tag in ((half_a, everything - half_a, "b"), (everything - half_a, half_a, "a")):
            write_corpus(ROOT / tag, data, other)
            off += collect(Engine.open(ROOT / tag), [q for q in full if q[3] in mine], False)
        return off
    engine = Engine.open(ROOT / "full")
    if kind == "answerable":
        return collect(engine, full, True)
    # The ranker's paraphrased copies (same seed, same order): answerable, in other words.
    rng = random.Random(7)
    article_terms = {
        r["id"]: set(terms((ROOT / "full" / r["id"]).read_text(encoding="utf-8")))
        for r in engine.index.articles
    }
    para = [(p, g, s, n) for q, g, s, n in full if (p := paraphrase(q, article_terms[g], rng)) is not None]
    return collect(engine, para, True)


def cached(kind: str) -> Items:
    """`gather(kind)`, from the cache of the last run when it has today's features."""
    cache = ROOT / f"{kind}.pickle"
    if cache.is_file():
        names, items = pickle.loads(cache.read_bytes())
        if tuple(names) == FEATURES:
            return items  # type: ignore[no-any-return]
    items = gather(kind)
    ROOT.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps((list(FEATURES), items)))
    return items


def main() -> None:
    from assistant.answer.ranker import load_model

    model = load_model()
    print(f"shipped refusal (threshold {model.threshold:.2f}) on squad-dev-train:")
    for kind in KINDS:
        items = cached(kind)
        p = model.refusal.probabilities(refusal_rows(model.ranker, items))
        refused = float(np.mean(p < model.threshold))
        share = refused if kind in ("answerable", "paraphrased") else 1.0 - refused
        what = "refused" if kind in ("answerable", "paraphrased") else "answered"
        print(f"  {kind:15s} {len(items):5d} questions, {what} {share:.1%}")


if __name__ == "__main__":
    main()
