"""A user's trial of the shapes a newsroom archive holds, each added or read as a user does: the
real CLI (a new process) on a real corpus folder, stdin piped, the index built by the command.

What broke in the trial, one test each: a UTF-16 export was stored right but `add` warned that its
accents were guessed; a byline repeating the front matter's author was kept as the story's first
paragraph (`add` of a page whose meta tags name the author, and a hand-written Markdown file); a
title's `=====` underline was a paragraph and hid the byline under it; Hugo's `authors` list and
TOML front matter were not read; HTML a CMS left in Markdown was quoted with its tags; a sentence
a page set over lines with `<br>` was stored a paragraph per line; a page served with no content
type was refused; a story in a 36-column newspaper column was cut at every line end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from cli_process import assistant as cli
from pages import Route, Site, html_route

LIBRARY = (
    "Library opens late on Thursdays\n\nBy Henrik Olsen\n\n"
    "The central library will stay open until 10 pm on Thursdays from next month, the city said.\n\n"
    "\u201cStudents asked us for quiet evenings,\u201d said librarian Kari N\u00e6ss.\n"
)


def _add_stdin(corpus: Path, data: bytes) -> subprocess.CompletedProcess[bytes]:
    """`cat FILE | assistant add -`, as a user pipes a file in."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", "add", "-", "--corpus", str(corpus)],
        input=data,
        capture_output=True,
        timeout=120,
        env={**os.environ, "ASSISTANT_HISTORY": "0"},
    )


def _shown(corpus: Path, article: str) -> dict[str, object]:
    done = cli(corpus, "show", article, "--json")
    assert done.returncode == 0, done.stderr
    shown: dict[str, object] = json.loads(done.stdout)
    return shown


def _sentences(corpus: Path, article: str) -> list[str]:
    return [s["text"] for s in _shown(corpus, article)["sentences"]]  # type: ignore[attr-defined]


def test_a_utf16_export_is_added_without_a_warning_that_its_accents_were_guessed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "library.txt").write_bytes(LIBRARY.encode("utf-16"))  # Notepad's "Unicode": a BOM, LE

    piped = _add_stdin(corpus, LIBRARY.encode("utf-16"))
    named = cli(corpus, "add", str(inbox / "library.txt"))

    assert piped.returncode == 0, piped.stderr
    assert b"Windows-1252" not in piped.stderr and b"not UTF-8" not in piped.stderr
    assert "already present" in named.stdout and "Windows-1252" not in named.stderr
    [stored] = [p for p in corpus.iterdir() if p.suffix == ".md"]
    assert "said librarian Kari N\u00e6ss." in _sentences(corpus, stored.name)[1]
    # A text that really was guessed still says so.
    guessed = _add_stdin(corpus, "Caf\u00e9 wall vote\n\nThe caf\u00e9 owner said no.\n".encode("cp1252"))
    assert guessed.returncode == 0 and b"read as Windows-1252" in guessed.stderr


CAFE_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    "<title>Caf\u00e9 owners protest rent rises</title>"
    '<meta name="author" content="Jos\u00e9 Mart\u00edn"></head><body>'
    "<h1>Caf\u00e9 owners protest rent rises</h1><p>By Jos\u00e9 Mart\u00edn</p>"
    "<p>Owners of 30 caf\u00e9s in the old town closed their doors for an hour on Monday in protest at "
    "rent rises of up to 40 percent.</p>"
    "<p>\u201cWe can\u2019t pay these rents and keep our prices,\u201d said Ana Sol\u00e9, who runs "
    "Caf\u00e9 Luna.</p></body></html>"
)


