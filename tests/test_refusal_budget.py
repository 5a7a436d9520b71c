"""The refusal threshold is chosen by count (bench/train_refusal.budget_threshold): it refuses at most
its budget of the answerable questions, whatever the scale of their probabilities, so a sharper
ranker cannot move how many answerable questions are refused."""

from __future__ import annotations

import numpy as np

from assistant.answer.ranker import load_model
from assistant.answer.refusal import REFUSAL_BUDGET
from bench.train_refusal import budget_threshold


def test_the_threshold_refuses_the_budget_and_no_more() -> None:
    probs = np.linspace(0.01, 0.99, 400)
    threshold = budget_threshold(probs, 0.25, len(probs))
    assert np.sum(probs < threshold) == 100
    # The same questions scored more sharply (a ranker more sure either way): still a quarter refused.
    sharper = 1 / (1 + np.exp(-3 * np.log(probs / (1 - probs))))
    assert np.sum(sharper < budget_threshold(sharper, 0.25, len(sharper))) == 100


def test_too_few_at_risk_refuses_all_of_them() -> None:
    # The near-miss model judges only the questions lacking a name: fewer than the budget of all.
    assert budget_threshold(np.array([0.2, 0.7]), 0.25, 400) == 1.0


def test_the_shipped_threshold_is_the_budgets() -> None:
    # The shipped file was trained with today's budget: its threshold is no cost-minimising 0.40.
    assert REFUSAL_BUDGET == 0.25
    assert load_model().threshold < 0.40
