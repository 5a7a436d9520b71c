"""The ranker's tree ensemble walked in numpy: routing, sums, the model file's round trip."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np

from assistant.answer.boosted_trees import BoostedTrees, from_lightgbm
from assistant.answer.features import FEATURES
from assistant.answer.ranker import MODEL_FILE, model_from_json


def _dump() -> dict[str, object]:
    # Two trees in LightGBM's dump_model() shape: x0 <= 0.5 ? (x1 <= 2 ? 1 : 2) : 3, and x1 <= 0 ? -1 : 0.5.
    first = {
        "split_feature": 0,
        "threshold": 0.5,
        "decision_type": "<=",
        "left_child": {
            "split_feature": 1,
            "threshold": 2.0,
            "decision_type": "<=",
            "left_child": {"leaf_value": 1.0},
            "right_child": {"leaf_value": 2.0},
        },
        "right_child": {"leaf_value": 3.0},
    }
    second = {
        "split_feature": 1,
        "threshold": 0.0,
        "decision_type": "<=",
        "left_child": {"leaf_value": -1.0},
        "right_child": {"leaf_value": 0.5},
    }
    return {"tree_info": [{"tree_structure": first}, {"tree_structure": second}]}


def test_rows_follow_each_split_and_leaf_values_add_up() -> None:
    trees = from_lightgbm(_dump())
    rows = np.array([[0.5, 2.0], [0.5, 2.5], [0.6, -1.0], [0.0, 0.0]])
    # Equal to the threshold goes left, as in LightGBM.
    assert trees.raw(rows).tolist() == [1.0 + 0.5, 2.0 + 0.5, 3.0 - 1.0, 1.0 - 1.0]
    assert trees.depth == 3
    calibrated = trees.calibrated(2.0, -1.0)
    assert calibrated.logits(rows).tolist() == [2.0, 4.0, 3.0, -1.0]
    probs = calibrated.probabilities(rows, prior=np.array([0.0, 0.0, 0.0, 1.0]))
    assert probs[3] == 0.5 and probs[1] > probs[2] > probs[0] > 0.5


def test_the_model_file_form_gives_the_same_scores() -> None:
    trees = from_lightgbm(_dump()).calibrated(1.5, 0.25)
    again = BoostedTrees.from_json(json.loads(json.dumps(trees.to_json())))
    rows = np.random.default_rng(3).normal(size=(50, 2))
    assert np.array_equal(trees.logits(rows), again.logits(rows))
    assert again.to_json() == trees.to_json()


def test_a_model_file_holding_trees_loads_as_the_ranker() -> None:
    # The loader takes either scorer: a file whose ranker is trees (train_ranker --trees) answers too.
    shipped = json.loads(resources.files("assistant.answer").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    width = len(FEATURES)
    dump = _dump()
    dump["tree_info"][0]["tree_structure"]["split_feature"] = width - 1  # type: ignore[index]
    shipped["ranker"] = from_lightgbm(dump).calibrated(0.5, -1.0).to_json()
    model = model_from_json(shipped)
    assert isinstance(model.ranker, BoostedTrees)
    rows = np.zeros((3, width))
    rows[:, 1] = [1.0, 3.0, -1.0]
    rows[:, width - 1] = [0.0, 0.0, 1.0]
    assert model.ranker.logits(rows).tolist() == [0.5 * 1.5 - 1.0, 0.5 * 2.5 - 1.0, 0.5 * 2.0 - 1.0]
