"""The rule that keeps a move away from MkDocs cheap: toolkit/ never imports the framework."""

from __future__ import annotations

import ast

from conftest import REPO

FRAMEWORK = {"mkdocs", "material", "mkdocs_static_i18n"}


def test_toolkit_does_not_import_mkdocs() -> None:
    offenders = []
    for path in sorted((REPO / "toolkit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names if n.split(".")[0] in FRAMEWORK]
    assert offenders == []
