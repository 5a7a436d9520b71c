"""A daily user's trial of `assistant remove`: it takes out articles, and only articles. A folder's
README, a binary file the index skipped and a link leading out of the corpus are not the user's
articles: `remove` on them used to delete them. The real CLI (CliRunner) on a real corpus folder."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_remove_deletes_an_article_and_leaves_files_that_are_no_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry returns\n\nThe ferry returned on Monday.\n", encoding="utf-8")
    (corpus / "README.md").write_text("# Notes\n\nWhere these articles came from.\n", encoding="utf-8")
    (corpus / "scan.txt").write_bytes(bytes(range(256)) * 8)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("Elsewhere\n\nNot in the corpus.\n", encoding="utf-8")
    (corpus / "link.txt").symlink_to(elsewhere)
    code, _, err = run("index", "--corpus", str(corpus))
    assert code == 0, err

    refusals = {
        "README.md": "'README.md' was left out of the index: notes about the folder (README, LICENSE…), "
        "not an article",
        "scan.txt": "'scan.txt' was left out of the index: the file is binary, not text",
        "link.txt": "'link.txt' is no article of the index (a file left out, or a link leading out of the "
        "corpus); nothing removed",
    }
    for name, refusal in refusals.items():
        code, _, err = run("remove", name, "--corpus", str(corpus))
        assert (code, err.strip()) == (4, f"assistant: {refusal}"), name
        assert (corpus / name).is_symlink() or (corpus / name).is_file()
    # `show` and `ask --article` say the same instead of "no article 'README.md'".
    code, _, err = run("show", "README.md", "--corpus", str(corpus))
    assert (code, err.strip()) == (4, f"assistant: {refusals['README.md']}")

    code, out, err = run("remove", "ferry.txt", "--corpus", str(corpus))
    assert code == 0, err
    assert out.startswith("removed ferry.txt")
    assert not (corpus / "ferry.txt").exists()
