"""The open data described for programs: a Frictionless Data Package per language.

``daten/datapackage.json`` (and ``en/daten/``) names every file beside it, the licence and the
source, and for each CSV table every column with its type and meaning, so that a program (or the
``frictionless`` validator) can read and check the tables without a person reading
``docs/daten.md`` first. Columns that hold several values are text, their items joined by
``conventions.LIST_SEPARATOR``; the column's description says so.

Deterministic like the data itself: no build time, the same bytes for the same sources.
"""

from __future__ import annotations

import json
from typing import Any

from toolkit.content import urls
from toolkit.content.conventions import LICENCE_URL, LIST_SEPARATOR
from toolkit.content.labels import section
from toolkit.content.model import KnowledgeBase
from toolkit.content.schema import Field
from toolkit.publish.export import (
    DATA_FOLDER,
    DATASETS,
    GLOSSARY_DATASET,
    TITLES,
    Column,
    column_specs,
)
from toolkit.sources.field_types import field_type

PACKAGE_FILE = "datapackage.json"
WORDS = section("datapackage")  # {lang: {key: text}}, from labels.py


def data_package(*, kb: KnowledgeBase, lang: str, site_url: str, site_name: str, holder: str) -> bytes:
    """``datapackage.json`` of ``lang``, describing the files ``export.data_files`` writes."""
    words = WORDS[lang]
    resources: list[dict[str, Any]] = []
    for kind, name in DATASETS.items():
        title = f"{TITLES[lang][name]}"
        resources.append({
            "name": f"{name}-csv",
            "title": f"{title}: {words['csv']}",
            "path": f"{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": "\"", "doubleQuote": True, "lineTerminator": "\r\n",
                        "header": True},
            "schema": {"fields": [_field(c, kb, lang) for c in column_specs(kind)], "primaryKey": ["slug"]},
        })
    for name in (*DATASETS.values(), GLOSSARY_DATASET):
        resources.append({
            "name": f"{name}-json",
            "title": f"{TITLES[lang][name]}: {words['json']}",
            "path": f"{name}.json",
            "profile": "data-resource",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        })
    package = {
        "profile": "data-package",
        "name": "kleinstadtakademie-wissensbasis-" + lang,
        "title": site_name,
        "description": words["description"],
        "homepage": site_url + urls.prefix(lang) + DATA_FOLDER + "/",
        "languages": [lang],
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE_URL,
                      "title": "Creative Commons Attribution 4.0 International"}],
        "sources": [{"title": site_name, "path": site_url + urls.prefix(lang)}],
        "contributors": [{"title": holder, "role": "publisher"}],
        "resources": resources,
    }
    return (json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def package_path(lang: str) -> str:
    return urls.prefix(lang) + DATA_FOLDER + "/" + PACKAGE_FILE


def _field(column: Column, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    words = WORDS[lang]
    spec: Field | None = column.spec
    field: dict[str, Any] = {"name": column.name, "type": "string"}
    if column.label_of is not None:
        description = words["label"]
    elif spec is None:
        description = words[column.name]
    else:
        description = spec.doc
        if not column.several:
            kind = field_type(spec)
            field["type"] = kind.table_type
            if kind.table_format:
                field["format"] = kind.table_format
            if spec.type == "key" and spec.vocab in kb.vocab:
                field["constraints"] = {"enum": list(kb.vocab[spec.vocab].values)}
    if column.name in ("slug", "url", "sprache"):
        field["constraints"] = {"required": True, **({"unique": True} if column.name != "sprache" else {})}
        if column.name == "url":
            field["format"] = "uri"
    if column.several:
        description = f"{description}. {words['several'].format(sep=LIST_SEPARATOR.strip())}"
    field["description"] = description
    return field
