"""How fast `make serve` starts and shows an edited source, on the shipped site and on the corpus.

For each size, a copy of the project (never the repository itself) is served as `make serve`
serves it; the first start is the time until the server prints its address (the whole first
build included), then one tool's summary is rewritten RUNS times, each time polling its page
until the new text is there. Usage:

    .venv/bin/python bench/serve_latency.py                    # both sizes, corpus of bench/corpus.py's defaults
    .venv/bin/python bench/serve_latency.py --sizes site       # the shipped site only
    .venv/bin/python bench/serve_latency.py --tools 100 --projects 25 --terms 25   # a small corpus

It prints one Markdown table row per size, for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
START_LIMIT = 900  # seconds; the budget is 60 s, a slower start is still measured
EDIT_LIMIT = 600


@dataclass
class Figures:
    size: str
    tools: int
    start: float
    edits: list[float]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str:
    # The server answers only once a rebuild is done: a slow rebuild is a slow answer.
    with urllib.request.urlopen(url, timeout=EDIT_LIMIT) as response:  # the local preview server
        body: bytes = response.read()
        return body.decode("utf-8")


def site_copy(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def corpus_copy(dest: Path, tools: int, projects: int, terms: int, events: int, media: int) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(dest), "--tools", str(tools),
                    "--projects", str(projects), "--terms", str(terms), "--events", str(events), "--media", str(media),
                    "--project", str(ROOT)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return dest


def measure(project: Path, size: str, runs: int) -> Figures:
    tools = sorted(p.name[:-6] for p in (project / "docs" / "werkzeuge").glob("*.en.md"))
    slug = tools[0]
    source = project / "docs" / "werkzeuge" / f"{slug}.md"
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = project / "serve.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        # The command of 'make serve'.
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--no-strict",
                                   "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    original = source.read_text(encoding="utf-8")
    edits: list[float] = []
    try:
        while not (found := re.search(r"Serving on (http://\S+)", log.read_text(encoding="utf-8"))):
            if server.poll() is not None or time.monotonic() - started > START_LIMIT:
                raise SystemExit(f"mkdocs serve did not start:\n{log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.1)
        start = time.monotonic() - started
        url = f"{found.group(1)}werkzeuge/{slug}/"
        fetch(url)
        for run in range(runs):
            marker = f"Messlauf{run}x{time.time_ns()}"
            # The whole line: the corpus quotes its summaries, a prefix would break the YAML.
            source.write_text(re.sub(r"^kurz: .*$", f"kurz: {marker} – eine geänderte Zusammenfassung.", original,
                                     count=1, flags=re.M), encoding="utf-8")
            saved = time.monotonic()
            while marker not in fetch(url):
                if time.monotonic() - saved > EDIT_LIMIT:
                    raise SystemExit(f"the edit did not show within {EDIT_LIMIT} s:\n"
                                     f"{log.read_text(encoding='utf-8')[-3000:]}")
                time.sleep(0.05)
            edits.append(time.monotonic() - saved)
            time.sleep(1.0)
    finally:
        source.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGINT)  # Ctrl+C: MkDocs removes its temporary folders
        server.wait(timeout=60)
    return Figures(size, len(tools), start, edits)


def row(f: Figures) -> str:
    edits = " | ".join(f"{t:.2f}" for t in f.edits)
    return (f"| {f.size} ({f.tools} tools) | {f.start:.1f} | {edits} | {statistics.median(f.edits):.2f} | "
            f"{max(f.edits):.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", choices=("both", "site", "corpus"), default="both")
    parser.add_argument("--tools", type=int, default=2000)
    parser.add_argument("--projects", type=int, default=500)
    parser.add_argument("--terms", type=int, default=300)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--media", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    # Stopped from outside, the servers and temporary copies are still cleaned up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    results = []
    with tempfile.TemporaryDirectory(prefix="kb-serve-bench-") as tmp:
        if args.sizes in ("both", "site"):
            results.append(measure(site_copy(Path(tmp) / "site"), "shipped site", args.runs))
        if args.sizes in ("both", "corpus"):
            corpus = corpus_copy(Path(tmp) / "corpus", args.tools, args.projects, args.terms, args.events,
                                 args.media)
            results.append(measure(corpus, "corpus", args.runs))
    edits = " | ".join(str(i + 1) for i in range(args.runs))
    print(f"| size | first start (s) | {edits} | median | max |")
    print("| --- | --- | " + "--- | " * args.runs + "--- | --- |")
    for figures in results:
        print(row(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
