"""Real builds of the real site: the repository, a copy of its project, and ``mkdocs build``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


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
