"""Reading articles from the corpus folder: files, layout, furniture, metadata, sentences.

The one way in for the rest of the code: find and decode files (`files`),
parse an article into metadata, paragraphs and sentences with offsets into
its decoded text (`reader`), and show a source span on one line (`display`).
What may be read as an article at all (`safe_paths`) is decided here too, for `add` as well,
and which article an id a user typed names (`article_ids`). A file that is no one article (a saved
web page, a wire file of many stories: `file_kinds`, `wire_collection`) is told apart.
"""

from typing import TYPE_CHECKING

from assistant.lazy_exports import lazy_getattr

if TYPE_CHECKING:
    from assistant.corpus.article_ids import resolve_article_id
    from assistant.corpus.display import display_text, one_line_text
    from assistant.corpus.file_kinds import WEB_PAGE_SUFFIXES, WIRE_SUFFIXES, not_one_article
    from assistant.corpus.files import (
        EMPTY,
        MAX_FILE_BYTES,
        TEXT_SUFFIXES,
        UnreadableArticle,
        article_id,
        decode,
        discover,
        folder_notes,
        read_as_cp1252,
        read_file,
        walk,
    )
    from assistant.corpus.front_matter_block import FRONT_MATTER
    from assistant.corpus.furniture import is_furniture
    from assistant.corpus.layout import Span
    from assistant.corpus.markdown import markdown_heading
    from assistant.corpus.reader import MARKDOWN_SUFFIXES, ParsedArticle, parse_article, read_article
    from assistant.corpus.safe_paths import (
        FolderReader,
        RefusedPath,
        inside,
        read_regular,
        real_root,
        too_broad,
    )
    from assistant.corpus.sentences import split_paragraph, split_sentences
    from assistant.corpus.wire_collection import WireStory, story_count, wire_stories

# Each name is imported from its module when first used (PEP 562): a question reads one stored
# article's file and never parses one, so it loads neither the reader nor the front-matter YAML.
_HOME = {
    "resolve_article_id": "article_ids",
    "display_text": "display",
    "one_line_text": "display",
    "WEB_PAGE_SUFFIXES": "file_kinds",
    "WIRE_SUFFIXES": "file_kinds",
    "not_one_article": "file_kinds",
    "EMPTY": "files",
    "MAX_FILE_BYTES": "files",
    "TEXT_SUFFIXES": "files",
    "UnreadableArticle": "files",
    "article_id": "files",
    "decode": "files",
    "discover": "files",
    "folder_notes": "files",
    "read_as_cp1252": "files",
    "read_file": "files",
    "walk": "files",
    "is_furniture": "furniture",
    "Span": "layout",
    "FRONT_MATTER": "front_matter_block",
    "markdown_heading": "markdown",
    "MARKDOWN_SUFFIXES": "reader",
    "ParsedArticle": "reader",
    "parse_article": "reader",
    "read_article": "reader",
    "FolderReader": "safe_paths",
    "RefusedPath": "safe_paths",
    "inside": "safe_paths",
    "read_regular": "safe_paths",
    "real_root": "safe_paths",
    "too_broad": "safe_paths",
    "split_paragraph": "sentences",
    "split_sentences": "sentences",
    "WireStory": "wire_collection",
    "story_count": "wire_collection",
    "wire_stories": "wire_collection",
}


__getattr__ = lazy_getattr(__name__, _HOME, globals())


__all__ = [
    "EMPTY",
    "FRONT_MATTER",
    "MARKDOWN_SUFFIXES",
    "MAX_FILE_BYTES",
    "TEXT_SUFFIXES",
    "WEB_PAGE_SUFFIXES",
    "WIRE_SUFFIXES",
    "FolderReader",
    "ParsedArticle",
    "RefusedPath",
    "Span",
    "UnreadableArticle",
    "WireStory",
    "article_id",
    "decode",
    "discover",
    "display_text",
    "folder_notes",
    "inside",
    "is_furniture",
    "markdown_heading",
    "not_one_article",
    "one_line_text",
    "parse_article",
    "read_article",
    "read_as_cp1252",
    "read_file",
    "read_regular",
    "real_root",
    "resolve_article_id",
    "split_paragraph",
    "split_sentences",
    "story_count",
    "too_broad",
    "walk",
    "wire_stories",
]
