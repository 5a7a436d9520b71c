"""Gradient-boosted regression trees walked in pure numpy: the answer ranker's non-linear scorer.

The trees are trained offline (LightGBM lambdarank, `python -m bench.train_ranker`) and shipped as
flat arrays in the model file, so answering needs neither LightGBM nor any runtime beyond numpy.
A lambdarank score has no scale of its own: a slope and bias fitted after training turn it into a
logit, so its sigmoid is a probability that refusal and the rules' priors can read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # annotations only: numpy.typing costs ~5 ms at import
    import numpy.typing as npt

LEAF = -1
"""`feature` of a leaf node."""


def sigmoid(
    logits: npt.NDArray[np.float64], prior: npt.NDArray[np.float64] | None = None
) -> npt.NDArray[np.float64]:
    """Probabilities from logits plus an optional prior, clipped so no exp overflows (both models use it)."""
    z = logits if prior is None else logits + prior
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


@dataclass(frozen=True, slots=True)
class BoostedTrees:
    """A tree ensemble as padded (trees x nodes) arrays; node 0 is each tree's root.

    An internal node sends a row to `left` when its feature is <= `threshold` (LightGBM's rule for
    numerical splits), else to `right`; a leaf (`feature` == LEAF) holds its `value`.
    """

    feature: npt.NDArray[np.int32]
    threshold: npt.NDArray[np.float64]
    left: npt.NDArray[np.int32]
    right: npt.NDArray[np.int32]
    value: npt.NDArray[np.float64]
    depth: int
    slope: float = 1.0
    bias: float = 0.0
    _flat: tuple[npt.NDArray[np.intp], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One flat node array for all trees, leaves pointing at themselves: a walk is then a few
        # whole-array `take`s per level, the same for every row and tree (no per-tree Python loop).
        n_trees, width = self.feature.shape
        own = np.arange(n_trees * width, dtype=np.intp).reshape(n_trees, width)
        base = own[:, :1]
        leaf = self.feature == LEAF
        flat = (
            np.where(leaf, 0, self.feature).ravel().astype(np.intp),
            np.where(leaf, own, self.left + base).ravel().astype(np.intp),
            np.where(leaf, own, self.right + base).ravel().astype(np.intp),
            base.ravel(),
        )
        object.__setattr__(self, "_flat", flat)

    def raw(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The ensemble's summed leaf values per row: every tree walked at once, one level a step."""
        n, n_trees = rows.shape[0], self.feature.shape[0]
        if n == 0 or n_trees == 0:
            return np.zeros(n)
        feature, left, right, roots = self._flat
        threshold = self.threshold.ravel()
        cells = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        row_base = (np.arange(n, dtype=np.intp) * rows.shape[1])[:, None]
        node = np.broadcast_to(roots, (n, n_trees))
        for _ in range(self.depth - 1):
            x = cells.take(row_base + feature.take(node))
            node = np.where(x <= threshold.take(node), left.take(node), right.take(node))
        out: npt.NDArray[np.float64] = self.value.ravel().take(node).sum(axis=1)
        return out

    def logits(self, rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        out: npt.NDArray[np.float64] = self.slope * self.raw(rows) + self.bias
        return out

    def probabilities(
        self, rows: npt.NDArray[np.float64], prior: npt.NDArray[np.float64] | None = None
    ) -> npt.NDArray[np.float64]:
        """P(label 1) per row; `prior` is added to the logits (a rule's say, where data is too thin)."""
        return sigmoid(self.logits(rows), prior)

    def calibrated(self, slope: float, bias: float) -> BoostedTrees:
        """The same trees with a new slope and bias."""
        return BoostedTrees(
            self.feature, self.threshold, self.left, self.right, self.value, self.depth, slope, bias
        )

    @classmethod
    def from_json(cls, data: dict[str, object]) -> BoostedTrees:
        """From `to_json`'s lists: one [feature, threshold, left, right, value] list per tree."""
        trees = data["trees"]
        assert isinstance(trees, list)
        width = max((len(t[0]) for t in trees), default=1)

        def pad(k: int, fill: float, dtype: type) -> npt.NDArray:  # type: ignore[type-arg]
            out: npt.NDArray = np.full((len(trees), width), fill, dtype=dtype)  # type: ignore[type-arg]
            for i, t in enumerate(trees):
                out[i, : len(t[k])] = t[k]
            return out

        return cls(
            feature=pad(0, LEAF, np.int32),
            threshold=pad(1, 0.0, np.float64),
            left=pad(2, 0, np.int32),
            right=pad(3, 0, np.int32),
            value=pad(4, 0.0, np.float64),
            depth=int(data["depth"]),  # type: ignore[call-overload]
            slope=float(data["slope"]),  # type: ignore[arg-type]
            bias=float(data["bias"]),  # type: ignore[arg-type]
        )

    def to_json(self) -> dict[str, object]:
        trees = []
        for i in range(self.feature.shape[0]):
            used = _reachable(self, i)
            trees.append(
                [
                    [int(self.feature[i, j]) for j in used],
                    [float(self.threshold[i, j]) for j in used],
                    [int(self.left[i, j]) for j in used],
                    [int(self.right[i, j]) for j in used],
                    [round(float(self.value[i, j]), 6) for j in used],
                ]
            )
        return {
            "kind": "boosted_trees",
            "depth": self.depth,
            "slope": round(self.slope, 6),
            "bias": round(self.bias, 6),
            "trees": trees,
        }


def _reachable(trees: BoostedTrees, i: int) -> range:
    """Nodes of tree i: they are numbered depth first from 0, so the count of those reached ends it."""
    stack, count = [0], 0
    while stack:
        j = stack.pop()
        count += 1
        if trees.feature[i, j] != LEAF:
            stack += [int(trees.left[i, j]), int(trees.right[i, j])]
    return range(count)


Flat = tuple[list[int], list[float], list[int], list[int], list[float]]


def from_lightgbm(dump: dict[str, object]) -> BoostedTrees:
    """Flatten LightGBM's `Booster.dump_model()` into padded arrays (node 0 the root)."""
    info = dump["tree_info"]
    assert isinstance(info, list)
    flat: list[Flat] = []
    depth = 1
    for tree in info:
        nodes: Flat = ([], [], [], [], [])
        depth = max(depth, _add_node(nodes, tree["tree_structure"], 1))
        flat.append(nodes)
    return BoostedTrees.from_json({"trees": flat, "depth": depth, "slope": 1.0, "bias": 0.0})


def _add_node(nodes: Flat, node: dict[str, object], level: int) -> int:
    """Append `node` and its subtree depth first; the deepest level reached."""
    feat, thr, left, right, val = nodes
    k = len(feat)
    feat.append(LEAF)
    thr.append(0.0)
    left.append(0)
    right.append(0)
    val.append(0.0)
    if "split_feature" not in node:
        val[k] = float(node.get("leaf_value", 0.0))  # type: ignore[arg-type]
        return level
    if node.get("decision_type", "<=") != "<=":
        raise ValueError("only numerical <= splits can be exported")
    feat[k] = int(node["split_feature"])  # type: ignore[call-overload]
    thr[k] = float(node["threshold"])  # type: ignore[arg-type]
    left[k] = len(feat)
    deepest = _add_node(nodes, node["left_child"], level + 1)  # type: ignore[arg-type]
    right[k] = len(feat)
    return max(deepest, _add_node(nodes, node["right_child"], level + 1))  # type: ignore[arg-type]
