"""The vocabulary file: search words per value are read, checked and offered to the site."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.projects import make_base, run_check
from support.sites import REPO
from toolkit.sources.load import load


def _vocab_text() -> str:
    return (REPO / "docs" / "vokabular.yml").read_text(encoding="utf-8")


def test_search_words_reach_the_model() -> None:
    raw = yaml.safe_load(_vocab_text())
    kb, _ = load(REPO / "docs", REPO)
    for name, spec in raw.items():
        for key, value in spec["werte"].items():
            for lang in ("de", "en"):
                expected = tuple((value.get("suchwoerter") or {}).get(lang, ()))
                assert kb.vocab[name].search_words(key, lang) == expected, (name, key, lang)


def test_every_facet_value_a_visitor_filters_by_has_search_words() -> None:
    raw = yaml.safe_load(_vocab_text())
    for name in ("themen", "zielgruppen", "formattyp", "ziel"):
        for key, value in raw[name]["werte"].items():
            words = value.get("suchwoerter") or {}
            assert words.get("de") and words.get("en"), f"{name}.{key} has no search words in both languages"


def test_every_tool_names_its_purpose() -> None:
    kb, _ = load(REPO / "docs", REPO)
    purposes = set(kb.vocab["ziel"].values)
    for tool in kb.tools.values():
        assert tool.data["ziel"] and set(tool.data["ziel"]) <= purposes, tool.slug


def _check_with(tmp_path: Path, old: str, new: str) -> list[str]:
    root = make_base(tmp_path)
    path = root / "docs" / "vokabular.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return run_check(root).stdout.splitlines()


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_search_words_as_text_are_named_with_file_line_and_fix(tmp_path: Path) -> None:
    text = _vocab_text()
    start = text.index("    beteiligung:\n      de: Beteiligung")
    old = text[start:text.index("      einleitung:", start)]
    new = "    beteiligung:\n      de: Beteiligung\n      en: Participation\n      suchwoerter: Bürgerbeteiligung\n"
    out = _check_with(tmp_path, old, new)
    line = _line_of(text, "    beteiligung:\n      de: Beteiligung") + 3  # the 'suchwoerter' line
    assert any(o.startswith(f"docs/vokabular.yml:{line}: error:") and "suchwoerter" in o and "de: [" in o for o in out), out


def test_search_words_in_an_unknown_language_are_named(tmp_path: Path) -> None:
    text = _vocab_text()
    old = "      suchwoerter:\n        de: [Wohnraum"
    out = _check_with(tmp_path, old, "      suchwoerter:\n        fr: [logement]\n        de: [Wohnraum")
    line = _line_of(text, old) + 1  # the line of the unknown language
    assert any(o.startswith(f"docs/vokabular.yml:{line}: error:") and "'fr'" in o for o in out), out


def test_the_vocabularies_needed_follow_from_the_declared_fields(tmp_path: Path) -> None:
    # An editor who deletes a vocabulary is told which fields need it; one that no field uses is
    # refused by name, as a typo would be.
    where = _line_of(_vocab_text(), "\nsprachen:") + 1
    lines = _check_with(tmp_path, "\nsprachen:", "\nspraachen:")
    assert "docs/vokabular.yml:1: error: vocabulary 'sprachen' is missing: the fields medium.sprachen take their " \
        "values from it" in lines, lines
    assert any(line.startswith(f"docs/vokabular.yml:{where}: error: unknown vocabulary 'spraachen' (did you mean "
                               "'sprachen'?): no field takes its values from it") for line in lines), lines
