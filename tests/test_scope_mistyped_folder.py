"""A daily user's trial of scope: a folder typed wrong is named as the reason, with the folders
where it was looked for, and a folder that is fine is not blamed when the dates are. The real CLI
(CliRunner) on a real archive folder with nested folders, as a wire archive has them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.answer.scope import Scope, empty_scope_message
from assistant.cli import main

STORY = "{title}\n\nThe {what} rose in {month}, the ministry said on Tuesday in its report.\n"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    corpus = tmp_path / "archive"
    for number, (folder, what) in enumerate(
        [
            ("c000/reut2-000", "bank rate"),
            ("c000/reut2-001", "coffee price"),
            ("c001/reut2-002", "oil output"),
        ]
    ):
        path = corpus / folder / f"{number:05d}.txt"
        path.parent.mkdir(parents=True)
        path.write_text(STORY.format(title=f"Report {number}", what=what, month="March"), encoding="utf-8")
    return corpus


def ask(corpus: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ask", "--no-history", "--corpus", str(corpus), *args])
    return result.exit_code, result.stdout


def test_a_mistyped_subfolder_is_shown_the_folders_beside_it(archive: Path) -> None:
    # It said "Its folders: c000/, c001/": the top folders, though the user was inside c000/.
    code, out = ask(archive, "--in", "c000/reut2-009/", "What rose in March?")
    assert code == 1
    assert out.strip() == (
        "No article in the corpus is within the scope (in c000/reut2-009/). "
        "Folders in c000/: c000/reut2-000/, c000/reut2-001/."
    )


def test_a_folder_that_holds_articles_is_not_blamed_for_the_dates(archive: Path) -> None:
    # It listed "Its folders: c000/, c001/" though c000/reut2-001/ was right: the dates were the reason.
    code, out = ask(archive, "--in", "c000/reut2-001/", "--since", "1987", "What rose in March?")
    assert code == 1
    assert out.strip() == (
        "No article in the corpus is within the scope (in c000/reut2-001/; since 1987-01-01). "
        "3 of 3 articles have no date to compare. Ask without the limits to search all 3 articles."
    )


def test_a_removed_article_is_not_counted_among_those_without_a_date(archive: Path) -> None:
    # It said "3 of 3 articles have no date" after one was removed: the removed row was counted.
    ask(archive, "What rose in March?")
    removed = CliRunner().invoke(main, ["remove", "--corpus", str(archive), "c001/reut2-002/00002.txt"])
    assert removed.exit_code == 0, removed.output
    code, out = ask(archive, "--since", "1987", "What rose in March?")
    assert code == 1
    assert out.strip() == (
        "No article in the corpus is within the scope (since 1987-01-01). "
        "2 of 2 articles have no date to compare. Ask without the limits to search all 2 articles."
    )


def test_counts_in_the_undated_message_are_written_alike_at_archive_size() -> None:
    """ "462749 of 462,749 articles have no date to compare": one count grouped, the other not."""
    columns = {"id": [f"wire/{n:06d}.txt" for n in range(1200)], "date": [None] * 1200}
    message = empty_scope_message(Scope(since=dt.date(1987, 3, 5)), columns)
    assert "1,200 of 1,200 articles have no date to compare" in message
