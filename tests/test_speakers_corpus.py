"""Speakers across a real corpus folder: British house style, aliases, the index, the CLI.

The articles are written to tmp_path, indexed by the real index and read back through the
engine and the `assistant` command, as a user would.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ARTICLES, SEED

from assistant.cli import main
from assistant.engine import Engine
from assistant.models import Attribution

BUDGET = """Blair defends his tax plans
By Ann Writer

Prime Minister Tony Blair has defended the government's plans for the economy in a speech in Manchester.

Speaking to party members, Mr Blair said the economy was stronger than at any time in a generation. \
"We have delivered stability and we will not throw it away," he said.

"We will go further on schools. There is more to do on hospitals.
"Nobody should doubt our resolve," he added.

Chancellor Gordon Brown also spoke. The chancellor told the BBC that growth would stay above 2%.

Shadow chancellor Oliver Letwin said the figures did not add up. According to Mr Letwin, taxes would \
rise by 10 billion pounds after the election.
"""

YUKOS = """Yukos files for bankruptcy in Houston
Russian oil firm Yukos has filed for bankruptcy protection in a court in Houston. Yukos chief \
executive Steven Theede was in Texas this week.

He said the firm had no choice but to seek protection.

The company said it would fight on.
"""

HEALTH = """Hospital waiting lists fall
Waiting lists have fallen to their lowest level since records began, figures show.

Blair told MPs that the figures were proof that investment was working.

Health Secretary John Reid said the NHS would keep improving.
"""


WIRE_1 = """GM to cut output at two plants
DETROIT, March 3 - General Motors Corp said it would cut car output at two plants next month.

