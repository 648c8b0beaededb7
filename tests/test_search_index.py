"""The site search's index: built once over the whole site, one index per language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.load import load
from toolkit import search
from toolkit.search import result_type
from toolkit.urls import FOLDERS


@pytest.mark.parametrize("src_uri, de, en", [
    ("werkzeuge/zukunftswerkstatt.md", "Werkzeug", "Tool"),
    ("werkzeuge/zukunftswerkstatt.en.md", "Werkzeug", "Tool"),
    ("modellvorhaben/attraktiv-wohnen.md", "Modellvorhaben", "Model project"),
    ("glossar.md", "Glossar", "Glossary"),
    ("glossar.en.md", "Glossar", "Glossary"),
    ("werkzeuge/index.md", "Seite", "Page"),
    ("themen/wohnen.md", "Thema", "Topic"),
    ("themen/index.md", "Seite", "Page"),
    ("index.en.md", "Seite", "Page"),
])
def test_each_page_says_what_kind_of_result_it_is(src_uri: str, de: str, en: str) -> None:
    assert result_type(src_uri=src_uri, lang="de") == de
    assert result_type(src_uri=src_uri, lang="en") == en


@pytest.mark.parametrize("src_uri, searched", [
    ("werkzeuge/zukunftswerkstatt.md", True),
    ("werkzeuge/index.en.md", True),
    ("themen/wohnen.md", True),
    ("werkzeuge/formattyp/werkstatt.md", False),
    ("werkzeuge/formattyp/werkstatt.en.md", False),
])
def test_pages_that_only_list_entries_stay_out_of_the_index(src_uri: str, searched: bool) -> None:
    assert search.searched(src_uri=src_uri) is searched


def _pages(site: Path, *, english: bool) -> set[str]:
    """Pages marked for the index, German ones outside en/, English ones inside."""
    found = set()
    for page in site.rglob("index.html"):
        relative = page.relative_to(site).as_posix()
        if relative.startswith("en/") == english and "data-pagefind-body" in page.read_text(encoding="utf-8"):
            found.add(relative)
    return found


def test_one_index_per_language_covers_every_page(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    assert set(languages) == {"de", "en"}
    german, english = _pages(built_site, english=False), _pages(built_site, english=True)
    # Every entry of the sources has its page in each language's index.
    kb, _ = load(built_site.parent / "docs", built_site.parent)
    for kind, folder in FOLDERS.items():
        entries = {f"{folder}/{slug}/index.html" for slug in kb.collection(kind)}
        assert entries and entries <= german
        assert {"en/" + e for e in entries} <= english
    assert languages["de"]["page_count"] == len(german)
    assert languages["en"]["page_count"] == len(english)
    # Once, at the root: the English build must not leave an index of its own.
    assert not (built_site / "en" / "pagefind").exists()