def test_a_byline_repeating_the_known_author_is_no_paragraph_of_the_story(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = tmp_path / "cafe.html"
    page.write_bytes(CAFE_PAGE.encode("cp1252"))
    (corpus / "ferry.md").write_text(
        "---\ntitle: Harbour council approves ferry terminal\nauthor: Maria Lindqvist\n---\n\n"
        "*By MARIA LINDQVIST, Reuters*\n\n"
        "The harbour council voted 7-2 on Thursday to approve a new ferry terminal.\n",
        encoding="utf-8",
    )

    added = cli(corpus, "add", str(page))

    assert added.returncode == 0, added.stderr
    stored = corpus / "cafe-owners-protest-rent-rises.md"
    assert "By Jos\u00e9" not in stored.read_text(encoding="utf-8")
    shown = _shown(corpus, stored.name)
    assert shown["article"]["author"] == "Jos\u00e9 Mart\u00edn"  # type: ignore[index]
    assert shown["sentences"][0]["text"].startswith("Owners of 30 caf\u00e9s")  # type: ignore[index]
    assert _sentences(corpus, "ferry.md") == [
        "The harbour council voted 7-2 on Thursday to approve a new ferry terminal."
    ]
    # Asked who wrote it, the answer is the author, not a "By …" line quoted as a sentence.
    asked = cli(corpus, "ask", "--json", "Who wrote about the cafe rent protest?")
    assert "By Jos\u00e9" not in asked.stdout


def test_an_underlined_headline_is_a_title_and_the_byline_under_it_is_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cleanup.md").write_text(
        "River cleanup draws hundreds\n============================\n\n*By Lena Fisk*\n\n"
        "Over 300 volunteers pulled 2.4 tonnes of rubbish from the Aven river on Saturday.\n",
        encoding="utf-8",
    )
    (corpus / "newsletter.txt").write_text(
        "School roof repaired\n--------------------\nBy Anne Holt\n\n"
        "The roof of the Vest school was repaired over the holidays, the council said.\n",
        encoding="utf-8",
    )

    for name, title, author in (
        ("cleanup.md", "River cleanup draws hundreds", "Lena Fisk"),
        ("newsletter.txt", "School roof repaired", "Anne Holt"),
    ):
        shown = _shown(corpus, name)
        assert (shown["article"]["title"], shown["article"]["author"]) == (title, author)  # type: ignore[index]
        [sentence] = _sentences(corpus, name)
        assert sentence[0].isalpha()  # no "=====" or "By …" paragraph before the story


def test_front_matter_names_site_generators_use_are_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wind.md").write_text(
        "---\ntitle: 'Wind farm \"Nordvind\" gets green light'\nauthors:\n  - Karl Moe\n  - Siri Dahl\n"
        "publishDate: 2024-09-30T14:05:00+02:00\ntags: [energy, wind]\nPublisher: Energy Desk\n---\n"
        "The government approved the 40-turbine Nordvind wind farm on Monday.\n",
        encoding="utf-8",
    )

    article = _shown(corpus, "wind.md")["article"]

    assert article == {  # Hugo's `authors` list and `publishDate`; keys in any case
        "id": "wind.md", "title": 'Wind farm "Nordvind" gets green light', "author": "Karl Moe, Siri Dahl",
        "source": "Energy Desk", "date": "2024-09-30", "url": None,
    }  # fmt: skip
    scoped = cli(corpus, "ask", "--author", "Siri Dahl", "How many turbines will the wind farm have?")
    assert scoped.returncode == 0 and "40-turbine" in scoped.stdout


HUGO_STORY = (
    '+++\ntitle = "Toll road plan shelved"\nauthor = "Ola Nord"\ndate = 2024-05-05\n'
    'tags = ["roads"]\n+++\n\nThe county shelved its plan for a toll road on Tuesday after protests.\n'
)


def test_a_hugo_story_with_toml_front_matter_is_read_with_its_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "toll.md").write_text(HUGO_STORY, encoding="utf-8")
    (corpus / "broken.md").write_text("+++\ntitle = unquoted\n+++\n\nThe ferry was late.\n", encoding="utf-8")

    indexed = cli(corpus, "index")
    (tmp_path / "other").mkdir()
    piped = _add_stdin(tmp_path / "other", HUGO_STORY.encode())

    article = _shown(corpus, "toll.md")["article"]
    assert (article["title"], article["author"], article["date"]) == (  # type: ignore[index]
        "Toll road plan shelved",
        "Ola Nord",
        "2024-05-05",
    )
    assert _sentences(corpus, "toll.md") == [
        "The county shelved its plan for a toll road on Tuesday after protests."
    ]
    assert "broken.md: its front matter is not valid TOML; read without metadata" in indexed.stderr
    assert _sentences(corpus, "broken.md") == ["The ferry was late."]
    assert piped.returncode == 0, piped.stderr
    assert "Toll road plan shelved" in piped.stdout.decode() and "Ola Nord" in piped.stdout.decode()


