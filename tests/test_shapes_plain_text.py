"""One story in every plain-text shape a user drops in: one line a paragraph with and without
blank lines, hard-wrapped at 60-72 columns with blank lines, indented or tabbed first lines,
CRLF and lone CR, a UTF-8 BOM, UTF-16, cp1252 and Latin-1, and UTF-8 with Windows-1252 quotes
pasted in. Each reads as its writer meant: same title, byline, date, paragraphs, sentences."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

TITLE = "Harbor town votes to rebuild storm-damaged pier"
PARAGRAPHS = [
    "The town council of Port Alder voted 7 to 2 on Tuesday night to rebuild the municipal pier that a "
    "winter storm tore apart in January, ending two months of argument over whether the town could "
    "afford it.",
    "The new pier will cost $3.4 million and is expected to open in the summer of 2025, according to the "
    "harbor commission’s engineers, who said the design raises the deck by four feet.",
    "“We are not going to leave the fishing fleet without a place to land its catch,” said Mayor Ellen "
    "Brody, who cast the deciding vote after a debate that ran past midnight.",
    "Work on the demolition of the old pilings is scheduled to begin in April, and the harbor will stay "
    "open to commercial boats throughout the construction, the commission said.",
]
HEAD = [TITLE, "By Marta Quinlan", "March 4, 2024"]


def _shapes() -> dict[str, bytes]:
    def wrapped(width: int, indent: str, gap: str) -> str:
        body = gap.join(textwrap.fill(p, width, initial_indent=indent) for p in PARAGRAPHS)
        return "\n".join(HEAD) + "\n\n" + body + "\n"

    one_line = "\n".join(HEAD) + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    shapes = {
        "one-line.txt": one_line,
        "one-line-no-blanks.txt": "\n".join(HEAD + PARAGRAPHS) + "\n",
        "wrapped-60-blank.txt": wrapped(60, "", "\n\n"),
        "wrapped-72-blank.txt": wrapped(72, "", "\n\n"),
        "wrapped-65-indented.txt": wrapped(65, "    ", "\n"),
        "wrapped-68-tab.txt": wrapped(68, "\t", "\n"),
        "wrapped-70-indented-blank.txt": wrapped(70, "  ", "\n\n"),
    }
    data = {name: text.encode("utf-8") for name, text in shapes.items()}
    wrapped_text = shapes["wrapped-65-indented.txt"]
    data["crlf.txt"] = wrapped_text.replace("\n", "\r\n").encode("utf-8")
    data["cr.txt"] = wrapped_text.replace("\n", "\r").encode("utf-8")
    data["bom.txt"] = b"\xef\xbb\xbf" + one_line.encode("utf-8")
    data["utf16.txt"] = wrapped_text.replace("\n", "\r\n").encode("utf-16")
    data["cp1252.txt"] = wrapped_text.encode("cp1252")
    # UTF-8 with a paragraph pasted from a word processor in Windows-1252 (its quotes as 0x93/0x94).
    third = PARAGRAPHS[2].encode("cp1252")
    data["mixed.txt"] = one_line.encode("utf-8").replace(PARAGRAPHS[2].encode("utf-8"), third)
    return data


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_every_shape_reads_as_the_writer_meant(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in _shapes().items():
        (corpus / name).write_bytes(data)
    code, out, err = run("index", "--corpus", str(corpus))
    assert code == 0 and "skipped" not in err
    wrong = {}
    for name in _shapes():
        _, out, _ = run("show", "--json", "--corpus", str(corpus), name)
        shown = json.loads(out)
        meta = shown["article"]
        paragraphs = [
            " ".join(s["text"] for s in shown["sentences"] if s["paragraph"] == n)
            for n in range(1, len(shown["paragraphs"]) + 1)
        ]
        seen = (meta["title"], meta["author"], meta["date"], paragraphs)
        if seen != (TITLE, "Marta Quinlan", "2024-03-04", PARAGRAPHS):
            wrong[name] = seen
    assert wrong == {}


def test_a_quote_from_mixed_utf8_and_windows_quotes_reads_right(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mixed.txt").write_bytes(_shapes()["mixed.txt"])
    code, out, _ = run("ask", "--json", "--corpus", str(corpus), "What did Mayor Ellen Brody say?")
    assert code == 0
    quote = json.loads(out)["quotes"][0]
    assert quote["text"] == PARAGRAPHS[2]
    assert quote["speaker"]["name"] == "Ellen Brody"
    code, out, _ = run("show", "--corpus", str(corpus), "mixed.txt")
    assert "harbor commission’s engineers" in out and "â€" not in out


def test_key_value_headers_of_exports_and_mails_are_metadata_not_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = "\n\n".join(PARAGRAPHS) + "\n"
    (corpus / "export.txt").write_text(
        f"Title: {TITLE}\nAuthor: Marta Quinlan\nDate: March 4, 2024\nSource: The Alder Gazette\n"
        f"Tags: harbor, council\n\n{body}",
        encoding="utf-8",
    )
    (corpus / "mail.txt").write_bytes(
        (
            f'From: "Marta Quinlan" <mq@gazette.example>\nTo: desk@gazette.example\nSubject: {TITLE}\n'
            f"Date: Mon, 4 Mar 2024 21:12:00 -0500\n\n{body}"
        )
        .encode()
        .replace(b"\n", b"\r\n")
    )
    (corpus / "note.txt").write_text(
        f"{TITLE}\nNote: the figures are the council's own.\n\n{body}", encoding="utf-8"
    )
    run("index", "--corpus", str(corpus))
    for name in ("export.txt", "mail.txt"):
        _, out, _ = run("show", "--json", "--corpus", str(corpus), name)
        shown = json.loads(out)
        meta = shown["article"]
        assert (meta["title"], meta["author"], meta["date"]) == (TITLE, "Marta Quinlan", "2024-03-04"), name
        assert shown["sentences"][0]["text"] == PARAGRAPHS[0], name
    question = "How much will the new pier cost?"
    _, out, _ = run(
        "ask", "--json", "--corpus", str(corpus), "--since", "2024-03", "--until", "2024-03-04", question
    )
    quote = json.loads(out)["quotes"][0]
    assert quote["text"] == PARAGRAPHS[1]
    assert quote["article"]["id"] in ("export.txt", "mail.txt")  # the dated copies, in the scope
    # A story whose opening line merely has a colon is no such header.
    _, out, _ = run("show", "--json", "--corpus", str(corpus), "note.txt")
    assert json.loads(out)["article"]["title"] == TITLE


def test_markdown_saved_as_text_keeps_its_front_matter_as_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    front = f"---\ntitle: {TITLE}\nauthor: Marta Quinlan\ndate: 2024-03-04\n---\n\n"
    (corpus / "pier.txt").write_text(front + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    framed = "---\nThe council met late; these are the notes.\n---\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    (corpus / "framed.txt").write_text(framed, encoding="utf-8")
    code, out, _ = run(
        "ask", "--json", "--corpus", str(corpus), "--article", "pier.txt", "When does demolition begin?"
    )
    assert code == 0
    quote = json.loads(out)["quotes"][0]
    assert quote["text"] == PARAGRAPHS[3] and quote["paragraph"] == 4
    assert "Marta Quinlan" in quote["citation"] and TITLE in quote["citation"]
    # Lines between two `---` that are no metadata are the writer's text, and stay.
    _, out, _ = run("show", "--corpus", str(corpus), "framed.txt")
    assert "The council met late; these are the notes." in out


def test_a_headline_ending_in_a_semicolon_over_its_deck_is_the_title(tmp_path: Path) -> None:
    # As some papers export a story: "Headline; " then a one-line deck, a blank line, the story.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "paper_2024-03-04_pier-vote.txt").write_text(
        "Harbor town votes to rebuild pier; \nCouncil splits 7-2 after a debate that ran past midnight.\n\n"
        + "\n\n".join(PARAGRAPHS)
        + "\n",
        encoding="utf-8",
    )
    _, out, _ = run("list", "--corpus", str(corpus))
    assert out.startswith("paper_2024-03-04_pier-vote.txt  Harbor town votes to rebuild pier;  ")
    _, out, _ = run("show", "--json", "--corpus", str(corpus), "paper_2024-03-04_pier-vote.txt")
    texts = [s["text"] for s in json.loads(out)["sentences"]]
    assert texts[0] == "Council splits 7-2 after a debate that ran past midnight."
    assert texts[1] == PARAGRAPHS[0]
