"""Every built page is valid HTML by the Nu Html Checker (vnu), the W3C's own validator.

Browsers forgive broken markup, each in its own way; assistive technology reads the tree the
browser built, so a stray end tag or a bad attribute can change what a screen reader says.

The checker is npm's ``vnu-jar`` (pinned in the Makefile, installed by ``make vnu`` under .cache/)
run by Debian's Java. It runs once over the whole site. A missing Java or checker fails the test,
here and in CI: a quality gate that skips itself guards nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.sites import REPO


def _pinned_version() -> str:
    """The checker's version, as the Makefile pins it (one place to change it)."""
    found = re.search(r"^VNU_VERSION := (\S+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    assert found, "the Makefile pins no VNU_VERSION"
    return found.group(1)


VNU_JAR = Path(os.environ.get("KB_VNU_JAR") or
               REPO / ".cache" / "vnu" / _pinned_version() / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")


@dataclass(frozen=True)
class Exclusion:
    message: re.Pattern[str]
    extract: re.Pattern[str]  # the markup the message is about: only this markup is excused
    why: str


# Each exclusion names the message and the exact markup it excuses, so the same error in markup
# of ours still fails.
EXCLUSIONS = [
    Exclusion(
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">'),
        "Material's base.html writes autocomplete=off on its drawer and search toggles (checkboxes), "
        "outside any block a theme can override; browsers ignore the attribute there.",
    ),
    Exclusion(
        re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
        re.compile(r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">'),
        "Material's navigation (partials/nav-item.html) writes an empty tabindex on section labels "
        "when navigation.sections is on; browsers treat it as absent, which is what is meant.",
    ),
    Exclusion(
        re.compile(r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control"),
        re.compile(r'<label class="md-nav__title" for="__toc">'),
        "Material's table of contents (partials/toc.html) titles itself with a label for the toggle "
        "that opens it inside the mobile navigation; the label is only shown there.",
    ),
    Exclusion(
        re.compile(r"^Bad value “search” for attribute “type” on element “input”"),
        re.compile(r'<input type="search" class="kb-search__input" id="kb-search-input" name="q" aria-label="[^"]+"\s+role="combobox"'),
        "The header's search box is an <input type=search> in role=search and a WAI-ARIA 1.2 "
        "combobox; the checker accepts role=combobox on type=text only. Chromium exposes it as a combobox "
        "(tests/browser/test_search.py reads its accessibility tree).",
    ),
]


def _excused(message: dict) -> bool:
    return any(e.message.search(message.get("message", "")) and e.extract.search(message.get("extract", ""))
               for e in EXCLUSIONS)


def run_vnu(site: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail(f"the Nu Html Checker needs Java and {VNU_JAR.relative_to(REPO) if VNU_JAR.is_relative_to(REPO) else VNU_JAR}: "
                    "run 'make vnu' (Debian's default-jre-headless and npm's vnu-jar)")
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html",
                             str(site)], capture_output=True, text=True, timeout=900)
    # vnu writes its report to stderr; exit status 1 means it found errors.
    report = result.stderr.strip() or result.stdout.strip()
    try:
        return json.loads(report)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no report (exit status {result.returncode}):\n{report[-2000:]}")


def describe(site: Path, messages: list[dict]) -> str:
    lines = []
    for m in messages[:60]:
        where = m.get("url", "").removeprefix("file:").removeprefix(str(site) + "/")
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m.get('type')}: {m.get('message')}\n"
                     f"    {m.get('extract', '').strip()[:160]}")
    return "\n".join(lines)


def test_every_page_is_valid_html(built_site: Path) -> None:
    messages = run_vnu(built_site)
    problems = [m for m in messages if m.get("type") in ("error", "non-document-error") and not _excused(m)]
    assert not problems, f"{len(problems)} HTML error(s):\n{describe(built_site, problems)}"


def test_the_checker_reports_broken_markup_and_excuses_only_materials(tmp_path: Path) -> None:
    """The checker runs and reports, and an exclusion does not cover the same error in our markup."""
    page = '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>x</title></head><body>{}</body></html>'
    (tmp_path / "material.html").write_text(page.format(
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'))
    (tmp_path / "ours.html").write_text(page.format(
        '<input class="kb-filter" type="checkbox" id="x" autocomplete="off"><div></p></div>'))
    messages = run_vnu(tmp_path)
    remaining = [m for m in messages if not _excused(m)]
    assert any("material.html" in m["url"] for m in messages) and not any("material.html" in m["url"] for m in remaining)
    assert sum("ours.html" in m["url"] for m in remaining) == 2, describe(tmp_path, remaining)
