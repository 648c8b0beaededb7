"""The tests' own rules: each test sits in the folder of what it needs (unit, build, browser); what
several test modules need lives in tests/support/, and no test module imports another (importing
one runs its module-level code and ties the two together)."""

from __future__ import annotations

import ast
from pathlib import Path

from support.arrangement import misplaced
from support.sites import REPO

TESTS = REPO / "tests"


def imported_test_modules(path: Path) -> list[str]:
    """The test modules that ``path`` imports."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found += [name for name in names if name.split(".")[-1].startswith("test_")]
    return found


def test_no_test_module_imports_another() -> None:
    offenders = {path.name: names for path in sorted(TESTS.rglob("*.py")) if (names := imported_test_modules(path))}
    assert offenders == {}


def test_the_import_rule_sees_both_forms(tmp_path: Path) -> None:
    module = tmp_path / "test_x.py"
    module.write_text("import test_a\nfrom test_b import helper\nfrom support.csp import policy_of\n")
    assert imported_test_modules(module) == ["test_a", "test_b"]


def test_a_test_that_needs_more_than_its_folder_offers_is_named() -> None:
    assert misplaced("unit", ["tmp_path", "built_site"]) == "uses a built site (built_site), so it belongs in tests/build/"
    assert misplaced("build", ["built_site", "browser"]) == "uses a browser, so it belongs in tests/browser/"
    assert misplaced("unit", ["browser"]) == "uses a browser, so it belongs in tests/browser/"
    assert misplaced("build", ["events_project"]) is None
    assert misplaced("browser", ["browser", "site_url"]) is None


def test_every_test_module_is_in_one_of_the_three_folders() -> None:
    loose = sorted(p.relative_to(TESTS).as_posix() for p in TESTS.rglob("test_*.py")
                   if p.relative_to(TESTS).parts[0] not in ("unit", "build", "browser"))
    assert loose == []
