"""What a build publishes besides its pages, through the real MkDocs build: open data, feeds,
redirects from former slugs, and each page's edit links and last-change date."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from support.htmlscan import page_file, parse, resolve
from support.projects import git, publishing_project
from support.sites import REPO, build
from support.tree import text_of, tree

if TYPE_CHECKING:
    pass
from toolkit.content.kinds import ENTRY_KINDS

ATOM = "{http://www.w3.org/2005/Atom}"
KINDS = tuple(kind.folder for kind in ENTRY_KINDS)
CHANGED = re.compile(r'class="kb-page-changed">[^<]*<time datetime="([0-9-]+)"')
@pytest.fixture(scope="module")
def site(publishing_site: Path) -> Path:
    return publishing_site


@pytest.fixture(scope="module")
def project(site: Path) -> Path:
    return site.parent


def config(project: Path) -> dict:
    return yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))


def edit_base(project: Path) -> str:
    """Where the project's edit links lead: the repository named in its docs/betreiber.yml."""
    from toolkit.sources.operator_facts import load_operator
    from toolkit.sources.problems import Problems

    operator = load_operator(project / "docs", project, Problems())
    assert operator is not None and operator.edit_base, "the project names no repository"
    return operator.edit_base


def entry_slugs(docs: Path, folder: str) -> set[str]:
    return {p.name[:-3] for p in (docs / folder).glob("*.md") if not p.name.startswith("index.")
            and not p.name.endswith(".en.md")}


def heading(site: Path, url: str) -> str:
    headings = list(tree(page_file(site, url)).iter("h1"))
    assert headings, url
    return text_of(headings[0])


def edit_links(site: Path, url: str, base: str) -> set[str]:
    """The repository files the page's edit links lead to."""
    hrefs = {link.attrs["href"] for link in parse(page_file(site, url)).links()
             if "edit" in link.attrs.get("rel", "").split()}
    assert all(h.startswith(base) for h in hrefs), hrefs
    return {h[len(base):] for h in hrefs}


def changed(site: Path, url: str) -> str | None:
    """The date the page says its content last changed (YYYY-MM-DD), or None."""
    found = CHANGED.search(page_file(site, url).read_text(encoding="utf-8"))
    return found.group(1) if found else None


# -- open data ------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_entry_is_in_the_open_data_of_both_languages(site: Path, project: Path, prefix: str) -> None:
    for folder in KINDS:
        document = json.loads((site / f"{prefix}daten/{folder}.json").read_text(encoding="utf-8"))
        records = {r["slug"]: r for r in document["eintraege"]}
        assert set(records) == entry_slugs(project / "docs", folder)
        assert document["anzahl"] == len(records) and document["sprache"] == (prefix[:2] or "de")
        for slug, record in records.items():
            url = f"{prefix}{folder}/{slug}/"
            assert record["url"] == config(project)["site_url"] + url
            assert record["titel"] == heading(site, url), "the data says what the page says"
            assert record["geprueft"] and record["themen"], slug
        with open(site / f"{prefix}daten/{folder}.csv", newline="", encoding="utf-8") as table:
            reader = csv.DictReader(table)
            rows = list(reader)
        assert reader.fieldnames and reader.fieldnames[:3] == ["slug", "url", "sprache"]
        assert {row["slug"]: row["titel"] for row in rows} == {s: r["titel"] for s, r in records.items()}


def test_untranslated_entry_is_german_in_the_english_data(site: Path) -> None:
    english = json.loads((site / "en/daten/werkzeuge.json").read_text(encoding="utf-8"))
    record = next(r for r in english["eintraege"] if r["slug"] == "dritte")
    assert record["sprache"] == "de" and record["titel"] == "Dritte Methode"
    assert next(r for r in english["eintraege"] if r["slug"] == "beispiel")["sprache"] == "en"


def test_glossary_data_in_both_languages(site: Path) -> None:
    for prefix, word in (("", "Kleinstadt"), ("en/", "Small town")):
        terms = json.loads((site / f"{prefix}daten/glossar.json").read_text(encoding="utf-8"))["eintraege"]
        term = next(t for t in terms if t["slug"] == "kleinstadt")
        assert term["begriff"] == word
        assert term["url"].endswith(f"{prefix}glossar/#kleinstadt")
        assert {"art": "werkzeug", "slug": "beispiel"}.items() <= term["verwendet_in"][0].items()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_open_data_page_links_every_file_and_the_feed(site: Path, prefix: str) -> None:
    url = f"{prefix}daten/"
    targets = {target[0] for link in parse(page_file(site, url)).links()
               if (target := resolve(site, url, link.attrs["href"]))}
    for name in ("werkzeuge.json", "werkzeuge.csv", "modellvorhaben.json", "modellvorhaben.csv", "glossar.json"):
        assert site / f"{prefix}daten/{name}" in targets and (site / f"{prefix}daten/{name}").is_file()
    assert site / f"{prefix}feed.xml" in targets


