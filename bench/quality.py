"""Answer quality on WikiQA dev and a SQuAD dev sample, beside plain rank-bm25.

Both sets are read in place from /work/shared/eval; corpora are written under
/tmp/assistant-bench/quality/ and indexed by the engine as a user's folder would be.

WikiQA (126 questions, one Wikipedia document each, 1,130 candidate sentences):
  corpus     one article per DocumentID: the title line, then one candidate sentence a line.
  documents  rank all documents for each question. Ours: the index's BM25 over passages,
             a document scored by its best passage (index.top_passages over all passages).
             Baseline: BM25Okapi over whole documents. One relevant document per question, so
             MAP equals MRR; hit@1 is shown too. A document with score 0 is not retrieved (RR 0).
  sentences  rank the candidate sentences of the question's own document. Ours:
             engine.ask(q, article=doc) with the quote limit, token budget and coverage floor
             lifted (top=1000, budget 10**6, refusal off), quotes mapped to the WikiQA
             sentence (line) that holds them; sentences it does not quote count as not
             retrieved (trec_eval's way), which the baseline, a full ranking, never suffers.
             Baseline: BM25Okapi over all 1,130 sentences (corpus idf), ranked within the document.
  default    engine.ask(q) with default settings over the whole corpus: refusals, and hit@1/@3 of
             a Label=1 sentence.

SQuAD (8 articles, 2,609 questions with answer spans):
  corpus     one article per SQuAD article: the title line, then one paragraph a line (newlines
             inside a context become spaces: offsets hold).
  ours       engine.ask(q, top=3) over the whole corpus, default settings: hit@k when one of the
             first k quotes overlaps a gold answer span (offsets mapped through the line's position
             in the file); refusals (answered=False) counted, and hit rates given over all questions.
  splits     questions of articles 0-3 ("tune": weights and refusal were tuned on them and WikiQA)
             and 4-7 ("report": held back), each beside rank-bm25.
  baseline   BM25Okapi over every sentence of the corpus (the engine's own sentence splits, terms
             from assistant.index.tokens.terms), top-1/top-3 sentences, the same overlap test.

Unanswerable (refusing judged both ways):
  held out   each SQuAD article's questions asked of a corpus of the other 7 articles: any answer
             is a false answer; rates per split beside the answer rate on answerable questions.
  off-topic  bench/_questions.OFF_TOPIC asked of the bundled seed article alone.

    python bench/quality.py [--limit N] [--skip-wikiqa] [--skip-squad]

Results: a table on stdout, JSON in bench/out/quality-<stamp>.json (and quality-latest.json).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from _corpora import BENCH_ROOT  # bench/ is on sys.path when run as a script
from _questions import OFF_TOPIC
from rank_bm25 import BM25Okapi

from assistant.answer import AnswerSettings
from assistant.engine import Engine
from assistant.errors import AssistantError
from assistant.index.tokens import terms

EVAL = Path("/work/shared/eval")
WIKIQA_TSV = EVAL / "wikiqa-dev" / "WikiQA-dev.tsv"
SQUAD_JSON = EVAL / "squad-dev-sample" / "squad-dev-sample.json"
ROOT = BENCH_ROOT / "quality"
SEED = Path(__file__).resolve().parent.parent / "corpus" / "000_7834a3842ba03b39.txt"
# Ranking weights and the refusal rule were tuned on WikiQA and on the questions of SQuAD articles 0-3;
# questions of articles 4-7 were held back to report on.
TUNE_ARTICLES = frozenset(range(4))
OUT = Path(__file__).resolve().parent / "out"


# ---- shared ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One line written to an article file, with its character offsets in the file's text."""

    start: int
    end: int


def write_article(path: Path, title: str, paragraphs: list[str]) -> list[Line]:
    """Write title + one paragraph a line; returns each paragraph's offsets in the written text."""
    text = title + "\n"
    lines = []
    for p in paragraphs:
        lines.append(Line(len(text), len(text) + len(p)))
        text += p + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return lines


def fresh_engine(folder: Path, settings: AnswerSettings | None = None) -> tuple[Engine, float]:
    shutil.rmtree(folder / ".assistant", ignore_errors=True)
    start = time.perf_counter()
    engine = Engine.open(folder, settings=settings)
    return engine, time.perf_counter() - start


