"""The JSON Schemas for editors' tools: valid draft-7 schemas that every shipped source passes, equal to
freshly generated ones, the English ones allowing only translated fields, and agreeing with the
checker on a broken source."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from support.sites import REPO
from toolkit.publish.jsonschema import dump, schema_file, schemas
from toolkit.publish.template import entry_template
from toolkit.sources.files import Lines, parse_document, parse_yaml
from toolkit.sources.load import load
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies

DOCS = REPO / "docs"
BROKEN = REPO / "tests" / "fixtures" / "broken"
FOLDERS = {"werkzeuge": "werkzeug", "modellvorhaben": "modellvorhaben"}


@functools.cache
def fresh() -> dict[str, dict[str, Any]]:
    return schemas(vocab=load_vocabularies(DOCS, REPO, Problems()))


def as_json(value: Any) -> Any:
    """Parsed YAML as the YAML language server sees it: a date is the text it was written as."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_of(rel: str) -> str:
    """The schema file for the source at ``rel`` (a path under docs/)."""
    folder, _, name = rel.rpartition("/")
    if rel == "glossar.yml":
        return schema_file("begriff", "de")
    if rel == "vokabular.yml":
        return "vokabular.schema.json"
    if rel == "betreiber.yml":
        return "betreiber.schema.json"
    return schema_file(FOLDERS[folder], "en" if name.endswith(".en.md") else "de")


def read(path: Path, rel: str) -> tuple[Any, Lines]:
    problems = Problems()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        doc = parse_document(text, rel, problems)
        assert doc is not None, problems
        return doc.meta, doc.lines
    parsed = parse_yaml(text, rel, problems)
    assert parsed is not None, problems
    return parsed


def schema_errors(data: Any, schema: dict[str, Any]) -> list[jsonschema.ValidationError]:
    return list(jsonschema.Draft7Validator(schema).iter_errors(as_json(data)))


def shipped_sources() -> list[str]:
    found = [f"{folder}/{p.name}" for folder in FOLDERS for p in sorted((DOCS / folder).glob("*.md"))
             if p.name not in ("index.md", "index.en.md")]
    return [*found, "glossar.yml", "vokabular.yml", "betreiber.yml"]


def test_every_schema_is_a_valid_draft_7_schema() -> None:
    for name, schema in fresh().items():
        jsonschema.Draft7Validator.check_schema(schema)
        assert name.endswith(".schema.json")


@pytest.mark.parametrize("rel", shipped_sources())
def test_every_shipped_source_validates_against_its_schema(rel: str) -> None:
    data, _ = read(DOCS / rel, rel)
    errors = schema_errors(data, fresh()[schema_of(rel)])
    assert not errors, "\n".join(f"docs/{rel}: {list(e.absolute_path)}: {e.message}" for e in errors)


