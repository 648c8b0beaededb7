"""The one table of the interface's words (toolkit/content/labels.py): every word in every language."""

from __future__ import annotations

import re
from datetime import date

from toolkit.content.kinds import KINDS
from toolkit.content.labels import FIELD_DOCS, LABELS, display_date, field_doc, section
from toolkit.content.model import LANGUAGES
from toolkit.content.schema import Field


def test_every_word_exists_in_every_language_with_the_same_placeholders() -> None:
    assert set(LABELS) == set(LANGUAGES)
    keys = {lang: set(LABELS[lang]) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert keys[lang] == keys["de"], f"{lang}: missing {sorted(keys['de'] - keys[lang])}, extra {sorted(keys[lang] - keys['de'])}"
    for key in LABELS["de"]:
        placeholders = {lang: set(re.findall(r"\{(\w*)\}", LABELS[lang][key])) for lang in LANGUAGES}
        assert len({frozenset(p) for p in placeholders.values()}) == 1, f"{key}: {placeholders}"
        # "untranslated" is said on English pages only: German pages never need it.
        filled = [lang for lang in LANGUAGES if LABELS[lang][key].strip() or (key, lang) == ("untranslated", "de")]
        assert filled == list(LANGUAGES), f"{key} is empty in a language"


def test_every_kind_has_its_words() -> None:
    for name in KINDS:
        for key in ("kind", "collection", "entry", "dataset"):
            assert f"{key}_{name}" in LABELS["de"], f"labels.py lacks {key}_{name}"


def test_a_section_is_the_words_under_its_prefix() -> None:
    feed = section("feed")
    assert feed["de"]["title"] == LABELS["de"]["feed.title"] and feed["en"]["title"] == LABELS["en"]["feed.title"]
    assert all("." not in key for words in feed.values() for key in words)


def test_dates_as_each_language_writes_them() -> None:
    assert display_date(date(2026, 1, 5), "de") == "5.1.2026"
    assert display_date(date(2026, 1, 5), "en") == "2026-01-05"


def _declared_fields(declared: tuple[Field, ...], *, items: bool = True) -> list[Field]:
    """Every field declared, inside objects and list items too; ``items``: the items themselves."""
    out: list[Field] = []
    for spec in declared:
        out += [spec, *_declared_fields(spec.fields, items=items)]
        if spec.item is not None:
            out += [spec.item] if items else []
            out += _declared_fields(spec.item.fields, items=items)
    return out


def _declared_names(fields: tuple[Field, ...]) -> set[str]:
    return {spec.name for spec in _declared_fields(fields, items=False)}


def test_every_declared_field_has_a_label_and_every_field_label_a_field() -> None:
    # The browser editor shows these; a field without one would show its bare key, and a label
    # whose field is gone is a word nobody reads.
    declared = set().union(*(_declared_names(kind.fields) for kind in KINDS.values()))
    bilingual = {"de", "en"}  # the parts of a bilingual field (a glossary term's name and definition)
    labelled = set(section("field")["de"])
    own = {key for key in labelled if "." in key}
    assert declared <= labelled, f"labels.py lacks field.{sorted(declared - labelled)}"
    assert labelled - own - {"body"} <= declared | bilingual, sorted(labelled - own - declared - bilingual)
    for key in own:
        kind, name = key.split(".")
        assert name in _declared_names(KINDS[kind].fields), key


def test_every_field_description_is_written_in_every_language() -> None:
    # Editors read them as hints in the browser editor and as comments in new entries: a
    # description missing here would reach a German editor in English.
    docs = {spec.doc for kind in KINDS.values() for spec in _declared_fields(kind.fields)}
    for lang in set(LANGUAGES) - {"en"}:  # the declarations in schema.py are English
        missing = docs - set(FIELD_DOCS[lang])
        assert not missing, f"labels.py FIELD_DOCS['{lang}'] lacks {sorted(missing)}"
        assert set(FIELD_DOCS[lang]) <= docs, f"no field is described so: {sorted(set(FIELD_DOCS[lang]) - docs)}"
    assert field_doc("whom it is for", "de") == "für wen es gedacht ist"
    assert field_doc("whom it is for", "en") == "whom it is for"
