"""Open data, feed, redirects and page history, without a site build: the pure toolkit functions."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from support.projects import git
from support.sites import REPO, copy_project
from toolkit.content.conventions import LIST_SEPARATOR
from toolkit.content.kinds import ENTRY_KINDS
from toolkit.content.kinds import FIELDS as KINDS
from toolkit.publish.export import csv_columns, data_files, entry_record
from toolkit.render.feed import ATOM, atom_feed
from toolkit.render.redirects import redirect_pages
from toolkit.site.facade import Site
from toolkit.site.history import file_dates, parse_log

SITE_URL = "https://example.org/wissensbasis/"
A = f"{{{ATOM}}}"


@pytest.fixture(scope="module")
def real() -> Site:
    site = Site.load(REPO / "docs", REPO)
    assert not site.problems.errors, [p.format() for p in site.problems.errors]
    return site


@pytest.fixture(scope="module")
def files(real: Site) -> dict[str, dict[str, bytes]]:
    return {lang: data_files(kb=real.kb, index=real.index, lang=lang, site_url=SITE_URL, site_name="KB")
            for lang in ("de", "en")}


# -- open data ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["werkzeug", "modellvorhaben"])
def test_every_declared_field_is_in_the_open_data(real: Site, kind: str) -> None:
    entry = next(iter(real.kb.collection(kind).values()))
    record = entry_record(kb=real.kb, index=real.index, entry=entry, lang="de", site_url=SITE_URL)
    missing = [spec.name for spec in KINDS[kind] if spec.name not in record]
    assert not missing, f"declared in toolkit/content/schema.py but not exported: {missing}"


@pytest.mark.parametrize("page", ["daten.md", "daten.en.md"])
def test_the_open_data_page_documents_every_field_and_column(files: dict[str, dict[str, bytes]], page: str) -> None:
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    names: set[str] = set()
    for name, content in files["de"].items():
        if name.endswith(".json"):
            document = json.loads(content)
            names |= set(document) | set(document["lizenz"])
            for record in document["eintraege"]:
                names |= set(record)
    for kind in ("werkzeug", "modellvorhaben"):
        names |= set(csv_columns(kind))
    undocumented = sorted(n for n in names if f"`{n}`" not in text)
    assert not undocumented, f"docs/{page} does not describe: {undocumented}"


def test_data_states_the_licence_and_names_the_source(files: dict[str, dict[str, bytes]]) -> None:
    for lang in ("de", "en"):
        for name, content in files[lang].items():
            if name.endswith(".json"):
                licence = json.loads(content)["lizenz"]
                assert licence["url"] == "https://creativecommons.org/licenses/by/4.0/", name
                assert "CC BY 4.0" in licence["name"] and SITE_URL in licence["namensnennung"], name


def test_english_data_holds_english_text_with_the_same_field_names(files: dict[str, dict[str, bytes]]) -> None:
    german = json.loads(files["de"]["daten/werkzeuge.json"])
    english = json.loads(files["en"]["en/daten/werkzeuge.json"])
    assert [r["slug"] for r in german["eintraege"]] == [r["slug"] for r in english["eintraege"]]
    for de, en in zip(german["eintraege"], english["eintraege"], strict=True):
        assert set(de) == set(en)
        assert de["themen"] == en["themen"], "keys stay keys in every language"
        if en["sprache"] == "en":
            assert de["titel"] != en["titel"] or de["kurz"] != en["kurz"], de["slug"]
        assert en["url"].startswith(SITE_URL + "en/werkzeuge/")
    assert german["vokabulare"]["modus"]["digital"] != english["vokabulare"]["modus"]["digital"]


def test_csv_is_one_row_per_entry_with_list_items_in_one_line(files: dict[str, dict[str, bytes]]) -> None:
    for lang, prefix in (("de", ""), ("en", "en/")):
        records = json.loads(files[lang][f"{prefix}daten/modellvorhaben.json"])["eintraege"]
        rows = list(csv.DictReader(io.StringIO(files[lang][f"{prefix}daten/modellvorhaben.csv"].decode("utf-8"),
                                               newline="")))
        assert [r["slug"] for r in rows] == [r["slug"] for r in records]
        for row, record in zip(rows, records, strict=True):
            assert row["orte_name"].split(LIST_SEPARATOR) == [town["name"] for town in record["orte"]]
            items = {len(row[c].split(LIST_SEPARATOR)) for c in row if c.startswith("orte_")}
            assert items == {len(record["orte"])}, "town columns stay in step, missing values included"
            assert row["themen"].split(LIST_SEPARATOR) == record["themen"]
            assert len(row["themen_bezeichnung"].split(LIST_SEPARATOR)) == len(record["themen"])
            assert not [c for c in row if c != "text" and "\n" in row[c]], "a spreadsheet shows each cell on one line"


def test_glossary_leaves_out_a_date_it_does_not_have(files: dict[str, dict[str, bytes]]) -> None:
    for lang, prefix in (("de", ""), ("en", "en/")):
        glossary = json.loads(files[lang][f"{prefix}daten/glossar.json"])
        assert "stand" not in glossary, "its terms carry no review date: no null to puzzle over"
        assert json.loads(files[lang][f"{prefix}daten/werkzeuge.json"])["stand"]


# -- feed -----------------------------------------------------------------------------------

def test_feed_is_atom_with_absolute_addresses_newest_first(real: Site) -> None:
    root = ET.fromstring(atom_feed(kb=real.kb, lang="en", site_url=SITE_URL, site_name="KB", holder="K"))
    assert root.tag == f"{A}feed"
    assert [link.attrib["href"] for link in root.findall(f"{A}link[@rel='self']")] == [SITE_URL + "en/feed.xml"]
    entries = root.findall(f"{A}entry")
    assert len(entries) == sum(len(real.kb.collection(kind.name)) for kind in ENTRY_KINDS if kind.feed)
    updated = [e.findtext(f"{A}updated", "") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{A}updated") == updated[0]
    for entry in entries:
        assert entry.findtext(f"{A}id", "").startswith(SITE_URL + "en/")
        assert entry.findtext(f"{A}title") and entry.findtext(f"{A}summary")


# -- redirects ------------------------------------------------------------------------------

def test_a_former_slug_gets_a_page_that_leads_to_the_new_address(real: Site) -> None:
    tool = next(iter(real.kb.tools.values()))
    tool.data["fruehere_slugs"] = ["ganz-alter-name"]
    try:
        pages = redirect_pages(kb=real.kb, lang="en", site_url=SITE_URL)
    finally:
        tool.data.pop("fruehere_slugs")
    html = pages["en/werkzeuge/ganz-alter-name/index.html"].decode()
    assert f'content="0; url=../{tool.slug}/"' in html
    assert f'<link rel="canonical" href="{SITE_URL}en/werkzeuge/{tool.slug}/">' in html
    assert f'<a href="../{tool.slug}/"' in html and "<script" not in html


# -- history --------------------------------------------------------------------------------

def test_log_gives_each_file_its_newest_date() -> None:
    log = "\x1e2026-03-01\n\ndocs/a.md\ndocs/b.md\n\x1e2026-04-01\n\ndocs/b.md\n\x1e2026-01-01\n\ndocs/c.md\n"
    assert parse_log(log) == {"docs/a.md": date(2026, 3, 1), "docs/b.md": date(2026, 4, 1),
                              "docs/c.md": date(2026, 1, 1)}


def test_history_from_one_git_log_and_none_outside_a_repository(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert file_dates(root=project) == {}, "no repository: no dates"
    git(project, "init", "-q")
    git(project, "add", "docs")
    git(project, "commit", "-q", "-m", "first")
    source = project / "docs" / "werkzeuge" / "barcamp.en.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "second", when="2025-06-15T12:00:00+00:00")
    dates = file_dates(root=project)
    assert dates["docs/werkzeuge/barcamp.en.md"] == date(2025, 6, 15)
    assert dates["docs/werkzeuge/barcamp.md"] == date(2025, 3, 1)
    # A shallow clone knows one commit only: it would date every file to it, so it dates none.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project}", str(clone)], check=True,
                   capture_output=True)
    assert file_dates(root=clone) == {}
