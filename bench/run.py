"""The benchmark behind BENCHMARKS.md (``make bench``; not part of ``make test``).

It generates the synthetic corpus at full size (2,000 tools, 500 model projects, 300 glossary
terms, 1,000 events, 1,000 media; ``--events`` and ``--media`` change the last two) and at a
quarter of every kind with ``bench/corpus.py``, builds each with the real
configuration, and builds the *floor* in the same run: a bare Material site (its default plugins, the built-in
search included, the i18n plugin with de and en, no hooks) with the same number of plain pages, outside the navigation, in both
languages. Every build runs as a whole process, ``--runs`` times, interleaved so that a busy
machine slows all of them alike; the median counts. Then it serves the full site locally and
measures in Debian's Chromium what a visitor's browser transfers, runs Lighthouse if it can,
and writes the figures with the budgets (BUDGETS below) into BENCHMARKS.md (between the markers;
hand-written notes outside them stay).

The script only drives command-line tools (``bench/corpus.py``, ``python -m toolkit``, ``mkdocs``,
``lighthouse``) and a browser; it imports nothing of the project.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import gzip
import http.server
import importlib.metadata
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import yaml

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CORPUS = REPO / "bench" / "corpus.py"
LIGHTHOUSE = "lighthouse@12.2.3"
CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
# A word the synthetic texts use often: the first query fetches as much as a real one would.
QUERY = "Marktplatz"
# A compound: the search fetches the index's word list to split it (toolkit/render/search_words.py).
COMPOUND_QUERY = "Bürgerbeteiligung"
# Responses a server sends compressed: everything but what is compressed already.
PRECOMPRESSED = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".png", ".jpg", ".jpeg", ".webp", ".woff2",
                 ".gz")

BUDGETS = {
    "floor_ratio": 1.3, "growth": 4.4, "check": 3.0, "memory_mb": 1024, "catalogue_kb": 250, "tool_kb": 150,
    "search_kb": 300, "filter_ms": 50, "cls": 0.02, "lighthouse": 90,
}


# -- the corpora ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CorpusSize:
    """How many entries of each kind a corpus has."""

    tools: int
    projects: int
    terms: int
    events: int
    media: int

    def scaled(self, factor: float) -> CorpusSize:
        # The generator needs at least one tool, project and term; events and media may be left out.
        return CorpusSize(max(1, round(self.tools * factor)), max(1, round(self.projects * factor)),
                          max(1, round(self.terms * factor)), round(self.events * factor), round(self.media * factor))

    @property
    def entry_pages(self) -> int:
        """Pages of entries, German and English (glossary terms share one page)."""
        return 2 * (self.tools + self.projects + self.events + self.media)

    def arguments(self) -> list[str]:
        return ["--tools", str(self.tools), "--projects", str(self.projects), "--terms", str(self.terms),
                "--events", str(self.events), "--media", str(self.media)]

    def describe(self) -> str:
        return (f"{self.tools:,} tools, {self.projects:,} model projects, {self.terms:,} glossary terms, "
                f"{self.events:,} events, {self.media:,} media")


# The full corpus; its events and media are the defaults of --events and --media.
FULL = CorpusSize(tools=2000, projects=500, terms=300, events=1000, media=1000)
# The growth budget compares the full corpus with one of a quarter of every kind.
QUARTER = 0.25


def corpus_sizes(*, events: int, media: int, scale: float) -> dict[str, CorpusSize]:
    full = dataclasses.replace(FULL, events=events, media=media)
    return {"full": full.scaled(scale), "quarter": full.scaled(scale * QUARTER)}


def corpus_cmd(size: CorpusSize, dest: Path) -> list[str]:
    return [PYTHON, str(CORPUS), *size.arguments(), "--project", str(REPO), "--replace", str(dest)]


# -- processes ---------------------------------------------------------------------------------
@dataclass
class Run:
    wall: float
    cpu: float  # user + system, of the process and every child it waited for (Pagefind)
    max_rss_mb: float  # the largest single process
    tree_peak_mb: float  # the largest sum of the process tree, sampled every 50 ms
    returncode: int
    root_peak_mb: float = 0  # MkDocs itself, without Pagefind


class _TreeSampler(threading.Thread):
    """Sums the resident memory of a process and its descendants, and keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.root_kb, self.done = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in _tree(self.pid)))
            self.root_kb = max(self.root_kb, _rss_kb(self.pid))

    def stop(self) -> tuple[float, float]:
        self.done.set()
        self.join()
        return self.peak_kb / 1024, self.root_kb / 1024


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(c) for c in children.read().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_process(cmd: list[str], *, cwd: Path, log: Path) -> Run:
    with open(log, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        sampler = _TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        tree, root = sampler.stop()
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, tree, proc.returncode, root)


