"""Benchmark corpora written from real news text: Reuters-21578, read in place.

Each Reuters document with a body becomes one .txt article in the seed's shape:
the title line, a byline line when the document has an AUTHOR, then one
paragraph a line. Reuters bodies are wrapped at ~70 columns and start each
paragraph with an indent, so a paragraph begins at an indented line or after a
blank line, and wrapped lines are joined with a space. The dateline
("SALVADOR, Feb 26 -") opens the first paragraph, as on the wire.

Reuters titles are in capitals ("BAHIA COCOA REVIEW"); they are written in title
case here, as the seed's titles are. `write_raw_corpus` (below) writes the stories
as the wire sent them instead: capitals titles, wrapped bodies (issue 8).

Sizes beyond the collection repeat it: copy n > 0 shuffles each article's
paragraph order (seeded) and puts "(copy n)" in the title, so no two files are
byte-identical and term statistics stay those of real news. Nothing here
writes inside the repository.
"""

from __future__ import annotations

import html
import json
import os
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REUTERS_DIR = Path("/work/shared/eval/reuters21578")
BENCH_ROOT = Path(os.environ.get("ASSISTANT_BENCH_ROOT", "/tmp/assistant-bench"))  # one per concurrent run
GENERATOR = "reuters-txt-2"
"""Bump when the way articles are written changes: stored corpora are then rewritten."""