def ask(engine: Engine, question: str, **kwargs: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    try:
        answer = engine.ask(question, **kwargs)
    except AssistantError:
        answer = None
    return answer, time.perf_counter() - start


def rr(ranked_relevance: list[bool]) -> float:
    for i, rel in enumerate(ranked_relevance, start=1):
        if rel:
            return 1.0 / i
    return 0.0


def ap(ranked_relevance: list[bool], n_relevant: int) -> float:
    hits = 0
    total = 0.0
    for i, rel in enumerate(ranked_relevance, start=1):
        if rel:
            hits += 1
            total += hits / i
    return total / n_relevant if n_relevant else 0.0


def _mean(values: list[float]) -> float:
    return float(np.mean(values)) if values else 0.0


def _latency(times: list[float]) -> dict[str, float]:
    ms = np.array(times) * 1000
    return {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95))}


# ---- WikiQA ---------------------------------------------------------------------------------


def load_wikiqa() -> tuple[OrderedDict[str, dict[str, Any]], OrderedDict[str, dict[str, Any]]]:
    """Questions (text, document, labels per sentence) and documents (title, sentences in order)."""
    questions: OrderedDict[str, dict[str, Any]] = OrderedDict()
    documents: OrderedDict[str, dict[str, Any]] = OrderedDict()
    with WIKIQA_TSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            doc = documents.setdefault(row["DocumentID"], {"title": row["DocumentTitle"], "sentences": {}})
            doc["sentences"].setdefault(row["SentenceID"], row["Sentence"])
            q = questions.setdefault(
                row["QuestionID"], {"question": row["Question"], "doc": row["DocumentID"], "labels": {}}
            )
            q["labels"][row["SentenceID"]] = row["Label"] == "1"
    return questions, documents


