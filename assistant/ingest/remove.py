"""Taking one article out of the corpus folder, by its id.

The id comes from the user: one that would reach outside the corpus folder (`..`, an
absolute path, a hidden file) is refused before anything is touched.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import ArticleNotFound, CorpusWriteError


def remove_article(corpus_dir: Path, article_id: str, *, indexed: bool = True) -> Path:
    """Delete one article file from the corpus; ids that would reach outside it are refused.

    A file the index does not hold as an article (`indexed` false: a folder's README, a binary
    or oversized file, a link leading out) is not the user's article: it is left alone.
    """
    root = corpus_dir.resolve()
    parts = Path(article_id).parts
    if (
        not article_id
        or "\x00" in article_id
        or Path(article_id).is_absolute()
        or "\\" in article_id
        or any(part in ("..", ".") or part.startswith(".") for part in parts)
    ):
        raise ArticleNotFound(f"{article_id!r} is not an article id inside the corpus")
    path = root / article_id
    if not path.parent.resolve().is_relative_to(root):
        raise ArticleNotFound(f"{article_id!r} is not an article id inside the corpus")
    if not path.is_file() and not path.is_symlink():
        raise _not_found(article_id)
    if not indexed:
        raise ArticleNotFound(
            f"{article_id!r} is no article of the index (a file left out, or a link leading out of "
            "the corpus); nothing removed"
        )
    try:
        path.unlink()
    except FileNotFoundError as exc:
        raise _not_found(article_id) from exc
    except OSError as exc:
        raise CorpusWriteError(f"cannot remove {article_id}: {exc.strerror or exc}") from exc
    return path


def _not_found(article_id: str) -> ArticleNotFound:
    """An unknown id, with the next step: "no article 'x'" alone left a user of a 2,000-article
    archive without a way to find the id they meant."""
    return ArticleNotFound(
        f"no article {article_id!r} in the corpus; `assistant list --filter WORD` finds ids by title,"
        " author, source or id"
    )
