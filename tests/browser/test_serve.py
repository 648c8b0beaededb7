"""`make serve` as an editor uses it: the open page follows every save, problems show in the page.

The real `make serve` runs on a copy of the project at a free port (SERVE_ADDR); the browser
never reloads by itself in this test: what changes, the page's own live reload brought.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.sites import REPO, copy_project

# A first build of the whole site, then one rebuild per save, on a machine that may be busy.
START_TIMEOUT = 300
REBUILD_TIMEOUT_MS = 180_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, project: Path, process: subprocess.Popen[str], log: Path, url: str) -> None:
        self.project, self.process, self.log, self.url = project, process, log, url

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    project = copy_project(tmp_path_factory.mktemp("serve"))
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(REPO / name, project / name)  # times kept: make sees the installed venv as fresh
    (project / ".venv").symlink_to(REPO / ".venv")
    addr = f"127.0.0.1:{_free_port()}"
    log = project / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(["make", "serve", f"SERVE_ADDR={addr}"], cwd=project, stdout=out,
                                   stderr=subprocess.STDOUT, text=True, start_new_session=True)
    server = Server(project, process, log, "")
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not (found := re.search(r"Serving on (http://\S+)", server.output())):
            assert process.poll() is None, f"make serve ended:\n{server.output()}"
            assert time.monotonic() < deadline, f"make serve did not start:\n{server.output()}"
            time.sleep(0.2)
        server.url = found.group(1)
        assert server.url == f"http://{addr}/wissensbasis/"
        yield server
    finally:
        # Ctrl+C, as an editor stops it: MkDocs then removes its temporary folders.
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def _a_tool(project: Path) -> tuple[str, str]:
    """The slug and German source of the first tool that has an English translation."""
    folder = project / "docs" / "werkzeuge"
    slug = sorted(p.name[:-6] for p in folder.glob("*.en.md"))[0]
    return slug, (folder / f"{slug}.md").read_text(encoding="utf-8")


def test_the_open_page_follows_edits_and_shows_problems(server: Server, browser) -> None:
    from playwright.sync_api import expect

    slug, original = _a_tool(server.project)
    source = server.project / "docs" / "werkzeuge" / f"{slug}.md"
    context = browser.new_context()
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        page.goto(f"{server.url}werkzeuge/{slug}/")
        summary = page.locator(".kb-summary")
        expect(summary).to_be_visible()
        assert page.locator(".kb-problems").count() == 0

        # 1. An edit appears in the open page by itself.
        edited = "Eine Zusammenfassung, die eben erst gespeichert wurde."
        source.write_text(re.sub(r"^kurz: .*$", f"kurz: {edited}", original, count=1, flags=re.M), encoding="utf-8")
        expect(summary).to_have_text(edited, timeout=REBUILD_TIMEOUT_MS)

        # 2. A broken source: the banner names file and line, the entry's page shows its problems,
        #    and the server keeps answering.
        broken = re.sub(r"^themen: .*$", "themen: [gibt-es-nicht]", original, count=1, flags=re.M)
        line = broken.splitlines().index("themen: [gibt-es-nicht]") + 1
        source.write_text(broken, encoding="utf-8")
        where = f"docs/werkzeuge/{slug}.md:{line}"
        banner = page.locator("aside.kb-problems")
        expect(banner).to_contain_text(where, timeout=REBUILD_TIMEOUT_MS)
        expect(banner).to_contain_text("unknown themen value 'gibt-es-nicht'")
        expect(page.locator("section.kb-problems")).to_contain_text(where)
        assert page.locator(".kb-summary").count() == 0
        started = time.monotonic()
        with urllib.request.urlopen(server.url, timeout=1) as answer:
            assert answer.status == 200 and b"kb-problems" in answer.read()
        assert time.monotonic() - started < 1

        # 3. Fixed: the page comes back by itself.
        source.write_text(original, encoding="utf-8")
        expect(page.locator(".kb-summary")).to_be_visible(timeout=REBUILD_TIMEOUT_MS)
        expect(page.locator(".kb-problems")).to_have_count(0)
        assert blocked == [], blocked
        assert server.process.poll() is None
    finally:
        source.write_text(original, encoding="utf-8")
        context.close()
