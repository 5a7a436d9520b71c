"""Adding articles: what lands in the corpus folder, what is reported, and what reads back."""

from __future__ import annotations

import errno
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pages import Site, Story, closed_port, html_route, news_page

from assistant import corpus
from assistant.corpus.article_file import body_sha256, slugify
from assistant.errors import ArticleNotFound, CorpusNotFound
from assistant.ingest import AddReport, MetaOverrides, add_sources, remove_article

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7834a3842ba03b39.txt"
STORY = Story()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def _front(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    loaded = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert isinstance(loaded, dict)
    return loaded


def _reads_back(corpus_dir: Path, report: AddReport) -> None:
    """Every stored file re-reads, as the corpus reader reads it, to what the report and front matter say."""
    for stored in report.stored:
        parsed = corpus.read_article(corpus_dir, stored.path)
        paragraphs = [parsed.text[p.start : p.end] for p in parsed.paragraphs]
        front = _front(stored.path)
        assert parsed.meta.title == stored.title == front["title"]
        assert parsed.meta.author == stored.author == front["author"]
        assert parsed.meta.date == stored.date == front["date"]
        assert front["sha256"] == body_sha256(paragraphs)
        assert sum(len(p.split()) for p in paragraphs) == stored.words
        assert parsed.warnings == []


def _only_stored(report: AddReport) -> None:
    assert report.ok, report.failed
    assert not report.duplicates


# --- Formats -------------------------------------------------------------------------------------


def test_seed_text_file_is_stored_under_a_slug_of_its_title(corpus_dir: Path) -> None:
    report = add_sources(corpus_dir, [str(SEED)])
    _only_stored(report)
    [stored] = report.stored
    assert stored.path == corpus_dir / "zelensky-s-us-trip-ends-without-public-atacms.md"
    assert stored.article_id == "zelensky-s-us-trip-ends-without-public-atacms.md"
    assert stored.title.startswith("Zelensky’s US trip ends")
    assert stored.author == "Mike Brest"
    assert stored.warnings == ("no date found",)
    front = _front(stored.path)
    assert list(front) == ["title", "author", "date", "source", "url", "added", "sha256"]
    assert front["source"] == "Washington Examiner"
    body = stored.path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "Video Embed" not in body
    assert body.startswith("\nUkrainian President Volodymyr Zelensky spent this week")
    _reads_back(corpus_dir, report)
    original = corpus.read_article(SEED.parent, SEED)
    again = corpus.read_article(corpus_dir, stored.path)
    assert [original.text[p.start : p.end] for p in original.paragraphs] == [
        again.text[p.start : p.end] for p in again.paragraphs
    ]


@pytest.mark.parametrize(
    ("date_in", "author_in"), [("meta", "meta"), ("jsonld", "jsonld"), ("time", "byline")]
)
def test_saved_html_page_keeps_story_and_metadata(
    corpus_dir: Path, inbox: Path, date_in: str, author_in: str
) -> None:
    page = inbox / "harbour.html"
    page.write_text(news_page(STORY, date_in=date_in, author_in=author_in), encoding="utf-8")  # type: ignore[arg-type]
    report = add_sources(corpus_dir, [str(page)])
    _only_stored(report)
    [stored] = report.stored
    assert stored.path.name == "harbour-council-approves-flood-wall-after-two-year.md"
    assert (stored.title, stored.author, stored.date) == (STORY.title, STORY.author, STORY.date)
    assert stored.warnings == ()
    front = _front(stored.path)
    assert front["source"] == STORY.site
    assert front["url"] == STORY.url
    parsed = corpus.read_article(corpus_dir, stored.path)
    assert tuple(parsed.text[p.start : p.end] for p in parsed.paragraphs) == STORY.paragraphs
    assert "Advertisement" not in parsed.text and "Read more" not in parsed.text
    _reads_back(corpus_dir, report)


def test_markdown_with_front_matter_keeps_its_metadata(corpus_dir: Path, inbox: Path) -> None:
    note = inbox / "note.md"
    note.write_text(
        "---\ntitle: Pier reopens\nauthor: [Ann Lee, Bo Chen]\ndate: 2024-05-02\nurl: https://x.example/p\n---\n\n"
        "The pier reopened on Thursday\nafter a year of repairs.\n\n"
        "## Background\n\nIt had closed in a storm.\n",
        encoding="utf-8",
    )
    report = add_sources(corpus_dir, [str(note)])
    _only_stored(report)
    [stored] = report.stored
    assert (stored.title, stored.author, stored.date) == ("Pier reopens", "Ann Lee, Bo Chen", "2024-05-02")
    assert _front(stored.path)["url"] == "https://x.example/p"
    parsed = corpus.read_article(corpus_dir, stored.path)
    assert [parsed.text[p.start : p.end] for p in parsed.paragraphs] == [
        "The pier reopened on Thursday after a year of repairs.",
        "Background",  # a heading is read as text (issue 8)
        "It had closed in a storm.",
    ]
    _reads_back(corpus_dir, report)


def test_plain_text_without_a_title_line_is_titled_from_its_name(corpus_dir: Path, inbox: Path) -> None:
    text = inbox / "quay_notes.txt"
    text.write_text("The quay flooded again on Monday.\nShops stayed shut.\n", encoding="utf-8")
    [stored] = add_sources(corpus_dir, [str(text)]).stored
    assert stored.title == "quay notes"
    assert stored.warnings == ("no title found; titled 'quay notes'", "no author found", "no date found")
    assert stored.words == 9


def test_stdin_text_and_html(corpus_dir: Path) -> None:
    report = add_sources(corpus_dir, ["-"], stdin=io.BytesIO(news_page(STORY).encode()))
    _only_stored(report)
    assert report.stored[0].source == "stdin"
    assert report.stored[0].title == STORY.title
    report = add_sources(
        corpus_dir, ["-"], stdin=io.BytesIO(b"Ferry fares rise\nFares rise by 5 per cent.\n")
    )
    assert report.stored[0].title == "Ferry fares rise"


def test_overrides_replace_what_was_found(corpus_dir: Path) -> None:
    overrides = MetaOverrides(title="Zelensky leaves US", author="M. Brest", date="2023-09-23", source="WE")
    [stored] = add_sources(corpus_dir, [str(SEED)], overrides=overrides).stored
    assert stored.path.name == "zelensky-leaves-us.md"
    assert (stored.title, stored.author, stored.date) == ("Zelensky leaves US", "M. Brest", "2023-09-23")
    assert stored.warnings == ()
    assert _front(stored.path)["source"] == "WE"


def test_non_utf8_text_is_read_as_cp1252_and_stored_as_utf8(corpus_dir: Path, inbox: Path) -> None:
    legacy = inbox / "cafe.txt"
    legacy.write_bytes("Café owner fears wall\nHelen Marsh said the café would lose its view – and trade.\n"
                       .encode("cp1252"))  # fmt: skip
    [stored] = add_sources(corpus_dir, [str(legacy)]).stored
    assert stored.title == "Café owner fears wall"
    assert any("not UTF-8" in warning for warning in stored.warnings)
    assert "the café would lose its view – and trade." in stored.path.read_text(encoding="utf-8")


# --- Untrusted text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "---",
        "Wall vote\n---\nauthor: attacker",
        "title: injected\nsha256: 0",
        "...",
        "null",
        "- a list item",
        "'quoted' and \"double\"",
        "#hashtag politics",
        "Ünïcödé — «Grèce» : 東京",
        "Red \x1b[31malert\x1b[0m",
    ],
)
def test_hostile_titles_cannot_break_the_file(corpus_dir: Path, title: str) -> None:
    report = add_sources(corpus_dir, [str(SEED)], overrides=MetaOverrides(title=title))
    _only_stored(report)
    [stored] = report.stored
    assert stored.title == " ".join(title.split())
    assert stored.path.parent == corpus_dir
    assert stored.path.name.endswith(".md") and "/" not in stored.article_id
    _reads_back(corpus_dir, report)