def run_wikiqa(limit: int | None) -> dict[str, Any]:
    questions, documents = load_wikiqa()
    folder = ROOT / "wikiqa"
    shutil.rmtree(folder, ignore_errors=True)
    file_of: dict[str, str] = {}
    lines_of: dict[str, list[tuple[str, Line]]] = {}
    for did, doc in documents.items():
        sids = list(doc["sentences"])
        name = f"{did}.txt"
        lines = write_article(
            folder / name, doc["title"], [" ".join(doc["sentences"][s].split()) for s in sids]
        )
        file_of[did] = name
        lines_of[name] = list(zip(sids, lines, strict=True))
    items = list(questions.values())[:limit] if limit else list(questions.values())
    wide = AnswerSettings(
        top=1000, candidates=1000, budget_tokens=10**6, refusal=False, min_window=0.0, keep_share=0.0
    )
    engine, build_s = fresh_engine(folder, wide)
    default = Engine.open(folder)
    index = engine.index
    parsed_sentences = int(index.stored.arrays["s_len"].shape[0])

    # Baselines: BM25Okapi over documents and over all sentences.
    doc_ids = list(documents)
    doc_bm25 = BM25Okapi(
        [terms(doc["title"] + " " + " ".join(doc["sentences"].values())) for doc in documents.values()]
    )
    all_sents = [(did, sid, text) for did, doc in documents.items() for sid, text in doc["sentences"].items()]
    sent_bm25 = BM25Okapi([terms(text) for _, _, text in all_sents])

    doc_rr_ours, doc_rr_base, doc_hit1_ours, doc_hit1_base = [], [], [], []
    s_ap_ours, s_rr_ours, s_ap_base, s_rr_base = [], [], [], []
    s_missed = 0
    scoped_refused = 0
    default_refused = 0
    d_hit1, d_hit3 = [], []
    times = []
    for q in items:
        question, did = q["question"], q["doc"]
        relevant_file = file_of[did]
        q_terms = terms(question)
        # Documents, ours: best passage per article over every passage.
        best: dict[str, float] = {}
        for pid, score in index.top_passages(q_terms, index.n_passages):
            aid = index.articles[int(index.stored.arrays["p_article"][pid])]["id"]
            if score > 0 and aid not in best:
                best[aid] = score
        ranked = sorted(best, key=lambda a: (-best[a], a))
        doc_rr_ours.append(rr([a == relevant_file for a in ranked]))
        doc_hit1_ours.append(float(bool(ranked) and ranked[0] == relevant_file))
        scores = doc_bm25.get_scores(q_terms)
        order = [i for i in np.argsort(-scores, kind="stable") if scores[i] > 0]
        doc_rr_base.append(rr([doc_ids[i] == did for i in order]))
        doc_hit1_base.append(float(bool(order) and doc_ids[order[0]] == did))

        # Sentences within the question's document.
        labels = q["labels"]
        n_rel = sum(labels.values())
        answer, _ = ask(engine, question, article=relevant_file)
        seen: list[str] = []
        if answer is not None and answer.answered:
            for quote in answer.quotes:
                for sid in _lines_of(lines_of[relevant_file], quote.start, quote.end):
                    if sid not in seen:
                        seen.append(sid)
        else:
            scoped_refused += 1
        rel_list = [labels.get(s, False) for s in seen]
        if not any(rel_list):
            s_missed += 1
        s_ap_ours.append(ap(rel_list, n_rel))
        s_rr_ours.append(rr(rel_list))
        s_scores = sent_bm25.get_scores(q_terms)
        in_doc = [i for i, (d, _, _) in enumerate(all_sents) if d == did]
        in_doc.sort(key=lambda i: (-s_scores[i], i))
        base_list = [labels.get(all_sents[i][1], False) for i in in_doc]
        s_ap_base.append(ap(base_list, n_rel))
        s_rr_base.append(rr(base_list))

        # Default settings, whole corpus.
        answer, seconds = ask(default, question)
        times.append(seconds)
        if answer is None or not answer.answered:
            default_refused += 1
            d_hit1.append(0.0)
            d_hit3.append(0.0)
            continue
        hits = []
        for quote in answer.quotes[:3]:
            lines = lines_of.get(quote.article.id)
            sids = _lines_of(lines, quote.start, quote.end) if lines else []
            hits.append(any(labels.get(sid, False) for sid in sids))
        d_hit1.append(float(hits[:1] == [True]))
        d_hit3.append(float(any(hits)))
    n = len(items)
    return {
        "questions": n,
        "documents": len(documents),
        "sentences_written": len(all_sents),
        "sentences_parsed_by_engine": parsed_sentences,
        "index_build_s": build_s,
        "documents_rank": {
            "ours": {"MAP": _mean(doc_rr_ours), "MRR": _mean(doc_rr_ours), "hit@1": _mean(doc_hit1_ours)},
            "rank_bm25": {
                "MAP": _mean(doc_rr_base),
                "MRR": _mean(doc_rr_base),
                "hit@1": _mean(doc_hit1_base),
            },
        },
        "sentences_rank": {
            "ours": {
                "MAP": _mean(s_ap_ours),
                "MRR": _mean(s_rr_ours),
                "correct_not_quoted": s_missed,
                "refused_in_scope": scoped_refused,
            },
            "rank_bm25": {"MAP": _mean(s_ap_base), "MRR": _mean(s_rr_base)},
        },
        "default_ask": {
            "refusals": default_refused,
            "refusal_rate": default_refused / n if n else 0.0,
            "hit@1": _mean(d_hit1),
            "hit@3": _mean(d_hit3),
            "latency": _latency(times),
        },
    }


def _lines_of(lines: list[tuple[str, Line]], start: int, end: int) -> list[str]:
    """The written lines a quote covers: WikiQA cuts some sentences into several lines ("... used
    either" / "to indicate ..."), which the engine reads as the one sentence they are."""
    return [sid for sid, line in lines if start < line.end and end > line.start]


# ---- SQuAD ----------------------------------------------------------------------------------


def squad_corpus(
    folder: Path, data: list[dict[str, Any]], *, skip: int | None = None, titled: bool = False
) -> list[tuple[str, str, list[tuple[int, int]], int]]:
    """One article file per SQuAD article (a paragraph a line, line breaks inside one made spaces);
    its questions as (question, article file, [(start, end) in file text], article number)."""
    shutil.rmtree(folder, ignore_errors=True)
    questions = []
    for i, article in enumerate(data):
        if i == skip:
            continue
        name = f"{i:02d}_{article['title']}.txt" if titled else f"{i:02d}.txt"
        contexts = [p["context"].replace("\r", " ").replace("\n", " ") for p in article["paragraphs"]]
        lines = write_article(folder / name, article["title"].replace("_", " "), contexts)
        for para, line in zip(article["paragraphs"], lines, strict=True):
            for qa in para["qas"]:
                spans = [
                    (line.start + a["answer_start"], line.start + a["answer_start"] + len(a["text"]))
                    for a in qa["answers"]
                ]
                questions.append((qa["question"], name, spans, i))
    return questions


