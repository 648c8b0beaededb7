"""The browser editor's configuration (``/admin/config.yml``), derived from the content model.

Every collection and field comes from ``schema.py``, every list of choices from the vocabularies:
a field added there appears in the editor with the next build, and nothing is written by hand.
The configuration is Sveltia CMS's (a superset of the Decap/Netlify CMS format).

What the editor writes must be what the checker reads: fields in the order of ``schema.py`` (the
CMS writes keys in the order of its fields), empty optional fields left out, dates as plain
``YYYY-MM-DD``, keys and slugs as the vocabularies and file names spell them. German is the
default language and its file keeps its bare name (``slug.md``); the English translation is
``slug.en.md`` and holds the translatable fields only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import yaml

from toolkit.content.kinds import FIELDS, KINDS
from toolkit.content.labels import field_doc, label, section
from toolkit.content.model import DEFAULT_LANGUAGE, LANGUAGES, Vocabulary
from toolkit.content.schema import Field
from toolkit.sources.field_types import field_type

# Collection name in the editor -> kind; entries of a kind live in docs/<name>/ (glossary terms
# one YAML file each, in docs/glossar/).
EDITOR_COLLECTIONS = {kind.folder: kind.name for kind in KINDS.values()}
# The fields' labels in the forms, in the editor's language (labels.py, "field.<name>", and
# "field.<kind>.<name>" where one name means different things in different kinds); the schema's
# descriptions (labels.FIELD_DOCS) become the hints below them.
FIELD_LABELS = section("field")[DEFAULT_LANGUAGE]
BODY_LABEL = FIELD_LABELS["body"]
# Text fields that hold more than a line: a multi-line box instead of a one-line input.
_LONG_TEXT = {"zweck", "kosten", "foerderung", "ablauf", "tipps", "ergebnisse", "definition"}


def repository(edit_base: str) -> tuple[str, str] | None:
    """``https://github.com/owner/name/edit/main/`` -> ``("owner/name", "main")``; None if not GitHub."""
    parsed = urlparse(edit_base)
    parts = [p for p in parsed.path.split("/") if p]
    if parsed.hostname != "github.com" or len(parts) < 4 or parts[2] != "edit":
        return None
    return f"{parts[0]}/{parts[1]}", parts[3]


