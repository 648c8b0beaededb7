"""``python -m toolkit new``: a new entry from the template, and what ``check`` says until it is filled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mkdocs.utils.meta import get_data

from support.sites import build, copy_project


def toolkit(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=root, capture_output=True, text=True,
                          timeout=60)


# Values an editor might type, by field; a filled template must pass the check and build.
FILL = {
    "kurz": "Ein Probelauf für einen Bürgerhaushalt.", "zweck": "Wenn eine Stadt einen Bürgerhaushalt erwägt.",
    "titel": "Participatory budget trial", "formattyp": "beratung", "themen": "[beteiligung]",
    "ziel": "[mitentscheiden]", "zielgruppen": "[verwaltung]", "modus": "hybrid", "organisation": "dezentral", "reichweite": "[lokal]",
    "dauer": "einige Wochen", "dauerklasse": "wochen", "aufwand": "mittel", "ablauf": "[Vorbereiten, Abstimmen]",
    "geprueft": "2026-03-01",
}


def fill(path: Path, values: dict[str, str]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        match = re.fullmatch(r"(\w+):( \[\])?", line)
        if match and match[1] in values:
            lines[i] = f"{match[1]}: {values[match[1]]}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_filled_template_passes_the_check_and_the_site_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert toolkit(project, "new", "werkzeug", "Bürgerhaushalt Testlauf").returncode == 0
    german = project / "docs/werkzeuge/buergerhaushalt-testlauf.md"
    english = project / "docs/werkzeuge/buergerhaushalt-testlauf.en.md"
    fill(german, FILL)
    fill(english, {**FILL, "kurz": "A trial run of a participatory budget.", "zweck": "When a town considers one.",
                   "dauer": "a few weeks", "ablauf": "[Prepare, Vote]"})
    # MkDocs reads the front matter too: the schema comment inside it must not hide it.
    _, meta = get_data(german.read_text(encoding="utf-8"))
    assert meta["titel"] == "Bürgerhaushalt Testlauf" and meta["modus"] == "hybrid"
    check = toolkit(project, "check")
    new_problems = [line for line in check.stdout.splitlines() if "buergerhaushalt-testlauf" in line]
    assert new_problems == []
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site/werkzeuge/buergerhaushalt-testlauf/index.html").read_text(encoding="utf-8")
    assert "Bürgerhaushalt Testlauf" in page and "Ein Probelauf für einen Bürgerhaushalt." in page
    assert "Participatory budget trial" in (project / "site/en/werkzeuge/buergerhaushalt-testlauf/index.html") \
        .read_text(encoding="utf-8")
