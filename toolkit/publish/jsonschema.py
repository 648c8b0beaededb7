"""JSON Schemas of the sources, derived from the declared fields and the vocabularies.

Editors' tools (the YAML language server) read them for completion and red underlines while
typing. The checker stays the authority: rules that look beyond one value (a slug that names an
existing entry, a lower bound below the upper one) are the checker's alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.content.kinds import ENTRY_KINDS, FIELDS, VOCABULARIES, Kind
from toolkit.content.labels import label
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Vocabulary
from toolkit.content.schema import BETREIBER, Field
from toolkit.content.slug import SLUG
from toolkit.sources.field_types import field_type

# Draft 7: the newest draft the YAML language server handles completely.
DRAFT = "http://json-schema.org/draft-07/schema#"
VOCABULARY_SCHEMA = "vokabular.schema.json"
OPERATOR_SCHEMA = "betreiber.schema.json"

GLOSSARY_TITLE = "Glossar: docs/glossar.yml, each term under its slug"


def _title(kind: Kind, lang: str) -> str:
    name = label(DEFAULT_LANGUAGE, f"entry_{kind.name}")
    if lang == DEFAULT_LANGUAGE:
        return f"{name}: front matter of docs/{kind.folder}/<slug>.md"
    return (f"{name}, English translation: front matter of docs/{kind.folder}/<slug>.{lang}.md "
            f"(only the translated text fields)")


def schema_file(kind: str, lang: str) -> str:
    """``("werkzeug", "en")`` -> ``"werkzeug.en.schema.json"``; the glossary holds both languages."""
    return f"{kind}.schema.json" if lang == "de" or kind == "begriff" else f"{kind}.{lang}.schema.json"


def schemas(*, vocab: dict[str, Vocabulary]) -> dict[str, dict[str, Any]]:
    """Every schema by its file name, in a stable order."""
    result: dict[str, dict[str, Any]] = {}
    for kind in ENTRY_KINDS:
        for lang in LANGUAGES:
            declared = kind.fields if lang == DEFAULT_LANGUAGE else tuple(f for f in kind.fields if f.translatable)
            result[schema_file(kind.name, lang)] = _document(_title(kind, lang), _mapping(declared, vocab))
    term = _mapping(FIELDS["begriff"], vocab)
    glossary = {"type": "object", "propertyNames": {"pattern": SLUG.pattern}, "additionalProperties": term}
    result[schema_file("begriff", "de")] = _document(GLOSSARY_TITLE, glossary)
    result[VOCABULARY_SCHEMA] = _document("Vokabular: docs/vokabular.yml, the controlled vocabularies",
                                          _vocabulary())
    result[OPERATOR_SCHEMA] = _document("Betreiber: docs/betreiber.yml, the operator's facts (empty until known)",
                                        _mapping(BETREIBER, vocab))
    return result


def dump(schema: dict[str, Any]) -> str:
    # Stable text: the committed copies are compared with fresh ones byte for byte.
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(dest: Path, *, vocab: dict[str, Vocabulary]) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas(vocab=vocab).items():
        path = dest / name
        path.write_text(dump(schema), encoding="utf-8")
        written.append(path)
    return written


def _document(title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, **body}


def _mapping(declared: tuple[Field, ...], vocab: dict[str, Vocabulary]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.name: _field(f, vocab) for f in declared},
        "required": [f.name for f in declared if f.required],
        # An unknown key is a typo the editor wants to see underlined, as the checker reports it.
        "additionalProperties": False,
    }


def _field(spec: Field, vocab: dict[str, Vocabulary]) -> dict[str, Any]:
    value = _value(spec, vocab)
    if spec.required:
        return {"description": spec.doc, **value}
    # The checker passes over an optional field left empty, as a fresh template leaves it.
    return {"description": spec.doc, "anyOf": [value, {"type": "null"}]}


@dataclass(frozen=True)
class _Writer:
    """What a field type needs to write its schema (field_types.JsonSchemaWriting)."""

    vocab: dict[str, Vocabulary]

    def value(self, spec: Field) -> dict[str, Any]:
        return field_type(spec).json_schema(spec, self)

    def mapping(self, declared: tuple[Field, ...]) -> dict[str, Any]:
        return _mapping(declared, self.vocab)


def _value(spec: Field, vocab: dict[str, Vocabulary]) -> dict[str, Any]:
    return _Writer(vocab).value(spec)


def _vocabulary() -> dict[str, Any]:
    text = {"type": "string", "minLength": 1}
    value = {
        "type": "object",
        "properties": {
            "de": {"description": "German label", **text},
            "en": {"description": "English label", **text},
            "einleitung": {
                "description": "short introduction on the topic's page",
                "type": "object",
                "properties": {lang: {"type": "string"} for lang in LANGUAGES},
                "additionalProperties": False,
            },
            "suchwoerter": {
                "description": "words a visitor may type for this value: compounds, synonyms, word forms",
                "type": "object",
                "properties": {lang: {"type": "array", "items": text} for lang in LANGUAGES},
                "additionalProperties": False,
            },
        },
        "required": list(LANGUAGES),
        "additionalProperties": False,
    }
    one = {
        "type": "object",
        "properties": {
            "beschreibung": {"description": "one line: what the vocabulary is for", **text},
            "werte": {"description": "the keys, in display order", "type": "object", "minProperties": 1,
                      "propertyNames": {"pattern": SLUG.pattern}, "additionalProperties": value},
        },
        "required": ["beschreibung", "werte"],
        "additionalProperties": False,
    }
    return {
        "definitions": {"vocabulary": one},
        "type": "object",
        # Draft 7 ignores keywords beside "$ref", hence the "allOf" that keeps each description.
        "properties": {name: {"description": f"the values of {', '.join(uses)}", "allOf": [{"$ref": "#/definitions/vocabulary"}]}
                       for name, uses in VOCABULARIES.items()},
        "required": list(VOCABULARIES),
        "additionalProperties": False,
    }