def must(run: Run, what: str, log: Path) -> Run:
    if run.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
        sys.exit(f"bench: {what} failed (exit status {run.returncode}); the end of {log}:\n{tail}")
    return run


# -- the sites ---------------------------------------------------------------------------------
def make_corpus(dest: Path, size: CorpusSize) -> Path:
    cmd = corpus_cmd(size, dest)
    print(f"bench: {' '.join(cmd[1:])}", flush=True)
    result = subprocess.run(cmd, cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"bench: writing the corpus {dest.name} failed: {result.stderr.strip()}")
    return dest


FLOOR_CONFIG = """\
# The floor: bare Material with its default plugins (the built-in search among them: listing
# `plugins:` replaces MkDocs' default list, so search is named again), no hooks, the i18n plugin
# with German and English, every page outside the navigation.
site_name: Floor
site_url: https://example.org/floor/
theme:
  name: material
  language: de
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: de
          default: true
          name: Deutsch
          build: true
        - locale: en
          name: English
          build: true
not_in_nav: |
  /seiten/*.md
nav:
  - Start: index.md
"""
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\.md\)")


def make_floor(corpus: Path, dest: Path) -> int:
    """One plain page per entry and language, with the entry's title and text; returns how many."""
    if dest.exists():
        shutil.rmtree(dest)
    pages = dest / "docs" / "seiten"
    pages.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(FLOOR_CONFIG, encoding="utf-8")
    (dest / "docs" / "index.md").write_text("# Boden\n\nDie Vergleichsseite.\n", encoding="utf-8")
    (dest / "docs" / "index.en.md").write_text("# Floor\n\nThe baseline.\n", encoding="utf-8")
    count = 0
    # Every folder with one source per entry (tools, projects, events, media): the floor has as
    # many pages as the site has entry pages.
    folders = sorted(p.name for p in (corpus / "docs").iterdir() if p.is_dir() and (p / "index.md").is_file())
    for folder in folders:
        for source in sorted((corpus / "docs" / folder).glob("*.md")):
            if source.name.startswith("index."):
                continue
            _, meta, body = source.read_text(encoding="utf-8").split("---\n", 2)
            title = yaml.safe_load(meta).get("titel") or source.stem  # a medium's title is not translated
            # Links between entries would point nowhere in the floor; their text stays.
            text = _MD_LINK.sub(r"\1", body)
            (pages / f"{folder}-{source.name}").write_text(f"# {title}\n\n{text}", encoding="utf-8")
            count += 1
    return count


def build_cmd(site: Path) -> list[str]:
    return [PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]


@dataclass
class SiteSize:
    files: int
    html: int
    mb: float
    search_mb: float  # Pagefind's bundle


def site_size(site: Path) -> SiteSize:
    files = [p for p in site.rglob("*") if p.is_file()]
    search = site / "pagefind"
    return SiteSize(
        files=len(files),
        html=sum(p.suffix == ".html" for p in files),
        mb=sum(p.stat().st_size for p in files) / 1e6,
        search_mb=sum(p.stat().st_size for p in search.rglob("*") if p.is_file()) / 1e6 if search.is_dir() else 0,
    )


# -- the browser -------------------------------------------------------------------------------
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".webmanifest")


class _Server(http.server.SimpleHTTPRequestHandler):
    """The built site as GitHub Pages serves it: text gzip-compressed for browsers that ask.

    Python's own server sends everything uncompressed; Lighthouse would then weigh the catalogue
    at its raw 1.7 MB instead of the 0.2 MB a visitor receives.
    """

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSIBLE
                or not path.is_file() or not self.path.split("?")[0].endswith(("/", path.suffix))):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Server, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@dataclass