def cms_config(*, vocab: dict[str, Vocabulary], edit_base: str, site_url: str, auth_url: str = "",
               backend: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole configuration. ``backend`` replaces the GitHub backend (the tests' in-memory one).

    ``auth_url``: the OAuth client that signs editors in with GitHub's button; without it they
    sign in with a personal access token.
    """
    if backend is None:
        repo = repository(edit_base)
        repo_name, branch = repo if repo else ("OWNER/REPOSITORY", "main")
        backend = {
            "name": "github",
            "repo": repo_name,
            "branch": branch,
            # Contributors without write access propose changes from a fork.
            "open_authoring": True,
            "auth_scope": "public_repo",
            "commit_messages": {
                **section("editor.commit")[DEFAULT_LANGUAGE],  # labels.py, in the editor's language
                "openAuthoring": "{{message}}",
            },
        }
        if auth_url:
            backend["base_url"] = auth_url.rstrip("/")
        else:
            backend["auth_methods"] = ["token"]
    return {
        "backend": backend,
        # Every save is a branch and a pull request, checked and reviewed as any other.
        "publish_mode": "editorial_workflow",
        "app_title": label(DEFAULT_LANGUAGE, "editor.title"),
        "site_url": site_url,
        "media_folder": "docs/dateien",
        "public_folder": "/dateien",
        "i18n": {
            "structure": "multiple_files",
            "locales": list(LANGUAGES),
            "default_locale": DEFAULT_LANGUAGE,
            # German is docs/werkzeuge/slug.md, English docs/werkzeuge/slug.en.md.
            "omit_default_locale_from_file_path": True,
            "initial_locales": "all",
        },
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "none", "indent_sequences": True}},
        "collections": [_collection(name, kind, vocab) for name, kind in EDITOR_COLLECTIONS.items()],
    }


def dump(config: dict[str, Any]) -> str:
    header = "# Generated from toolkit/content/schema.py and docs/vokabular.yml by the build: do not edit.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def _collection(name: str, kind: str, vocab: dict[str, Vocabulary]) -> dict[str, Any]:
    # The field a kind's entries are named and found by, and from which a new entry's slug is made.
    identifier = KINDS[kind].title_field
    collection: dict[str, Any] = {
        "name": name,
        "label": label(DEFAULT_LANGUAGE, f"collection_{kind}"),
        "label_singular": label(DEFAULT_LANGUAGE, f"entry_{kind}"),
        "folder": f"docs/{name}",
        "create": True,
        "identifier_field": identifier,
        "summary": "{{" + identifier + "}}",
        "sortable_fields": [identifier],
    }
    fields = [_field(f, vocab, kind, i18n=True) for f in FIELDS[kind]]
    if kind == "begriff":
        # One YAML file per term, both languages inside it (fields de/en): no translation file.
        collection.update({"extension": "yml", "format": "yaml",
                           "slug": "{{fields.begriff.de}}", "identifier_field": "begriff.de",
                           "summary": "{{begriff.de}}", "sortable_fields": ["begriff.de"]})
        collection["fields"] = [_field(f, vocab, kind, i18n=False) for f in FIELDS[kind]]
        return collection
    collection.update({"extension": "md", "format": "yaml-frontmatter", "slug": "{{" + identifier + "}}",
                       "i18n": True, "preview_path": f"{name}/{{{{slug}}}}/"})
    body = {"name": "body", "label": BODY_LABEL, "widget": "markdown", "required": False, "i18n": True,
            "hint": label(DEFAULT_LANGUAGE, "editor.body_hint")}
    # The catalogue page's introduction (index.md) is no entry: text only, listed apart.
    introduction = label(DEFAULT_LANGUAGE, "editor.introduction", collection=collection["label"])
    collection["index_file"] = {"name": "index", "label": introduction, "fields": [body]}
    collection["fields"] = [*fields, body]
    return collection


def _field(spec: Field, vocab: dict[str, Vocabulary], kind: str, *, i18n: bool) -> dict[str, Any]:
    writer = _Writer(vocab, kind)
    out: dict[str, Any] = {"name": spec.name, "label": writer.label(spec.name), **writer.widget(spec),
                           "required": spec.required, "hint": field_doc(spec.doc, DEFAULT_LANGUAGE, capital=True)}
    if i18n:
        # Translated text is edited side by side; every other field lives in the German file only.
        out["i18n"] = bool(spec.translatable)
        if spec.translatable and "field" in out:
            out["field"]["i18n"] = True  # the CMS asks it of each item too, else it locks the list
    return out


@dataclass(frozen=True)
class _Writer:
    """What a field type needs to configure its widget (field_types.EditorWriting)."""

    vocab: dict[str, Vocabulary]
    kind: str

    def field(self, spec: Field) -> dict[str, Any]:
        return _field(spec, self.vocab, self.kind, i18n=False)

    def widget(self, spec: Field) -> dict[str, Any]:
        return field_type(spec).editor(spec, self)

    def relation(self, spec: Field) -> dict[str, Any]:
        return _relation(spec)

    def options(self, spec: Field) -> list[dict[str, str]]:
        return _options(spec, self.vocab)

    def label(self, name: str) -> str:
        return FIELD_LABELS.get(f"{self.kind}.{name}") or FIELD_LABELS.get(name, name)

    def long(self, spec: Field) -> bool:
        return spec.name in _LONG_TEXT


def _options(spec: Field, vocab: dict[str, Vocabulary]) -> list[dict[str, str]]:
    assert spec.vocab is not None
    values = vocab[spec.vocab].values.values() if spec.vocab in vocab else ()
    return [{"label": value.label[DEFAULT_LANGUAGE], "value": value.key} for value in values]


def _relation(spec: Field) -> dict[str, Any]:
    assert spec.ref is not None
    collection = next(name for name, kind in EDITOR_COLLECTIONS.items() if kind == spec.ref)
    identifier = KINDS[spec.ref].title_field + (".de" if spec.ref == "begriff" else "")
    return {"widget": "relation", "collection": collection, "value_field": "{{slug}}",
            "search_fields": [identifier], "display_fields": [identifier]}
