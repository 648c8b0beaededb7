"""How long `mkdocs serve` takes to show an edited source: write, then poll the page until it changes."""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "werkzeuge" / "zukunftswerkstatt.md"
PAGE = "werkzeuge/zukunftswerkstatt/"
RUNS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local server)
        return response.read().decode("utf-8")


def mount_path() -> str:
    """`mkdocs serve` serves the site under the path of site_url (e.g. /wissensbasis/)."""
    match = re.search(r"^site_url:\s*\S+?://[^/\s]+(/\S*)?\s*$", (ROOT / "mkdocs.yml").read_text(), re.M)
    return (match.group(1) or "/") if match else "/"


def main() -> int:
    port = free_port()
    url = f"http://127.0.0.1:{port}{mount_path()}{PAGE}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    original = SOURCE.read_text(encoding="utf-8")
    timings = []
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                fetch(url)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("mkdocs serve did not answer within 300 s")
                time.sleep(0.2)
        for run in range(RUNS):
            marker = f"Messlauf{run}x{time.time_ns()}"
            SOURCE.write_text(re.sub(r"^kurz: ", f"kurz: {marker} ", original, count=1, flags=re.M), encoding="utf-8")
            start = time.monotonic()
            while marker not in fetch(url):
                if time.monotonic() - start > 60:
                    raise SystemExit("the edit did not show within 60 s")
                time.sleep(0.05)
            timings.append(time.monotonic() - start)
            time.sleep(1.0)
    finally:
        SOURCE.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print("edit visible after (s): " + ", ".join(f"{t:.2f}" for t in timings))
    print(f"median {statistics.median(timings):.2f} s, max {max(timings):.2f} s over {RUNS} edits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