def test_export_command_writes_what_the_build_publishes(project: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "toolkit", "export", "data", str(tmp_path)], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert Path("daten/werkzeuge.csv") in written and Path("en/feed.xml") in written
    for name in written:
        assert (tmp_path / name).read_bytes() == (project / "site" / name).read_bytes(), name


def test_two_builds_publish_the_same_bytes(project: Path, tmp_path: Path) -> None:
    again = build(project, tmp_path / "again")
    assert again.returncode == 0, again.stderr
    names = ["daten/werkzeuge.json", "daten/werkzeuge.csv", "en/daten/modellvorhaben.csv", "en/daten/glossar.json",
             "feed.xml", "en/feed.xml", "werkzeuge/alte-werkstatt/index.html", "en/werkzeuge/beispiel/index.html"]
    for name in names:
        assert (tmp_path / "again" / name).read_bytes() == (project / "site" / name).read_bytes(), name


# -- feed -----------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "en/"])
def test_feed_has_one_entry_per_tool_and_project(site: Path, project: Path, prefix: str) -> None:
    root = ET.parse(site / f"{prefix}feed.xml").getroot()  # fails on XML that is not well-formed
    site_url = config(project)["site_url"]
    links = [e.findall(f"{ATOM}link")[0].attrib["href"] for e in root.iter(f"{ATOM}entry")]
    expected = {f"{site_url}{prefix}{folder}/{slug}/" for folder in KINDS
                for slug in entry_slugs(project / "docs", folder)}
    assert sorted(links) == sorted(expected)
    updated = [e.findtext(f"{ATOM}updated", "") for e in root.iter(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True), "newest review first"


def test_open_data_page_links_the_feed_of_its_language(site: Path) -> None:
    for url, feed in (("daten/", "feed.xml"), ("en/daten/", "en/feed.xml")):
        targets = [resolve(site, url, link.attrs["href"]) for link in parse(page_file(site, url)).links()]
        assert (site / feed, "") in targets, url


def test_no_page_has_a_head_link_that_makes_the_theme_fetch_a_sitemap(site: Path) -> None:
    # Material's script fetches sitemap.xml beside every <link rel="alternate"> on each page open.
    for path in site.rglob("*.html"):
        assert not parse(path).find("link", rel="alternate"), path.relative_to(site)


# -- redirects ------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "en/"])
def test_former_slug_leads_to_the_new_address(site: Path, project: Path, prefix: str) -> None:
    old = f"{prefix}werkzeuge/alte-werkstatt/"
    page = parse(page_file(site, old))
    refresh = page.find("meta", http_equiv="refresh")
    assert len(refresh) == 1
    target = refresh[0].attrs["content"].split("url=", 1)[1]
    resolved = resolve(site, old, target)
    assert resolved and resolved[0] == page_file(site, f"{prefix}werkzeuge/beispiel/")
    assert page.find("link", rel="canonical")[0].attrs["href"] == config(project)["site_url"] + f"{prefix}werkzeuge/beispiel/"
    assert [link.attrs["href"] for link in page.links()] == [target], "a visible link for everyone else"
    assert not page.find("script")


# -- edit links and last change -------------------------------------------------------------

EXPECTED_SOURCES = {
    "werkzeuge/beispiel/": {"docs/werkzeuge/beispiel.md"},
    "en/werkzeuge/beispiel/": {"docs/werkzeuge/beispiel.en.md"},
    "en/werkzeuge/dritte/": {"docs/werkzeuge/dritte.md"},
    "modellvorhaben/verbund/": {"docs/modellvorhaben/verbund.md"},
    "en/modellvorhaben/verbund/": {"docs/modellvorhaben/verbund.en.md"},
    "themen/wohnen/": {"docs/vokabular.yml"},
    "en/themen/wohnen/": {"docs/vokabular.yml"},
    "werkzeuge/": {"docs/werkzeuge/index.md"},
    "en/werkzeuge/": {"docs/werkzeuge/index.en.md"},
    "glossar/": {"docs/glossar.yml", "docs/glossar.md"},
    "en/glossar/": {"docs/glossar.yml", "docs/glossar.en.md"},
    "en/nur-deutsch/": {"docs/nur-deutsch.md"},
    "daten/": {"docs/daten.md"},
    "en/daten/": {"docs/daten.en.md"},
}


@pytest.fixture(scope="module")
def git_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny site as a repository: everything committed on 1 March, one English file on 15 June."""
    project = publishing_project(tmp_path_factory.mktemp("history"))
    (project / "docs" / "nur-deutsch.md").write_text("# Nur auf Deutsch\n\nDiese Seite gibt es nur auf Deutsch.\n",
                                                     encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "docs", "mkdocs.yml")
    git(project, "commit", "-q", "-m", "first")
    english = project / "docs" / "werkzeuge" / "zweites.en.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "second", when="2025-06-15T09:00:00+00:00")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.mark.parametrize("url", sorted(EXPECTED_SOURCES))
def test_edit_links_lead_to_the_source_in_the_pages_language(git_project: Path, url: str) -> None:
    sources = edit_links(git_project / "site", url, edit_base(git_project))
    assert sources == EXPECTED_SOURCES[url]
    assert all((git_project / path).is_file() for path in sources)


def test_last_change_comes_from_the_history_of_the_pages_own_sources(git_project: Path) -> None:
    site = git_project / "site"
    assert changed(site, "en/werkzeuge/zweites/") == "2025-06-15", "its English file changed in June"
    assert changed(site, "werkzeuge/zweites/") == "2025-03-01", "the German page's source did not"
    assert changed(site, "werkzeuge/beispiel/") == "2025-03-01"
    assert changed(site, "en/werkzeuge/") == "2025-06-15", "a catalogue is as new as its newest entry"
    assert changed(site, "en/nur-deutsch/") == "2025-03-01"
    html = page_file(site, "werkzeuge/zweites/").read_text(encoding="utf-8")
    assert "Zuletzt geändert: <time datetime=\"2025-03-01\">1.3.2025</time>" in html
    english = page_file(site, "en/werkzeuge/zweites/").read_text(encoding="utf-8")
    assert "Last changed: <time datetime=\"2025-06-15\">2025-06-15</time>" in english


def sitemap_dates(site: Path, site_url: str) -> dict[str, str | None]:
    """Site-relative address -> the sitemap's lastmod for it."""
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = ET.parse(site / "sitemap.xml").getroot().iter(f"{ns}url")
    return {u.findtext(f"{ns}loc", "")[len(site_url):]: u.findtext(f"{ns}lastmod") for u in urls}


def test_sitemap_dates_each_page_by_its_last_change(git_project: Path) -> None:
    site = git_project / "site"
    dates = sitemap_dates(site, config(git_project)["site_url"])
    assert dates["en/werkzeuge/zweites/"] == "2025-06-15" and dates["werkzeuge/zweites/"] == "2025-03-01"
    assert {url for url in dates if url.startswith("en/")}, "the English pages are in the sitemap too"
    for url, lastmod in dates.items():
        assert lastmod == changed(site, url), f"{url}: the sitemap says {lastmod}, the page {changed(site, url)}"


def test_sitemap_without_history_keeps_the_review_dates(site: Path, project: Path) -> None:
    dates = sitemap_dates(site, config(project)["site_url"])
    assert dates["werkzeuge/beispiel/"] == changed(site, "werkzeuge/beispiel/") == "2026-01-15"
    assert dates["daten/"] is None, "no date rather than the build's"


def test_without_history_an_entry_shows_its_review_date(site: Path) -> None:
    # A build from a tarball: no repository, so the sources' own dates stand in.
    assert changed(site, "werkzeuge/beispiel/") == "2026-01-15"
    assert changed(site, "en/werkzeuge/") == "2026-02-10", "the newest review among the tools"
    assert changed(site, "daten/") is None, "a hand-written page has no date of its own"


# -- the real site --------------------------------------------------------------------------

def test_real_site_every_entry_in_the_open_data_and_the_feed(built_site: Path) -> None:
    site_url = config(REPO)["site_url"]
    for prefix in ("", "en/"):
        feed = ET.parse(built_site / f"{prefix}feed.xml").getroot()
        in_feed = [e.findall(f"{ATOM}link")[0].attrib["href"] for e in feed.iter(f"{ATOM}entry")]
        assert len(in_feed) == len(set(in_feed))
        for folder in KINDS:
            slugs = entry_slugs(REPO / "docs", folder)
            records = json.loads((built_site / f"{prefix}daten/{folder}.json").read_text(encoding="utf-8"))["eintraege"]
            assert {r["slug"] for r in records} == slugs
            with open(built_site / f"{prefix}daten/{folder}.csv", newline="", encoding="utf-8") as table:
                assert {row["slug"] for row in csv.DictReader(table)} == slugs
            assert {f"{site_url}{prefix}{folder}/{s}/" for s in slugs} <= set(in_feed)
    assert json.loads((built_site / "daten/glossar.json").read_text(encoding="utf-8"))["anzahl"] > 0
