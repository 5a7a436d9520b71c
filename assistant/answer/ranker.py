"""The learned answer ranker over `features.FEATURES`, pure numpy at run time: gradient-boosted trees
(boosted_trees.py) or a logistic model, whichever the model file holds; refusal is always logistic.

Trained offline by `python -m bench.train_ranker` on SQuAD v1.1 dev articles (squad-dev-train; CC BY-SA
4.0, so the shipped weights are under the same licence, with attribution to SQuAD: Rajpurkar et al.,
2016). The model file holds the feature names it was trained on, so a stale file fails loudly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.boosted_trees import BoostedTrees, sigmoid
from assistant.answer.features import FEATURES

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

MODEL_FILE = "data/ranker.json"
_PACKAGE = Path(__file__).parent
"""Where the shipped files lie: a path (importlib.resources loads ~10 ms of modules, zipfile too)."""


@dataclass(frozen=True, slots=True)
class Logistic:
    """Standardise, weigh, squash: a probability per row."""

    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    bias: float

    def logits(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        out: npt.NDArray[np.float64] = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        return out

    def probabilities(
        self, rows: npt.NDArray[np.float64], prior: npt.NDArray[np.float64] | None = None
    ) -> npt.NDArray[np.float64]:
        """P(label 1) per row; `prior` is added to the logits (a rule's say, where data is too thin)."""
        return sigmoid(self.logits(rows), prior)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Logistic:
        return cls(
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            weights=np.asarray(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),  # type: ignore[arg-type]
        )

    def to_json(self) -> dict[str, object]:
        return {
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "weights": [round(float(x), 6) for x in self.weights],
            "bias": round(float(self.bias), 6),
        }


Ranker = Logistic | BoostedTrees
"""Either scorer: both give `logits` and `probabilities` per feature row."""


@dataclass(frozen=True, slots=True)
class Model:
    """The shipped ranker and refusal rule."""

    ranker: Ranker
    refusal: Logistic
    refusal_features: tuple[str, ...]
    threshold: float
    """Refuse when the refusal model's probability that the corpus answers is below this."""
    near_miss: Logistic | None = None
    """The near-miss model (assistant/answer/refusal.py), when the file has one."""
    near_threshold: float = 0.0


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The model shipped in the package (read once)."""
    raw = _PACKAGE.joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_json(json.loads(raw))


def model_from_json(data: dict[str, object]) -> Model:
    if tuple(data["features"]) != FEATURES:  # type: ignore[arg-type]
        raise RuntimeError(
            "the shipped ranker was trained on other features: run python -m bench.train_ranker"
        )
    refusal = data["refusal"]
    assert isinstance(refusal, dict)
    raw = data["ranker"]
    assert isinstance(raw, dict)
    trees = raw.get("kind") == "boosted_trees"
    ranker: Ranker = BoostedTrees.from_json(raw) if trees else Logistic.from_json(raw)
    return Model(
        ranker=ranker,
        refusal=Logistic.from_json(refusal),
        refusal_features=tuple(refusal["features"]),
        threshold=float(refusal["threshold"]),
        near_miss=Logistic.from_json(near) if isinstance(near := data.get("near_miss"), dict) else None,
        near_threshold=float(near["threshold"]) if isinstance(near, dict) else 0.0,
    )
