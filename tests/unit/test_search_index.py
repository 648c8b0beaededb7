"""What the search index is told, without a build: each page's kind of result, lists kept out, and the
per-language parts of the index joined into one bundle (a language indexed twice stops the build)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.render import search, search_words
from toolkit.render.search import result_type
from toolkit.site import search_index


@pytest.mark.parametrize("src_uri, de, en", [
    ("werkzeuge/zukunftswerkstatt.md", "Werkzeug", "Tool"),
    ("werkzeuge/zukunftswerkstatt.en.md", "Werkzeug", "Tool"),
    ("modellvorhaben/attraktiv-wohnen.md", "Modellvorhaben", "Model project"),
    ("veranstaltungen/sondierungsworkshop-digitale-transformation.en.md", "Veranstaltung", "Event"),
    ("medien/was-ist-ein-barcamp.en.md", "Medium", "Medium"),
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


def _page(lang: str, title: str) -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head>'
            f'<body><main data-pagefind-body><h1>{title}</h1><p>Ein Satz über {title}.</p></main></body></html>')


def test_a_language_indexed_in_two_builds_is_an_error_not_a_lost_index(tmp_path: Path) -> None:
    """Each language build writes its language's index; a second part in the same language would
    overwrite the first, so the build stops and says why."""
    index = search_index.SearchIndex(tmp_path)
    index.new_part()
    index.add_page(html=_page("de", "Marktplatz"), url="a/", src_uri="a.md")
    index.new_part()
    index.add_page(html=_page("de", "Rathaus"), url="b/", src_uri="b.md")
    with pytest.raises(search_index.SearchIndexError, match="Pages in de were written by two language builds"):
        index.write()


def test_the_parts_of_the_index_make_one_bundle(tmp_path: Path) -> None:
    index = search_index.SearchIndex(tmp_path)
    index.new_part()
    index.add_page(html=_page("de", "Marktplatz"), url="a/", src_uri="a.md")
    index.add_page(html=_page("de", "Liste"), url="werkzeuge/formattyp/werkstatt/",
                   src_uri="werkzeuge/formattyp/werkstatt.md")  # not searched: not sent
    index.new_part()
    index.add_page(html=_page("en", "Market square"), url="en/a/", src_uri="a.en.md")
    index.write()
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: v["page_count"] for lang, v in entry["languages"].items()} == {"de": 1, "en": 1}
    assert sorted(url for url, _ in search_words.page_texts(tmp_path / "pagefind")) == ["/a/", "/en/a/"]
