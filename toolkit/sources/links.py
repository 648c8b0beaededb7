"""External links in the sources, and whether each still answers.

The weekly link check reports what it finds as warnings and never fails: a site that is down
for an hour is no reason to block anyone, and an editor decides whether a link must go.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from toolkit.sources.problems import Problems

_URL = re.compile(r"https?://[^\s<>\"'`)\]]+")
# Sentence punctuation after an address belongs to the sentence, not the address.
_TRAILING = ".,;:!?"
_SOURCES = ("*.md", "*.yml")
_AGENT = "Kleinstadtakademie-Wissensbasis-Linkpruefung/1.0"


@dataclass(frozen=True)
class Link:
    url: str
    path: str  # relative to the repository
    line: int


def find_links(text: str, *, path: str) -> list[Link]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _URL.finditer(line):
            found.append(Link(match.group(0).rstrip(_TRAILING), path, number))
    return found


def source_links(docs: Path, *, root: Path) -> list[Link]:
    """Every web address written in a source under ``docs``, in file order."""
    links = []
    for pattern in _SOURCES:
        for path in sorted(docs.rglob(pattern)):
            if path.is_file() and not path.is_symlink():
                text = path.read_text(encoding="utf-8", errors="replace")
                links += find_links(text, path=path.relative_to(root).as_posix())
    return links


def probe(url: str, *, timeout: float) -> str | None:
    """Why ``url`` does not answer well, or ``None`` when it does."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": _AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):  # only http and https match _URL
                return None
        except urllib.error.HTTPError as exc:
            # Some servers refuse HEAD but answer GET; ask again before reporting.
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return f"answers {exc.code} {exc.reason}"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return f"cannot be reached ({reason})"
    return None


def check_links(links: list[Link], *, timeout: float = 15.0, workers: int = 8) -> Problems:
    """A warning for each place that names an address which does not answer; each address is asked once."""
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=workers) as pool:
        verdicts = dict(zip(urls, pool.map(lambda url: probe(url, timeout=timeout), urls), strict=True))
    problems = Problems()
    for link in links:
        if verdicts[link.url] is not None:
            problems.warning(link.path, link.line, f"link {link.url} {verdicts[link.url]}; "
                                                   f"update or remove it if it stays so")
    problems.sort()
    return problems