_DOC = re.compile(r"<REUTERS\b(.*?)</REUTERS>", re.DOTALL)
_NEWID = re.compile(r'NEWID="(\d+)"')
_CONTROL = re.compile(r"&#\d+;|[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class NewsDoc:
    """One Reuters document with a body."""

    newid: int
    source: str
    """The SGML file it came from (reut2-000)."""
    title: str
    author: str | None
    dateline: str | None
    paragraphs: tuple[str, ...]


def _tag(block: str, name: str) -> str | None:
    match = re.search(rf"<{name}>(.*?)</{name}>", block, re.DOTALL)
    if match is None:
        return None
    return html.unescape(_CONTROL.sub("", match.group(1)))


def _paragraphs(body: str) -> list[str]:
    """Paragraphs of a wrapped Reuters body: a new one at each indented line or after a blank line."""
    paragraphs: list[list[str]] = []
    blank = True
    for line in body.split("\n"):
        if not line.strip():
            blank = True
            continue
        if blank or line[:1].isspace() or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
        blank = False
    out = [" ".join(p) for p in paragraphs]
    # The wire's sign-off ("Reuter") is no paragraph of the story.
    return [p for p in out if p and p.lower() not in {"reuter", "reuters"}]


def _title_case(title: str) -> str:
    words = []
    for word in title.split():
        # Keep short all-capitals tokens that look like tickers or acronyms (U.S., GM, IBM).
        if (len(word) <= 3 and word.isupper()) or "." in word:
            words.append(word)
        else:
            words.append(word.capitalize())
    return " ".join(words)


def reuters_docs(root: Path = REUTERS_DIR) -> list[NewsDoc]:
    """Every Reuters document that has a title and a body, in file order."""
    docs: list[NewsDoc] = []
    for path in sorted(root.glob("reut2-*.sgm")):
        text = path.read_text(encoding="latin-1")
        for match in _DOC.finditer(text):
            block = match.group(0)
            body = _tag(block, "BODY")
            title = _tag(block, "TITLE")
            if not body or not body.strip() or not title or not title.strip():
                continue
            paragraphs = _paragraphs(body)
            if not paragraphs:
                continue
            newid = int(_NEWID.search(block).group(1))  # type: ignore[union-attr]
            author = _tag(block, "AUTHOR")
            dateline = _tag(block, "DATELINE")
            docs.append(
                NewsDoc(
                    newid=newid,
                    source=path.stem,
                    title=_title_case(" ".join(title.split())),
                    author=" ".join(author.split()) if author and author.strip() else None,
                    dateline=" ".join(dateline.split()) if dateline and dateline.strip() else None,
                    paragraphs=tuple(paragraphs),
                )
            )
    return docs


def article_text(doc: NewsDoc, copy: int = 0) -> str:
    """The .txt article for `doc`; copy n > 0 has its paragraphs shuffled and its number in the title."""
    paragraphs = list(doc.paragraphs)
    if doc.dateline:
        paragraphs[0] = f"{doc.dateline} {paragraphs[0]}"
    title = doc.title
    if copy:
        random.Random(doc.newid * 1000 + copy).shuffle(paragraphs)
        title = f"{title} (copy {copy})"
    lines = [title]
    if doc.author:
        author = doc.author
        lines.append(author[0].upper() + author[1:])
    lines.extend(paragraphs)
    return "\n".join(lines) + "\n"


def write_question_corpus(folder: Path, newids: set[int], n_articles: int) -> int:
    """Write (afresh) a corpus for a question file: the articles of its `newids`, then the first
    other Reuters documents up to `n_articles` in all; the number of articles written."""
    docs = reuters_docs()
    chosen = [d for d in docs if d.newid in newids]
    chosen += [d for d in docs if d.newid not in newids][: max(0, n_articles - len(chosen))]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for doc in chosen:
        (folder / f"{doc.newid:05d}.txt").write_text(article_text(doc), encoding="utf-8")
    return len(chosen)


def article_path(folder: Path, doc: NewsDoc, copy: int) -> Path:
    """Where an article goes: one folder per copy and per SGML file, so no folder gets huge."""
    return folder / f"c{copy:03d}" / doc.source / f"{doc.newid:05d}.txt"


def _plan(docs: list[NewsDoc], n_articles: int) -> Iterator[tuple[NewsDoc, int]]:
    copy = 0
    written = 0
    while written < n_articles:
        for doc in docs:
            if written >= n_articles:
                return
            yield doc, copy
            written += 1
        copy += 1


def write_corpus(
    folder: Path, docs: list[NewsDoc], n_articles: int, *, force: bool = False
) -> dict[str, int]:
    """Write `n_articles` articles into `folder` (reused if an identical one is there); returns counts."""
    marker = folder / ".bench-corpus.json"
    wanted = {"generator": GENERATOR, "articles": n_articles}
    if not force and marker.is_file():
        try:
            found = json.loads(marker.read_text(encoding="utf-8"))
        except ValueError:
            found = {}
        if {k: found.get(k) for k in wanted} == wanted:
            return {k: int(v) for k, v in found.items() if k != "generator"}
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    copies = 0
    made: set[Path] = set()
    for doc, copy in _plan(docs, n_articles):
        path = article_path(folder, doc, copy)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(article_text(doc, copy), encoding="utf-8")
        copies = max(copies, copy + 1)
    info = {"generator": GENERATOR, "articles": n_articles, "copies": copies}
    marker.write_text(json.dumps(info), encoding="utf-8")
    return {"articles": n_articles, "copies": copies}


def article_files(folder: Path) -> list[Path]:
    """The article files of a bench corpus, in a stable order."""
    return sorted(folder.glob("c*/*/*.txt"))


# --- Raw wire copy: each article as a user would have it (issue 8) ---------------------------------

RAW_GENERATOR = "reuters-raw-1"
"""Bump when the way raw articles are written changes: stored raw corpora are then rewritten."""
_WIRE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One Reuters document as the wire sent it: title, dateline and body, line breaks and indents kept."""

    newid: int
    source: str
    title: str
    dateline: str
    body: str


def _raw_tag(block: str, name: str) -> str | None:
    """A tag's text decoded as the paraphrased set's README decodes BODY: html.unescape, nothing folded."""
    match = re.search(rf"<{name}>(.*?)</{name}>", block, re.DOTALL)
    if match is None:
        return None
    # The wire's start/end-of-text marks (&#2; &#3;) are transmission codes, not text a reader sees.
    return _WIRE_CONTROL.sub("", html.unescape(match.group(1)))


def reuters_raw_docs(root: Path = REUTERS_DIR) -> list[RawDoc]:
    """Every Reuters document that has a title and a body, in file order, text as sent."""
    docs: list[RawDoc] = []
    for path in sorted(root.glob("reut2-*.sgm")):
        text = path.read_text(encoding="latin-1")
        for match in _DOC.finditer(text):
            block = match.group(0)
            body = _raw_tag(block, "BODY")
            title = _raw_tag(block, "TITLE")
            if not body or not body.strip() or not title or not title.strip():
                continue
            newid = int(_NEWID.search(block).group(1))  # type: ignore[union-attr]
            dateline = _raw_tag(block, "DATELINE") or ""
            docs.append(RawDoc(newid, path.stem, " ".join(title.split()), dateline, body))
    return docs


def raw_article_text(doc: RawDoc) -> str:
    """The article as a user would have it: the title line, then dateline and BODY exactly as sent.

    Hard-wrapped at ~65 columns, paragraphs opened by an indent, the "Reuter" sign-off at the end.
    """
    return f"{doc.title}\n{doc.dateline}{doc.body.rstrip()}\n"


def write_raw_corpus(folder: Path, docs: list[RawDoc]) -> int:
    """Write every raw article under `folder` (one folder per SGML file); reused when already written."""
    marker = folder / ".bench-corpus.json"
    wanted = {"generator": RAW_GENERATOR, "articles": len(docs)}
    if marker.is_file():
        try:
            if json.loads(marker.read_text(encoding="utf-8")) == wanted:
                return len(docs)
        except ValueError:
            pass
    if folder.exists():
        shutil.rmtree(folder)
    for doc in docs:
        path = raw_article_path(folder, doc)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(raw_article_text(doc), encoding="utf-8")
    marker.write_text(json.dumps(wanted), encoding="utf-8")
    return len(docs)


def raw_article_path(folder: Path, doc: RawDoc) -> Path:
    """Where a raw article goes: `reut2-000/00005.txt`."""
    return folder / doc.source / f"{doc.newid:05d}.txt"
