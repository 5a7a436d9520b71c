"""Real questions for latency runs: WikiQA dev questions and reworded Reuters titles, read in place."""

from __future__ import annotations

import csv
from pathlib import Path

from _corpora import NewsDoc

WIKIQA_TSV = Path("/work/shared/eval/wikiqa-dev/WikiQA-dev.tsv")

_TEMPLATES = (
    "What happened with {t}?",
    "What did Reuters report about {t}?",
    "Why {t}?",
    "What is the news on {t}?",
)


def wikiqa_questions(path: Path = WIKIQA_TSV) -> list[str]:
    """The distinct WikiQA dev questions, in file order."""
    seen: dict[str, None] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            seen.setdefault(row["Question"].strip(), None)
    return list(seen)


def title_questions(docs: list[NewsDoc], n: int) -> list[str]:
    """`n` Reuters titles, spread over the collection, reworded as questions."""
    if n <= 0:
        return []
    step = max(1, len(docs) // n)
    out = []
    for i, doc in enumerate(docs[::step][:n]):
        title = doc.title.rstrip(".")
        out.append(_TEMPLATES[i % len(_TEMPLATES)].format(t=title[:1].lower() + title[1:]))
    return out


def latency_questions(docs: list[NewsDoc], n: int) -> list[str]:
    """About `n` questions: half WikiQA (out-of-domain, real wording), half reworded Reuters titles."""
    wiki = wikiqa_questions()[: n // 2]
    return wiki + title_questions(docs, n - len(wiki))


# Questions the bundled seed article (US aid to Ukraine, ATACMS) does not answer: some plainly off-topic,
# some near it (its people, its places) so that sharing a name is not mistaken for an answer.
OFF_TOPIC = (
    "What is the recipe for banana bread?",
    "Who won the 2018 World Cup?",
    "How tall is Mount Everest?",
    "What is the capital of Australia?",
    "When did the Roman Empire fall?",
    "How do I reset my router password?",
    "What did Zelensky eat for breakfast?",
    "Who painted the Mona Lisa?",
    "What is the boiling point of water?",
    "How many moons does Jupiter have?",
    "What did Biden say about climate change?",
    "Where is the Eiffel Tower?",
    "How much does a Tesla cost?",
    "Who is the CEO of Apple?",
    "What is the population of Germany?",
    "Why did the stock market fall in 2008?",
    "What are the symptoms of the flu?",
    "Who wrote Hamlet?",
    "What did Austin say about the weather?",
    "When was the Ukrainian constitution adopted?",
)
