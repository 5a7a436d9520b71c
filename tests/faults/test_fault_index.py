"""Any damage to the stored index is found on open and rebuilt with one warning line, never trusted."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from fault_helpers import STORY, cli, env_for, make_corpus, one_line

from assistant.engine import Engine
from assistant.index.checked_files import StaleIndex
from assistant.index.store import load
from assistant.index.version import index_fingerprint
from assistant.locations import passage_tokens

QUESTION = "How much will the flood wall cost?"
ANSWER = "The wall will cost an estimated 14 million pounds"


def _ask(tmp: Path, corpus: Path) -> subprocess.CompletedProcess[bytes]:
    return cli(tmp, "ask", QUESTION, "--top", "1", "--corpus", str(corpus))


def _generation(corpus: Path) -> Path:
    index = corpus / ".assistant"
    return index / (index / "CURRENT").read_text().strip()


def _segment(corpus: Path) -> Path:
    """The first segment folder the current generation names."""
    body = json.loads((_generation(corpus) / "manifest.json").read_text())["body"]
    return corpus / ".assistant" / body["segments"][0]


def _index_files(corpus: Path) -> list[Path]:
    """Every file of the current generation and of its segments (not the memo of checked files)."""
    return sorted(
        p for folder in (_generation(corpus), _segment(corpus)) for p in folder.iterdir() if p.name[0] != "."
    )


def _flip(path: Path) -> None:
    """One byte changed in the middle of the file: the size stays the same."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 if len(data) > 1 else 0
    data[middle] ^= 0x5A
    path.write_bytes(bytes(data))


def _replace_with_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _replace_folder_with_file(path: Path) -> None:
    shutil.rmtree(path)
    path.write_bytes(b"not a folder\n")


def _pointer_loop(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)  # ELOOP on every read


