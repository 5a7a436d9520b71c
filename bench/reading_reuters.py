"""Reading wire copy as it is written: Reuters-21578, hard-wrapped, measured (issue 8).

Corpus: every Reuters-21578 document with a title and a body (19,043), each written as a user
would have it under /tmp/assistant-bench/reuters-raw: the title line, then the dateline and the
BODY exactly as sent (hard-wrapped at ~65 columns, paragraphs opened by an indent, the "Reuter"
sign-off). Read in place from /work/shared/eval; nothing is written inside the repository.

Reading (all 19,043 articles):
  sentences  share of sentences whose text (display form) does not end in closing punctuation
             (. ! ? … with any closing quote or bracket), for the product's reader and for the
             baseline "one line a paragraph" (how the reader read every .txt before issue 8: each
             line split into sentences on its own). Also over "prose" only: leaving out units
             that are a whole paragraph on one source line of at most 8 words (table rows such as
             "Shr 22 cts vs 19 cts", "Six mths", headings), which have no sentence to cut.
  paragraphs articles whose paragraph count equals the reference count: a new paragraph at each
             indented line or after a blank line, the "Reuter" sign-off and a dateline standing
             alone left out (bench/_corpora's rule for the joined corpus).

Answering (reuters-paraphrased, 88 answerable questions, 12 not answerable):
  engine     `Engine.ask` over the raw corpus with today's ranking: the first quote contains the
             answer string (both with white space folded), any of the top three does, refused.
  baseline   rank_bm25.BM25Okapi over properly joined sentences of the same articles (paragraphs
             joined by bench/_corpora, split by the product's sentence splitter, terms from
             assistant.index.tokens.terms): top-1 and top-3 sentences, the same containment test.

    nice python bench/reading_reuters.py [--skip-answers]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

from _corpora import (  # bench/ is on sys.path when run as a script
    BENCH_ROOT,
    raw_article_path,
    reuters_docs,
    reuters_raw_docs,
    write_raw_corpus,
)
from rank_bm25 import BM25Okapi

from assistant.corpus import decode, display_text, read_article, split_paragraph
from assistant.corpus.furniture import dateline_end
from assistant.corpus.layout import lines
from assistant.engine import Engine
from assistant.index.tokens import terms

QUESTIONS = Path("/work/shared/eval/reuters-paraphrased/questions.jsonl")
RAW_FOLDER = BENCH_ROOT / "reuters-raw"
_CLOSED = re.compile(r"""[.!?…]["'”’)\]]*$""")
_TRAILER = {"reuter", "reuters"}


def _fold(text: str) -> str:
    return " ".join(text.split())


def _reference_paragraphs(dateline: str, body: str) -> int:
    """Paragraphs by the wire's own marks: an indented line or a blank line opens one."""
    count = 0
    blank = True
    for line in (dateline + body).split("\n"):
        if not line.strip():
            blank = True
            continue
        if blank or line[:1].isspace() or count == 0:
            text = line.strip()
            if text.lower() in _TRAILER or (count == 0 and dateline_end(text) >= len(text)):
                blank = False
                continue  # the sign-off, or a dateline on a line of its own
            count += 1
        blank = False
    return count


def measure_reading(folder: Path, docs: list) -> dict[str, float]:  # type: ignore[type-arg]
    """Open-ended sentence shares (reader and one-line-a-paragraph baseline) and paragraph agreement."""
    counts = dict.fromkeys(("units", "open", "prose", "prose_open", "base", "base_open"), 0)
    counts.update(base_prose=0, base_prose_open=0, agree=0, articles=0)
    started = time.perf_counter()
    for doc in docs:
        article = read_article(folder, raw_article_path(folder, doc))
        text = article.text
        counts["articles"] += 1
        counts["agree"] += len(article.paragraphs) == _reference_paragraphs(doc.dateline, doc.body)
        whole = {(p.start, p.end) for p in article.paragraphs}
        for s in article.sentences:
            shown = display_text(text, s.start, s.end)
            ended = bool(_CLOSED.search(shown))
            counts["units"] += 1
            counts["open"] += not ended
            row = "\n" not in text[s.start : s.end] and len(shown.split()) <= 8 and _is_whole(s, whole, text)
            if not row:
                counts["prose"] += 1
                counts["prose_open"] += not ended
        for line in lines(text, text.find("\n") + 1):  # the baseline: each line split on its own
            piece = text[line.start : line.end]
            if piece.lower() in _TRAILER:
                continue
            for a, b in split_paragraph(piece):
                ended = bool(_CLOSED.search(piece[a:b]))
                counts["base"] += 1
                counts["base_open"] += not ended
                if not (b - a == len(piece) and len(piece.split()) <= 8):
                    counts["base_prose"] += 1
                    counts["base_prose_open"] += not ended
    out: dict[str, float] = dict(counts)
    out["seconds"] = time.perf_counter() - started
    return out


