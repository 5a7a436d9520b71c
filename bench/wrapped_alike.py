"""Wrapped and unwrapped copies of the same news articles answer alike (issue 8).

Corpus: PolNeAR's news articles (dev and train, read in place from /work/shared/eval/polnear),
written as they are (title, blank line, one line a paragraph) and hard-wrapped with
`textwrap.fill` in several styles, each under /tmp/assistant-bench/wrapped-alike/:

  blank-70     every line wrapped at 70 columns, blank lines between paragraphs
  indented-65  title wrapped at 65, each paragraph wrapped with a 4-space first-line indent
  crlf-72      as blank-70 at 72 columns, with Windows line ends

Per style: articles whose metadata and paragraph count equal those of the unwrapped copy, and
questions answered alike (same answered flag; same quotes: text shown, article, paragraph,
speaker). One question per article, made from a sentence picked at random (seeded) from it:
"What about <its 3rd to 9th words>?". Each corpus gets a fresh index.

    nice python bench/wrapped_alike.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import textwrap
from pathlib import Path

from _corpora import BENCH_ROOT  # bench/ is on sys.path when run as a script

from assistant.corpus import display_text, parse_article
from assistant.engine import Engine
from assistant.errors import BadQuestion

POLNEAR = Path("/work/shared/eval/polnear")
ROOT = BENCH_ROOT / "wrapped-alike"
STYLES = {"blank-70": (70, "blank"), "indented-65": (65, "indented"), "crlf-72": (72, "crlf")}


def wrapped(text: str, width: int, style: str) -> str:
    """The article hard-wrapped in `style`; each source line is a paragraph."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if style == "indented":
        body = [textwrap.fill(p, width, initial_indent="    ") for p in paragraphs[1:]]
        return textwrap.fill(paragraphs[0], width) + "\n" + "\n".join(body) + "\n"
    out = "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"
    return out.replace("\n", "\r\n") if style == "crlf" else out


def _engine(folder: Path, index: Path) -> Engine:
    shutil.rmtree(index, ignore_errors=True)
    os.environ["ASSISTANT_INDEX_DIR"] = str(index)
    return Engine.open(folder)


def _seen(engine: Engine, question: str) -> tuple[object, ...]:
    """What a user sees of the answer; a question of stop words only is refused as such, alike."""
    try:
        answer = engine.ask(question)
    except BadQuestion:
        return (False, "bad question")
    quotes = tuple((q.text, q.article.id, q.paragraph, q.speaker and q.speaker.name) for q in answer.quotes)
    return answer.answered, quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    sources = sorted(POLNEAR.glob("*/text/*.txt"))
    if args.limit:
        sources = sources[: args.limit]
    shutil.rmtree(ROOT, ignore_errors=True)
    plain = ROOT / "plain"
    plain.mkdir(parents=True)
    rng = random.Random(5)
    questions: list[str] = []
    texts: dict[str, str] = {}
    for path in sources:
        name = f"{path.parent.parent.name}-{path.name}"
        text = path.read_text(encoding="utf-8")
        texts[name] = text
        (plain / name).write_text(text, encoding="utf-8")
        article = parse_article(name, text)
        if len(article.sentences) > 3:
            s = article.sentences[rng.randrange(1, len(article.sentences))]
            words = display_text(text, s.start, s.end).split()
            questions.append("What about " + " ".join(words[2:9]) + "?")
    base = _engine(plain, ROOT / "index-plain")
    shape = {a.meta.id: (a.meta, a.paragraphs) for a in base.articles()}
    answers = [_seen(base, q) for q in questions]
    print(
        f"{len(shape):,} PolNeAR articles, {len(questions):,} questions; "
        f"unwrapped answered {sum(bool(a[0]) for a in answers)}"
    )
    print("| style | articles read alike (metadata, paragraphs) | answers alike |")
    print("| --- | --- | --- |")
    for style, (width, kind) in STYLES.items():
        folder = ROOT / style
        folder.mkdir()
        for name, text in texts.items():
            (folder / name).write_bytes(wrapped(text, width, kind).encode("utf-8"))
        engine = _engine(folder, ROOT / f"index-{style}")
        alike = sum(shape.get(a.meta.id) == (a.meta, a.paragraphs) for a in engine.articles())
        same = sum(_seen(engine, q) == want for q, want in zip(questions, answers, strict=True))
        print(f"| {style} | {alike}/{len(shape)} | {same}/{len(questions)} |")


if __name__ == "__main__":
    main()