DAMAGE: dict[str, Callable[[Path], None]] = {
    "pointer garbage": lambda c: (c / ".assistant" / "CURRENT").write_bytes(os.urandom(40) + b"\xff\x00"),
    "pointer empty": lambda c: (c / ".assistant" / "CURRENT").write_bytes(b""),
    "pointer to nothing": lambda c: (c / ".assistant" / "CURRENT").write_text("gen-0123456789ab"),
    "pointer outside": lambda c: (c / ".assistant" / "CURRENT").write_text("../../.."),
    "pointer is a folder": lambda c: _replace_with_folder(c / ".assistant" / "CURRENT"),
    "pointer unreadable (link loop)": lambda c: _pointer_loop(c / ".assistant" / "CURRENT"),
    "index folder is a file": lambda c: _replace_folder_with_file(c / ".assistant"),
    "generation is a file": lambda c: _replace_folder_with_file(_generation(c)),
    "segment removed": lambda c: shutil.rmtree(_segment(c)),
    "segment manifest edited": lambda c: (_segment(c) / "manifest.json").write_text(
        (_segment(c) / "manifest.json").read_text().replace('"base_passage": 0', '"base_passage": 7')
    ),
    "manifest garbage": lambda c: (_generation(c) / "manifest.json").write_bytes(b"{\x00garbage"),
    "manifest edited": lambda c: (_generation(c) / "manifest.json").write_text(
        (_generation(c) / "manifest.json").read_text().replace('"articles": ', '"articles": 1')
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = make_corpus(tmp_path / "corpus")
    built = _ask(tmp_path, folder)
    assert built.returncode == 0 and ANSWER.encode() in built.stdout
    return folder


def _assert_rebuilt(tmp: Path, corpus: Path, what: str) -> None:
    result = _ask(tmp, corpus)
    assert result.returncode == 0, (what, result.stderr)
    assert ANSWER.encode() in result.stdout, what
    assert "rebuilt" in one_line(result.stderr), what
    again = _ask(tmp, corpus)  # the rebuilt index was stored: no second warning
    assert again.returncode == 0 and again.stderr == b"", (what, again.stderr)


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_index_is_rebuilt_with_one_line(tmp_path: Path, corpus: Path, kind: str) -> None:
    DAMAGE[kind](corpus)
    _assert_rebuilt(tmp_path, corpus, kind)


def test_a_flipped_byte_in_any_index_file_is_caught(tmp_path: Path, corpus: Path) -> None:
    paths = _index_files(corpus)
    assert len(paths) >= 12
    fingerprint = index_fingerprint(passage_tokens())
    for path in paths:  # every file: the open refuses it (in-process, to keep the suite quick)
        original = path.read_bytes()
        _flip(path)
        with pytest.raises(StaleIndex):
            load(corpus / ".assistant", fingerprint)
        path.write_bytes(original)
    load(corpus / ".assistant", fingerprint)  # restored: trusted again
    _flip(_segment(corpus) / "s_start.npy")  # and through the CLI: one line, a rebuild, the right answer
    _assert_rebuilt(tmp_path, corpus, "flipped s_start.npy")


@pytest.mark.parametrize("how", ["truncated", "deleted", "emptied"])
def test_a_truncated_or_missing_array_is_caught(tmp_path: Path, corpus: Path, how: str) -> None:
    for name in ("indptr.npy", "s_start.npy", "articles.jsonl", "articles-offsets.npy", "terms.txt"):
        path = _segment(corpus) / name
        if how == "deleted":
            path.unlink()
        else:
            path.write_bytes(path.read_bytes()[: 10 if how == "truncated" else 0])
        _assert_rebuilt(tmp_path, corpus, f"{how} {name}")


def test_writers_and_readers_at_once_never_force_a_rebuild(tmp_path: Path, corpus: Path) -> None:
    """Generations are removed while other processes read them: readers retry, never rebuild."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(4):
        (inbox / f"story{n}.txt").write_text(STORY.replace("eastern", f"number {n} eastern"), "utf-8")
    env = env_for(tmp_path)
    command = [sys.executable, "-m", "assistant"]
    writer = subprocess.Popen(
        ["/bin/sh", "-c", " && ".join(
            f"{sys.executable} -m assistant add {inbox / f'story{n}.txt'} --corpus {corpus}" for n in range(4)
        )],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    readers = [
        subprocess.Popen(
            ["/bin/sh", "-c", " ; ".join([" ".join([*command, "list", "--corpus", str(corpus)])] * 6)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=240)[1] for p in (writer, *readers)]
    assert writer.returncode == 0, outputs[0]
    for err in outputs:
        assert b"rebuilt" not in err and b"Traceback" not in err, err


def test_a_killed_add_leaves_no_temporary_file(tmp_path: Path, corpus: Path) -> None:
    # A writer killed with -9 between writing its temporary file and naming it.
    victim = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    leftover = corpus / f".adding-{victim.pid}-x1y2z3.tmp"
    leftover.write_text("half an article")
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    running = corpus / f".adding-{os.getpid()}-abc.tmp"  # a live writer's file is left alone
    running.write_text("being written")
    (tmp_path / "new.txt").write_text(STORY.replace("harbour", "river"), encoding="utf-8")
    added = cli(tmp_path, "add", str(tmp_path / "new.txt"), "--corpus", str(corpus))
    assert added.returncode == 0, added.stderr
    assert not leftover.exists()
    assert running.exists()


def test_kill_9_during_a_build_leaves_a_working_index(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    for n in range(300):
        (corpus / f"filler{n:03d}.txt").write_text(f"Filler story {n}\n" + "Words of filler text. " * 200)
    env = env_for(tmp_path)
    builder = subprocess.Popen(
        [sys.executable, "-m", "assistant", "index", "--corpus", str(corpus)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    for _ in range(200):  # until it has started writing (bounded)
        if (corpus / ".assistant").exists():
            break
        time.sleep(0.02)
    builder.send_signal(signal.SIGKILL)
    builder.wait(timeout=30)
    result = _ask(tmp_path, corpus)
    assert result.returncode == 0 and ANSWER.encode() in result.stdout
    assert b"Traceback" not in result.stderr
    listed = json.loads(cli(tmp_path, "list", "--json", "--corpus", str(corpus)).stdout)
    assert len(listed) == 306


def test_an_index_location_that_is_a_users_file_is_reported_never_deleted(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    precious = tmp_path / "precious.txt"
    precious.write_text("the user's own file\n")
    env = env_for(tmp_path, ASSISTANT_INDEX_DIR=str(precious))
    result = cli(tmp_path, "list", "--corpus", str(corpus), env=env)
    assert result.returncode == 0  # answered from the index in memory, with one warning
    assert "not a folder" in one_line(result.stderr) and b"harbour.txt" in result.stdout
    assert precious.read_text() == "the user's own file\n"


_REPLACE_GENERATIONS = """
import sys
from pathlib import Path
from assistant.index.store import load, save
folder, fingerprint = Path(sys.argv[1]), sys.argv[2]
stored = load(folder, fingerprint)
for n in range(int(sys.argv[3])):
    save(folder, stored, fingerprint)
    print(n + 1, flush=True)
"""


def test_loading_while_a_writer_replaces_generations_never_reports_damage(tmp_path: Path) -> None:
    """The race behind needless rebuilds: a generation removed while another process reads it."""
    corpus = make_corpus(tmp_path / "corpus")
    Engine.open(corpus)
    folder = corpus / ".assistant"
    fingerprint = index_fingerprint(passage_tokens())
    # The writer is another process (as it is in use): threads of one process would also race
    # CPython 3.11's parser, which numpy's header reading uses (python/cpython#106905).
    writer = subprocess.Popen(
        [sys.executable, "-c", _REPLACE_GENERATIONS, str(folder), fingerprint, "400"],
        env=env_for(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    damaged, loads, deadline = [], 0, time.monotonic() + 120  # the deadline only bounds a stuck run
    while writer.poll() is None and time.monotonic() < deadline:
        try:  # each load races a writer replacing generations all the while
            load(folder, fingerprint)
        except StaleIndex as exc:
            damaged.append(str(exc))
        loads += 1
    out, err = writer.communicate(timeout=120)
    saves = len(out.split())
    assert writer.returncode == 0, err
    assert saves == 400 and loads >= 20 and not damaged, (saves, loads, damaged)


def test_files_checked_once_are_checked_again_after_any_write(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memo of checked files (no re-read of an unwritten file) never hides a flipped byte."""
    from assistant.index import verified_files

    monkeypatch.setattr(verified_files, "SETTLE_NS", 0)  # as if the index were minutes old
    fingerprint = index_fingerprint(passage_tokens())
    index_folder = corpus / ".assistant"
    load(index_folder, fingerprint)
    generation = _segment(corpus)
    memo = json.loads((generation / verified_files.MEMO_FILE).read_text(encoding="ascii"))
    assert memo["generation"] == generation.name
    assert set(memo["files"]) == {
        p.name for p in generation.iterdir() if p.name[0] != "." and p.name != "manifest.json"
    }
    load(index_folder, fingerprint)  # every file remembered: opens without reading them
    for name in ("indices.npy", "articles.jsonl", "terms.txt"):
        time.sleep(0.05)  # past one tick of the coarse file clock
        path = generation / name
        original = path.read_bytes()
        _flip(path)
        with pytest.raises(StaleIndex):
            load(index_folder, fingerprint)
        path.write_bytes(original)
        load(index_folder, fingerprint)
    (generation / verified_files.MEMO_FILE).write_bytes(b"\x00garbage")
    _flip(generation / "tf.npy")
    with pytest.raises(StaleIndex):
        load(index_folder, fingerprint)


# A child that writes index files and is killed with SIGKILL right after its Nth array file.
_DIE_AFTER_SAVES = """
import os, signal, sys
from pathlib import Path
import numpy as np
real, calls = np.save, [0]
def save_then_die(*args, **kwargs):
    real(*args, **kwargs)
    calls[0] += 1
    if calls[0] == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
np.save = save_then_die
from assistant.index import Index
Index.open(Path(sys.argv[1]), compact=sys.argv[3] == "compact")
"""


def _killed_while_writing(tmp: Path, corpus: Path, after: int, mode: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", _DIE_AFTER_SAVES, str(corpus), str(after), mode],
        env=env_for(tmp), capture_output=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr


def _segment_folders(corpus: Path) -> list[str]:
    return sorted(p.name for p in (corpus / ".assistant").iterdir() if p.name.startswith("seg-"))


@pytest.mark.parametrize("after", [1, 8, 15])  # 15 array files in a segment
def test_a_process_killed_writing_a_segment_loses_nothing(tmp_path: Path, corpus: Path, after: int) -> None:
    named = json.loads((_generation(corpus) / "manifest.json").read_text())["body"]["segments"]
    (corpus / "river.txt").write_text(
        STORY.replace("harbour", "river").replace("14 million", "9 million"), "utf-8"
    )
    _killed_while_writing(tmp_path, corpus, after, "update")
    assert len(_segment_folders(corpus)) == len(named) + 1  # the half-written segment, named by nothing
    load(corpus / ".assistant", index_fingerprint(passage_tokens()))  # the previous generation is intact
    result = cli(tmp_path, "ask", "How much will the river wall cost?", "--corpus", str(corpus))
    assert result.returncode == 0 and b"9 million" in result.stdout, result.stderr
    assert b"rebuilt" not in result.stderr and b"Traceback" not in result.stderr
    assert _ask(tmp_path, corpus).returncode == 0
    body = json.loads((_generation(corpus) / "manifest.json").read_text())["body"]
    assert _segment_folders(corpus) == sorted(body["segments"])  # the orphan was removed by the writer


@pytest.mark.parametrize("after", [2, 9])
def test_a_process_killed_during_a_merge_loses_nothing(tmp_path: Path, corpus: Path, after: int) -> None:
    for n in range(3):
        story = tmp_path / f"story{n}.txt"
        story.write_text(
            STORY.replace("harbour", f"canal{n}").replace("14 million", f"{n + 2} million"), "utf-8"
        )
        assert cli(tmp_path, "add", str(story), "--corpus", str(corpus)).returncode == 0
    before = _segment_folders(corpus)
    assert len(before) == 4
    _killed_while_writing(tmp_path, corpus, after, "compact")
    load(corpus / ".assistant", index_fingerprint(passage_tokens()))  # the segments still answer
    for n in range(3):
        result = cli(tmp_path, "ask", f"How much will the canal{n} wall cost?", "--corpus", str(corpus))
        assert result.returncode == 0 and f"{n + 2} million".encode() in result.stdout, result.stderr
        assert result.stderr == b"", result.stderr
    folded = cli(tmp_path, "index", "--corpus", str(corpus))
    assert folded.returncode == 0 and b"9 articles" in folded.stdout, folded.stdout
    assert len(_segment_folders(corpus)) == 1
    assert _ask(tmp_path, corpus).returncode == 0


@pytest.mark.parametrize("after", [1, 2])
def test_a_process_killed_writing_deletion_marks_loses_nothing(
    tmp_path: Path, corpus: Path, after: int
) -> None:
    story = tmp_path / "canal.txt"
    story.write_text(STORY.replace("harbour", "canal").replace("14 million", "5 million"), "utf-8")
    before = set(corpus.iterdir())
    assert cli(tmp_path, "add", str(story), "--corpus", str(corpus)).returncode == 0
    (added,) = set(corpus.iterdir()) - before
    added.unlink()
    _killed_while_writing(tmp_path, corpus, after, "update")  # killed writing dead.npy / dead-df
    load(corpus / ".assistant", index_fingerprint(passage_tokens()))  # the previous generation is intact
    result = cli(tmp_path, "ask", "How much will the canal wall cost?", "--corpus", str(corpus))
    assert result.returncode == 0 and b"5 million" not in result.stdout, result.stdout
    assert b"rebuilt" not in result.stderr and b"Traceback" not in result.stderr
    assert _ask(tmp_path, corpus).returncode == 0
    assert np.load(_generation(corpus) / "dead.npy").tolist() == [6]  # the removal, marked once stored


# `add` indexing only the file it wrote (no walk), killed with SIGKILL right after its Nth array file.
_DIE_WHILE_ADDING = """
import os, signal, sys
from pathlib import Path
import numpy as np
from assistant.engine import Engine
engine = Engine.open(Path(sys.argv[1]))
real, calls = np.save, [0]
def save_then_die(*args, **kwargs):
    real(*args, **kwargs)
    calls[0] += 1
    if calls[0] == int(sys.argv[3]):
        os.kill(os.getpid(), signal.SIGKILL)
np.save = save_then_die
engine.add([sys.argv[2]])
"""


@pytest.mark.parametrize("after", [1, 9, 17, 18])  # 17 array files in a segment, then the generation's marks
def test_a_process_killed_while_add_indexes_its_file_loses_nothing(
    tmp_path: Path, corpus: Path, after: int
) -> None:
    story = tmp_path / "river.txt"
    story.write_text(STORY.replace("harbour", "river").replace("14 million", "9 million"), "utf-8")
    generation = _generation(corpus).name
    child = subprocess.run(
        [sys.executable, "-c", _DIE_WHILE_ADDING, str(corpus), str(story), str(after)],
        env=env_for(tmp_path), capture_output=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert _generation(corpus).name == generation  # killed before the pointer moved
    load(corpus / ".assistant", index_fingerprint(passage_tokens()))  # the previous generation is intact
    # The article file was written before the index: the next command finds and indexes it.
    result = cli(tmp_path, "ask", "How much will the river wall cost?", "--corpus", str(corpus))
    assert result.returncode == 0 and b"9 million" in result.stdout, result.stderr
    assert b"rebuilt" not in result.stderr and b"Traceback" not in result.stderr
    again = cli(tmp_path, "add", str(story), "--corpus", str(corpus))
    assert again.returncode == 0 and b"already" in again.stdout + again.stderr, again.stdout
    assert _ask(tmp_path, corpus).returncode == 0


def test_an_index_from_an_older_version_is_called_old_not_damaged(tmp_path: Path, corpus: Path) -> None:
    # A copied archive's index from before manifests carried a checksum was reported "missing or damaged".
    old_manifest = {"format": 4, "fingerprint": "an-older-analysis", "files": {}, "info": {}}
    (_generation(corpus) / "manifest.json").write_text(json.dumps(old_manifest), encoding="utf-8")
    result = _ask(tmp_path, corpus)
    assert result.returncode == 0 and ANSWER.encode() in result.stdout
    assert one_line(result.stderr) == (
        "assistant: the index was rebuilt (the index was built by an older version of assistant)"
    )