def run_squad(limit: int | None, seed: int) -> dict[str, Any]:
    data = json.loads(SQUAD_JSON.read_text(encoding="utf-8"))["data"]
    folder = ROOT / "squad"
    shutil.rmtree(folder, ignore_errors=True)
    contexts_with_newlines = sum("\n" in p["context"] for article in data for p in article["paragraphs"])
    questions = squad_corpus(folder, data, titled=True)
    total = len(questions)
    if limit and limit < total:
        questions = random.Random(seed).sample(questions, limit)
    engine, build_s = fresh_engine(folder)
    # The same ranking with the coverage floor off: separates refusals from ranking.
    no_floor = Engine.open(folder, settings=AnswerSettings(refusal=False))
    index = engine.index
    a = index.stored.arrays
    paragraphs_written = sum(len(article["paragraphs"]) for article in data)
    paragraphs_parsed = sum(r["paragraphs"] for r in index.articles)

    # Baseline over the engine's own sentences.
    texts = {r["id"]: (folder / r["id"]).read_text(encoding="utf-8") for r in index.articles}
    sent_article = [index.articles[int(x)]["id"] for x in a["s_article"]]
    sent_span = list(zip(a["s_start"].tolist(), a["s_end"].tolist(), strict=True))
    sent_terms = [terms(texts[aid][s:e]) for aid, (s, e) in zip(sent_article, sent_span, strict=True)]
    bm = BM25Okapi(sent_terms)

    def overlaps(aid: str, start: int, end: int, gold_aid: str, spans: list[tuple[int, int]]) -> bool:
        return aid == gold_aid and any(start < ge and end > gs for gs, ge in spans)

    ours_hits1 = ours_hits3 = refused = errors = 0
    answered_hits1 = 0
    base_hits1 = base_hits3 = 0
    nf_hits1 = nf_hits3 = nf_refused = 0
    refused_base_hit1 = refused_nf_hit1 = 0
    times, base_times = [], []
    per_split: dict[str, dict[str, int]] = {
        s: dict.fromkeys(("n", "answered", "hit@1", "hit@3", "bm25_hit@1", "bm25_hit@3"), 0)
        for s in ("tune", "report")
    }
    for question, gold, spans, number in questions:
        split = per_split["tune" if number in TUNE_ARTICLES else "report"]
        split["n"] += 1
        answer, seconds = ask(engine, question, top=3)
        times.append(seconds)
        this_refused = False
        if answer is None:
            errors += 1
        elif not answer.answered:
            refused += 1
            this_refused = True
        else:
            flags = [overlaps(q.article.id, q.start, q.end, gold, spans) for q in answer.quotes[:3]]
            ours_hits1 += int(flags[:1] == [True])
            answered_hits1 += int(flags[:1] == [True])
            ours_hits3 += int(any(flags))
            split["answered"] += 1
            split["hit@1"] += int(flags[:1] == [True])
            split["hit@3"] += int(any(flags))
        loose, _ = ask(no_floor, question, top=3)
        if loose is None or not loose.answered:
            nf_refused += 1
        else:
            flags = [overlaps(q.article.id, q.start, q.end, gold, spans) for q in loose.quotes[:3]]
            nf_hits1 += int(flags[:1] == [True])
            nf_hits3 += int(any(flags))
            refused_nf_hit1 += int(this_refused and flags[:1] == [True])
        start = time.perf_counter()
        scores = bm.get_scores(terms(question))
        top = np.argsort(-scores, kind="stable")[:3]
        base_times.append(time.perf_counter() - start)
        flags = [bool(scores[i] > 0) and overlaps(sent_article[i], *sent_span[i], gold, spans) for i in top]
        base_hits1 += int(flags[:1] == [True])
        base_hits3 += int(any(flags))
        split["bm25_hit@1"] += int(flags[:1] == [True])
        split["bm25_hit@3"] += int(any(flags))
        refused_base_hit1 += int(this_refused and flags[:1] == [True])
    n = len(questions)
    answered = n - refused - errors
    return {
        "questions": n,
        "questions_total": total,
        "sampled": n < total,
        "articles": len(data),
        "paragraphs_written": paragraphs_written,
        "paragraphs_parsed_by_engine": paragraphs_parsed,
        "contexts_with_newlines": contexts_with_newlines,
        "sentences": len(sent_terms),
        "passages": index.n_passages,
        "index_build_s": build_s,
        "ours": {
            "hit@1": ours_hits1 / n,
            "hit@3": ours_hits3 / n,
            "refusals": refused,
            "refusal_rate": refused / n,
            "errors": errors,
            "hit@1_when_answered": answered_hits1 / answered if answered else 0.0,
            "refused_but_rank_bm25_hit@1": refused_base_hit1,
            "refused_but_no_floor_hit@1": refused_nf_hit1,
            "latency": _latency(times),
        },
        "ours_no_coverage_floor": {"hit@1": nf_hits1 / n, "hit@3": nf_hits3 / n, "refusals": nf_refused},
        "rank_bm25": {"hit@1": base_hits1 / n, "hit@3": base_hits3 / n, "latency": _latency(base_times)},
        "splits": {
            name: {k: (v / c["n"] if c["n"] else 0.0) for k, v in c.items() if k != "n"} | {"n": c["n"]}
            for name, c in per_split.items()
        },
    }