def test_body_lines_that_look_like_markup_read_back_the_same(corpus_dir: Path, inbox: Path) -> None:
    source = inbox / "odd.txt"
    source.write_text(
        "Odd article\n---\ntitle: not front matter\n# A heading is read as text\n"
        "A normal sentence follows.\n...\n",
        encoding="utf-8",
    )
    report = add_sources(corpus_dir, [str(source)])
    _only_stored(report)
    _reads_back(corpus_dir, report)
    parsed = corpus.read_article(corpus_dir, report.stored[0].path)
    # Stored as Markdown, "---" is a thematic break (layout, not text) and "#" marks a heading; a
    # line of dots alone is a separator, no sentence (reading25).
    assert [parsed.text[p.start : p.end] for p in parsed.paragraphs] == [
        "title: not front matter", "A heading is read as text", "A normal sentence follows.",
    ]  # fmt: skip


def test_first_paragraph_equal_to_title_is_not_lost_twice(corpus_dir: Path, inbox: Path) -> None:
    page = inbox / "p.html"
    story = Story(paragraphs=(STORY.title, *STORY.paragraphs))
    page.write_text(news_page(story), encoding="utf-8")
    report = add_sources(corpus_dir, [str(page)])
    _reads_back(corpus_dir, report)


# --- Duplicates and names ------------------------------------------------------------------------