def test_html_a_cms_left_in_markdown_is_neither_shown_nor_quoted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cleanup.md").write_text(
        "---\ntitle: River cleanup draws hundreds\n---\n\n"
        "Over 300 volunteers pulled 2.4 tonnes of rubbish from the Aven river on Saturday.\n\n"
        '<div class="ad">Advertisement</div>\n\n'
        '<iframe src="https://video.example.com/embed/1"></iframe>\n\n'
        '<figure>\n<img src="tyres.jpg">\n</figure>\n\n'
        "<p>The organiser, Petra Vik, said the river was <em>cleaner</em> than it had been in years.</p>\n",
        encoding="utf-8",
    )

    sentences = _sentences(corpus, "cleanup.md")
    asked = cli(corpus, "ask", "What did Petra Vik say about the river?")

    assert sentences == [
        "Over 300 volunteers pulled 2.4 tonnes of rubbish from the Aven river on Saturday.",
        "The organiser, Petra Vik, said the river was cleaner than it had been in years.",
    ]
    assert asked.returncode == 0, asked.stderr
    assert "said the river was cleaner than it had been in years." in asked.stdout
    assert "<p>" not in asked.stdout and "<em>" not in asked.stdout


BR_PAGE = (
    "<html><head><title>Mill workers vote to strike</title>"
    '<meta name="author" content="Jon Ekberg"></head><body><article><h1>Mill workers vote to strike</h1>'
    "<p>Workers at the Nordby paper mill voted on Monday to strike<br>\nfrom next week, after talks on "
    "pay broke down,<br>\nthe union said.</p>"
    '<p>"We have waited two years for an offer," said shop steward Lise Berg.<br>"Enough is enough."</p>'
    "<p>The company said it regretted the decision and remained open to talks over the weekend.</p>"
    "</article></body></html>"
)


def test_a_page_set_line_by_line_with_br_keeps_its_sentences_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with Site({"/mill.html": html_route(BR_PAGE)}) as site:
        added = cli(corpus, "add", site.url("/mill.html"))

    assert added.returncode == 0, added.stderr
    [stored] = [p.name for p in corpus.iterdir() if p.suffix == ".md"]
    assert _sentences(corpus, stored) == [
        "Workers at the Nordby paper mill voted on Monday to strike from next week, after talks on pay "
        "broke down, the union said.",
        '"We have waited two years for an offer," said shop steward Lise Berg.',
        '"Enough is enough."',
        "The company said it regretted the decision and remained open to talks over the weekend.",
    ]


def test_a_page_whose_server_names_no_content_type_is_read_by_what_it_holds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    routes: dict[str, Route | Callable[[], Route]] = {
        "/story": (200, {}, BR_PAGE.encode()),  # an old server: no Content-Type at all
        "/notice": (200, {}, b"Quay notice\n\nThe quay closes at noon on Friday for repairs.\n"),
        "/blob": (200, {}, bytes(range(256)) * 8),
    }
    with Site(routes) as site:
        added = cli(corpus, "add", site.url("/story"), site.url("/notice"), site.url("/blob"))

    assert added.returncode == 6  # one source failed, the others were stored
    assert "stored mill-workers-vote-to-strike.md" in added.stdout
    assert "stored quay-notice.md" in added.stdout
    assert f"failed: {site.url('/blob')}: the file is binary, not text" in added.stderr
    assert _sentences(corpus, "quay-notice.md") == ["The quay closes at noon on Friday for repairs."]


def test_a_story_set_in_a_narrow_newspaper_column_keeps_its_sentences_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(  # an archive's OCR of a 36-column newspaper column
        "Harbour to be dredged\n\nBy Kari Lunde\n\n"
        "The harbour board approved a plan on\nMonday to dredge the inner basin\n"
        "before the summer season, its\nchairman said.\n\n"
        '"We cannot let the ferries run\naground again," said chairman Olav\n'
        "Strand, who has led the board since\n2019.\n",
        encoding="utf-8",
    )
    (corpus / "earnings.txt").write_text(  # a table of short rows stays a row a paragraph
        "Calfed Inc 3rd Qtr Net\n\nLOS ANGELES, Oct 19 -\nshr 1.99 dlrs vs 2.05 dlrs\n"
        "net 50.0 mln vs 48.5 mln\nnine months\nshr 5.37 dlrs vs 5.69 dlrs\nnet 134.6 mln vs 129.6 mln\n",
        encoding="utf-8",
    )

    assert _sentences(corpus, "harbour.txt") == [
        "The harbour board approved a plan on Monday to dredge the inner basin before the summer "
        "season, its chairman said.",
        '"We cannot let the ferries run aground again," said chairman Olav Strand, who has led the '
        "board since 2019.",
    ]
    assert len(_sentences(corpus, "earnings.txt")) == 5
    asked = cli(corpus, "ask", "--json", "Who has led the harbour board since 2019?")
    [first, *_] = json.loads(asked.stdout)["quotes"]
    assert first["text"].startswith('"We cannot let the ferries run aground again,"')
    assert first["speaker"]["name"] == "Olav Strand"
