"""Shared fixtures: real builds of the real site, tiny sites in tmp_path, and a real browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from support.serve import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from toolkit.content.model import KnowledgeBase

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
# Chromium must not reach out to the network on start (updates, sync, ...): this machine has none.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


# The day every test build takes as today (2026-01-01), as the Makefile fixes it: events
# before it are past, after it upcoming.
BUILD_EPOCH = "1767225600"


def build(project: Path, site_dir: Path | None = None, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` on ``project``; returns the finished process."""
    site_dir = site_dir or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(dest: Path, *, docs: bool = True) -> Path:
    """A copy of the project's site configuration (and, unless told otherwise, its sources)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("hooks", "overrides"):
        shutil.copytree(REPO / folder, dest / folder, dirs_exist_ok=True)
    if docs:
        shutil.copytree(REPO / "docs", dest / "docs", dirs_exist_ok=True)
    return dest


def copy_sources_of(site: Path, dest: Path) -> Path:
    """A copy of the project a built site came from, without its output.

    For a second build of exactly the same sources: the repository may have changed since
    ``built_site`` was built, as people keep working while the tests run.
    """
    project = site.parent
    shutil.copytree(project, dest, ignore=lambda folder, names: [site.name] if Path(folder) == project else [])
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run from the real sources with the real config."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on a free local port."""
    with serving(built_site) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright. Missing Chromium fails the run; it never skips."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's 'chromium' package (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def kb(built_site: Path) -> KnowledgeBase:
    """The sources the site under test was built from, loaded by the toolkit."""
    from toolkit.sources.load import load

    project = built_site.parent
    knowledge, problems = load(project / "docs", project)
    assert not problems.errors, [p.format() for p in problems.errors]
    assert knowledge.tools and knowledge.projects and knowledge.terms, "the sources hold no entries"
    return knowledge
