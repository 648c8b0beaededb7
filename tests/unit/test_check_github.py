"""``python -m toolkit check --format github``: problems as annotations on the pull request's lines."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.sites import REPO


@pytest.fixture
def base(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "tests" / "fixtures" / "base", tmp_path, dirs_exist_ok=True)
    shutil.copy(REPO / "docs" / "vokabular.yml", tmp_path / "docs" / "vokabular.yml")
    return tmp_path


def check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "toolkit", "check", *args], cwd=root, capture_output=True,
                          text=True, timeout=60)


def test_each_problem_becomes_an_annotation_on_its_file_and_line(base: Path) -> None:
    tool = base / "docs/werkzeuge/zweites.md"
    tool.write_text(tool.read_text(encoding="utf-8").replace("modus: digital", "modus: 100%"), encoding="utf-8")
    (base / "docs/werkzeuge/beispiel.en.md").unlink()
    (base / "docs/werkzeuge/Notizen, alt.md").write_text("---\ntitel: x\n---\n", encoding="utf-8")

    text, github = check(base), check(base, "--format", "github")

    assert github.returncode == text.returncode == 1
    assert "Traceback" not in github.stderr
    lines = github.stdout.splitlines()
    line = tool.read_text(encoding="utf-8").splitlines().index("modus: 100%") + 1
    assert any(annotation.startswith(f"::error file=docs/werkzeuge/zweites.md,line={line}::"
                                     f"unknown modus value '100%25'") for annotation in lines)
    # A warning stays a warning: reviewers see it, and it does not fail the run.
    assert any(line.startswith("::warning file=docs/werkzeuge/beispiel.md,line=1::has no English translation")
               for line in lines)
    # A problem with the whole file has no line; ',' and ':' in a path would end GitHub's value.
    assert any(line.startswith("::error file=docs/werkzeuge/Notizen%2C alt.md::") for line in lines)
    # The same problems, in the same order, as the plain format shows them.
    assert len(lines) == len(text.stdout.splitlines())
    for plain, annotation in zip(text.stdout.splitlines(), lines, strict=True):
        assert plain.split(": ", 2)[2].replace("%", "%25") == annotation.split("::", 2)[2]


def test_a_clean_knowledge_base_prints_no_annotation(base: Path) -> None:
    result = check(base, "--format", "github")
    assert (result.returncode, result.stdout) == (0, "")


def test_make_check_annotates_when_run_on_github() -> None:
    result = subprocess.run(["make", "-n", "check"], cwd=REPO, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true"}, timeout=60)
    assert "-m toolkit check --format github" in result.stdout
