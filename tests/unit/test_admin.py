"""The browser editor's configuration, made without a build: one collection per kind, every declared
field in its form and nothing else, German files under their bare names, sign-in and repository from
the operator's facts. The built /admin/ page is tested in tests/build/test_admin.py, the forms in a
browser in tests/browser/test_admin.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from support.sites import REPO
from toolkit.content.kinds import FIELDS as KINDS
from toolkit.content.labels import field_doc
from toolkit.content.model import DEFAULT_LANGUAGE
from toolkit.content.schema import Field
from toolkit.publish.cms_config import EDITOR_COLLECTIONS, cms_config, repository
from toolkit.sources.problems import Problems
from toolkit.sources.vocabulary import load_vocabularies

VOCAB = load_vocabularies(REPO / "docs", REPO, Problems())
CONFIG = cms_config(vocab=VOCAB, edit_base="https://github.com/owner/name/edit/main/", site_url="https://x/")
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}


def fields_of(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in collection["fields"] if f["name"] != "body"}


def test_one_collection_per_kind_in_its_folder() -> None:
    assert {EDITOR_COLLECTIONS[name] for name in COLLECTIONS} == set(KINDS)
    for name, collection in COLLECTIONS.items():
        assert collection["folder"] == f"docs/{name}"
        assert (REPO / collection["folder"]).is_dir() or EDITOR_COLLECTIONS[name] == "begriff"


@pytest.mark.parametrize("name", sorted(EDITOR_COLLECTIONS))
def test_every_declared_field_is_in_the_form_and_nothing_else(name: str) -> None:
    declared = KINDS[EDITOR_COLLECTIONS[name]]
    form = fields_of(COLLECTIONS[name])
    assert list(form) == [f.name for f in declared]  # the same fields, in the order files are written
    for spec in declared:
        assert_same(spec, form[spec.name], name)


def assert_same(spec: Field, widget: dict[str, Any], where: str) -> None:
    """One declared field against its form field, recursively through objects and list items."""
    where = f"{where}.{spec.name}"
    # Editors read German labels: a field without one would show its bare key.
    assert widget["label"] != spec.name or spec.name in ("min", "max", "von", "bis", "url", "name"), where
    assert widget.get("required", True) == spec.required, where
    # The hint below the field is its description, in the editor's language.
    german = field_doc(spec.doc, DEFAULT_LANGUAGE)
    assert german != spec.doc or not spec.doc, f"{where}: the hint '{spec.doc}' is not in German"
    hint = field_doc(spec.doc, DEFAULT_LANGUAGE, capital=True)
    assert widget.get("hint", hint) == hint, where
    kind = widget["widget"]
    if spec.type == "list" and spec.item is not None and spec.item.type in ("key", "slug") and (
            spec.item.vocab or spec.item.ref):
        assert widget.get("multiple") is True, where
        assert_choice(spec.item, widget, where)
    elif spec.type == "list":
        assert kind == "list", where
        item = spec.item
        assert item is not None
        if item.type == "object":
            assert [f["name"] for f in widget["fields"]] == [f.name for f in item.fields], where
            for sub, sub_widget in zip(item.fields, widget["fields"], strict=True):
                assert_same(sub, sub_widget, where)
        else:
            assert widget["field"]["name"] == item.name, where
    elif spec.type in ("object", "bilingual"):
        assert kind == "object", where
        subs = spec.fields or (Field("de", "text", ""), Field("en", "text", ""))
        assert [f["name"] for f in widget["fields"]] == [f.name for f in subs], where
        if spec.type == "object":
            for sub, sub_widget in zip(spec.fields, widget["fields"], strict=True):
                assert_same(sub, sub_widget, where)
    elif spec.type in ("key", "slug"):
        assert_choice(spec, widget, where)
    elif spec.type in ("int", "number"):
        assert kind == "number", where
        assert widget["value_type"] == ("int" if spec.type == "int" else "float"), where
        assert (widget.get("min"), widget.get("max")) == (spec.minimum, spec.maximum), where
    elif spec.type == "date":
        assert (kind, widget["format"], widget["time_format"]) == ("datetime", "YYYY-MM-DD", False), where
    else:
        assert kind in ("string", "text"), where


def assert_choice(spec: Field, widget: dict[str, Any], where: str) -> None:
    if spec.vocab:
        values = VOCAB[spec.vocab].values.values()
        assert widget["widget"] == "select", where
        assert widget["options"] == [{"label": v.label["de"], "value": v.key} for v in values], where
    elif spec.ref:
        assert widget["widget"] == "relation", where
        assert EDITOR_COLLECTIONS[widget["collection"]] == spec.ref, where
        assert widget["value_field"] == "{{slug}}", where
    else:
        assert widget["widget"] == "string", where


@pytest.mark.parametrize("name", sorted(COLLECTIONS))
def test_translated_fields_side_by_side_and_the_rest_in_german_only(name: str) -> None:
    collection = COLLECTIONS[name]
    form = fields_of(collection)
    if EDITOR_COLLECTIONS[name] == "begriff":
        assert "i18n" not in collection  # one file holds both languages
        return
    assert collection["i18n"] is True
    for spec in KINDS[EDITOR_COLLECTIONS[name]]:
        assert form[spec.name]["i18n"] is spec.translatable, spec.name


def test_german_files_keep_their_bare_name_and_every_save_is_a_pull_request() -> None:
    i18n = CONFIG["i18n"]
    assert (i18n["structure"], i18n["default_locale"], i18n["omit_default_locale_from_file_path"]) == \
        ("multiple_files", "de", True)
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["backend"]["open_authoring"] is True
    assert (CONFIG["backend"]["repo"], CONFIG["backend"]["branch"]) == ("owner/name", "main")


def test_sign_in_with_github_only_once_an_oauth_client_is_set() -> None:
    assert CONFIG["backend"]["auth_methods"] == ["token"] and "base_url" not in CONFIG["backend"]
    config = cms_config(vocab=VOCAB, edit_base="", site_url="", auth_url="https://auth.example.org/")
    assert config["backend"]["base_url"] == "https://auth.example.org" and "auth_methods" not in config["backend"]


def test_the_repository_comes_from_the_operator_facts() -> None:
    # docs/betreiber.yml names the repository; its edit address is what the editor reads.
    assert repository("https://github.com/beispiel-org/wissensbasis/edit/main/") == ("beispiel-org/wissensbasis", "main")
    assert repository("https://example.org/x/y/edit/main/") is None
    assert repository("") is None


# -- glossary terms one per file, as the editor saves them -----------------------------------------

def test_a_term_in_its_own_file_joins_the_glossary_and_a_duplicate_is_named(tmp_path: Path) -> None:
    import shutil

    from toolkit.sources.load import load

    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs)
    folder = docs / "glossar"
    folder.mkdir(exist_ok=True)
    existing = next(iter(yaml.safe_load((docs / "glossar.yml").read_text(encoding="utf-8"))))
    term = "begriff:\n  de: Ortskernlotse\n  en: Town-centre guide\ndefinition:\n  de: Berät Eigentümer.\n  en: Advises owners.\n"
    (folder / "ortskernlotse.yml").write_text(term, encoding="utf-8")
    kb, problems = load(docs, tmp_path)
    assert not problems.errors and kb.terms["ortskernlotse"].text("begriff", "en") == "Town-centre guide"

    (folder / f"{existing}.yml").write_text(term, encoding="utf-8")
    (folder / "notiz.txt").write_text("x", encoding="utf-8")
    (folder / "leer.yml").write_text("begriff:\n  de: Leer\n  en: Empty\n", encoding="utf-8")
    _, problems = load(docs, tmp_path)
    found = {p.format() for p in problems.errors}
    assert any(f"docs/glossar/{existing}.yml:1:" in p and "also in docs/glossar.yml" in p for p in found), found
    assert any("docs/glossar/notiz.txt" in p for p in found), found
    assert any("docs/glossar/leer.yml" in p and "definition" in p for p in found), found


def test_a_field_name_two_kinds_share_is_labelled_for_each() -> None:
    # An event's 'ort' is where it takes place; a medium's is where it was published.
    assert fields_of(COLLECTIONS["veranstaltungen"])["ort"]["label"] == "Ort vor Ort"
    assert fields_of(COLLECTIONS["medien"])["ort"]["label"] == "Erscheinungsort"
