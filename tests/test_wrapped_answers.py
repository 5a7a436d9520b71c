"""The same articles, hard-wrapped or not, give the same answers through the real engine and CLI."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.engine import Engine
from assistant.models import Answer
from tests.conftest import ARTICLES, SEED

QUESTIONS = [
    "How much military aid did the Biden administration announce?",
    "What did Sullivan say?",
    "Where did the defense officials meet?",
    "What does ATACMS stand for?",
    "What did Austin say about air defense?",
    "What pay rise is the union seeking?",
    "What did Tomas Berger say?",
    "How many residents were evacuated near Cedar Ridge?",
    "What did Laura Brennan say?",
    "How much will the harbor bridge repair cost?",
    "What did Mayor Elena Ortiz say?",
    "Who wrote the article about the rail strike?",
    "What is the recipe for banana bread?",
]


def _wrap_text_article(text: str, width: int, style: str) -> str:
    """A one-line-a-paragraph .txt article hard-wrapped: title and byline kept, each paragraph wrapped."""
    lines = [line for line in text.splitlines() if line.strip()]
    head, body = lines[:2], lines[2:]
    if style == "indented":
        wrapped = [textwrap.fill(p, width, initial_indent="    ") for p in body]
        out = "\n".join(head + wrapped) + "\n"
    elif style == "title wrapped":
        out = "\n".join(textwrap.fill(p, width) for p in head) + "\n\n"
        out += "\n\n".join(textwrap.fill(p, width) for p in body) + "\n"
    else:
        out = "\n".join(head) + "\n\n" + "\n\n".join(textwrap.fill(p, width) for p in body) + "\n"
    return out.replace("\n", "\r\n") if style == "crlf" else out


def _wrap_markdown(text: str, width: int) -> str:
    """Each paragraph of a Markdown article's body wrapped; the front matter left as it is."""
    _, front, body = text.split("---\n", 2)
    blocks = [textwrap.fill(b.strip(), width) for b in body.split("\n\n") if b.strip()]
    return f"---\n{front}---\n\n" + "\n\n".join(blocks) + "\n"


def _corpus(folder: Path, wrap: tuple[int, str] | None) -> Path:
    folder.mkdir()
    for path in [SEED, *sorted(ARTICLES.iterdir())]:
        text = path.read_text(encoding="utf-8")
        if wrap is not None:
            width, style = wrap
            text = (
                _wrap_markdown(text, width)
                if path.suffix == ".md"
                else _wrap_text_article(text, width, style)
            )
        (folder / path.name).write_bytes(text.encode("utf-8"))
    return folder


def _seen(answer: Answer) -> list[tuple[object, ...]]:
    """What a reader sees of an answer: each quote's text, article, paragraph, kind and speaker."""
    return [
        (
            q.text,
            q.article.id,
            q.article.title,
            q.article.author,
            q.paragraph,
            q.kind,
            q.speaker and q.speaker.name,
        )
        for q in answer.quotes
    ]


@pytest.fixture(scope="module")
def unwrapped(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.open(_corpus(tmp_path_factory.mktemp("plain") / "corpus", None))


@pytest.mark.parametrize(
    "wrap",
    [(65, "indented"), (72, "blank"), (60, "crlf"), (50, "title wrapped"), (80, "title wrapped")],
    ids=lambda w: f"{w[1]}-{w[0]}",
)
def test_wrapped_and_unwrapped_articles_answer_alike(
    unwrapped: Engine, tmp_path: Path, wrap: tuple[int, str]
) -> None:
    wrapped = Engine.open(_corpus(tmp_path / "corpus", wrap))
    assert [a.meta for a in wrapped.articles()] == [a.meta for a in unwrapped.articles()]
    assert [a.paragraphs for a in wrapped.articles()] == [a.paragraphs for a in unwrapped.articles()]
    answered = 0
    for question in QUESTIONS:
        plain, hard = unwrapped.ask(question), wrapped.ask(question)
        assert hard.answered == plain.answered, question
        assert _seen(hard) == _seen(plain), question
        answered += plain.answered
    assert answered >= len(QUESTIONS) - 2


def test_a_wrapped_quote_shows_one_line_and_its_offsets_point_at_the_source(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", (65, "indented"))
    result = CliRunner().invoke(main, ["ask", "--json", "--corpus", str(folder), "What did Sullivan say?"])
    assert result.exit_code == 0, result.output
    quote = json.loads(result.output)["quotes"][0]
    source = (folder / quote["article"]["id"]).read_text(encoding="utf-8")
    span = source[quote["start"] : quote["end"]]
    assert "\n" in span and "\n" not in quote["text"]
    assert " ".join(span.split()) == quote["text"]
    assert quote["text"].startswith("National security adviser Jake Sullivan said on Thursday")


def test_show_prints_a_wrapped_paragraph_on_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(ARTICLES / "rail-strike-talks.txt", folder / "rail.txt")
    (folder / "rail.txt").write_text(
        _wrap_text_article((ARTICLES / "rail-strike-talks.txt").read_text(encoding="utf-8"), 60, "indented"),
        encoding="utf-8",
    )
    result = CliRunner(env={"COLUMNS": "1000"}).invoke(main, ["show", "--corpus", str(folder), "rail.txt"])
    assert result.exit_code == 0, result.output
    first = next(line for line in result.output.splitlines() if line.startswith("[1]"))
    assert re.match(r"\[1\] Negotiators for the national rail operator .* 48-hour strike\.$", first)


def test_adding_a_wrapped_article_stores_its_paragraphs_whole(tmp_path: Path) -> None:
    folder, inbox = tmp_path / "corpus", tmp_path / "inbox"
    folder.mkdir()
    inbox.mkdir()
    source = (ARTICLES / "rail-strike-talks.txt").read_text(encoding="utf-8")
    (inbox / "rail.txt").write_text(_wrap_text_article(source, 60, "indented"), encoding="utf-8")
    result = CliRunner().invoke(main, ["add", "--corpus", str(folder), str(inbox / "rail.txt")])
    assert result.exit_code == 0, result.output
    [stored] = list(folder.glob("*.md"))
    body = stored.read_text(encoding="utf-8").split("---\n", 2)[2]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    assert [p.strip() for p in paragraphs] == [line for line in source.splitlines()[2:] if line.strip()]
