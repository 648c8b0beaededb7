"""The tests' own rule: what several test modules need lives in tests/support/, and no test module
imports another (importing one runs its module-level code and ties the two together)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

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