def test_committed_schemas_equal_freshly_generated_ones() -> None:
    generated = {name: dump(schema) for name, schema in fresh().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schema").glob("*.json")}
    assert committed == generated, "schema/ is out of date: run 'make schema' and commit the result"


def test_english_schemas_allow_only_the_translated_fields() -> None:
    for kind in FOLDERS.values():
        german, english = fresh()[schema_file(kind, "de")], fresh()[schema_file(kind, "en")]
        assert set(english["properties"]) < set(german["properties"])
        assert "titel" in english["properties"] and "themen" not in english["properties"]
        assert schema_errors({"titel": "T", "kurz": "K", "zweck": "Z", "dauer": "D", "ablauf": ["A"],
                              "modus": "analog"}, english) != []


def test_templates_point_to_the_committed_schemas() -> None:
    vocab = load_vocabularies(DOCS, REPO, Problems())
    for folder, kind in FOLDERS.items():
        for lang in ("de", "en"):
            line = entry_template(kind=kind, lang=lang, slug="x", vocab=vocab).splitlines()[1]
            target = line.removeprefix("# yaml-language-server: $schema=")
            assert (DOCS / folder / target).resolve() == REPO / "schema" / schema_file(kind, lang)


def test_editor_settings_map_the_yaml_sources_to_their_schemas() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {glob: schema for schema, globs in settings["yaml.schemas"].items()
              for glob in ([globs] if isinstance(globs, str) else globs)}
    assert mapped["docs/glossar.yml"] == "./schema/begriff.schema.json"
    assert mapped["docs/vokabular.yml"] == "./schema/vokabular.schema.json"
    assert mapped["docs/betreiber.yml"] == "./schema/betreiber.schema.json"
    for schema in mapped.values():
        assert (REPO / schema).is_file()


# -- broken fixtures: the checker and the schema both object, on the same line -------------------

def broken_fixtures() -> list[str]:
    return sorted(p.relative_to(BROKEN).as_posix() for p in BROKEN.rglob("*") if p.is_file())


def place(fixture: str, root: Path) -> str:
    """Put a broken fixture into a small valid knowledge base; return its path under docs/."""
    folder, _, name = fixture.partition("/")
    docs = root / "docs"
    text = (BROKEN / fixture).read_text(encoding="utf-8")
    if folder in FOLDERS:
        if name.endswith(".en.md"):
            # A translation needs its German original: the base's valid sample under the same slug.
            shutil.copy(docs / folder / {"werkzeuge": "beispiel.md", "modellvorhaben": "verbund.md"}[folder],
                        docs / folder / name.replace(".en.md", ".md"))
        (docs / folder / name).write_text(text, encoding="utf-8")
        return f"{folder}/{name}"
    if folder == "glossar":
        (docs / "glossar.yml").write_text(text, encoding="utf-8")
        return "glossar.yml"
    if folder == "betreiber":
        (docs / "betreiber.yml").write_text(text, encoding="utf-8")
        return "betreiber.yml"
    # A vocabulary fixture replaces the vocabularies it names in the real file, or adds new ones.
    vocabulary = (docs / "vokabular.yml").read_text(encoding="utf-8")
    for key in re.findall(r"^(\w[\w-]*):", text, re.M):
        vocabulary = re.sub(rf"^{key}:\n(?:(?:[ #].*)?\n)*", "", vocabulary, flags=re.M)
    (docs / "vokabular.yml").write_text(vocabulary.rstrip("\n") + "\n" + text, encoding="utf-8")
    return "vokabular.yml"


def leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """The most specific errors: an optional field's "anyOf" holds why its value is wrong."""
    context = [e for e in error.context or [] if e.schema != {"type": "null"}]
    return [leaf for e in context for leaf in leaves(e)] or [error]


def error_line(error: jsonschema.ValidationError, lines: Lines) -> int:
    path = tuple(error.absolute_path)
    schema, instance = error.schema, error.instance
    if error.validator == "additionalProperties":
        # The schema names the object; the checker, like an editor, points at the unknown key.
        assert isinstance(schema, Mapping) and isinstance(instance, dict)
        allowed = set(schema.get("properties", {}))
        path += (sorted(set(instance) - allowed)[0],)
    elif "propertyNames" in error.absolute_schema_path:
        assert isinstance(instance, str)
        path += (instance,)  # the key that is not a slug
    return lines.line(path)


@pytest.mark.parametrize("fixture", broken_fixtures())
def test_checker_and_schema_agree_on_a_broken_source(fixture: str, tmp_path: Path) -> None:
    shutil.copytree(REPO / "tests" / "fixtures" / "base", tmp_path, dirs_exist_ok=True)
    shutil.copy(DOCS / "vokabular.yml", tmp_path / "docs" / "vokabular.yml")
    rel = place(fixture, tmp_path)
    _, problems = load(tmp_path / "docs", tmp_path)
    checker = {p.line for p in problems.errors if p.path == f"docs/{rel}"}
    assert checker, f"the checker accepts {fixture}"
    data, lines = read(tmp_path / "docs" / rel, f"docs/{rel}")
    errors = schema_errors(data, fresh()[schema_of(rel)])
    assert errors, f"the schema accepts {fixture}"
    schema = {error_line(leaf, lines) for e in errors for leaf in leaves(e)}
    assert schema & checker, f"{fixture}: the schema objects on lines {schema}, the checker on {checker}"
