"""The operator's facts (docs/betreiber.yml) as the checker sees them: an unset fact is a warning, and an
error when the site is to be published; every fact is explained in German, and a placeholder that
names no fact is an error with its line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.operator_facts import fill, filled_values
from support.sites import REPO, copy_project
from toolkit.sources.operator_facts import FACTS, MARKER, NAMES

OPERATOR = REPO / "docs" / "betreiber.yml"


def check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", "check", *args], cwd=root,
                          capture_output=True, text=True, timeout=120)


def shipped() -> dict[str, Any]:
    return yaml.safe_load(OPERATOR.read_text(encoding="utf-8")) or {}


def value_of(data: dict[str, Any], name: str) -> Any:
    value: Any = data
    for part in name.split("."):
        value = (value or {}).get(part)
    return value


def key_line(text: str, name: str) -> int:
    """The line of a dotted key in a YAML file of nested mappings, read from the text itself."""
    start, indent = 0, ""
    lines = text.split("\n")
    for part in name.split("."):
        for number in range(start, len(lines)):
            if lines[number].startswith(f"{indent}{part}:"):
                start, indent = number + 1, indent + "  "
                break
        else:
            raise AssertionError(f"{name} not in the file")
    return start


def unset_facts(data: dict[str, Any]) -> list[str]:
    return [name for name, spec in FACTS.items() if spec.publication and value_of(data, name) in (None, "")]


# -- make check and the publication gate -----------------------------------------------------------

@pytest.fixture(scope="module")
def unset_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("unset"))


def test_check_warns_once_per_unset_fact_and_passes(unset_project: Path) -> None:
    result = check(unset_project)
    assert result.returncode == 0, result.stdout + result.stderr
    text = OPERATOR.read_text(encoding="utf-8")
    expected = sorted(f"docs/betreiber.yml:{key_line(text, name)}: warning: operator fact '{name}'"
                      for name in unset_facts(shipped()))
    assert expected, "the shipped file has no unset fact: this test would pass on nothing"
    found = sorted(line.split(" is still empty")[0] for line in result.stdout.splitlines()
                   if line.startswith("docs/betreiber.yml:"))
    assert found == expected
    for line in result.stdout.splitlines():
        if line.startswith("docs/betreiber.yml:"):
            assert "enter " in line, f"says what to enter: {line}"


def test_publication_check_fails_with_the_same_list_as_errors(unset_project: Path) -> None:
    warned = check(unset_project).stdout
    result = check(unset_project, "--publication")
    assert result.returncode == 1
    gate = [line for line in warned.splitlines() if line.startswith("docs/betreiber.yml:")]
    assert [line.replace(": warning: ", ": error: ") for line in gate] == \
        [line for line in result.stdout.splitlines() if line.startswith("docs/betreiber.yml:")]


def test_publication_check_passes_once_every_fact_is_set(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    fill(project / "docs", filled_values())
    result = check(project, "--publication")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "betreiber.yml" not in result.stdout


def test_publication_check_fails_without_the_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs" / "betreiber.yml").unlink()
    for page in (project / "docs").rglob("*.md"):  # pages that name facts need the file
        page.write_text(MARKER.sub("x", page.read_text(encoding="utf-8")), encoding="utf-8")
    assert check(project).returncode == 0
    result = check(project, "--publication")
    assert result.returncode == 1
    assert result.stdout.startswith("docs/betreiber.yml: error: is missing")


def test_the_workflow_gates_the_deployment_before_building() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/veroeffentlichen.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["bauen"]["steps"]]
    assert "make check-publication" in runs
    assert runs.index("make check-publication") < runs.index("make build")
    assert workflow["jobs"]["veroeffentlichen"]["needs"] == "bauen", "nothing is deployed when the gate fails"
    pull_requests = yaml.safe_load((REPO / ".github/workflows/pruefen.yml").read_text(encoding="utf-8"))
    assert not any("--publication" in step.get("run", "") or "check-publication" in step.get("run", "")
                   for job in pull_requests["jobs"].values() for step in job["steps"])
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check-publication:.*\n\t.*toolkit check --publication", makefile, re.M)


def test_every_fact_has_a_german_comment_and_a_placeholder_name() -> None:
    lines = OPERATOR.read_text(encoding="utf-8").split("\n")
    for name in FACTS:
        number = key_line("\n".join(lines), name)
        assert lines[number - 2].strip().startswith("# "), f"{name}: no comment on the line above"
        assert name in NAMES, f"{name}: no words for its placeholder"


def test_a_marker_that_names_no_fact_is_an_error_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / "impressum.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nFax: {{ betreiber.telefax }}\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    line = text.count("\n") + 2
    assert f"docs/impressum.md:{line}: error: '{{{{ betreiber.telefax }}}}' names no operator fact" in result.stdout
    assert "did you mean 'telefon'" in result.stdout

