"""Articles read as they are written: wrapped or not, any line ends, paragraphs as the writer marked them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from assistant.corpus import ParsedArticle, display_text, parse_article, read_article

TITLE = "Harbour wall to open early"
PARAGRAPHS = [
    "Harbour officials said on Tuesday that the new flood wall would be finished by the end of the "
    "year, two months ahead of the schedule agreed with the council.",
    "The wall, which cost 12 mln dlrs, runs along the eastern quay. It replaces a timber barrier "
    "built in 1953 after the great storm.",
    'Residents welcomed the news. "We have waited a long time," said Ana Lopez, who runs a cafe on the quay.',
]
SENTENCES = [
    (1, PARAGRAPHS[0]),
    (2, "The wall, which cost 12 mln dlrs, runs along the eastern quay."),
    (2, "It replaces a timber barrier built in 1953 after the great storm."),
    (3, "Residents welcomed the news."),
    (3, '"We have waited a long time," said Ana Lopez, who runs a cafe on the quay.'),
]


def _shown(article: ParsedArticle) -> list[tuple[int, str]]:
    return [(s.paragraph, display_text(article.text, s.start, s.end)) for s in article.sentences]


def _paragraphs(article: ParsedArticle) -> list[str]:
    return [display_text(article.text, p.start, p.end) for p in article.paragraphs]


def _offsets_are_exact(article: ParsedArticle) -> None:
    """Each sentence is a trimmed source span inside its paragraph; shown, it is that span on one line."""
    text = article.text
    for s in article.sentences:
        span = text[s.start : s.end]
        assert span == span.strip()
        assert display_text(text, s.start, s.end) == " ".join(span.split())
        para = article.paragraphs[s.paragraph - 1]
        assert para.start <= s.start < s.end <= para.end


def _indented(width: int, indent: str = "    ", end: str = "\n") -> str:
    body = "".join(textwrap.fill(p, width, initial_indent=indent) + "\n" for p in PARAGRAPHS)
    return (TITLE + "\n" + body).replace("\n", end)


STYLES = {
    "one line a paragraph": TITLE + "\n" + "\n".join(PARAGRAPHS) + "\n",
    "one line a paragraph, blank lines between": TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n",
    "wrapped at 60, blank-line paragraphs": TITLE
    + "\n\n"
    + "\n\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS),
    "wrapped at 65, indented first lines (wire copy)": _indented(65),
    "wrapped at 72, no marks but short last lines": TITLE
    + "\n"
    + "\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS),
    "Windows line ends (CRLF)": _indented(65, end="\r\n"),
    "old Mac line ends (lone CR)": _indented(65, end="\r"),
    "tab-indented first lines": _indented(62, indent="\t"),
    "form feeds between pages": TITLE + "\n" + "\f".join(textwrap.fill(p, 60) + "\n" for p in PARAGRAPHS),
    "wrapped at 45, blank-line paragraphs": TITLE
    + "\n\n"
    + "\n\n".join(textwrap.fill(p, 45) for p in PARAGRAPHS),
}


@pytest.mark.parametrize("style", list(STYLES))
def test_every_wrapping_and_paragraph_style_reads_the_same(tmp_path: Path, style: str) -> None:
    path = tmp_path / "harbour.txt"
    path.write_bytes(STYLES[style].encode("utf-8"))
    article = read_article(tmp_path, path)
    assert article.meta.title == TITLE
    assert _paragraphs(article) == PARAGRAPHS
    assert _shown(article) == SENTENCES
    _offsets_are_exact(article)


def test_a_sentence_never_ends_at_a_mere_line_break() -> None:
    article = parse_article("w.txt", STYLES["wrapped at 60, blank-line paragraphs"])
    for s in article.sentences:
        assert display_text(article.text, s.start, s.end).endswith((".", '."', "?", "!"))
    assert any("\n" in article.text[s.start : s.end] for s in article.sentences)


def test_a_file_of_short_lines_ending_sentences_keeps_a_paragraph_a_line() -> None:
    text = "Council notes\nThe council met.\nThe mayor spoke.\nThe vote was close.\nIt passed.\n"
    article = parse_article("notes.txt", text)
    assert _paragraphs(article) == [
        "The council met.",
        "The mayor spoke.",
        "The vote was close.",
        "It passed.",
    ]


def test_the_bundled_seed_keeps_one_paragraph_a_line(seed_corpus: Path) -> None:
    path = seed_corpus / "000_7834a3842ba03b39.txt"
    article = read_article(seed_corpus, path)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()[2:] if line.strip()]
    body = _paragraphs(article)
    assert len(body) == 9
    assert all(p in lines for p in body)  # each paragraph is one whole line of the file
    _offsets_are_exact(article)


def test_a_table_under_wrapped_text_keeps_a_row_a_paragraph() -> None:
    text = (
        "ACME CORP 1ST QTR NET\n"
        "    CHICAGO, March 17 - Acme Corp said its first quarter profit rose on\n"
        "higher sales of its garden tools in the northern states.\n"
        "    Shr 22 cts vs 19 cts\n"
        "    Net 4,549,000 vs 3,666,000\n"
        "    Six mths\n"
        "    NOTE: earnings were restated to reflect the three-for-two\n"
        "stock split on April one, 1986.\n"
        " Reuter\n"
    )
    article = parse_article("acme.txt", text)
    assert _paragraphs(article) == [
        "CHICAGO, March 17 - Acme Corp said its first quarter profit rose on higher sales of its garden "
        "tools in the northern states.",
        "Shr 22 cts vs 19 cts",
        "Net 4,549,000 vs 3,666,000",
        "Six mths",
        "NOTE: earnings were restated to reflect the three-for-two stock split on April one, 1986.",
    ]
    _offsets_are_exact(article)


def test_a_paragraph_shows_wrapped_line_breaks_as_spaces_while_offsets_keep_the_source() -> None:
    text = STYLES["wrapped at 65, indented first lines (wire copy)"]
    article = parse_article("w.txt", text)
    first = article.sentences[0]
    assert "\n" in text[first.start : first.end]
    assert display_text(text, first.start, first.end) == PARAGRAPHS[0]
    assert text[first.start : first.end].replace("\n", " ") == PARAGRAPHS[0]
