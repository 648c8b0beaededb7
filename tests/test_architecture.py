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


# The layers of toolkit/, lowest first. A module imports modules of its own layer and of the
# layers below it, never above: checking sources never depends on rendering, rendering never on
# publishing, and only the facade (site.py) and the command line see everything.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("base", frozenset({"problems", "slug", "markup", "labels", "schema", "group_size", "history",
                        "markdown_links", "search_words", "conventions"})),
    ("content", frozenset({"kinds", "model", "urls", "routes", "order"})),
    ("sources", frozenset({"source", "field_types", "validate", "vocabulary", "figures", "operator_facts", "language_checks",
                           "body_checks", "load", "links"})),
    ("index", frozenset({"index"})),
    ("render", frozenset({"render_entry", "render_lists", "render_facet_pages", "render_finder", "map", "search",
                          "head", "feed", "preview", "redirects"})),
    ("publish", frozenset({"export", "datapackage", "dcat", "publish", "jsonschema", "template", "new", "cms_config",
                           "admin"})),
    ("site", frozenset({"site", "provenance", "cache", "corpus", "corpus_text", "cli", "__main__", "__init__"})),
)


def _layer(module: str) -> int:
    return next(n for n, (_, modules) in enumerate(LAYERS) if module in modules)


def _imported_modules(path) -> set[str]:  # type: ignore[no-untyped-def]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "toolkit":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("toolkit."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("toolkit.")}
    return found


def test_every_module_has_a_layer() -> None:
    modules = {path.stem for path in (REPO / "toolkit").glob("*.py")}
    placed = {m for _, layer in LAYERS for m in layer}
    assert modules - placed == set(), "add the new module to a layer in LAYERS (and to ARCHITECTURE.md)"
    assert placed - modules == set(), "a module in LAYERS no longer exists"


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted((REPO / "toolkit").glob("*.py")):
        own = _layer(path.stem)
        for imported in sorted(_imported_modules(path)):
            if _layer(imported) > own:
                upward.append(f"toolkit/{path.name} ({LAYERS[own][0]}) imports {imported} ({LAYERS[_layer(imported)][0]})")
    assert upward == []


def test_the_layer_test_sees_an_upward_import(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The check above must not pass because it reads nothing: a module of the base layer that
    # imports the facade is caught.
    module = tmp_path / "labels.py"
    module.write_text("from toolkit.site import Site\nfrom toolkit import load\n", encoding="utf-8")
    assert {_layer(m) for m in _imported_modules(module)} == {_layer("site"), _layer("load")}
    assert max(_layer(m) for m in _imported_modules(module)) > _layer("labels")
