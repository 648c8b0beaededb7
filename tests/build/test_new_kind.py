"""A new kind of entry is a declaration: a copy of the project gains funding programmes by their
fields (content/schema.py), their Kind (content/kinds.py), their words (content/labels.py), a
line in the navigation and their sources, and nothing else; the real build then gives them
pages in both languages, a catalogue, a place on the topic pages, open data, the feed, the
browser editor and the site search.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from support.search_records import search_records
from support.sites import REPO, build, copy_project
from support.tree import json_ld_blocks, text_of, tree, with_class

FIELDS = '''

PROGRAMM: tuple[Field, ...] = (
    text("titel", "name of the programme", required=True, translatable=True),
    text("kurz", "one sentence: what it funds", required=True, translatable=True),
    keys("themen", "topics it funds", "themen", required=True),
    Field("url", "url", "web address of the programme, starting with https://"),
    REVIEWED,
)
'''
KIND = '''PROGRAMM = Kind("programm", schema.PROGRAMM, "programme", "funding programme", facets=("themen",),
                word_facets=("themen",))
'''
WORDS = {
    "de": {"kind_programm": "Programm", "collection_programm": "Förderprogramme", "entry_programm": "Programm",
           "dataset_programm": "Förderprogramme für Kleinstädte.", "topic_programm": "Förderprogramme zu diesem Thema"},
    "en": {"kind_programm": "Programme", "collection_programm": "Funding programmes", "entry_programm": "Programme",
           "dataset_programm": "Funding programmes for small towns.", "topic_programm": "Funding programmes on this topic"},
}
ENTRY = {
    "beispiel.md": "---\ntitel: Beispielprogramm\nkurz: Ein Programm, das Wohnprojekte fördert.\nthemen: [wohnen]\n"
                   "url: https://example.org/programm\ngeprueft: 2026-12-01\n---\n\nEs fördert Umbauten im Ortskern.\n",
    "beispiel.en.md": "---\ntitel: Sample programme\nkurz: A programme that funds housing projects.\n---\n\n"
                      "It funds conversions in the town centre.\n",
    "index.md": "# Förderprogramme\n\nProgramme, die Kleinstädte nutzen können.\n",
    "index.en.md": "# Funding programmes\n\nProgrammes small towns can use.\n",
}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: update this test's declaration"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("new-kind") / "project")
    # The toolkit's copy is the one the build imports (mkdocs runs with the project as its folder).
    shutil.copytree(REPO / "toolkit", project / "toolkit", ignore=shutil.ignore_patterns("__pycache__"))
    (project / ".cache").symlink_to(REPO / ".cache")  # the browser editor's pinned files
    content = project / "toolkit" / "content"
    with (content / "schema.py").open("a", encoding="utf-8") as schema:
        schema.write(FIELDS)
    _replace(content / "kinds.py", "KINDS: dict[str, Kind] = {kind.name: kind for kind in (",
             KIND + "KINDS: dict[str, Kind] = {kind.name: kind for kind in (PROGRAMM, ")
    for lang, words in WORDS.items():
        lines = "".join(f"        {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n" for k, v in words.items())
        _replace(content / "labels.py", f'    "{lang}": {{\n', f'    "{lang}": {{\n' + lines)
    _replace(project / "mkdocs.yml", "  /medien/*.md\n", "  /medien/*.md\n  /programme/*.md\n")
    _replace(project / "mkdocs.yml", "  - Medien: medien/index.md\n",
             "  - Medien: medien/index.md\n  - Förderprogramme: programme/index.md\n")
    (project / "docs" / "programme").mkdir()
    for name, text in ENTRY.items():
        (project / "docs" / "programme" / name).write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.parametrize(("lang", "prefix", "title", "field"),
                         [("de", "", "Beispielprogramm", "Webadresse"), ("en", "en/", "Sample programme", "Web address")])
def test_its_entry_has_a_page_with_a_fact_box_of_its_fields(site: Path, lang: str, prefix: str, title: str,
                                                            field: str) -> None:
    page = tree(site / prefix / "programme" / "beispiel" / "index.html")
    assert text_of(page.find(".//h1")) == title
    facts = {text_of(dt): dt.getnext() for dt in with_class(page, "section", "kb-steckbrief")[0].iter("dt")}
    assert facts[field].find(".//a").get("href") == "https://example.org/programm"
    topic = facts["Themen" if lang == "de" else "Topics"].find(".//a")
    assert topic.get("href") == "../../themen/wohnen/" and text_of(topic) == ("Wohnen" if lang == "de" else "Housing")
    graph = [item for b in json_ld_blocks(page) for item in json.loads(b).get("@graph", [json.loads(b)])]
    assert [item["name"] for item in graph if item.get("@type") == "CreativeWork"] == [title]


def test_its_catalogue_and_the_topic_page_list_it(site: Path) -> None:
    catalogue = tree(site / "programme" / "index.html")
    assert "Beispielprogramm" in [text_of(a) for a in catalogue.iter("a")]
    topic = tree(site / "themen" / "wohnen" / "index.html")
    headings = [text_of(h) for h in topic.iter("h2")]
    assert "Förderprogramme zu diesem Thema" in headings
    assert "../../programme/beispiel/" in [a.get("href") for a in topic.iter("a")]


def test_its_entries_are_open_data_in_the_feed_and_in_the_editor(site: Path) -> None:
    records = json.loads((site / "daten" / "programme.json").read_text(encoding="utf-8"))["eintraege"]
    assert [(r["slug"], r["titel"], r["themen"]) for r in records] == [("beispiel", "Beispielprogramm", ["wohnen"])]
    assert "Sample programme" in (site / "en" / "daten" / "programme.csv").read_text(encoding="utf-8")
    assert "Beispielprogramm" in (site / "feed.xml").read_text(encoding="utf-8")
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    (collection,) = [c for c in config["collections"] if c["name"] == "programme"]
    assert [f["label"] for f in collection["fields"]][:4] == ["Titel", "Kurzbeschreibung", "Themen", "Webadresse"]


def test_its_entries_are_in_the_site_search(site: Path) -> None:
    records = search_records(site)
    assert "/programme/beispiel/" in records["de"] and "/en/programme/beispiel/" in records["en"]
    assert "Umbauten im Ortskern" in records["de"]["/programme/beispiel/"]["content"]