class Weight:
    requests: int = 0
    raw: int = 0
    transfer: int = 0  # gzip where a server would compress
    other_hosts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    by_file: list[tuple[str, int]] = field(default_factory=list)

    @property
    def kb(self) -> float:
        return self.transfer / 1024


def weigh(urls: list[str], *, base: str, site: Path) -> Weight:
    weight = Weight()
    for url in dict.fromkeys(urls):  # a URL is fetched once and then cached
        if url.startswith("data:"):
            continue
        if not url.startswith(base):
            weight.other_hosts.append(url)
            continue
        path = unquote(urlsplit(url).path)
        target = site / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            weight.missing.append(url)
            continue
        data = target.read_bytes()
        size = len(data) if target.suffix in PRECOMPRESSED else min(len(data), len(gzip.compress(data, 6)))
        weight.requests += 1
        weight.raw += len(data)
        weight.transfer += size
        weight.by_file.append((path, size))
    return weight


def _requests(page: Page) -> list[str]:
    """The addresses the page requests from now on, in order; the list grows as it loads."""
    seen: list[str] = []

    def record(request: Request) -> None:
        seen.append(request.url)

    page.on("request", record)
    return seen


@dataclass
class Query:
    """What the first query of a visit transferred and showed."""

    weight: Weight
    results_shown: int
    index_on_open: list[str]  # requests to pagefind/ before the query: none is the budget


@dataclass
class BrowserFigures:
    start: Weight
    catalogue: Weight
    tool: Weight
    search: Query
    compound_search: Query
    filter_ms: list[float]
    cls: dict[str, float]  # catalogue path -> layout shift


def browser_figures(site: Path, *, tool: str) -> BrowserFigures:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    weights: dict[str, Weight] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for name, path in (("start", ""), ("catalogue", "werkzeuge/"), ("tool", f"werkzeuge/{tool}/")):
                context = browser.new_context(viewport={"width": 375, "height": 812}, service_workers="block")
                page = context.new_page()
                seen = _requests(page)
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(500)
                weights[name] = weigh(seen, base=base, site=site)
                context.close()
            figures = BrowserFigures(
                start=weights["start"], catalogue=weights["catalogue"], tool=weights["tool"],
                search=_first_query(browser, base, site, tool),
                compound_search=_first_query(browser, base, site, tool, COMPOUND_QUERY),
                filter_ms=_filter_click(browser, base),
                cls={path: _layout_shift(browser, base, path) for path in ("werkzeuge/", "modellvorhaben/")},
            )
            browser.close()
    finally:
        server.shutdown()
    return figures


def _first_query(browser: Browser, base: str, site: Path, tool: str, query: str = QUERY) -> Query:
    """What the first query of a visit transfers: Pagefind's script, its WebAssembly, the index
    chunks and the result fragments, on top of the page already open."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    seen = _requests(page)
    page.goto(base + f"werkzeuge/{tool}/", wait_until="networkidle")
    on_open = [u for u in seen if "/pagefind/" in u]
    before = len(seen)
    box = page.locator(".kb-search__input")
    box.click()
    box.type(query, delay=30)
    page.locator(".kb-search__results li").first.wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    results = page.locator(".kb-search__results li").count()
    weight = weigh(seen[before:], base=base, site=site)
    context.close()
    return Query(weight=weight, results_shown=results, index_on_open=on_open)


FILTER_CLICKS = 20


def _filter_click(browser: Browser, base: str) -> list[float]:
    """Milliseconds from a facet click until the next frame, 20 clicks on the catalogue (a mobile
    viewport, as the rest of the budget)."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, service_workers="block")
    page = context.new_page()
    page.goto(base + "werkzeuge/", wait_until="networkidle")
    page.locator(".kb-facets-toggle").click()
    times = page.evaluate("""async (clicks) => {
        const boxes = document.querySelectorAll('.kb-catalogue input[type=checkbox][name=themen]');
        const times = [];
        for (let i = 0; i < clicks; i++) {
            const start = performance.now();
            boxes[i % 2].click();
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
            times.push(performance.now() - start);
        }
        return times;
    }""", FILTER_CLICKS)
    context.close()
    return [float(t) for t in times]


