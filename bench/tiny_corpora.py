"""Tiny corpora (1-3 Reuters stories): is a sentence asked word for word quoted back?

BM25Okapi gives idf 0 to a term in exactly half the passages, so a corpus of two one-passage
stories once refused its own sentences. For each corpus size, `--trials` random draws of short
(one-passage) and longer stories are written under $ASSISTANT_BENCH_ROOT/tiny, and up to four
sentences of each story (six words or more) are asked verbatim; a miss is an answer whose quotes
do not hold the sentence. With `PYTHONPATH` at another checkout the same script measures that
version, on the same draws (the seed is fixed).

    nice python bench/tiny_corpora.py                  # ~1 min
    PYTHONPATH=/tmp/base nice python bench/tiny_corpora.py
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import BENCH_ROOT, article_text, reuters_docs

from assistant.engine import Engine


def _norm(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    docs = reuters_docs()
    short = [d for d in docs if 250 < len(article_text(d)) < 700]
    longer = [d for d in docs if len(article_text(d)) > 1500]
    rng = random.Random(args.seed)
    root = BENCH_ROOT / "tiny"
    print(f"assistant from {Path(sys.modules['assistant.engine'].__file__ or '').parent}")
    for label, pool in (("short", short), ("longer", longer)):
        for n in (1, 2, 3):
            asked = missed = 0
            for trial in range(args.trials):
                corpus = root / f"{label}-{n}-{trial}"
                shutil.rmtree(corpus, ignore_errors=True)
                corpus.mkdir(parents=True)
                for i, doc in enumerate(rng.sample(pool, n)):
                    (corpus / f"a{i}.txt").write_text(article_text(doc), encoding="utf-8")
                engine = Engine.open(corpus)
                for i in range(n):
                    view = engine.article(f"a{i}.txt")
                    sentences = [view.text[s.start : s.end] for s in view.sentences]
                    sentences = [s for s in sentences if len(s.split()) >= 6]
                    for sentence in rng.sample(sentences, min(4, len(sentences))):
                        answer = engine.ask(sentence)
                        asked += 1
                        if not any(_norm(sentence) in _norm(q.text) for q in answer.quotes):
                            missed += 1
            print(f"{label:6s} stories, {n} a corpus: {missed} of {asked} sentences asked verbatim missed")


if __name__ == "__main__":
    main()
