"""A sentence stating a cause or purpose offers a reason to the ranker as it does to the why-lift
(issue 9): "to maintain a competitive position", "a rising beef market is prompting packer interest",
"was the result of cost cutting". Before, the ranker's reason kind read fewer words than the lift's
cue, so a sibling holding only a cue the ranker knew ("designed to compete") came first. Real corpus
folder, real index."""

from __future__ import annotations

import pytest

from assistant.answer.answer_types import offered_types, stated
from assistant.engine import Engine
from tests.stories import filler_stories, write_stories

PRICES = (
    "Kestrel Cuts Laptop Prices\n"
    "Kestrel Computer Corp said it cut prices on its laptops, the K3 and K5 models, by 8 pct to 15 pct "
    "effective immediately, to maintain a competitive position on pricing.\n"
    "Kestrel said prices of its high-end K5 models have been cut by 12 pct and by 8 pct in its K3 model "
    "designed to compete with budget machines.\n"
    "The company sells about 40,000 laptops a year.\n"
)
CATTLE = (
    "Cattle Futures Close Higher\n"
    "Live cattle futures closed higher on demand prompted by further gains in cash cattle, traders said.\n"
    "Supplies of market ready cattle remain tight and a rising boxed beef market is prompting good "
    "packer interest in cash cattle.\n"
    "Hog futures ended mixed.\n"
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("reasons") / "corpus"
    return Engine.open(
        write_stories(folder, {"prices.txt": PRICES, "cattle.txt": CATTLE, **filler_stories()})
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Why did Kestrel reduce the prices of its K3 and K5 laptops?", "to maintain a competitive position"),
        ("Why are meatpackers showing good interest in buying cash cattle?", "rising boxed beef market"),
    ],
)
def test_the_sentence_stating_why_comes_first(engine: Engine, question: str, expected: str) -> None:
    answer = engine.ask(question)
    assert answer.answered, answer.message
    assert expected in answer.quotes[0].text, [q.text for q in answer.quotes]


@pytest.mark.parametrize(
    "sentence",
    [
        "It cut prices by 10 pct, to maintain a competitive position.",
        "A rising beef market is prompting good packer interest.",
        "The gain was the result of cost cutting efforts which began last year.",
    ],
)
def test_a_cause_or_purpose_is_offered_as_a_reason(sentence: str) -> None:
    assert "reason" in offered_types(sentence, stated("Why did it happen?"), ("reason",))
