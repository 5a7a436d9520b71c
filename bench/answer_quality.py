"""Finding the answer: the engine beside rank-bm25 over sentences, on sets it was not trained on.

Every figure is printed beside `rank_bm25.BM25Okapi` over the engine's own sentences (terms from
`assistant.index.tokens.terms`), measured in the same run. Data is read in place from /work/shared/eval;
corpora are written under /tmp/assistant-bench/answer/ ($ASSISTANT_BENCH_ROOT/answer/).

  squad      SQuAD 8-article dev sample (never trained on; the ranker learns on squad-dev-train),
             open corpus: every paragraph of the 8 articles. hit@k: one of the first k quotes overlaps
             a gold answer span. Refused answerable questions are counted.
  reuters    reuters-paraphrased (88 answerable, 12 not), asked of a corpus of the 88 articles plus
             the first Reuters documents up to --reuters-articles, written by bench/_corpora.py's
             joined-paragraph writer. hit@k: a quote holds the answer string (whitespace collapsed).
             Split by newid parity ("even" is where rules were looked at, "odd" kept aside).
  offtopic   each SQuAD sample article's questions asked of a corpus of the other seven (any answer
             is false), and bench/_questions.OFF_TOPIC asked of the bundled seed article.
  wikiqa     WikiQA dev, candidates of the question's own document: MAP / MRR of engine.ask scoped to
             the document with limits lifted; baseline BM25Okapi over all WikiQA sentences.
  seeds      the seed questions of issue 9 on the bundled article: first quote and what it shows.
  latency    median engine.ask over the Reuters corpus after warm-up.

    nice python bench/answer_quality.py [--limit N] [--skip-wikiqa] ...
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from _corpora import BENCH_ROOT, write_question_corpus  # bench/ is on sys.path when run as a script
from _questions import OFF_TOPIC
from quality import run_wikiqa, squad_corpus
from rank_bm25 import BM25Okapi

from assistant.answer.query import parse_query
from assistant.answer.settings import Steer
from assistant.engine import Engine
from assistant.errors import AssistantError
from assistant.index.tokens import terms
from assistant.speakers import speaker_matches

EVAL = Path("/work/shared/eval")
SQUAD_JSON = EVAL / "squad-dev-sample" / "squad-dev-sample.json"
PARAPHRASED = EVAL / "reuters-paraphrased" / "questions.jsonl"
ROOT = BENCH_ROOT / "answer"
SEED_DIR = Path(__file__).resolve().parent.parent / "corpus"
OUT = Path(__file__).resolve().parent / "out"

SEED_QUESTIONS = (
    ("What are ATACMS?", "Army Tactical Missile Systems"),
    ("Where did Zelensky give a speech?", "spoke at the U.N. General Assembly"),
    ("How long has the war been going on?", "19 months"),
    ("What does ATACMS stand for?", "Army Tactical Missile Systems"),
    ("What did Sullivan say?", "has determined that he would not provide ATACMS"),
)


def _ask(engine: Engine, question: str, **kwargs: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    try:
        answer = engine.ask(question, **kwargs)
    except AssistantError:
        answer = None
    return answer, time.perf_counter() - start


class SentenceBaseline:
    """rank-bm25's BM25Okapi over every sentence of an engine's corpus, as the engine splits them."""

    def __init__(self, engine: Engine, folder: Path) -> None:
        index = engine.index
        a = index.stored.arrays
        texts = {r["id"]: (folder / r["id"]).read_text(encoding="utf-8") for r in index.articles}
        self.article = [index.articles[int(x)]["id"] for x in a["s_article"]]
        self.span = list(zip(a["s_start"].tolist(), a["s_end"].tolist(), strict=True))
        self.text = [texts[aid][s:e] for aid, (s, e) in zip(self.article, self.span, strict=True)]
        self.bm25 = BM25Okapi([terms(t) or [""] for t in self.text])

    def top(self, question: str, k: int) -> list[int]:
        scores = self.bm25.get_scores(terms(question))
        order = np.argsort(-scores, kind="stable")[:k]
        return [int(i) for i in order if scores[i] > 0]


# ---- SQuAD ------------------------------------------------------------------------------------


def run_squad(limit: int | None) -> dict[str, Any]:
    data = json.loads(SQUAD_JSON.read_text(encoding="utf-8"))["data"]
    folder = ROOT / "squad"
    questions = squad_corpus(folder, data)
    if limit:
        questions = random.Random(13).sample(questions, min(limit, len(questions)))
    engine = Engine.open(folder)
    base = SentenceBaseline(engine, folder)

    def hit(aid: str, start: int, end: int, gold: str, spans: list[tuple[int, int]]) -> bool:
        return aid == gold and any(start < ge and end > gs for gs, ge in spans)

    c = dict.fromkeys(("hit1", "hit3", "refused", "b1", "b3"), 0)
    for question, gold, spans, _ in questions:
        answer, _ = _ask(engine, question, top=3)
        if answer is None or not answer.answered:
            c["refused"] += 1
        else:
            flags = [hit(q.article.id, q.start, q.end, gold, spans) for q in answer.quotes[:3]]
            c["hit1"] += int(flags[:1] == [True])
            c["hit3"] += int(any(flags))
        flags = [hit(base.article[i], *base.span[i], gold, spans) for i in base.top(question, 3)]
        c["b1"] += int(flags[:1] == [True])
        c["b3"] += int(any(flags))
    n = len(questions)
    return {
        "questions": n,
        "ours": {"hit@1": c["hit1"] / n, "hit@3": c["hit3"] / n, "refused": c["refused"] / n},
        "rank_bm25": {"hit@1": c["b1"] / n, "hit@3": c["b3"] / n},
    }


def run_offtopic(limit: int | None) -> dict[str, Any]:
    data = json.loads(SQUAD_JSON.read_text(encoding="utf-8"))["data"]
    asked = answered = 0
    examples = []
    for held in range(len(data)):
        folder = ROOT / "squad-heldout" / f"{held:02d}"
        squad_corpus(folder, data, skip=held)
        qs = [qa["question"] for p in data[held]["paragraphs"] for qa in p["qas"]]
        if limit:
            qs = random.Random(held).sample(qs, min(len(qs), max(1, limit // len(data))))
        engine = Engine.open(folder)
        for question in qs:
            answer, _ = _ask(engine, question)
            asked += 1
            if answer is not None and answer.answered:
                answered += 1
                if len(examples) < 6:
                    examples.append(f"{question} -> {answer.quotes[0].text[:70]}")
    seed = Engine.open(_seed_copy())
    off = [q for q in OFF_TOPIC if (a := _ask(seed, q)[0]) is not None and a.answered]
    return {
        "squad_heldout": {"asked": asked, "answered": answered, "rate": answered / asked if asked else 0},
        "examples": examples,
        "seed_off_topic": {"asked": len(OFF_TOPIC), "answered": off},
    }


def _seed_copy() -> Path:
    folder = ROOT / "seed"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(SEED_DIR, folder, ignore=shutil.ignore_patterns(".assistant"))
    return folder


# ---- Reuters, paraphrased ---------------------------------------------------------------------


def run_reuters(n_articles: int, questions: Path = PARAPHRASED) -> dict[str, Any]:
    rows = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line]
    folder = ROOT / "reuters"
    written = write_question_corpus(folder, {int(r["newid"]) for r in rows if r["newid"]}, n_articles)
    engine = Engine.open(folder)
    base = SentenceBaseline(engine, folder)

    def holds(text: str, answer: str) -> bool:
        return " ".join(answer.split()) in " ".join(text.split())

    per: dict[str, dict[str, int]] = {
        s: dict.fromkeys(("n", "hit1", "hit3", "refused", "b1", "b3", "un", "un_refused"), 0)
        for s in ("even", "odd")
    }
    times = []
    misses = []
    asked: list[dict[str, Any]] = []  # per question, for study (bench/out/answer-quality-*.json)
    kinds: dict[str, list[int]] = {}
    # An unanswerable-only file (reuters-refuse-dev) is split by line number and by its `near` field.
    by_line: dict[str, list[int]] = {}
    for line, r in enumerate(rows, start=1):
        if r["answer"] is None and "near" in r:
            by_line.setdefault(_line_key(line, r["near"]), [0, 0])[1] += 1
    for line, r in enumerate(rows, start=1):
        split = per["even" if r["newid"] is None or int(r["newid"]) % 2 == 0 else "odd"]
        answer, seconds = _ask(engine, r["question"], top=3)
        times.append(seconds)
        refused = answer is None or not answer.answered
        shown = [] if refused else [(q.article.id, q.text) for q in answer.quotes[:3]]
        asked.append(
            {
                "split": "even" if split is per["even"] else "odd",
                "kind": r["kind"],
                "question": r["question"],
                "answer": r["answer"],
                "refused": refused,
                "hit": [r["answer"] is not None and holds(t, r["answer"]) for _, t in shown],
                "quotes": shown,
            }
        )
        if r["kind"] == "said" and r["answer"] is not None:
            asked[-1]["said"] = _said_study(engine, r)
            first = None if refused else answer.quotes[0]
            asked[-1]["said"]["first_shown"] = (
                None
                if first is None
                else {
                    "article": first.article.id,
                    "paragraph": first.paragraph,
                    "speaker": first.speaker.name if first.speaker else None,
                }
            )
        if r["answer"] is None:
            split["un"] += 1
            split["un_refused"] += int(refused)
            if "near" in r:
                by_line[_line_key(line, r["near"])][0] += int(refused)
            continue
        split["n"] += 1
        split["refused"] += int(refused)
        kind = kinds.setdefault(r["kind"], [0, 0, 0])
        kind[0] += 1
        if not refused:
            flags = [holds(q.text, r["answer"]) for q in answer.quotes[:3]]
            kind[1] += int(flags[:1] == [True])
            split["hit1"] += int(flags[:1] == [True])
            split["hit3"] += int(any(flags))
            if flags[:1] != [True]:
                misses.append(f"[{r['kind']}] {r['question']} -> {answer.quotes[0].text[:60]}")
        flags = [holds(base.text[i], r["answer"]) for i in base.top(r["question"], 3)]
        split["b1"] += int(flags[:1] == [True])
        split["b3"] += int(any(flags))
        kind[2] += int(flags[:1] == [True])
    said = {
        name: {
            "n": len(group := [q for q in asked if "said" in q and q["split"] == name]),
            "first": sum(q["hit"][:1] == [True] for q in group),
            "gold_by_asked": sum(q["said"]["by_asked"] for q in group),
            "gold_spoken": sum(q["said"]["spoken"] for q in group),
        }
        for name in ("even", "odd")
    }
    total = {k: per["even"][k] + per["odd"][k] for k in per["even"]}
    return {
        "articles": written,
        "splits": per | {"all": total},
        "latency_p50_ms": statistics.median(times[5:]) * 1000,
        "misses": misses[:15],
        "kinds": kinds,
        "said": said,
        "unanswerable_by_line": by_line,
        "questions": asked,
    }


def _line_key(line: int, near: bool) -> str:
    """The split of an unanswerable question by its line number (from 1) and whether it is a near miss."""
    return f"{'even' if line % 2 == 0 else 'odd'} lines, {'near' if near else 'not near'}"


def _said_study(engine: Engine, row: dict[str, Any]) -> dict[str, Any]:
    """For a "what did X say" question: who the index says spoke the sentence holding the answer,
    and whether that is the one asked about (the question's parsed speaker, matched as `--speaker`)."""
    view = engine.article(f"{int(row['newid']):05d}.txt")
    query = parse_query(engine.index, row["question"], Steer())
    flat = " ".join(row["answer"].split())
    for sentence, found in zip(view.sentences, view.attributions, strict=False):
        if flat in " ".join(view.text[sentence.start : sentence.end].split()):
            names = [a.name for a in found]
            by_asked = any(speaker_matches(a, n) for a in found for n in query.names)
            return {
                "asked": list(query.names),
                "statement": query.info.asks_statement,
                "gold_paragraph": sentence.paragraph,
                "gold_speakers": names,
                "spoken": bool(found),
                "by_asked": by_asked,
            }
    return {"asked": list(query.names), "gold_speakers": [], "spoken": False, "by_asked": False}


# ---- seeds ------------------------------------------------------------------------------------


def run_seeds() -> list[dict[str, Any]]:
    engine = Engine.open(_seed_copy())
    out = []
    for question, expected in SEED_QUESTIONS:
        answer, _ = _ask(engine, question)
        first = answer.quotes[0].text if answer is not None and answer.answered else None
        out.append({"question": question, "first": first, "ok": bool(first and expected in first)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="at most N SQuAD questions (seeded sample)")
    parser.add_argument("--reuters-articles", type=int, default=2225)
    parser.add_argument(
        "--questions",
        type=Path,
        default=PARAPHRASED,
        help="another question file of reuters-paraphrased's shape (question, answer, newid, kind):"
        " its articles make the corpus with the first Reuters documents",
    )
    parser.add_argument("--skip-wikiqa", action="store_true")
    parser.add_argument("--skip-squad", action="store_true")
    parser.add_argument("--skip-offtopic", action="store_true")
    parser.add_argument("--skip-reuters", action="store_true")
    parser.add_argument("--tag", default="latest")
    args = parser.parse_args()
    res: dict[str, Any] = {"baseline": "rank_bm25.BM25Okapi over sentences"}
    res["seeds"] = run_seeds()
    for s in res["seeds"]:
        print(f"seed {'OK ' if s['ok'] else 'MISS'} {s['question']} -> {(s['first'] or 'refused')[:70]}")
    if not args.skip_reuters:
        r = res["reuters"] = run_reuters(args.reuters_articles, args.questions)
        print(
            f"\n{args.questions.parent.name} ({r['articles']} articles),"
            f" median ask {r['latency_p50_ms']:.1f} ms"
        )
        print(
            f"  {'split':6} {'n':>3} {'hit@1':>6} {'hit@3':>6} {'refused':>8} {'bm25@1':>7} {'bm25@3':>7}"
            f" {'unans. refused':>15}"
        )
        for name, s in r["splits"].items():
            print(
                f"  {name:6} {s['n']:>3} {s['hit1']:>6} {s['hit3']:>6} {s['refused']:>8} {s['b1']:>7}"
                f" {s['b3']:>7} {s['un_refused']:>8}/{s['un']}"
            )
        for key, (refused, n) in sorted(r["unanswerable_by_line"].items()):
            print(f"  unanswerable refused, {key}: {refused}/{n}")
        print(
            "  hit@1 by kind (n ours bm25):",
            "; ".join(f"{k} {v[0]} {v[1]} {v[2]}" for k, v in r["kinds"].items()),
        )
        for name, d in r["said"].items():
            print(
                f"  said ({name}): first {d['first']}/{d['n']}; the answer sentence is attributed to"
                f" the one asked {d['gold_by_asked']}/{d['n']}, to someone {d['gold_spoken']}/{d['n']}"
            )
        for q in r["questions"]:
            if "said" in q and q["hit"][:1] != [True]:
                d, shown = q["said"], q["said"].get("first_shown")
                where = (
                    "refused"
                    if shown is None
                    else (f"{shown['article']} p{shown['paragraph']} by {shown['speaker']}")
                )
                print(
                    f"   said miss ({q['split']}): {q['question'][:60]} | asked {d['asked']}"
                    f" (statement {d.get('statement')}) | first {where} | answer"
                    f" p{d.get('gold_paragraph')} by {d['gold_speakers']}"
                )
        for m in r["misses"]:
            print("   miss", m)
    if not args.skip_squad:
        q = res["squad"] = run_squad(args.limit)
        o, b = q["ours"], q["rank_bm25"]
        print(
            f"\nSQuAD dev sample ({q['questions']} q, open corpus): hit@1 {o['hit@1']:.3f} vs "
            f"{b['hit@1']:.3f} ({o['hit@1'] / max(b['hit@1'], 1e-9):.2f}x); hit@3 {o['hit@3']:.3f} vs "
            f"{b['hit@3']:.3f}; answerable refused {o['refused']:.1%}"
        )
    if not args.skip_offtopic:
        u = res["offtopic"] = run_offtopic(args.limit)
        h = u["squad_heldout"]
        print(
            f"\noff-topic SQuAD (article left out): answered {h['answered']}/{h['asked']} ({h['rate']:.1%});"
            f" seed off-topic answered {len(u['seed_off_topic']['answered'])}/{u['seed_off_topic']['asked']}"
        )
        for e in u["examples"]:
            print("   false", e)
    if not args.skip_wikiqa:
        w = run_wikiqa(None)
        s = w["sentences_rank"]
        res["wikiqa"] = s
        print(
            f"\nWikiQA dev sentences in doc: MAP {s['ours']['MAP']:.3f} vs {s['rank_bm25']['MAP']:.3f}; "
            f"MRR {s['ours']['MRR']:.3f} vs {s['rank_bm25']['MRR']:.3f}"
        )
    OUT.mkdir(exist_ok=True)
    (OUT / f"answer-quality-{args.tag}.json").write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
