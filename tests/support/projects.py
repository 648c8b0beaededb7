"""Projects to test on, each in a temporary folder, and the commands tests run on them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support.sites import REPO, copy_project
from toolkit.content.kinds import ENTRY_FOLDERS

# A small valid knowledge base: a few entries, terms and figures.
BASE = REPO / "tests" / "fixtures" / "base"


def tiny_project(dest: Path) -> Path:
    """The real site configuration with the fixture's entries only.

    Hand-written pages keep their place in the navigation but lose their text, which links to
    the real entries that this site does not have.
    """
    project = copy_project(dest)
    docs = project / "docs"
    for folder in ENTRY_FOLDERS:
        for source in (docs / folder).glob("*.md"):
            if not source.name.startswith("index."):
                source.unlink()
    for page in docs.rglob("*.md"):
        if page.parent.name not in ENTRY_FOLDERS or page.name.startswith("index."):
            page.write_text(f"# {page.stem}\n", encoding="utf-8")
    shutil.copytree(BASE / "docs", docs, dirs_exist_ok=True)
    return project


def make_base(dest: Path) -> Path:
    """The sources only (no site configuration): the fixture's entries with the real vocabulary."""
    shutil.copytree(BASE, dest, dirs_exist_ok=True)
    shutil.copy(REPO / "docs" / "vokabular.yml", dest / "docs" / "vokabular.yml")
    return dest


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m toolkit check`` in ``root``, as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "toolkit", "check", *args], cwd=root,
                          capture_output=True, text=True, timeout=60)


def git(repo: Path, *args: str, when: str = "2025-03-01T12:00:00+00:00") -> None:
    """A git command in ``repo``, committing as a fixed person at ``when``."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True, env=env)


UNTRANSLATED_TOOL = """---
titel: Dritte Methode
kurz: Eine Methode ohne Übersetzung.
zweck: Zum Prüfen der Rückfalltexte.
formattyp: beratung
themen: [wohnen]
ziel: [lernen]
zielgruppen: [verwaltung]
modus: digital
organisation: zentral
reichweite: [lokal]
dauer: Stunden
dauerklasse: stunden
aufwand: gering
ablauf: [Fragen]
geprueft: 2026-02-10
---
"""


def publishing_project(dest: Path) -> Path:
    """The tiny site, with a renamed tool (a former slug), a tool without English text and the
    repository named in its operator facts (for the edit links)."""
    project = tiny_project(dest)
    docs = project / "docs"
    operator = docs / "betreiber.yml"
    facts = yaml.safe_load(operator.read_text(encoding="utf-8"))
    facts["repository"].update(besitzer="beispiel-org", name="wissensbasis")
    operator.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for page in ("daten.md", "daten.en.md"):  # its links lead to files every build writes
        shutil.copy(REPO / "docs" / page, docs / page)
    tool = docs / "werkzeuge" / "beispiel.md"
    tool.write_text(tool.read_text(encoding="utf-8").replace("geprueft:", "fruehere_slugs: [alte-werkstatt]\ngeprueft:"),
                    encoding="utf-8")
    (docs / "werkzeuge" / "dritte.md").write_text(UNTRANSLATED_TOOL, encoding="utf-8")
    return project