It said sales of its larger cars had fallen for three months.
"""

WIRE_2 = """GM recalls trucks
DETROIT, March 9 - GM said it was recalling 40,000 trucks to fix a brake part.
"""


@pytest.fixture
def british(tmp_path: Path) -> Path:
    """A corpus folder of three articles in British style, among the other test articles.

    The others are there so that BM25 has a corpus to weigh words against.
    """
    folder = tmp_path / "british"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    for article in ARTICLES.iterdir():
        shutil.copy(article, folder / article.name)
    (folder / "budget.txt").write_text(BUDGET, encoding="utf-8")
    (folder / "yukos.txt").write_text(YUKOS, encoding="utf-8")
    (folder / "health.txt").write_text(HEALTH, encoding="utf-8")
    (folder / "wire1.txt").write_text(WIRE_1, encoding="utf-8")
    (folder / "wire2.txt").write_text(WIRE_2, encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _said(engine: Engine, article: str, opening: str) -> tuple[Attribution, ...]:
    """The attributions of the sentence of `article` that starts with `opening`."""
    view = engine.article(article)
    found = [
        view.attributions[i]
        for i, s in enumerate(view.sentences)
        if view.text[s.start : s.end].startswith(opening)
    ]
    assert len(found) == 1, f"no single sentence starts with {opening!r}"
    return found[0]


class TestBritishStyle:
    def test_title_and_role_are_kept_apart_from_the_name(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "budget.txt", "Shadow chancellor Oliver Letwin said")
        assert (found.name, found.role, found.key) == ("Oliver Letwin", "Shadow chancellor", "oliver letwin")
        assert found.as_written == "Shadow chancellor Oliver Letwin"
        assert found.kind == "reported"

    def test_mr_blair_is_the_prime_minister_named_earlier(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "budget.txt", "Speaking to party members, Mr Blair said")
        assert found.as_written == "Mr Blair"
        assert (found.name, found.role, found.key) == ("Tony Blair", "Prime Minister", "tony blair")

    def test_he_said_resolves_to_the_last_speaker(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "budget.txt", '"We have delivered stability')
        assert found.as_written == "he"
        assert found.name == "Tony Blair"
        assert found.kind == "direct" and found.direct

    def test_a_quotation_carried_over_paragraphs_keeps_its_speaker(self, british: Path) -> None:
        engine = Engine.open(british)
        for opening in ('"We will go further on schools.', "There is more to do on hospitals."):
            (found,) = _said(engine, "budget.txt", opening)
            assert found.name == "Tony Blair"
            assert found.direct

    def test_the_chancellor_told_the_bbc(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "budget.txt", "The chancellor told the BBC")
        assert found.as_written == "The chancellor"
        assert (found.name, found.role) == ("Gordon Brown", "Chancellor")
        assert found.cue == "told"
        assert found.kind == "reported"
        view = engine.article("budget.txt")
        assert view.text[found.content_start : found.content_end] == "that growth would stay above 2%"

    def test_according_to(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "budget.txt", "According to Mr Letwin")
        assert (found.name, found.kind, found.cue) == ("Oliver Letwin", "according_to", "according to")

    def test_he_said_with_no_earlier_speaker_means_the_person_named_before(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "yukos.txt", "He said the firm had no choice")
        assert found.name == "Steven Theede"

    def test_the_company_is_the_firm_the_story_opens_with(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "yukos.txt", "The company said")
        assert (found.name, found.key, found.as_written) == ("Yukos", "yukos", "The company")
        assert "The company" not in {entry.name for entry in engine.speakers()}


class TestCompanies:
    def test_it_said_is_the_company_that_spoke_last(self, british: Path) -> None:
        engine = Engine.open(british)
        (found,) = _said(engine, "wire1.txt", "It said sales")
        assert found.as_written == "It"
        assert found.name == "General Motors Corp"

    def test_an_acronym_is_the_one_company_with_those_initials(self, british: Path) -> None:
        engine = Engine.open(british)
        gm = [entry for entry in engine.speakers() if "GM" in (entry.name, *entry.aliases)]
        assert len(gm) == 1
        assert gm[0].name == "General Motors Corp" and gm[0].articles == 2


class TestSpeakersCommand:
    def test_one_line_per_person_with_counts_and_roles(self, british: Path) -> None:
        code, out, err = run("speakers", "--json", "--corpus", str(british))
        assert code == 0, err
        people = {entry["name"]: entry for entry in json.loads(out)}
        blair = people["Tony Blair"]
        # "Tony Blair", "Mr Blair", "he" (twice, and the carried quotation) and, in another
        # article, "Blair told MPs" are one person.
        assert blair["statements"] >= 5
        assert blair["articles"] == 2
        assert "Prime Minister" in blair["roles"]
        assert not [name for name in people if "Blair" in name and name != "Tony Blair"]
        assert people["Gordon Brown"]["roles"] == ["Chancellor"]
        for unnamed in ("he", "He", "The", "The company", "The chancellor", "Mr Blair", "Blair"):
            assert unnamed not in people

    def test_plain_listing(self, british: Path) -> None:
        code, out, _ = run("speakers", "--corpus", str(british))
        assert code == 0
        lines = [line for line in out.splitlines() if "Tony Blair" in line]
        assert len(lines) == 1
        assert "(Prime Minister" in lines[0] and "[2 articles]" in lines[0]

    @pytest.mark.parametrize("name", ["Blair", "Mr Blair", "Tony Blair"])
    def test_ask_by_any_form_of_the_name_finds_all_of_them(self, british: Path, name: str) -> None:
        # In health.txt he is only ever "Blair"; the rest of the corpus names him in full.
        question = f"What did {name} say?"
        corpus = str(british)
        code, out, err = run("ask", "--json", "--top", "8", "--speaker", name, question, "--corpus", corpus)
        assert code == 0, err
        quotes = json.loads(out)["quotes"]
        assert {q["speaker"]["name"] for q in quotes} == {"Tony Blair"}
        written = {q["speaker"]["as_written"] for q in quotes}
        assert {"Mr Blair", "he", "Blair"} <= written
        assert {q["article"]["id"] for q in quotes} == {"budget.txt", "health.txt"}


class TestComputedAtIndexTime:
    def test_speakers_are_stored_with_the_index(self, british: Path) -> None:
        engine = Engine.open(british)
        stored = engine.index.articles.columns["speakers"]
        budget = engine.index.articles.index_of("budget.txt")
        assert budget is not None
        assert any(row[1] == "Tony Blair" for row in stored[budget])

    def test_listing_speakers_does_not_read_the_articles_again(self, british: Path) -> None:
        run("index", "--corpus", str(british))
        # Overwrite an article with other words of the same size and time: the index, which
        # trusts size and time, keeps what it stored, and the listing comes from there.
        path = british / "health.txt"
        stat = path.stat()
        path.write_bytes(b"x" * stat.st_size)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        code, out, _ = run("speakers", "--json", "--corpus", str(british))
        assert code == 0
        people = {entry["name"]: entry for entry in json.loads(out)}
        assert people["John Reid"]["roles"] == ["Health Secretary"]

    def test_a_changed_article_changes_the_speakers(self, british: Path) -> None:
        run("index", "--corpus", str(british))
        (british / "health.txt").write_text(
            HEALTH.replace("Health Secretary John Reid", "Health Secretary Patricia Hewitt"), encoding="utf-8"
        )
        code, out, _ = run("speakers", "--json", "--corpus", str(british))
        assert code == 0
        names = {entry["name"] for entry in json.loads(out)}
        assert "Patricia Hewitt" in names and "John Reid" not in names