def _layout_shift(browser: Browser, base: str, path: str) -> float:
    """Cumulative layout shift while a catalogue loads and its filters appear, phone-sized."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, service_workers="block")
    page = context.new_page()
    page.add_init_script("""window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(1000)
    value = float(page.evaluate("window.__cls"))
    context.close()
    return value


# -- Lighthouse --------------------------------------------------------------------------------
@dataclass
class PageScore:
    """Lighthouse's figures of one page (a category's score is None where Lighthouse gave none)."""

    performance: int | None
    accessibility: int | None
    best_practices: int | None
    seo: int | None
    weight_kib: int
    cls: float
    tbt_ms: int
    dom: int  # elements
    failed: list[str]  # audits not passed, outside performance


@dataclass
class Lighthouse:
    pages: dict[str, PageScore | str] = field(default_factory=dict)  # a page's figures, or why it failed
    error: str = ""  # why Lighthouse did not run at all


def lighthouse(site: Path, cache: Path, pages: dict[str, str], out: Path) -> Lighthouse:
    """Mobile profile scores per page, or why Lighthouse cannot run here."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        return Lighthouse(error="node and npm are not installed")
    if not CHROMIUM.exists():
        return Lighthouse(error=f"{CHROMIUM} is missing")
    prefix = cache / "npm"
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists() or LIGHTHOUSE.split("@")[1] not in (prefix / "node_modules" / "lighthouse" / "package.json").read_text():
        prefix.mkdir(parents=True, exist_ok=True)
        if not (prefix / "package.json").exists():
            (prefix / "package.json").write_text('{"private": true}\n')
        result = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(prefix), LIGHTHOUSE],
                                capture_output=True, text=True)
        if result.returncode != 0:
            return Lighthouse(error=f"npm install {LIGHTHOUSE} failed: {result.stderr.strip()[-300:]}")
    server, base = serve(site)
    scores = Lighthouse()
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    try:
        for name, path in pages.items():
            report = out / f"lighthouse-{name}.json"
            result = subprocess.run(
                [str(binary), base + path, "--quiet", "--output=json", f"--output-path={report}",
                 "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={flags}"],
                env={**ENV, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True, timeout=600)
            if result.returncode != 0 or not report.exists():
                scores.pages[name] = (result.stderr.strip() or result.stdout.strip())[-400:]
                continue
            data = json.loads(report.read_text())
            category = {key: round(cat["score"] * 100) if cat["score"] is not None else None
                        for key, cat in data["categories"].items()}
            scores.pages[name] = PageScore(
                performance=category.get("performance"),
                accessibility=category.get("accessibility"),
                best_practices=category.get("best-practices"),
                seo=category.get("seo"),
                weight_kib=round(data["audits"]["total-byte-weight"]["numericValue"] / 1024),
                cls=float(data["audits"]["cumulative-layout-shift"]["numericValue"]),
                tbt_ms=round(data["audits"]["total-blocking-time"]["numericValue"]),
                dom=round(data["audits"]["dom-size"].get("numericValue") or 0),
                failed=sorted(audit_id for cat in data["categories"].values() if cat["id"] != "performance"
                              for ref in cat["auditRefs"]
                              if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1
                              for audit_id in [ref["id"]]),
            )
    finally:
        server.shutdown()
    return scores


# -- the report --------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    def version(package: str) -> str:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    def first(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "unknown"

    meminfo = Path("/proc/meminfo").read_text()
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"model name\s*:\s*(.*)", cpuinfo)
    total = re.search(r"MemTotal:\s*(\d+)", meminfo)
    commit = first(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "toolkit", "hooks", "overrides",
                            "mkdocs.yml", "bench"], capture_output=True, text=True).stdout.splitlines()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + (f" with {len(dirty)} uncommitted change(s) in toolkit/hooks/overrides/bench" if dirty else ""),
        "cpu": f"{os.cpu_count()} logical CPUs (nproc {len(os.sched_getaffinity(0))})"
               + (f", {model.group(1).strip()}" if model else ""),
        "memory": f"{int(total.group(1)) / 1024 / 1024:.1f} GiB" if total else "unknown",
        "system": platform.platform(),
        "python": platform.python_version(),
        "packages": ", ".join(f"{p} {version(p)}" for p in
                              ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pagefind", "markdown", "pyyaml")),
        "chromium": first([str(CHROMIUM), "--version"]),
        "node": first(["node", "--version"]),
    }


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(float(getattr(r, attr)) for r in runs)


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def points(score: int | None) -> str:
    return "–" if score is None else str(score)


def report(*, args: argparse.Namespace, facts: dict[str, str], load: tuple[tuple[float, ...], tuple[float, ...]],
           corpora: dict[str, CorpusSize], runs: dict[str, list[Run]], pages: dict[str, int], check: list[Run],
           sizes: dict[str, SiteSize], browser: BrowserFigures, scores: Lighthouse, tool: str) -> str:
    full, floor = runs["full"], runs["floor-full"]
    quarter = runs["quarter"]
    ratio = median(full, "wall") / median(floor, "wall")
    ratio_cpu = median(full, "cpu") / median(floor, "cpu")
    growth = median(full, "wall") / median(quarter, "wall")
    growth_cpu = median(full, "cpu") / median(quarter, "cpu")
    check_wall = median(check, "wall")
    rss = max(r.max_rss_mb for r in full)
    tree = max(r.tree_peak_mb for r in full)
    own = max(r.root_peak_mb for r in full)
    lines = [
        BEGIN,
        "",
        f"Measured by `{args.command}` on {facts['date']}, commit {facts['commit']}.",
        "",
        "| machine | |",
        "| --- | --- |",
        *(f"| {k} | {v} |" for k, v in facts.items() if k not in ("date", "commit")),
        f"| load average (1, 5, 15 min) | {' / '.join(f'{x:.1f}' for x in load[0])} before, "
        f"{' / '.join(f'{x:.1f}' for x in load[1])} after |",
        "",
        "The corpora (`bench/corpus.py`, seed 1):",
        "",
        *(f"- {name}: {size.describe()}" for name, size in corpora.items()),
        "",
        "Each build is a whole `mkdocs build --strict` process (the full site: pages, cross-index, "
        "catalogue, open data and the Pagefind search index), run "
        f"{args.runs} times, interleaved with the others; the table gives the median. Wall-clock "
        "time is what the budget is about; CPU time (user + system, Pagefind included) is shown "
        "beside it because it moves much less when other work shares the machine.",
        "",
        "| build | pages (entries, de + en) | wall, median (all runs) | CPU, median | max RSS |",
        "| --- | ---: | --- | ---: | ---: |",
    ]
    for name in ("full", "floor-full", "quarter", "floor-quarter"):
        all_runs = ", ".join(f"{r.wall:.1f}" for r in runs[name])
        lines.append(f"| {name} | {pages[name]:,} | {median(runs[name], 'wall'):.1f} s ({all_runs}) | "
                     f"{median(runs[name], 'cpu'):.1f} s | {max(r.max_rss_mb for r in runs[name]):.0f} MB |")
    search = browser.search
    sw, cw = search.weight, browser.compound_search.weight
    cat, tw, start = browser.catalogue, browser.tool, browser.start
    filter_ms = statistics.median(browser.filter_ms)
    other = [u for w in (cat, tw, start, sw) for u in w.other_hosts]
    lines += [
        "",
        "| budget | measured | limit | verdict |",
        "| --- | --- | --- | --- |",
        f"| full build / floor | {ratio:.2f} (CPU: {ratio_cpu:.2f}) | ≤ {BUDGETS['floor_ratio']} | "
        f"{verdict(ratio <= BUDGETS['floor_ratio'])} |",
        f"| growth, full / quarter | {growth:.2f} (CPU: {growth_cpu:.2f}) | ≤ {BUDGETS['growth']} | "
        f"{verdict(growth <= BUDGETS['growth'])} |",
        f"| `python -m toolkit check`, full corpus | {check_wall:.2f} s wall, {median(check, 'cpu'):.2f} s CPU "
        f"(median of {len(check)}) | < {BUDGETS['check']:.0f} s | {verdict(check_wall < BUDGETS['check'])} |",
        f"| peak memory of the build (MkDocs and Pagefind, which runs inside the build) | {tree:.0f} MB "
        f"together; largest single process {rss:.0f} MB; MkDocs alone {own:.0f} MB | < 1 GB | "
        f"{verdict(max(rss, tree) < BUDGETS['memory_mb'])} |",
        f"| catalogue page, first visit, all requests, gzip | {cat.kb:.0f} KB in {cat.requests} requests "
        f"({cat.raw / 1024:.0f} KB uncompressed) | ≤ {BUDGETS['catalogue_kb']} KB | "
        f"{verdict(cat.kb <= BUDGETS['catalogue_kb'])} |",
        f"| a filter click redraws the catalogue | {filter_ms:.0f} ms (median of "
        f"{len(browser.filter_ms)}, click to next frame) | < {BUDGETS['filter_ms']} ms | "
        f"{verdict(filter_ms < BUDGETS['filter_ms'])} |",
        *(f"| no layout shift when the filters appear, `{path}` (375 px, browser's own measure) | "
          f"{value:.3f} | ≤ {BUDGETS['cls']} | {verdict(value <= BUDGETS['cls'])} |"
          for path, value in browser.cls.items()),
        *(f"| Lighthouse mobile performance, `{path}` | {points(score.performance)} (CLS "
          f"{score.cls:.3f}, blocking {score.tbt_ms} ms, {score.dom:,} elements) | "
          f"≥ {BUDGETS['lighthouse']} | "
          f"{verdict(score.performance is not None and score.performance >= BUDGETS['lighthouse'])} |"
          for name, path in (("catalogue", "werkzeuge/"), ("projects", "modellvorhaben/"))
          for score in [scores.pages.get(name)] if isinstance(score, PageScore)),
        f"| a tool page, first visit, all requests, gzip | {tw.kb:.0f} KB in {tw.requests} requests "
        f"({tw.raw / 1024:.0f} KB uncompressed) | ≤ {BUDGETS['tool_kb']} KB | {verdict(tw.kb <= BUDGETS['tool_kb'])} |",
        f"| opening a page transfers no search index | {len(search.index_on_open)} requests to pagefind/ | 0 | "
        f"{verdict(not search.index_on_open)} |",
        f"| first search query («{QUERY}», {search.results_shown} results shown) | {sw.kb:.0f} KB in "
        f"{sw.requests} requests | ≤ {BUDGETS['search_kb']} KB | {verdict(sw.kb <= BUDGETS['search_kb'])} |",
        f"| first search query for a compound («{COMPOUND_QUERY}», split with the index's word list) | "
        f"{cw.kb:.0f} KB in {cw.requests} requests | ≤ {BUDGETS['search_kb']} KB | {verdict(cw.kb <= BUDGETS['search_kb'])} |",
        f"| requests to other hosts (start, catalogue, tool page, search) | {len(other)} | 0 | {verdict(not other)} |",
        "",
        f"Start page, first visit: {start.kb:.0f} KB gzip in {start.requests} requests.  ",
        f"Tool page measured: `werkzeuge/{tool}/`, 375 px wide. Sizes are what a server that gzips text "
        "(level 6) sends; Pagefind's index files are compressed already and count as they are.",
        "",
        "| site | files | HTML pages | size | of which search index |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name in ("full", "quarter", "floor-full"):
        s = sizes[name]
        lines.append(f"| {name} | {s.files:,} | {s.html:,} | {s.mb:.0f} MB | {s.search_mb:.1f} MB |")
    lines += ["", "Largest transfers of the tool page and the catalogue:", ""]
    for name, weight in (("tool page", tw), ("catalogue", cat)):
        top = sorted(weight.by_file, key=lambda x: -x[1])[:6]
        lines.append(f"- {name}: " + ", ".join(f"`{p}` {b / 1024:.1f} KB" for p, b in top))
    lines += ["", "Lighthouse 12.2.3, mobile profile (simulated slow 4G and CPU slowdown), full corpus:", ""]
    if scores.error:
        lines.append(f"Lighthouse did not run: {scores.error}")
    else:
        lines += ["| page | performance | accessibility | best practices | SEO | weight | audits not passed |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
        for name, score in scores.pages.items():
            if isinstance(score, str):
                lines.append(f"| {name} | failed: {score} | | | | | |")
                continue
            lines.append(f"| {name} | {points(score.performance)} | {points(score.accessibility)} | "
                         f"{points(score.best_practices)} | {points(score.seo)} | {score.weight_kib} KiB | "
                         f"{', '.join(score.failed) or '–'} |")
    lines += ["", END]
    return "\n".join(lines)


def write_report(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Benchmarks\n\nFigures from `make bench` (bench/run.py); the block between the markers is "
        f"rewritten by every run.\n\n{BEGIN}\n{END}\n")
    if BEGIN not in text or END not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(head + block + tail, encoding="utf-8")


# -- main --------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=REPO / ".cache" / "bench", help="where corpora and sites go")
    parser.add_argument("--runs", type=int, default=3, help="builds of each site (median counts)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument("--command", default="make bench", help="the command named in the report")
    parser.add_argument("--events", type=int, default=FULL.events,
                        help=f"events in the full corpus, a quarter of them in the quarter (default: {FULL.events})")
    parser.add_argument("--media", type=int, default=FULL.media,
                        help=f"media in the full corpus, a quarter of them in the quarter (default: {FULL.media}); "
                             "--events 0 --media 0 gives the corpus of tools, projects and terms only")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="shrink every kind of both corpora by this factor, to try the script quickly (the "
                             "budgets are for 1; the quarter must still hold the entries the hand-written pages "
                             "link to, which takes about 0.2)")
    args = parser.parse_args()
    if min(args.events, args.media) < 0 or args.scale <= 0:
        parser.error("--events and --media must be 0 or more, --scale more than 0")
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    facts = machine()

    corpora = corpus_sizes(events=args.events, media=args.media, scale=args.scale)
    pages = {}
    for name, size in corpora.items():
        project = make_corpus(work / name, size)
        pages[name] = size.entry_pages
        pages[f"floor-{name}"] = make_floor(project, work / f"floor-{name}")
    targets = {name: (work / name) for name in ("floor-quarter", "quarter", "floor-full", "full")}
    runs: dict[str, list[Run]] = {name: [] for name in targets}
    for i in range(args.runs):
        for name, project in targets.items():
            site = project / "site"
            shutil.rmtree(site, ignore_errors=True)
            log = work / f"{name}-build-{i + 1}.log"
            run = must(run_process(build_cmd(site), cwd=project, log=log), f"building {name}", log)
            runs[name].append(run)
            print(f"bench: build {name} #{i + 1}: {run.wall:.1f} s wall, {run.cpu:.1f} s CPU, "
                  f"{run.max_rss_mb:.0f} MB", flush=True)
    check = []
    for i in range(args.runs):
        log = work / f"check-{i + 1}.log"
        check.append(must(run_process([PYTHON, "-m", "toolkit", "check"], cwd=targets["full"], log=log),
                          "toolkit check", log))
    print(f"bench: check {median(check, 'wall'):.2f} s", flush=True)
    sizes = {name: site_size(targets[name] / "site") for name in ("full", "quarter", "floor-full")}

    full_site = targets["full"] / "site"
    tool = sorted(p.name for p in (full_site / "werkzeuge").iterdir() if (p / "index.html").is_file())[0]
    browser = browser_figures(full_site, tool=tool)
    print("bench: browser figures done", flush=True)
    pages_lh = {"start": "", "catalogue": "werkzeuge/", "projects": "modellvorhaben/", "tool": f"werkzeuge/{tool}/"}
    scores = (Lighthouse(error="skipped (--no-lighthouse)") if args.no_lighthouse
              else lighthouse(full_site, work, pages_lh, work))
    block = report(args=args, facts=facts, load=(load_before, os.getloadavg()), corpora=corpora, runs=runs,
                   pages=pages, check=check, sizes=sizes, browser=browser, scores=scores, tool=tool)
    write_report(args.output, block)
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