def test_same_article_twice_is_reported_not_stored(corpus_dir: Path) -> None:
    first = add_sources(corpus_dir, [str(SEED)])
    second = add_sources(corpus_dir, [str(SEED)], overrides=MetaOverrides(title="Another title"))
    assert second.stored == ()
    assert [(d.source, d.existing_id) for d in second.duplicates] == [(str(SEED), first.stored[0].article_id)]
    assert second.ok
    assert len(list(corpus_dir.iterdir())) == 1


def test_duplicate_within_one_batch(corpus_dir: Path) -> None:
    report = add_sources(corpus_dir, [str(SEED), str(SEED)])
    assert len(report.stored) == 1
    assert report.duplicates[0].existing_id == report.stored[0].article_id


def test_duplicate_of_a_corpus_file_without_sha256(corpus_dir: Path) -> None:
    shutil.copy(SEED, corpus_dir / "seed.txt")
    report = add_sources(corpus_dir, [str(SEED)])
    assert report.stored == ()
    assert report.duplicates[0].existing_id == "seed.txt"


def test_same_story_as_text_and_as_markdown_is_one_article(corpus_dir: Path, inbox: Path) -> None:
    (inbox / "a.txt").write_text("Pier reopens\nThe pier reopened.\nIt had closed.\n", encoding="utf-8")
    (inbox / "b.md").write_text(
        "# Pier reopens\n\nThe pier   reopened.\n\nIt had\nclosed.\n", encoding="utf-8"
    )
    report = add_sources(corpus_dir, [str(inbox / "a.txt"), str(inbox / "b.md")])
    assert len(report.stored) == 1 and len(report.duplicates) == 1


def test_a_taken_name_gets_a_number_and_the_old_file_is_untouched(corpus_dir: Path, inbox: Path) -> None:
    existing = corpus_dir / "pier-reopens.md"
    existing.write_text("---\ntitle: Pier reopens\n---\n\nAn older story.\n", encoding="utf-8")
    (corpus_dir / "pier-reopens-2.md").mkdir()  # even a folder in the way is not replaced
    (inbox / "a.txt").write_text("Pier reopens\nThe pier reopened.\n", encoding="utf-8")
    [stored] = add_sources(corpus_dir, [str(inbox / "a.txt")]).stored
    assert stored.path.name == "pier-reopens-3.md"
    assert existing.read_text(encoding="utf-8").endswith("An older story.\n")


def test_slugs_are_readable_and_short() -> None:
    assert slugify("Zelensky’s US trip ends without public ATACMS commitment") == (
        "zelensky-s-us-trip-ends-without-public-atacms"
    )
    assert slugify("Ελληνικά νέα: Αθήνα") == "ελληνικα-νεα-αθηνα"
    assert slugify("!!!") == "article"
    assert slugify("CON") == "con-article"
    assert len(slugify("word " * 100)) <= 50


# --- Bad sources and batches ---------------------------------------------------------------------