def _is_whole(sentence: object, whole: set[tuple[int, int]], text: str) -> bool:
    """True when the sentence is its paragraph's whole text (a row or heading on its own line)."""
    start, end = sentence.start, sentence.end  # type: ignore[attr-defined]
    return any(
        a <= start and end <= b and not text[a:start].strip() and not text[end:b].strip() for a, b in whole
    )


def measure_answers(folder: Path, questions: list[dict]) -> dict[str, object]:  # type: ignore[type-arg]
    """Engine answers on the raw corpus beside BM25Okapi over properly joined sentences."""
    index_dir = BENCH_ROOT / f"reuters-raw-index-{os.getpid()}"
    os.environ["ASSISTANT_INDEX_DIR"] = str(index_dir)
    started = time.perf_counter()
    engine = Engine.open(folder)
    build = time.perf_counter() - started
    answerable = [q for q in questions if q["answer"]]
    unanswerable = [q for q in questions if not q["answer"]]
    first = top3 = refused = 0
    for q in answerable:
        answer = engine.ask(q["question"])
        if not answer.answered:
            refused += 1
            continue
        shown = [_fold(quote.text) for quote in answer.quotes]
        gold = _fold(q["answer"])
        first += bool(shown) and gold in shown[0]
        top3 += any(gold in s for s in shown[:3])
        assert all(
            # shown as the reader shows it: a break after a hyphen inside a word is dropped
            _fold(display_text(decode((folder / quote.article.id).read_bytes()), quote.start, quote.end))
            == _fold(quote.text)
            for quote in answer.quotes
            if quote.kind == "sentence"
        ), "a quote's text is not its source span"
    refused_unanswerable = sum(not engine.ask(q["question"]).answered for q in unanswerable)
    shutil.rmtree(index_dir, ignore_errors=True)

    sentences: list[str] = []
    for doc in reuters_docs():
        for paragraph in doc.paragraphs:
            sentences.extend(paragraph[a:b] for a, b in split_paragraph(paragraph))
    bm25 = BM25Okapi([terms(s) for s in sentences])
    b_first = b_top3 = 0
    for q in answerable:
        scores = bm25.get_scores(terms(q["question"]))
        best = sorted(range(len(scores)), key=lambda i: -scores[i])[:3]
        gold = _fold(q["answer"])
        b_first += gold in _fold(sentences[best[0]])
        b_top3 += any(gold in _fold(sentences[i]) for i in best)
    return {
        "answerable": len(answerable),
        "first": first,
        "top3": top3,
        "refused": refused,
        "unanswerable": len(unanswerable),
        "refused_unanswerable": refused_unanswerable,
        "baseline_first": b_first,
        "baseline_top3": b_top3,
        "baseline_sentences": len(sentences),
        "index_seconds": build,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-answers", action="store_true", help="only the reading figures")
    args = parser.parse_args()
    docs = reuters_raw_docs()
    write_raw_corpus(RAW_FOLDER, docs)
    reading = measure_reading(RAW_FOLDER, docs)
    pct = lambda a, b: f"{100 * a / b:.2f}%"  # noqa: E731
    print(
        f"Reading {int(reading['articles']):,} raw Reuters articles from {RAW_FOLDER} "
        f"({reading['seconds']:.1f} s)"
    )
    print("| sentences ending without closing punctuation | reader | baseline: one line a paragraph |")
    print("| --- | --- | --- |")
    print(
        f"| all units | {pct(reading['open'], reading['units'])} of {int(reading['units']):,} "
        f"| {pct(reading['base_open'], reading['base'])} of {int(reading['base']):,} |"
    )
    print(
        f"| prose (one-line rows of <= 8 words left out) | {pct(reading['prose_open'], reading['prose'])} "
        f"of {int(reading['prose']):,} | {pct(reading['base_prose_open'], reading['base_prose'])} "
        f"of {int(reading['base_prose']):,} |"
    )
    print(
        f"Paragraph count equal to the wire's indented paragraphs: {int(reading['agree']):,} of "
        f"{int(reading['articles']):,} articles ({pct(reading['agree'], reading['articles'])})"
    )
    result: dict[str, object] = {"reading": reading}
    if not args.skip_answers:
        questions = [
            json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        answers = measure_answers(RAW_FOLDER, questions)
        result["answers"] = answers
        n = answers["answerable"]
        print(
            f"\nreuters-paraphrased, {n} answerable questions "
            f"(index built in {answers['index_seconds']:.1f} s)"
        )
        print("| ranking | answer in first quote | in top 3 | refused |")
        print("| --- | --- | --- | --- |")
        print(
            f"| Engine.ask on the raw wrapped corpus | {answers['first']}/{n} | {answers['top3']}/{n} "
            f"| {answers['refused']}/{n} |"
        )
        print(
            f"| baseline: BM25Okapi over {answers['baseline_sentences']:,} joined sentences "
            f"| {answers['baseline_first']}/{n} | {answers['baseline_top3']}/{n} | - |"
        )
        print(
            f"Not answerable: {answers['refused_unanswerable']}/{answers['unanswerable']} "
            "refused by the engine."
        )
    json.dump(result, sys.stderr)
    print(file=sys.stderr)


if __name__ == "__main__":
    main()
