"""Shared fixtures: real builds of the real site, tiny sites in tmp_path, and a real browser.

The tests live in three folders by what they need: ``unit/`` neither a build nor a browser,
``build/`` a real MkDocs build (and the HTML checker, ProperDocs), ``browser/`` Chromium as well.
Collection enforces it: a test that asks for a build or a browser outside its folder stops the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from support.arrangement import misplaced
from support.serve import serving
from support.sites import build, copy_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from toolkit.content.model import KnowledgeBase

# Sites that tests in several folders share (built once per run).
pytest_plugins = ["support.built_projects"]

TESTS = Path(__file__).resolve().parent

CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
# Chromium must not reach out to the network on start (updates, sync, ...): this machine has none.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in browser/ as a browser test (``-m "not browser"`` leaves them out), and
    stop the run on a test whose fixtures need more than its folder offers."""
    problems = []
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder == "browser":
            item.add_marker(pytest.mark.browser)
        if why := misplaced(folder, getattr(item, "fixturenames", ())):
            problems.append(f"{item.nodeid}: {why}")
    if problems:
        raise pytest.UsageError("\n".join(problems))
