"""The rule that keeps a move away from MkDocs cheap: toolkit/ never imports the framework."""

from __future__ import annotations

import ast
from pathlib import Path

from support.sites import REPO

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


# The layers of toolkit/, lowest first: a package each (index.py is one module), the command
# line on top. A module imports modules of its own layer and of the layers below it, never above:
# checking sources never depends on rendering, rendering never on publishing, and only the
# facade (toolkit/site/) and the command line see everything.
LAYERS = ("content", "sources", "index", "render", "publish", "site", "commands")
COMMANDS = {"cli", "__main__", "__init__"}


def _layer_of_path(path: Path) -> str:
    parts = path.relative_to(REPO / "toolkit").parts
    if len(parts) == 2:
        return parts[0]
    return "commands" if path.stem in COMMANDS else path.stem


def _layer(name: str) -> int:
    return LAYERS.index(name)


def _imported_layers(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        modules = []
        if isinstance(node, ast.ImportFrom) and node.module == "toolkit":
            modules = [f"toolkit.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("toolkit."):
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [a.name for a in node.names if a.name.startswith("toolkit.")]
        for module in modules:
            top = module.split(".")[1]
            found.add("commands" if top in COMMANDS else top)
    return found


def test_every_module_is_in_a_layer() -> None:
    strays = [p.relative_to(REPO).as_posix() for p in (REPO / "toolkit").rglob("*.py")
              if _layer_of_path(p) not in LAYERS]
    assert strays == [], "put the module into the package of its layer (and into ARCHITECTURE.md)"


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted((REPO / "toolkit").rglob("*.py")):
        own = _layer_of_path(path)
        for imported in sorted(_imported_layers(path)):
            if imported in LAYERS and _layer(imported) > _layer(own):
                upward.append(f"{path.relative_to(REPO)} ({own}) imports toolkit.{imported}")
    assert upward == []


def test_the_layer_test_sees_an_upward_import(tmp_path: Path) -> None:
    # The check above must not pass because it reads nothing: a module of the content layer
    # that imports the facade or the loader is caught.
    module = tmp_path / "labels.py"
    module.write_text("from toolkit.site.facade import Site\nfrom toolkit.sources import load\n", encoding="utf-8")
    assert _imported_layers(module) == {"site", "sources"}
    assert max(_layer(name) for name in _imported_layers(module)) > _layer("content")


def test_toolkit_does_not_import_the_benchmark() -> None:
    # bench/ (the corpus generator, the benchmark) may use the toolkit; the shipped package never
    # depends on it. Its modules go by their file names, as bench/ is no package.
    bench = {p.stem for p in (REPO / "bench").glob("*.py")} | {"bench"}
    offenders = []
    for path in sorted((REPO / "toolkit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names if n.split(".")[0] in bench]
    assert offenders == []