def test_bad_files_get_clear_messages(corpus_dir: Path, inbox: Path) -> None:
    (inbox / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (inbox / "blob.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blank.md").write_text("\n   \n", encoding="utf-8")
    (inbox / "furniture.txt").write_text("Headline only\nBy Jo Bloggs\nAdvertisement\n", encoding="utf-8")
    with (inbox / "huge.txt").open("wb") as handle:
        handle.truncate(corpus.MAX_FILE_BYTES + 1)  # sparse: no 20 MB written
    names = ["photo.png", "blob.txt", "empty.txt", "blank.md", "furniture.txt", "huge.txt", "missing.txt"]
    report = add_sources(corpus_dir, [str(inbox / name) for name in names])
    messages = {Path(f.source).name: f.message for f in report.failed}
    assert messages["photo.png"].startswith("unknown format '.png'")
    assert "binary" in messages["blob.txt"]
    assert messages["empty.txt"] == "the file is empty"
    assert messages["blank.md"] == "the file is empty"
    assert messages["furniture.txt"].startswith("no article text found")
    assert messages["huge.txt"] == "the file is too large (20 MB; the limit is 20 MB)"
    assert messages["missing.txt"] == "no such file or folder"
    assert report.stored == () and not report.ok
    assert list(corpus_dir.iterdir()) == []


def test_a_failure_mid_batch_keeps_earlier_and_later_articles(corpus_dir: Path, inbox: Path) -> None:
    (inbox / "one.txt").write_text("First story\nThe first story text.\n", encoding="utf-8")
    (inbox / "two.bin").write_bytes(bytes(range(256)))
    (inbox / "three.txt").write_text("Third story\nThe third story text.\n", encoding="utf-8")
    sources = [str(inbox / n) for n in ("one.txt", "two.bin", "three.txt")]
    report = add_sources(corpus_dir, sources)
    assert [s.title for s in report.stored] == ["First story", "Third story"]
    assert [f.source for f in report.failed] == [sources[1]]
    assert sorted(p.name for p in corpus_dir.iterdir()) == ["first-story.md", "third-story.md"]


def test_folder_is_added_recursively_with_progress(corpus_dir: Path, inbox: Path) -> None:
    (inbox / "deep" / "er").mkdir(parents=True)
    (inbox / ".hidden").mkdir()
    (inbox / "a.txt").write_text("Story A\nText of A.\n", encoding="utf-8")
    (inbox / "deep" / "b.md").write_text("# Story B\n\nText of B.\n", encoding="utf-8")
    (inbox / "deep" / "er" / "c.html").write_text(news_page(STORY), encoding="utf-8")
    (inbox / ".hidden" / "d.txt").write_text("Story D\nText of D.\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    report = add_sources(corpus_dir, [str(inbox)], progress=lambda done, total: calls.append((done, total)))
    _only_stored(report)
    assert sorted(s.title for s in report.stored) == sorted(["Story A", "Story B", STORY.title])
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert not [p for p in corpus_dir.iterdir() if p.name.startswith(".")]  # no temp files left


def test_empty_folder_and_missing_corpus(corpus_dir: Path, inbox: Path, tmp_path: Path) -> None:
    assert add_sources(corpus_dir, [str(inbox)]).failed[0].message == "the folder holds no files"
    with pytest.raises(CorpusNotFound):
        add_sources(tmp_path / "nowhere", [str(SEED)])


# --- URLs ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    story = Story(url="https://www.coastal.example/news/harbour-flood-wall")
    routes = {
        "/news/harbour-flood-wall": html_route(news_page(story, date_in="jsonld", author_in="byline")),
        "/news/undated": html_route(
            news_page(Story(url="https://x.example/u"), date_in="none", author_in="none")
        ),
        "/plain.txt": (200, {"Content-Type": "text/plain"}, b"Quay notice\nThe quay closes at noon.\n"),
        "/photo.jpg": (200, {"Content-Type": "image/jpeg"}, b"\xff\xd8\xff" + bytes(100)),
    }
    with Site(routes) as running:  # type: ignore[arg-type]
        yield running


def test_url_is_fetched_and_stored_with_where_it_came_from(corpus_dir: Path, site: Site) -> None:
    url = site.url("/news/harbour-flood-wall")
    report = add_sources(corpus_dir, [url])
    _only_stored(report)
    [stored] = report.stored
    assert (stored.source, stored.title, stored.author, stored.date) == (
        url,
        STORY.title,
        STORY.author,
        STORY.date,
    )
    front = _front(stored.path)
    assert front["url"] == url
    assert front["source"] == STORY.site
    _reads_back(corpus_dir, report)


def test_url_without_author_or_date_warns(corpus_dir: Path, site: Site) -> None:
    [stored] = add_sources(corpus_dir, [site.url("/news/undated")]).stored
    assert stored.warnings == ("no author found", "no date found")


def test_plain_text_url(corpus_dir: Path, site: Site) -> None:
    [stored] = add_sources(corpus_dir, [site.url("/plain.txt")]).stored
    assert stored.title == "Quay notice"
    assert _front(stored.path)["source"] == "127.0.0.1"


def test_bad_urls_fail_one_by_one_and_good_ones_are_stored(corpus_dir: Path, site: Site) -> None:
    refused = f"http://127.0.0.1:{closed_port()}/story"
    sources = [
        site.url("/missing"),
        refused,
        site.url("/photo.jpg"),
        "ftp://127.0.0.1/x",
        site.url("/plain.txt"),
    ]
    report = add_sources(corpus_dir, sources)
    assert [s.source for s in report.stored] == [site.url("/plain.txt")]
    messages = [f.message for f in report.failed]
    assert [f.source for f in report.failed] == sources[:4]
    assert messages[0] == "the server answered 404 Not Found"
    assert "refused" in messages[1]
    assert messages[2] == "the page is image/jpeg, not HTML, plain text or a feed"
    assert "http://" in messages[3]


def test_fetcher_can_be_replaced(corpus_dir: Path) -> None:
    from assistant.ingest.fetch import FetchedPage

    def offline(url: str) -> FetchedPage:
        return FetchedPage(url=url, data=news_page(STORY).encode(), content_type="text/html", charset="utf-8")

    [stored] = add_sources(corpus_dir, ["https://news.example/a"], fetcher=offline).stored
    assert stored.title == STORY.title


# --- Removing ------------------------------------------------------------------------------------


def test_remove_article(corpus_dir: Path) -> None:
    [stored] = add_sources(corpus_dir, [str(SEED)]).stored
    assert remove_article(corpus_dir, stored.article_id) == corpus_dir.resolve() / stored.article_id
    assert not stored.path.exists()
    with pytest.raises(ArticleNotFound, match="no article"):
        remove_article(corpus_dir, stored.article_id)


@pytest.mark.parametrize(
    "bad_id", ["../outside.md", "/etc/passwd", "sub/../../outside.md", "", ".", "sub", "x\x00.md"]
)
def test_remove_refuses_ids_outside_the_corpus(corpus_dir: Path, tmp_path: Path, bad_id: str) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("keep me", encoding="utf-8")
    (corpus_dir / "sub").mkdir()
    with pytest.raises(ArticleNotFound):
        remove_article(corpus_dir, bad_id)
    assert outside.exists()


def test_remove_through_a_symlinked_folder_is_refused(corpus_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.md").write_text("keep me", encoding="utf-8")
    os.symlink(elsewhere, corpus_dir / "link")
    with pytest.raises(ArticleNotFound):
        remove_article(corpus_dir, "link/x.md")
    assert (elsewhere / "x.md").exists()


def test_no_clobber_on_a_file_system_without_hard_links(
    corpus_dir: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)  # as on FAT or some network shares
    existing = corpus_dir / "pier-reopens.md"
    existing.write_text("---\ntitle: Pier reopens\n---\n\nAn older story.\n", encoding="utf-8")
    (inbox / "a.txt").write_text("Pier reopens\nThe pier reopened.\n", encoding="utf-8")
    report = add_sources(corpus_dir, [str(inbox / "a.txt")])
    assert [s.path.name for s in report.stored] == ["pier-reopens-2.md"]
    assert existing.read_text(encoding="utf-8").endswith("An older story.\n")
    _reads_back(corpus_dir, report)
    assert sorted(p.name for p in corpus_dir.iterdir()) == ["pier-reopens-2.md", "pier-reopens.md"]
