"""File-system faults: a full disk, permissions, read-only folders, huge and odd articles."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fault_helpers import OTHER, STORY, cli, env_for, make_corpus, one_line

from assistant.engine import Engine
from assistant.errors import AssistantError

QUESTION = "How much will the flood wall cost?"
ANSWER = b"The wall will cost an estimated 14 million pounds"
NOBODY = 65534


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system that can be filled up (needs root; skipped with the reason otherwise)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip() or 'not permitted'}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)


def _fill(folder: Path) -> None:
    """Use every free byte of the file system (bounded by its 2 MB)."""
    fd = os.open(folder / ".filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for _ in range(4096):
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    for n in range(10_000):  # the last free inodes and small blocks
        try:
            (folder / f".f{n}").write_bytes(b"x")
        except OSError:
            break


def test_a_full_disk_keeps_questions_answered(tmp_path: Path, tmpfs: Path) -> None:
    corpus = make_corpus(tmpfs / "corpus", background=False)
    for article in (Path(__file__).parents[1] / "data" / "articles").iterdir():
        shutil.copy(article, corpus / article.name)
    first = cli(tmp_path, "ask", QUESTION, "--corpus", str(corpus))
    assert first.returncode == 0 and ANSWER in first.stdout, first.stderr
    _fill(tmpfs)
    # Renamed (no byte needed on the full disk): the next run must store a new index, and cannot. A
    # rename changes the folder's listing, which a question always sees; a file only touched was
    # seen only while the folder's time was too fresh to trust, so on a busy machine, not at all.
    os.rename(corpus / "harbour.txt", corpus / "harbour-wall.txt")
    asked = cli(tmp_path, "ask", QUESTION, "--corpus", str(corpus))
    assert asked.returncode == 0 and ANSWER in asked.stdout
    assert "No space left" in one_line(asked.stderr)
    listed = cli(tmp_path, "list", "--json", "--corpus", str(corpus))
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 5
    generations = [p for p in (corpus / ".assistant").iterdir() if p.name.startswith("gen-")]
    assert len(generations) == 1  # the failed write left no half generation behind

    (tmp_path / "new.txt").write_text(STORY.replace("harbour", "river"), encoding="utf-8")
    added = cli(tmp_path, "add", str(tmp_path / "new.txt"), "--corpus", str(corpus))
    assert added.returncode == 6
    failed = [line for line in added.stderr.decode().splitlines() if "failed:" in line]
    assert len(failed) == 1 and "No space left on device" in failed[0]
    assert b"Traceback" not in added.stderr
    assert not [p for p in corpus.iterdir() if p.name.startswith(".adding-")]


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can reach (pytest's own temporary folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="assistant-faults-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _as_unprivileged(check: Callable[[], bool]) -> bool:
    """`check()` in a forked child that runs as an unprivileged user when we are root.

    Root reads every file whatever its permissions, so a permission test must drop them.
    The modules are already loaded in the parent, so the child needs no access to them.
    """
    if os.geteuid() != 0:
        return check()
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            code = 0 if check() else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def test_a_file_skipped_as_unreadable_is_read_once_permissions_are_fixed(shared_tmp: Path) -> None:
    corpus = make_corpus(shared_tmp / "corpus")
    warm = make_corpus(shared_tmp / "warm-up")
    Engine.open(warm).ask(QUESTION)  # builds; the second open maps the stored index: every module
    Engine.open(warm).ask(QUESTION)  # and the tokenizer are loaded before the fork
    for path in [corpus, *corpus.iterdir()]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    (corpus / "locked.txt").write_text("Locked story\nThe vault door was sealed by the night guard.\n")
    (corpus / "locked.txt").chmod(0o000)

    def skipped() -> bool:
        return "locked.txt" in dict(Engine.open(corpus).opened_with.skipped)

    def answered() -> bool:
        answer = Engine.open(corpus).ask("Who sealed the vault door?")
        return answer.answered and "sealed by the night guard" in answer.quotes[0].text

    assert _as_unprivileged(skipped)
    (corpus / "locked.txt").chmod(0o644)  # same size, same modification time
    assert _as_unprivileged(answered)


@pytest.fixture
def read_only_corpus(tmp_path: Path) -> Iterator[Path]:
    """A corpus on a read-only mount (as root), else in a folder without write permission."""
    source = make_corpus(tmp_path / "source")
    if os.geteuid() != 0:
        source.chmod(0o555)
        yield source
        source.chmod(0o755)
        return
    view = tmp_path / "view"
    view.mkdir()
    bound = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True, check=False)
    if bound.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {bound.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True, check=True)
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], capture_output=True, check=False)


def test_remove_on_a_read_only_corpus_has_its_own_exit_code(tmp_path: Path, read_only_corpus: Path) -> None:
    listed = cli(tmp_path, "list", "--corpus", str(read_only_corpus))  # the index goes to the cache
    assert listed.returncode == 0, listed.stderr
    result = cli(tmp_path, "remove", "harbour.txt", "--corpus", str(read_only_corpus))
    assert result.returncode == 7
    assert "cannot remove harbour.txt" in one_line(result.stderr)
    assert (read_only_corpus / "harbour.txt").exists()


def test_a_huge_one_line_article_gives_short_quotes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    words = ("alpha beta gamma delta missile budget army vote " * 250_000).encode()  # 12 MB, one line
    (corpus / "dump.txt").write_bytes(b"Data dump\n" + words + b"\n")
    (corpus / "word.txt").write_text("One long word\n" + "x" * 50_000 + " missile budget\n", encoding="utf-8")
    result = cli(tmp_path, "ask", "missile budget army", "--json", "--budget", "50", "--corpus", str(corpus))
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["answered"]
    assert all(len(q["text"]) <= 1500 for q in answer["quotes"])
    shown = cli(tmp_path, "show", "word.txt", "--json", "--corpus", str(corpus))
    assert max(len(s["text"]) for s in json.loads(shown.stdout)["sentences"]) <= 1500


def test_utf16_articles_are_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    bom = "Lighthouse keeper retires\n" + OTHER.replace("farmers", "keepers")
    (corpus / "bom.txt").write_bytes(bom.encode("utf-16"))
    plain = "Ferry strike ends\nThe ferry crews ended their strike on Sunday.\n"
    (corpus / "plain16.txt").write_bytes(plain.encode("utf-16-le"))
    listed = cli(tmp_path, "list", "--json", "--corpus", str(corpus))
    ids = {a["id"] for a in json.loads(listed.stdout)}
    assert {"bom.txt", "plain16.txt"} <= ids, listed.stderr
    asked = cli(tmp_path, "ask", "When did the ferry crews end their strike?", "--corpus", str(corpus))
    assert b"ended their strike on Sunday" in asked.stdout


def test_an_unreadable_corpus_folder_is_an_error_not_an_empty_corpus(shared_tmp: Path) -> None:
    corpus = make_corpus(shared_tmp / "corpus")
    warm = make_corpus(shared_tmp / "warm-up")
    Engine.open(warm).ask(QUESTION)
    Engine.open(warm).ask(QUESTION)  # modules loaded before the fork
    corpus.chmod(0o777)
    for path in corpus.iterdir():
        path.chmod(0o666)
    assert _as_unprivileged(lambda: Engine.open(corpus).ask(QUESTION).answered)
    corpus.chmod(0o300)  # no listing

    def refused() -> bool:
        try:
            Engine.open(corpus)
        except AssistantError as error:
            return error.exit_code == 3 and "cannot read the corpus folder" in error.message
        return False

    assert _as_unprivileged(refused)
    corpus.chmod(0o777)

    def kept() -> bool:
        engine = Engine.open(corpus)
        return engine.ask(QUESTION).answered and not engine.opened_with.added  # nothing read again

    assert _as_unprivileged(kept)


def _index_at(tmp: Path, folder: Path) -> dict[str, str]:
    return env_for(tmp, ASSISTANT_INDEX_DIR=str(folder))


def test_a_read_only_index_folder_without_a_lock_still_answers(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to make a read-only mount")
    corpus = make_corpus(tmp_path / "corpus")
    built = tmp_path / "index"
    first = cli(tmp_path, "ask", QUESTION, "--corpus", str(corpus), env=_index_at(tmp_path, built))
    assert first.returncode == 0
    (built / "lock").unlink()
    view = tmp_path / "index-ro"
    view.mkdir()
    bound = subprocess.run(["mount", "--bind", str(built), str(view)], capture_output=True, check=False)
    if bound.returncode:
        pytest.skip("cannot make a read-only mount here")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True, check=True)
        # Renamed, so that a question sees it whatever the machine's load (see the full-disk test):
        # the next run wants to store a new index, and cannot lock.
        os.rename(corpus / "harbour.txt", corpus / "harbour-wall.txt")
        asked = cli(tmp_path, "ask", QUESTION, "--corpus", str(corpus), env=_index_at(tmp_path, view))
        assert asked.returncode == 0 and ANSWER in asked.stdout, asked.stderr
        assert "Read-only file system" in one_line(asked.stderr)
    finally:
        subprocess.run(["umount", "-l", str(view)], capture_output=True, check=False)
