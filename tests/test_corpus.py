"""Reading articles: formats, metadata, page furniture, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus import UnreadableArticle, discover, parse_article, read_article


def _body(article_text: str, parsed_paragraphs: list) -> list[str]:  # type: ignore[type-arg]
    return [article_text[p.start : p.end] for p in parsed_paragraphs]


def test_seed_metadata_is_read_and_the_publication_inferred_from_its_promo_line(seed_corpus: Path) -> None:
    path = next(seed_corpus.iterdir())
    article = read_article(seed_corpus, path)
    assert (
        article.meta.title
        == "Zelensky’s US trip ends without public ATACMS commitment despite mounting speculation"
    )
    assert article.meta.author == "Mike Brest"
    assert article.meta.source == "Washington Examiner"
    assert article.meta.date is None  # the seed states no date: none is invented


def test_page_furniture_is_never_article_text(seed_corpus: Path) -> None:
    article = read_article(seed_corpus, next(seed_corpus.iterdir()))
    body = " ".join(_body(article.text, article.paragraphs))
    assert "Video Embed" not in body
    assert "CLICK HERE" not in body
    assert "TRUMP LOOKING FORWARD" not in body
    assert body.startswith("Ukrainian President Volodymyr Zelensky spent this week")
    assert len(article.paragraphs) == 9


def test_every_sentence_is_verbatim_text_at_its_offsets(seed_corpus: Path) -> None:
    path = next(seed_corpus.iterdir())
    article = read_article(seed_corpus, path)
    file_text = path.read_text(encoding="utf-8")
    for sentence in article.sentences:
        assert file_text[sentence.start : sentence.end] == article.text[sentence.start : sentence.end]
        assert file_text[sentence.start : sentence.end].strip() == file_text[sentence.start : sentence.end]
    assert [s.paragraph for s in article.sentences][:3] == [1, 2, 3]


def test_markdown_front_matter_gives_metadata_and_blank_lines_split_paragraphs() -> None:
    text = (
        "---\ntitle: Test piece\nauthor: [Jane Doe, John Roe]\ndate: 2024-01-05\nsource: Example Times\n"
        "url: https://example.org/a\n---\n\n# Test piece\n\nFirst line\ncontinues here. Second sentence.\n\n"
        "Advertisement\n\nThird para.\n"
    )
    article = parse_article("x.md", text, markdown=True)
    assert article.meta.title == "Test piece"
    assert article.meta.author == "Jane Doe, John Roe"
    assert article.meta.date == "2024-01-05"
    assert article.meta.source == "Example Times"
    assert article.meta.url == "https://example.org/a"
    assert _body(text, article.paragraphs) == ["First line\ncontinues here. Second sentence.", "Third para."]


def test_plain_text_with_no_title_or_byline_is_all_body() -> None:
    text = "Just some text. With no byline at all.\nAnother paragraph here."
    article = parse_article("notes/plain-story.txt", text)
    assert article.meta.author is None
    assert article.meta.title == "plain story"
    assert _body(text, article.paragraphs) == [
        "Just some text. With no byline at all.",
        "Another paragraph here.",
    ]


def test_a_wire_body_without_its_headline_keeps_its_first_sentence_whole() -> None:
    # "An existing Harbour Board," was taken for the title, and the body began mid-sentence
    # ("HB, rule could ..."): the sentence's opening words were no longer quotable.
    text = (
        "An existing Harbour Board,\nHB, rule could limit night sailings from the east quay,\n"
        "port officials said on Tuesday.\n    The board meets again next week.\n"
    )
    article = parse_article("wire/07101.txt", text)
    assert article.meta.title == "07101"
    assert _body(text, article.paragraphs)[0].startswith("An existing Harbour Board,")


def test_cp1252_text_is_decoded_correctly(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Café owners protest\nAna Núñez\nThe café’s owner said “no” to the plan.\n".encode("cp1252")
    )
    article = read_article(tmp_path, path)
    assert article.meta.title == "Café owners protest"
    assert article.meta.author == "Ana Núñez"
    assert (
        article.text[article.sentences[0].start : article.sentences[0].end]
        == "The café’s owner said “no” to the plan."
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("report.pdf", b"%PDF-1.4 ...", "unknown format"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableArticle, match=reason):
        read_article(tmp_path, path)


def test_hidden_paths_are_not_part_of_the_corpus(tmp_path: Path) -> None:
    (tmp_path / ".assistant").mkdir()
    (tmp_path / ".assistant" / "x.txt").write_text("hidden")
    (tmp_path / ".draft.txt").write_text("hidden")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text("Title\nBody text.")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["sub/story.txt"]


def test_header_lines_after_the_byline_give_publication_and_date() -> None:
    text = (
        "Harbour council approves flood wall\nBy Priya Raman\nThe Coastal Ledger\nMarch 14, 2024\n"
        "The council voted on Tuesday.\nThe Mayor said so.\n"
    )
    article = parse_article("harbour.txt", text)
    assert (article.meta.author, article.meta.source, article.meta.date) == (
        "Priya Raman",
        "The Coastal Ledger",
        "2024-03-14",
    )
    assert _body(text, article.paragraphs) == ["The council voted on Tuesday.", "The Mayor said so."]
    spans = article.meta_spans
    assert text[spans["source"].start : spans["source"].end] == "The Coastal Ledger"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Anna Lindqvist, Baltic Times, 3 March 2026", ("Anna Lindqvist", "Baltic Times", "2026-03-03")),
        ("By Anna Lindqvist | 2026-03-03", ("Anna Lindqvist", None, "2026-03-03")),
        ("By Anna Lindqvist\n3 March 2026", ("Anna Lindqvist", None, "2026-03-03")),
        # not a byline with parts: the line stays in the body
        ("By Anna Lindqvist, in Paris, with 3 others", (None, None, None)),
    ],
)
def test_a_byline_followed_by_its_publication_and_date_gives_each(
    byline: str, expected: tuple[str | None, str | None, str | None]
) -> None:
    body_line = "Ferry services across the harbour will resume on Monday."
    text = f"Harbour ferry service to resume\n\n{byline}\n\n{body_line}\n"
    article = parse_article("ferry.txt", text)
    assert (article.meta.author, article.meta.source, article.meta.date) == expected
    body = _body(text, article.paragraphs)
    assert body[-1] == body_line
    assert (len(body) == 1) == (expected[0] is not None)
    for field, value in zip(("author", "source"), expected[:2], strict=True):
        if value is not None:
            span = article.meta_spans[field]
            assert text[span.start : span.end] == value
