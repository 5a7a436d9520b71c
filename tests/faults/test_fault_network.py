"""Slow and hostile servers on loopback: a total deadline, and no index lock held while fetching."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fault_helpers import STORY, cli, env_for, make_corpus, one_line

PAGE = (
    b"<html><head><title>Drip</title></head><body><article><h1>Drip story</h1>"
    + b"<p>The slow server sent this paragraph one byte at a time to test the deadline.</p>" * 20
    + b"</article></body></html>"
)


class DripServer:
    """Answers every connection one byte every `interval` seconds (headers and body), on 127.0.0.1."""

    def __init__(self, *, headers_too: bool, interval: float = 0.2) -> None:
        self.headers_too = headers_too
        self.interval = interval
        self.connected = threading.Event()
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/story.html"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(4096)
            self.connected.set()
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            if not self.headers_too:
                conn.sendall(head)
            for byte in (head if self.headers_too else b"") + PAGE:  # bounded: the page ends
                if self.stop.wait(self.interval):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

    def __enter__(self) -> DripServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = make_corpus(tmp_path / "corpus")
    assert cli(tmp_path, "index", "--corpus", str(folder)).returncode == 0
    return folder


@pytest.mark.parametrize("headers_too", [False, True], ids=["body drips", "headers drip"])
def test_a_dripping_server_is_cut_off_on_time(tmp_path: Path, corpus: Path, headers_too: bool) -> None:
    with DripServer(headers_too=headers_too) as server:
        env = env_for(tmp_path, ASSISTANT_FETCH_TIMEOUT="1.5")
        # The page takes over a minute to drip; the subprocess limit is the test's own bound.
        result = cli(tmp_path, "add", server.url, "--corpus", str(corpus), env=env, timeout=45)
    assert result.returncode == 6
    assert "within 1.5 seconds" in one_line(result.stderr)


def test_a_slow_fetch_does_not_hold_up_other_commands(tmp_path: Path, corpus: Path) -> None:
    with DripServer(headers_too=False, interval=0.5) as server:
        env = env_for(tmp_path, ASSISTANT_FETCH_TIMEOUT="60")
        slow = subprocess.Popen(
            [sys.executable, "-m", "assistant", "add", server.url, "--corpus", str(corpus)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )  # fmt: skip
        try:
            assert server.connected.wait(30)
            # A new file makes the next question refresh the index, which needs the writers' lock.
            (corpus / "new.txt").write_text(STORY.replace("harbour", "river"), encoding="utf-8")
            asked = cli(tmp_path, "ask", "What did the river council vote for?", "--corpus", str(corpus),
                        env=env, timeout=40)  # fmt: skip
            assert asked.returncode == 0, asked.stderr
            (tmp_path / "other.txt").write_text(STORY.replace("harbour", "canal"), encoding="utf-8")
            other = str(tmp_path / "other.txt")
            added = cli(tmp_path, "add", other, "--corpus", str(corpus), env=env, timeout=40)
            assert added.returncode == 0, added.stderr
            assert slow.poll() is None  # the slow add is still fetching: it held nothing
        finally:
            slow.kill()
            slow.communicate(timeout=30)


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[::1]:99999/x", "http://[zz]/", "http://exa mple.com/", "http://x:port/"]
)
def test_malformed_addresses_get_a_plain_reason(tmp_path: Path, corpus: Path, url: str) -> None:
    result = cli(tmp_path, "add", url, "--corpus", str(corpus))
    assert result.returncode == 6
    line = one_line(result.stderr)
    assert "unexpected" not in line
    assert "malformed" in line or "spaces" in line


def test_network_off_is_proved_by_blocked_sockets(tmp_path: Path, corpus: Path) -> None:
    """With every socket refused, `ask`, `list` and `index` still work (nothing reaches the network)."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import socket\n"
        "def _refuse(*a, **k):\n    raise OSError('network blocked by the test')\n"
        "socket.socket.connect = _refuse\nsocket.create_connection = _refuse\n"
        "socket.getaddrinfo = _refuse\n"
    )
    env = env_for(tmp_path, PYTHONPATH=str(tmp_path))
    for args in (["ask", "How much will the flood wall cost?"], ["list"], ["index"]):
        result = cli(tmp_path, *args, "--corpus", str(corpus), env=env)
        assert result.returncode == 0, (args, result.stderr)
    refused = cli(tmp_path, "add", "http://127.0.0.1:9/x", "--corpus", str(corpus), env=env)
    assert refused.returncode == 6 and "network blocked" in one_line(refused.stderr)