# ---- unanswerable questions -------------------------------------------------------------------


def run_unanswerable(limit: int | None, seed: int) -> dict[str, Any]:
    """How often the engine answers when the corpus holds no answer: the other side of refusing.

    SQuAD held out: for each of the 8 articles, a corpus of the other 7 is asked that article's
    questions (all about a topic the corpus does not cover, in the same register). Off-topic: the
    bundled seed article asked questions it does not answer. Any answer counts as a false answer.
    """
    data = json.loads(SQUAD_JSON.read_text(encoding="utf-8"))["data"]
    by_split = {"tune": [0, 0], "report": [0, 0]}  # [asked, answered]
    examples: list[str] = []
    for held in range(len(data)):
        folder = ROOT / "squad-heldout" / f"{held:02d}"
        shutil.rmtree(folder, ignore_errors=True)
        for i, article in enumerate(data):
            if i != held:
                contexts = [" ".join(p["context"].split()) for p in article["paragraphs"]]
                write_article(folder / f"{i:02d}.txt", article["title"].replace("_", " "), contexts)
        asked = [qa["question"] for p in data[held]["paragraphs"] for qa in p["qas"]]
        if limit and limit < len(asked) * len(data):
            asked = random.Random(seed + held).sample(asked, min(len(asked), max(1, limit // len(data))))
        engine = Engine.open(folder)
        split = by_split["tune" if held in TUNE_ARTICLES else "report"]
        for question in asked:
            answer, _ = ask(engine, question, top=3)
            split[0] += 1
            if answer is not None and answer.answered:
                split[1] += 1
                if len(examples) < 8 and held not in TUNE_ARTICLES:
                    examples.append(f"{question} -> {answer.quotes[0].text[:80]}")
    folder = ROOT / "offtopic"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / SEED.name)
    engine = Engine.open(folder)
    off_answered = []
    for question in OFF_TOPIC:
        answer, _ = ask(engine, question)
        if answer is not None and answer.answered:
            off_answered.append(question)
    return {
        "squad_heldout": {
            name: {"asked": a, "answered": b, "false_answer_rate": b / a if a else 0.0}
            for name, (a, b) in by_split.items()
        },
        "squad_heldout_examples": examples,
        "off_topic": {"asked": len(OFF_TOPIC), "answered": len(off_answered), "questions": off_answered},
    }


# ---- output ---------------------------------------------------------------------------------


def print_tables(result: dict[str, Any]) -> None:
    w = result.get("wikiqa")
    if w:
        print(
            f"\nWikiQA dev: {w['questions']} questions, {w['documents']} documents, "
            f"{w['sentences_written']} sentences written "
            f"({w['sentences_parsed_by_engine']} as the engine splits them)"
        )
        print(f"  {'':34} {'ours':>8} {'rank-bm25':>10}")
        d, s = w["documents_rank"], w["sentences_rank"]
        print(f"  {'documents MAP (= MRR)':34} {d['ours']['MAP']:>8.3f} {d['rank_bm25']['MAP']:>10.3f}")
        print(f"  {'documents hit@1':34} {d['ours']['hit@1']:>8.3f} {d['rank_bm25']['hit@1']:>10.3f}")
        print(f"  {'sentences in doc MAP':34} {s['ours']['MAP']:>8.3f} {s['rank_bm25']['MAP']:>10.3f}")
        print(f"  {'sentences in doc MRR':34} {s['ours']['MRR']:>8.3f} {s['rank_bm25']['MRR']:>10.3f}")
        print(
            "  ours, scoped & limits lifted: correct sentence never quoted for "
            f"{s['ours']['correct_not_quoted']}"
            f" questions; refused {s['ours']['refused_in_scope']}"
        )
        da = w["default_ask"]
        print(
            f"  default engine.ask over the corpus: refusals {da['refusals']}/{w['questions']} "
            f"({da['refusal_rate']:.1%}), hit@1 {da['hit@1']:.3f}, hit@3 {da['hit@3']:.3f}, "
            f"p50 {da['latency']['p50_ms']:.1f} ms"
        )
    q = result.get("squad")
    if q:
        o, b = q["ours"], q["rank_bm25"]
        sample = f" (random sample of {q['questions_total']})" if q["sampled"] else ""
        print(
            f"\nSQuAD dev sample: {q['questions']} questions{sample}, {q['articles']} articles, "
            f"{q['paragraphs_written']} paragraphs written ({q['paragraphs_parsed_by_engine']} parsed), "
            f"{q['sentences']} sentences, {q['passages']} passages"
        )
        nf = q["ours_no_coverage_floor"]
        print(f"  {'':34} {'ours':>8} {'rank-bm25':>10} {'ours, refusal off':>21}")
        print(
            f"  {'hit@1 (answer span in quote)':34} {o['hit@1']:>8.3f} {b['hit@1']:>10.3f} "
            f"{nf['hit@1']:>21.3f}"
        )
        print(f"  {'hit@3':34} {o['hit@3']:>8.3f} {b['hit@3']:>10.3f} {nf['hit@3']:>21.3f}")
        print(f"  {'refusals (answered=False)':34} {o['refusals']:>8} {'-':>10} {nf['refusals']:>21}")
        print(f"  {'latency p50 ms':34} {o['latency']['p50_ms']:>8.1f} {b['latency']['p50_ms']:>10.1f}")
        print(
            f"  ours: refusal rate {o['refusal_rate']:.1%}; "
            f"hit@1 among answered {o['hit@1_when_answered']:.3f};"
            f" errors {o['errors']}"
        )
        print(
            f"  of the {o['refusals']} refused: rank-bm25 top-1 holds the answer for "
            f"{o['refused_but_rank_bm25_hit@1']}, "
            f"ours without the floor for {o['refused_but_no_floor_hit@1']}"
        )
    u = result.get("unanswerable")
    if q and u:
        print("\nRefusing both ways (tuned on WikiQA + SQuAD articles 0-3; 'report' = articles 4-7, unseen)")
        print(
            f"  {'split':8} {'n':>5} {'answered':>9} {'hit@1':>7} {'hit@3':>7} {'bm25@1':>7} {'bm25@3':>7}"
            f" {'held-out n':>11} {'false-answer':>13}"
        )
        for name in ("tune", "report"):
            sp, held = q["splits"][name], u["squad_heldout"][name]
            print(
                f"  {name:8} {sp['n']:>5} {sp['answered']:>9.1%} {sp['hit@1']:>7.3f} {sp['hit@3']:>7.3f}"
                f" {sp['bm25_hit@1']:>7.3f} {sp['bm25_hit@3']:>7.3f}"
                f" {held['asked']:>11} {held['false_answer_rate']:>13.1%}"
            )
        off = u["off_topic"]
        print(f"  off-topic questions on the seed article answered: {off['answered']}/{off['asked']}")
        for question in off["questions"]:
            print(f"    answered: {question}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--limit", type=int, help="at most N questions per set (SQuAD: a seeded random sample)"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--skip-wikiqa", action="store_true")
    parser.add_argument("--skip-squad", action="store_true")
    args = parser.parse_args()
    result: dict[str, Any] = {"benchmark": "quality", "baseline": "rank_bm25.BM25Okapi", "limit": args.limit}
    start = time.perf_counter()
    if not args.skip_wikiqa:
        result["wikiqa"] = run_wikiqa(args.limit)
    if not args.skip_squad:
        result["squad"] = run_squad(args.limit, args.seed)
        result["unanswerable"] = run_unanswerable(args.limit, args.seed)
    result["seconds"] = time.perf_counter() - start
    print_tables(result)
    OUT.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = json.dumps(result, indent=2)
    (OUT / f"quality-{stamp}.json").write_text(text, encoding="utf-8")
    (OUT / "quality-latest.json").write_text(text, encoding="utf-8")
    print(f"\nJSON: {OUT / f'quality-{stamp}.json'}  ({result['seconds']:.0f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
