"""The site builds on ProperDocs, the maintained fork of MkDocs 1.6, and comes out the same.

Material for MkDocs reaches its end of life in 2027 and MkDocs 2 drops plugins; ProperDocs keeps
the plugin API. This test is the proof that a move is a change of the command, not of the site.
ProperDocs lives in a venv of its own (``make properdocs``: the project's locked versions, with
MkDocs itself removed), because it cannot share one with MkDocs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from support.sites import REPO, copy_sources_of


def _pinned_version() -> str:
    found = re.search(r"^PROPERDOCS_VERSION := (\S+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    assert found, "the Makefile pins no PROPERDOCS_VERSION"
    return found.group(1)


VENV = REPO / ".cache" / "properdocs" / _pinned_version()
# The one line that names the generator; everything else must be the same.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (VENV / ".installed").is_file():
        pytest.fail(f"ProperDocs is not installed in {VENV.relative_to(REPO)}: run 'make properdocs'")
    probe = subprocess.run([str(VENV / "bin" / "python"), "-c", "import importlib.util as u; print(u.find_spec('mkdocs'))"],
                           capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "None", "MkDocs is installed beside ProperDocs: the build would prove nothing"
    project = copy_sources_of(built_site, tmp_path_factory.mktemp("properdocs") / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    result = subprocess.run([str(VENV / "bin" / "properdocs"), "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", "site"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_the_same_pages(built_site: Path, properdocs_site: Path) -> None:
    ours, theirs = files(built_site), files(properdocs_site)
    pages = {name for name in ours if name.endswith(".html")}
    assert pages, "the MkDocs build has no pages"
    assert {n for n in theirs if n.endswith(".html")} == pages, (
        f"pages only from MkDocs: {sorted(pages - theirs.keys())[:20]}\n"
        f"pages only from ProperDocs: {sorted({n for n in theirs if n.endswith('.html')} - pages)[:20]}")
    assert theirs.keys() == ours.keys(), f"other files differ: {sorted(theirs.keys() ^ ours.keys())[:20]}"


def test_properdocs_pages_differ_only_in_the_generator_tag(built_site: Path, properdocs_site: Path) -> None:
    ours, theirs = files(built_site), files(properdocs_site)
    differ = []
    for name in sorted(ours.keys() & theirs.keys()):
        a, b = ours[name].read_bytes(), theirs[name].read_bytes()
        if name.endswith(".html"):
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        elif name.endswith(".json"):  # the same data; Pagefind does not keep the order of its keys
            a, b = json.dumps(json.loads(a), sort_keys=True).encode(), json.dumps(json.loads(b), sort_keys=True).encode()
        if a != b:
            differ.append(name)
    assert not differ, f"{len(differ)} file(s) differ between the MkDocs and the ProperDocs build: {differ[:30]}"
