"""``python -m toolkit links``: the weekly check of external links reports, and never fails."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.serve import running


class _Answers(http.server.BaseHTTPRequestHandler):
    """/ok answers, /gone is gone, /no-head refuses HEAD as some servers do."""

    def do_HEAD(self) -> None:
        self.send_response({"/ok": 200, "/no-head": 405}.get(self.path, 404))
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    with running(_Answers) as address:
        yield address


# The local test server is asked directly, whatever proxy the machine is set up with.
ENV = {**os.environ, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_reports_each_place_of_a_broken_link_and_exits_0(tmp_path: Path, server: str) -> None:
    dead = f"http://127.0.0.1:{closed_port()}/"
    docs = tmp_path / "docs"
    (docs / "werkzeuge").mkdir(parents=True)
    (docs / "werkzeuge" / "a.md").write_text(
        f"---\nquellen:\n  - titel: Gut\n    url: {server}/ok\n  - titel: Weg\n    url: {server}/gone\n---\n\n"
        f"Siehe [die Anleitung]({server}/no-head) und {server}/gone.\n", encoding="utf-8")
    (docs / "glossar.yml").write_text(f"x:\n  links:\n    - {{titel: T, url: '{dead}'}}\n", encoding="utf-8")

    result = subprocess.run([sys.executable, "-m", "toolkit", "links", "--timeout", "5"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, env=ENV)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"docs/glossar.yml:3: warning: link {dead} cannot be reached")
    assert lines[1:] == [
        f"docs/werkzeuge/a.md:6: warning: link {server}/gone answers 404 Not Found; update or remove it if it stays so",
        f"docs/werkzeuge/a.md:9: warning: link {server}/gone answers 404 Not Found; update or remove it if it stays so",
    ]
    assert "4 addresses asked, 3 places to look at" in result.stderr


def test_github_format_makes_warnings_not_errors(tmp_path: Path, server: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "seite.md").write_text(f"Ein [Link]({server}/gone).\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "toolkit", "links", "--format", "github"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, env=ENV)
    assert result.returncode == 0
    assert result.stdout.startswith(f"::warning file=docs/seite.md,line=1::link {server}/gone answers 404")
